"""Within one article: bare surnames typed and linked by how the article uses them elsewhere.

Runs after ``resolve.py`` (which links one-word surnames to the full names before them):

- a surname opened by a particle (``de Blasio``, ``von der Leyen``, ``al-Assad``) refers to
  the nearest full name before it that ends with it (``Bill de Blasio``), as ``Putin`` refers
  to ``Vladimir Putin``;
- a one-word name left untyped (OTHER), or typed a place by a locative word alone (``a
  letter to Kim``), is a PERSON when the article uses the same name as a person (``Kim
  thanked Putin``, ``Dr. Kim``) and never types it an organisation. Only cues that persons
  alone take count (``names.person_cue``: a verb of personal action, a title); a speech
  verb does not, as organisations speak too (``Acme said``).
"""

from __future__ import annotations

from crossread.extract.gazetteer import gazetteer, word_set
from crossread.extract.names import person_cue
from crossread.extract.resolve import retype
from crossread.models import EntityKind, Mention

_LEADING_PARTICLES = word_set("leading_particles")


def type_persons(mentions: tuple[Mention, ...], text: str) -> tuple[Mention, ...]:
    """``mentions`` with particle surnames linked and one-word names typed by their other uses."""
    gaz = gazetteer()
    kinds: dict[str, set[EntityKind]] = {}
    persons: set[str] = set()
    full_names: list[Mention] = []
    for m in mentions:
        if m.nominal:
            continue
        if " " not in m.key:
            kinds.setdefault(m.key, set()).add(m.kind)
            if m.kind in ("PERSON", "OTHER") and person_cue(text, m.start, m.end, gaz):
                persons.add(m.key)
        elif m.kind == "PERSON":
            full_names.append(m)
    out = []
    for m in mentions:
        if m.nominal or m.refers_to is not None or m.kind not in ("PERSON", "OTHER", "PLACE"):
            out.append(m)
        elif " " not in m.key:
            # a place the gazetteer does not know is a place only by a locative word ("a
            # letter to Varga"): the person the article names so elsewhere
            guessed = m.kind == "OTHER" or (m.kind == "PLACE" and m.key not in gaz.places)
            if guessed and m.key in persons and "ORG" not in kinds[m.key]:
                m = retype(m, "PERSON", None)
            out.append(m)
        elif m.kind == "PLACE":
            out.append(m)
        elif _particle_surname(m.key):
            target = _full_name_before(m, full_names)
            out.append(m if target is None else retype(m, "PERSON", target.key))
        else:
            out.append(m)
    return tuple(out)


def _particle_surname(key: str) -> bool:
    """Whether a key opens with a name particle (``de blasio``, ``al assad``)."""
    return key.split(" ", 1)[0] in _LEADING_PARTICLES


def _full_name_before(mention: Mention, full_names: list[Mention]) -> Mention | None:
    """The nearest person named in full before ``mention`` whose name ends with it."""
    suffix = " " + mention.key
    found = None
    for m in full_names:
        if m.start >= mention.start:
            break
        if m.key.endswith(suffix):
            found = m
    return found
