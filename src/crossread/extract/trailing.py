"""Trailing attributions: ``CONTENT, X said.``, ``CONTENT, said X, an economist.``.

Used by ``reported.py``. The attribution starts after one of the last commas of a sentence and
must close it: only a few words (``on Monday``), an appositive of the speaker or a participle
clause (``, adding ...``) may follow. Before the last comma, only an attribution with an
appositive or a participle after it counts, so that a fronted clause (``On Monday, Fox wrote to
investors, telling ...``) is not taken for content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crossread.extract.cues import lstrip_start
from crossread.extract.speakers import attribution_after, speaker_nouns
from crossread.extract.speech_context import SpeechContext


@dataclass(frozen=True, slots=True, kw_only=True)
class Trailing:
    comma: int
    """Where the content ends: the comma before the attribution."""
    speaker: tuple[int, int]
    cue: str


# where a trailing attribution starts: one of the last commas of a sentence, not far from its end
_TAIL_COMMAS = 4
_TAIL_REACH = 220  # characters
_TAIL_PHRASE = 80  # characters: the longest attribution without a plain speaker phrase
# what may follow a trailing attribution: an appositive of the speaker or a participle clause
_AFTER_TAIL = re.compile(
    r",\s+(?!(?:and|but|or|nor|while|whereas|though|although|because|so|yet|if|when|as|that|"
    r"then|since|after|before|until)\b)(?:[a-z]+ing\b|who\b|whose\b|a\b|an\b|the\b|its\b|his\b|"
    r"her\b|their\b|one\b|[A-Z])"
)
_PRONOUN_WORDS = frozenset({"he", "she", "they", "we", "i", "it"})


def find_trailing(ctx: SpeechContext, start: int, body_end: int) -> Trailing | None:
    """``CONTENT, X said.`` / ``CONTENT, said X.`` in the sentence ``text[start:body_end]``,
    also when the speaker has an appositive with commas of its own (``CONTENT, said Ann Fox, an
    economist at the bank.``) or a participle follows (``CONTENT, X said, adding ...``).

    Returns:
        where the content ends (the comma before the attribution), the speaker and the cue.
    """
    text, s = ctx.text, start
    commas: list[int] = []  # the last few, from the end
    end = body_end
    while len(commas) < _TAIL_COMMAS:
        comma = text.rfind(",", s, end)
        if comma < 0:
            break
        commas.append(comma)
        end = comma
    for k, comma in enumerate(commas):
        if body_end - comma > _TAIL_REACH or comma - s <= 15:
            break
        pos = lstrip_start(text, comma + 1, chars=" \t")
        found = attribution_after(ctx, pos, body_end)
        if found is None:
            continue
        (_, speaker_end), cue = found
        # before the last comma only an attribution with an appositive: "said Ann Fox, an
        # economist" or "Ann Fox, an economist, said" (not "On Monday, Fox wrote to X, adding")
        if k and not (
            text.startswith(cue, pos)
            or _appositive_speaker(ctx, pos, speaker_end)
            or _participle_follows(text, found, body_end)
        ):
            continue
        plain = _plain_speaker(ctx, found, pos)
        if not plain and body_end - pos > _TAIL_PHRASE:
            continue  # "..., Ayotte has spent her time responding to X": a clause, no speaker
        if _ends_clause(text, found, body_end, plain=plain):
            return Trailing(comma=comma, speaker=found[0], cue=found[1])
    return None


_APPOSITIVE_OPENER = re.compile(
    r",\s+(?:(?:a|an|the|his|her|its|their|former|then|now)\s|[A-Z]|\w+(?:'s|’s)\s|(\w+))"
)


def _appositive_speaker(ctx: SpeechContext, start: int, end: int) -> bool:
    """``Ann Fox, an economist at the bank,``: a name, a comma, and a description of her."""
    mention = ctx.by_start.get(start)
    if mention is None or mention.nominal or mention.end >= end:
        return False
    opener = _APPOSITIVE_OPENER.match(ctx.text, mention.end, end)
    if opener is None:
        return False
    word = opener.group(1)
    return word is None or word.lower() in speaker_nouns()


def _participle_follows(text: str, found: tuple[tuple[int, int], str], end: int) -> bool:
    """``..., Ana Leal said Monday, adding ...``: at most two words between cue and comma."""
    (_, speaker_end), cue = found
    at = text.find(cue, speaker_end, end)
    if at < 0:
        return False
    head, comma, _ = text[at + len(cue) : end].partition(",")
    return bool(comma) and len(head.split()) <= 2


def _plain_speaker(ctx: SpeechContext, found: tuple[tuple[int, int], str], pos: int) -> bool:
    """A speaker phrase that is a name (with its appositive) or a few words, not a clause
    (``Ayotte has spent nearly all of her time responding``)."""
    (start, end), cue = found
    if ctx.text.startswith(cue, pos):
        return True  # "said Ann Fox"
    if len(ctx.text[start:end].split()) <= 4:
        return True
    mention = ctx.by_start.get(start)
    return (
        mention is not None
        and not mention.nominal
        and ctx.text[mention.end : end].lstrip()[:1] in ("", ",", "(")
    )


def _ends_clause(
    text: str, found: tuple[tuple[int, int], str], end: int, plain: bool = True
) -> bool:
    """True when the attribution closes the sentence: ``..., X said on Monday.``, or only an
    appositive or a participle follows it (``..., said Ann Fox, an economist``, ``..., he said,
    adding ...``)."""
    (speaker_start, speaker_end), cue = found
    inverted = text.find(cue, max(0, speaker_start - len(cue) - 3), speaker_start) >= 0
    at = text.find(cue, speaker_end, end)
    after = speaker_end if inverted or at < 0 else at + len(cue)
    rest = text[after:end]
    if inverted and text[speaker_start:speaker_end].lower() in _PRONOUN_WORDS:
        return not rest.strip()  # "..., said he." but not "..., said he is considering ..."
    head, comma, _ = rest.partition(",")
    if comma and not (plain and _AFTER_TAIL.match(rest, len(head))):
        return False  # "..., X said, but ...": the sentence goes on with a clause of its own
    return len(head.split()) <= 5 and not re.search(r"\bthat\b|:", head)
