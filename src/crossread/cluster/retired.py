"""RetiredIds: story ids that went dormant, remembered in fixed memory (a Bloom filter).

A dormant story leaves memory but stays in the database under its id. A story opened later
must never take that id, or two events would share one story row. Remembering every dormant
id exactly would grow with the stream; a Bloom filter answers "maybe retired" in fixed memory,
never misses a retired id, and its rare false alarms only make a new story take an alternative
id (still a stable hash, see :func:`crossread.cluster.index.story_id_for`).
"""

from __future__ import annotations

import hashlib

import numpy as np


class RetiredIds:
    """Set-like membership of retired story ids in ``bits / 8`` bytes, with no false negatives.

    Args:
        bits: filter size (a power of two); 2**23 bits is 1 MiB, with about 0.03 % false
            alarms after 300,000 retired stories and 7 % after 3 million.
        hashes: bit positions per id.
    """

    def __init__(self, bits: int = 1 << 23, hashes: int = 4) -> None:
        if bits & (bits - 1):
            raise ValueError(f"bits must be a power of two, got {bits}")
        self.bits = bits
        self.hashes = hashes
        self._array: np.ndarray | None = None
        self.count_ = 0

    def _positions(self, sid: str) -> list[int]:
        digest = hashlib.blake2b(sid.encode("utf-8"), digest_size=4 * self.hashes).digest()
        mask = self.bits - 1
        return [
            int.from_bytes(digest[4 * i : 4 * i + 4], "little") & mask for i in range(self.hashes)
        ]

    def add(self, sid: str) -> None:
        """Remember a story id as retired."""
        if self._array is None:
            self._array = np.zeros(self.bits // 8, dtype=np.uint8)
        for pos in self._positions(sid):
            self._array[pos >> 3] |= np.uint8(1 << (pos & 7))
        self.count_ += 1

    def __contains__(self, sid: object) -> bool:
        if self._array is None or not isinstance(sid, str):
            return False
        array = self._array
        return all(array[pos >> 3] & (1 << (pos & 7)) for pos in self._positions(sid))
