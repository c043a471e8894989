"""Near-duplicate detection: syndicated and republished copies, via MinHash LSH (datasketch).

Wire copy republished by several outlets is one account, not several: the cluster stage marks
each copy with the id of the first article it copies (``Assignment.copy_of``) so that comparison
never counts copies as independent outlets.
"""

from __future__ import annotations

import re
import zlib

import numpy as np
from datasketch import MinHash, MinHashLSH

_WORD = re.compile(r"\w+")
_FMIX32 = (
    np.uint32(16),
    np.uint32(0x85EBCA6B),
    np.uint32(13),
    np.uint32(0xC2B2AE35),
    np.uint32(16),
)
"""MurmurHash3's 32-bit finalizer, which datasketch's default ``affine32`` scheme applies to
every hash before its permutations."""


def shingle_hashes(words: list[str], size: int) -> list[int]:
    """``zlib.crc32`` of each run of ``size`` words joined by single spaces (UTF-8)."""
    crc32, join = zlib.crc32, " ".join
    return [
        crc32(join(run).encode()) for run in zip(*(words[k:] for k in range(size)), strict=False)
    ]


def min_hashes(hashes: list[int], permutations: np.ndarray) -> np.ndarray:
    """The MinHash values of a set of 32-bit hashes: what ``MinHash.update_batch`` computes
    under the ``affine32`` scheme (a finalizer, then ``a * h + b`` modulo 2**32, minimum per
    permutation), vectorised over all hashes at once."""
    s1, m1, s2, m2, s3 = _FMIX32
    hv = np.array(hashes, dtype=np.uint32)
    hv ^= hv >> s1
    hv *= m1
    hv ^= hv >> s2
    hv *= m2
    hv ^= hv >> s3
    a, b = permutations
    # one row per permutation, so each minimum runs along contiguous memory (a column-wise
    # minimum over a hashes x permutations array took a third longer); computed in place
    values = np.multiply.outer(a, hv)
    values += b[:, None]
    return values.min(axis=1)


class CopyDetector:
    """Finds earlier articles whose text is a (lightly edited) copy of a new one.

    Args:
        threshold: estimated Jaccard similarity of word shingles above which two texts are
            copies (0.7 tolerates a changed headline, a dropped paragraph, local edits).
        num_perm: MinHash permutations (more: better estimates, more memory).
        shingle: words per shingle.
        min_shingles: texts shorter than this are never called copies (too little evidence).
    """

    def __init__(
        self,
        threshold: float = 0.7,
        num_perm: int = 64,
        shingle: int = 4,
        min_shingles: int = 20,
    ) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle = shingle
        self.min_shingles = min_shingles
        self._lsh: MinHashLSH | None = None
        self._sketches: dict[str, MinHash] = {}
        self._roots: dict[str, str] = {}
        self._template: MinHash | None = None

    def __len__(self) -> int:
        return len(self._sketches)

    def sketch(self, text: str) -> MinHash | None:
        """MinHash of a text's word shingles, or None when the text is too short."""
        words = _WORD.findall(text.lower())
        n = len(words) - self.shingle + 1
        if n < self.min_shingles:
            return None
        if self._template is None:
            self._template = MinHash(num_perm=self.num_perm, hashfunc=zlib.crc32, scheme="affine32")
        template = self._template
        return MinHash(
            hashfunc=zlib.crc32,
            hashvalues=min_hashes(shingle_hashes(words, self.shingle), template.permutations),
            permutations=template.permutations,
            scheme=template.scheme,
        )

    def find(self, sketch: MinHash | None) -> str | None:
        """Id of the original an article with this sketch copies, or None."""
        if sketch is None or self._lsh is None or not self._sketches:
            return None
        best: tuple[float, str] | None = None
        for key in self._lsh.query(sketch):
            other = self._sketches.get(key)
            if other is None:
                continue
            score = sketch.jaccard(other)
            if score >= self.threshold and (best is None or (score, key) > best):
                best = (score, key)
        if best is None:
            return None
        return self._roots.get(best[1], best[1])

    def add(self, article_id: str, sketch: MinHash | None, copy_of: str | None = None) -> None:
        """Remember an article so later copies of it are found."""
        if sketch is None or article_id in self._sketches:
            return
        if self._lsh is None:
            self._lsh = MinHashLSH(threshold=self.threshold, num_perm=self.num_perm)
        self._lsh.insert(article_id, sketch)
        self._sketches[article_id] = sketch
        if copy_of is not None:
            self._roots[article_id] = copy_of

    def remove(self, article_id: str) -> None:
        """Forget an article (its story went dormant)."""
        if article_id in self._sketches and self._lsh is not None:
            self._lsh.remove(article_id)
            del self._sketches[article_id]
        self._roots.pop(article_id, None)
