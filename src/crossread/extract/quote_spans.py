"""The quote made from a span of reported content, and the quote marks that delimit direct
quotes.

Used by ``reported.py`` and ``cue_clauses.py`` (``content_quote``: the content trimmed, left
to a direct quote when it is mostly one, ``mixed`` when it quotes words) and by ``quotes.py``
(``QUOTE_MARKS``, ``make_quote``, ``after_connective``). ``make_quote`` resolves the
speaker's name.
"""

from __future__ import annotations

import re

from crossread.extract.speaker_names import resolve_speaker
from crossread.extract.speech_context import SpeechContext
from crossread.models import Quote, QuoteKind, Sentence

_CONNECTIVE = re.compile(
    r"\s*(?:(?:But|And|Yet|So|Still|However|Even so|Meanwhile|Moreover|Also|Instead|Indeed|"
    r"Nonetheless|Nevertheless|Similarly|Likewise|Besides|Plus)\b,?|"
    r"As (?:I|we) (?:mentioned|noted|said|wrote) (?:above|earlier|before),)\s+"
)
# curly, straight, and the doubled apostrophes some archives use for quote marks (''...'');
# every branch opens with its mark (the look-behind of ‘ comes after it) so that the regex
# engine skips to the next mark instead of trying every position
QUOTE_MARKS = re.compile(
    r"“[^“”]+”|\"[^\"\n]+\"|''(?=\S)(?:(?!'')[^\n])+''|‘(?<![\w’']‘)[^‘’\n]+’(?!\w)"
)


def make_quote(
    ctx: SpeechContext,
    content: str,
    start: int,
    end: int,
    found: tuple[tuple[int, int], str] | None,
    kind: QuoteKind,
    sentence: Sentence | None,
) -> Quote:
    """The quote of ``content`` at ``start:end``; ``found`` is the speaker's span and cue verb
    (None when no speaker was found), the speaker resolved to a canonical name."""
    speaker = speaker_start = speaker_end = cue = None
    if found is not None:
        (speaker_start, speaker_end), cue = found
        speaker = resolve_speaker(ctx, speaker_start, speaker_end)
    return Quote(
        text=content,
        start=start,
        end=end,
        speaker=speaker,
        speaker_start=speaker_start,
        speaker_end=speaker_end,
        cue=cue,
        kind=kind,
        sentence=sentence.index if sentence else -1,
    )


def after_connective(text: str, start: int) -> int:
    """Skip a connective opening the sentence: it links to the text before, it is not part of
    what the source says (``But the plan will fail, he said``)."""
    m = _CONNECTIVE.match(text, start)
    return m.end() if m else start


def content_quote(
    ctx: SpeechContext,
    sentence: Sentence,
    start: int,
    end: int,
    speaker: tuple[int, int] | None,
    cue: str,
    direct: list[tuple[int, int]],
    span_start: int | None = None,
    lead: str = "",
    min_words: int = 3,
) -> Quote | None:
    """The quote for ``text[start:end]``; ``lead`` is content before a parenthetical
    attribution (``Mrs. Clinton, these people said, would ...``), ``span_start`` where the
    span starts when it should cover more than the content (``that``, the lead). Content of
    fewer than ``min_words`` words gives no quote."""
    text = ctx.text
    while start < end and text[start] in " ,:":
        start += 1
    while end > start and text[end - 1] in " ,":
        end -= 1
    for ds, de in direct:
        if start <= ds and de < end and de - ds > 0.6 * (end - start):
            return None  # mostly a direct quote that has its own attribution
    content = text[start:end]
    if len(content.split(None, min_words - 1)) < min_words:
        return None
    if any(ds <= start and end <= de for ds, de in direct):
        return None  # already a direct quote
    quoted = any(start <= ds < end for ds, _ in direct) or bool(QUOTE_MARKS.search(content))
    kind: QuoteKind = "mixed" if quoted else "indirect"
    span = span_start if span_start is not None and span_start < start else start
    if lead:
        content = f"{lead} {content}"
    found = (speaker, cue) if speaker is not None else None
    return make_quote(ctx, content, span, end, found, kind, sentence)
