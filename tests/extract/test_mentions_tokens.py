"""Tokens found once per article give the same capitalised runs as tokenising each sentence."""

from crossread.extract.runs import find_lower_words, find_runs, tokenise
from crossread.models import Sentence

TEXT = (
    "Talks in Kuala Lumpur.Officials from the United Nations met anti-Pyongyang groups. "
    "U.S. Secretary of State Rex Tillerson said the Korean People's Army was ready."
)


def test_shared_tokens_match_per_sentence_tokens_at_every_boundary() -> None:
    lower = find_lower_words(tokenise(TEXT))
    whole = tokenise(TEXT)
    for cut in range(1, len(TEXT)):
        sentences = (
            Sentence(index=0, start=0, end=cut, text=TEXT[:cut]),
            Sentence(index=1, start=cut, end=len(TEXT), text=TEXT[cut:]),
        )
        for sentence in sentences:
            alone = tokenise(TEXT, sentence.start, sentence.end)
            assert find_runs(TEXT, sentence, lower, whole) == find_runs(
                TEXT, sentence, lower, alone
            ), cut


def test_runs_join_names_and_split_at_possessives() -> None:
    sentence = Sentence(index=0, start=0, end=len(TEXT), text=TEXT)
    runs = find_runs(TEXT, sentence, find_lower_words(tokenise(TEXT)), tokenise(TEXT))
    assert [TEXT[r.start : r.end] for r in runs] == [
        "Talks",
        "Kuala Lumpur.Officials",
        "United Nations",
        "Pyongyang",  # "anti-" is not part of the name
        "U.S. Secretary of State Rex Tillerson",
        "Korean People's Army",
    ]


def test_lower_words_are_the_words_a_leading_word_boundary_finds() -> None:
    import re

    from crossread.extract.runs import _LOWER_WORD

    text = "the UN’s x2 café don't ab_cd 3rd well-known e.g. xy9 héllo Ⅻab ab²c (and) said."
    assert _LOWER_WORD.findall(text) == re.findall(r"\b[a-z][a-z]+\b", text)


def test_nominals_match_what_a_leading_word_boundary_finds() -> None:
    import re

    from crossread.extract.titles import _NOMINAL

    reference = re.compile(r"\b" + _NOMINAL.pattern.replace(r"[Tt](?<!\w[Tt])", "[Tt]", 1), re.I)
    text = (
        "The president said. Bathe president, the Russian president and THE UN chief; "
        "(the prime minister) 2the king, the former president, the president-elect."
    )
    spans = [(m.span(), m.groups()) for m in _NOMINAL.finditer(text)]
    assert spans == [(m.span(), m.groups()) for m in reference.finditer(text)]
    assert len(spans) >= 4


def test_lower_words_from_tokens_are_those_of_the_text() -> None:
    import re

    text = (
        "the UN’s x2 café don't ab_cd 3rd well-known e.g. xy9 héllo ab²c (and) said. "
        "anti-Pyongyang Kremlin-controlled rock'n'roll AT&T Inc. the the tail-"
    )
    assert find_lower_words(tokenise(text)) == frozenset(re.findall(r"\b[a-z][a-z]+\b", text))


def test_nominals_match_the_pattern_with_a_lower_case_qualifier_alternative() -> None:
    import re

    from crossread.extract.titles import _NOMINAL

    # the earlier pattern offered ``(?:[a-z]+\s+)?`` as a second qualifier; ignoring case, the
    # capitalised qualifier words already take every such word
    earlier = re.compile(
        _NOMINAL.pattern.replace(r"{0,3}?)", r"{0,3}?|(?:[a-z]+\s+)?)", 1), re.IGNORECASE
    )
    assert earlier.pattern != _NOMINAL.pattern
    text = (
        "the former president said; The new UN chief, the ſome leader and the ıx envoy met "
        "the K king. the Very Long Named Qualifier president, the 3rd minister, the  prime "
        "minister, the x-ray chief and the president-elect; the chiefs"
    )
    spans = [(m.span(), m.groups()) for m in _NOMINAL.finditer(text)]
    assert spans == [(m.span(), m.groups()) for m in earlier.finditer(text)]
    assert len(spans) >= 6
