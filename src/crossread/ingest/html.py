"""Read one HTML page into a RawDocument: trafilatura's body text plus better metadata.

Steps: decode the bytes (BOM, declared charset, UTF-8, then a guess with a warning); extract the
body with trafilatura, put back a standfirst it dropped, cut the related-stories boxes it kept and
list the text blocks it left out (``htmlblocks``); choose title, byline, date, outlet and
language from JSON-LD, meta tags, the URL, visible datelines, then trafilatura/htmldate; finally
judge whether the page is an article at all (``status``), so index pages, bot walls, consent
shells and paywall stubs are reported as such instead of as made-up articles.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

from lxml import etree
from lxml import html as lxml_html

from crossread.errors import IngestError
from crossread.ingest.htmlblocks import MAX_LISTED, drop_related, find_lead, left_out_blocks
from crossread.ingest.htmldates import dateline_date, normalize_date, url_date
from crossread.ingest.htmlmeta import PageMeta, fix_text, page_meta, split_names
from crossread.ingest.noarticle import MIN_UNTYPED_TEXT, judge_page
from crossread.models import RawDocument

log = logging.getLogger(__name__)

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
_BYLINE = re.compile(
    r"^(?:by|von|par|por|di|door|av|af|przez|text:|von:)\s+"
    r"([A-ZÀ-ÖØ-Þ][\w'’.-]+(?:\s+(?:[A-ZÀ-ÖØ-Þ][\w'’.-]+|de|da|van|von|der|la|le|and|und|&))"
    r"{1,6})\s*(?:[,|·•–-].*)?$"
)
_HOST_PREFIXES = ("www.", "www1.", "www2.", "m.", "amp.", "mobile.", "edition.", "en.")


@dataclass(frozen=True, slots=True, kw_only=True)
class Decoded:
    text: str
    encoding: str
    guessed: bool


def read_html(data: bytes, *, source: str, url: str | None = None) -> RawDocument:
    """Read one HTML page.

    Args:
        data: the page's bytes, as saved or fetched (any encoding).
        source: the input's name, used in errors and as ``RawDocument.source``.
        url: the page's address, when known; it helps with dates and the outlet.

    Raises:
        IngestError: the bytes are empty, binary, or hold no readable text at all.
    """
    import trafilatura  # heavy import, deferred to first use

    # 1. decode and parse
    decoded = decode_html(data, source=source)
    tree = _parse(decoded.text, source)
    meta = page_meta(tree)
    # a fetched page is often named by its URL: use it when no URL was given
    named_by_url = source if source.startswith(("http://", "https://")) else None
    url = url or meta.canonical or named_by_url
    page_title = _first_line(tree.findtext(".//title"))
    if not page_title and not _visible_text(tree):
        raise IngestError(f"{source}: HTML holds no readable text")
    # 2. body text (trafilatura works on its own copy of the markup)
    doc = trafilatura.bare_extraction(
        decoded.text, url=url, with_metadata=True, include_comments=False, include_tables=True
    )
    lines = [line.strip() for line in (getattr(doc, "text", None) or "").splitlines()]
    lines = [line for line in lines if line]
    warnings = [f"encoding guessed as {decoded.encoding}"] if decoded.guessed else []
    if meta.body and len(meta.body) > max(2 * len(" ".join(lines)), MIN_UNTYPED_TEXT):
        # script-rendered pages: the extractor found little, the structured data has the text
        lines = [fix_text(p) for p in re.split(r"\n\s*\n|\r?\n", meta.body) if p.strip()]
        warnings.append("body taken from the page's JSON-LD articleBody")
    # boilerplate the extractor left out is listed, except a standfirst it dropped, which
    # leads the text again; "read more" boxes it kept are cut
    removed = left_out_blocks(tree, "\n".join(lines))
    lead = find_lead(removed, meta.descriptions) if lines else None
    if lead is not None:
        removed.remove(lead)
        lines.insert(0, lead.text)
    lines, related = drop_related(lines)
    text = "\n\n".join(lines)  # one paragraph per block, the layout the clean stage reads
    # 3. metadata: structured signals first, then the extractor's guesses
    language = meta.language or _detect_language(text)
    outlet = outlet_name(url, meta.outlet or getattr(doc, "sitename", None))
    sites = (outlet, meta.outlet, getattr(doc, "sitename", None), _host(url))
    title = choose_title(meta, getattr(doc, "title", None), page_title, _headings(tree), sites)
    names = meta.authors or split_names(getattr(doc, "author", None))
    byline = ", ".join(names) if names else _visible_byline(lines)
    published = choose_date(meta, url=url, html=decoded.text, lines=lines)
    # 4. is this an article at all?
    verdict = judge_page(text=text, title=title, meta=meta, tree=tree)
    if verdict.status != "ok":
        warnings.append(f"not an article: {verdict.reason}")
    return RawDocument(
        source=source,
        fmt="html",
        text=text,
        title=title,
        outlet=outlet,
        byline=byline or None,
        published=published,
        url=url,
        language=language,
        removed=(*related, *[r for r in removed if r.text != title][:MAX_LISTED]),
        status=verdict.status,
        warnings=tuple(warnings),
    )


def decode_html(data: bytes, *, source: str) -> Decoded:
    """Decode page bytes: BOM, then the declared charset, then UTF-8, then a guess.

    Raises:
        IngestError: empty or binary input.
    """
    if not data or not data.strip():
        raise IngestError(f"{source}: empty HTML file")
    head = data[:4096]
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise IngestError(f"{source}: binary data, not HTML")
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return Decoded(text=data.decode(name, errors="replace"), encoding=name, guessed=False)
    declared = _CHARSET.search(head) or _XML_ENCODING.search(head)
    names = [declared.group(1).decode("ascii").lower()] if declared else []
    # bytes that decode as UTF-8 with multi-byte characters are UTF-8 whatever the page claims
    # (a whole document of another encoding almost never forms valid UTF-8 by accident)
    for name in ["utf-8", *names] if not data.isascii() else [*names, "utf-8"]:
        name = "cp1252" if name in {"iso-8859-1", "latin-1", "latin1", "us-ascii"} else name
        try:
            return Decoded(text=data.decode(name), encoding=name, guessed=False)
        except (UnicodeDecodeError, LookupError):
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise IngestError(f"{source}: not decodable as text")
    return Decoded(text=str(best), encoding=best.encoding, guessed=True)


def _parse(text: str, source: str) -> lxml_html.HtmlElement:
    # lxml refuses str input with an encoding declaration; drop it, the text is decoded already
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    try:
        return lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise IngestError(f"{source}: HTML could not be parsed ({exc})") from exc


def _visible_text(tree: lxml_html.HtmlElement) -> str:
    body = tree.find(".//body")
    if body is None:
        return ""
    parts = [
        t
        for node in body.iter()
        if isinstance(node.tag, str) and node.tag not in {"script", "style", "noscript"}
        for t in (node.text, node.tail)
        if t and t.strip()
    ]
    return " ".join(parts).strip()


def _first_line(value: str | None) -> str | None:
    value = re.sub(r"\s+", " ", value or "").strip()
    return value or None


_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—·:/»›~]\s+|\s*[|ㅣ]\s*|\s*[-–—]\s*(?=[^\x00-\x7f]+$)")


def _headings(tree: lxml_html.HtmlElement) -> list[str]:
    found = []
    for node in tree.iter("h1"):
        text = fix_text(node.text_content())
        if text:
            found.append(text)
        if len(found) == 5:
            break
    return found


def _host(url: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    return registrable_domain(host) if host else None


def choose_title(
    meta: PageMeta,
    extracted: str | None,
    page_title: str | None,
    headings: list[str],
    sites: tuple[str | None, ...],
) -> str | None:
    """The headline: a visible ``<h1>`` that the metadata confirms, else the best metadata.

    Metadata titles often carry a kicker or the site's name; an ``<h1>`` that equals one of
    them is the headline as printed. Otherwise JSON-LD/og/twitter titles come first, then the
    extractor's and the ``<title>``, with a trailing site name cut off.
    """
    declared = [*meta.titles, *(fix_text(t) for t in (extracted,) if t)]
    keys = {_fold(t) for t in declared}
    for heading in headings:
        if _fold(heading) in keys:
            return heading
    # failing that, a title minus its trailing parts (``Headline - Site``) confirms a heading
    heads = {
        _fold(title[: part.start()])
        for title in (*declared, page_title or "")
        for part in list(_TITLE_SEPARATORS.finditer(title))[-2:]
    }
    heads.discard("")
    for heading in headings:
        if _fold(heading) in heads:
            return heading
    for candidate in (*declared, page_title):
        if candidate and candidate.strip():
            return strip_site_name(fix_text(candidate), sites)
    return None


_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _fold(text: str) -> str:
    """Compare titles and site names loosely: case, punctuation, ``ö``/``oe``, accents."""
    text = text.casefold().translate(_GERMAN)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"\W+", " ", text).strip()


def strip_site_name(title: str, sites: tuple[str | None, ...]) -> str:
    """``Headline | Example News`` -> ``Headline`` when the last part names the site."""
    names = {_fold(s) for s in sites if s}
    names |= {_fold(s.split(".")[0]) for s in sites if s and "." in s}
    names.discard("")
    for _ in range(2):  # ``Headline | Section | Site``: at most two trailing parts go
        parts = list(_TITLE_SEPARATORS.finditer(title))
        if not parts:
            break
        last = parts[-1]
        tail = _fold(title[last.end() :])
        head = title[: last.start()].strip()
        if not tail or len(head) < 10:
            break
        squeezed = tail.replace(" ", "")
        if re.fullmatch(r"[\d .:/-]+", tail):  # ``| 28.04.2023``: a date, never the headline
            title = head
            continue
        if not any(
            tail in name or name in tail or squeezed in name.replace(" ", "") for name in names
        ):
            break
        title = head
    return title


def choose_date(meta: PageMeta, *, url: str | None, html: str, lines: list[str]) -> str | None:
    """The publication date, from the most reliable signal that gives one.

    Order: JSON-LD/meta ``published`` (often a full datetime), a full date in the URL,
    htmldate's original-date search over the page, a visible dateline in the first lines of
    the text, and only then a modification date.
    """
    if meta.published:
        return meta.published
    from_url = url_date(url)
    if from_url:
        return from_url
    found = _htmldate(html, url)
    if found:
        return found
    return dateline_date(lines[:12], meta.language) or meta.modified


def _htmldate(html: str, url: str | None) -> str | None:
    from htmldate import find_date

    try:
        found = find_date(html, url=url, original_date=True, extensive_search=True)
    except (ValueError, TypeError):
        return None
    return normalize_date(found or "")


def _visible_byline(lines: list[str]) -> str | None:
    for line in lines[:8]:
        match = _BYLINE.match(line.strip())
        if match:
            return ", ".join(split_names(match.group(1))) or None
    return None


@lru_cache(maxsize=1)
def _outlet_table() -> dict[str, str]:
    text = resources.files("crossread.ingest").joinpath("data", "html_outlets.tsv").read_text()
    pairs = (line.split("\t", 1) for line in text.splitlines() if line and line[0] != "#")
    return {host.strip().lower(): name.strip() for host, name in pairs}


def outlet_name(url: str | None, site_name: str | None = None) -> str | None:
    """The outlet behind a page: the curated host table, the site's own name, or its domain."""
    host = (urlsplit(url).hostname or "").lower() if url else ""
    table = _outlet_table()
    labels = host.split(".")
    for i in range(len(labels) - 1):
        name = table.get(".".join(labels[i:]))
        if name:
            return name
    site = _first_line(site_name)
    if site and len(site) <= 80 and "://" not in site:
        return site
    return registrable_domain(host) or None


def registrable_domain(host: str) -> str:
    """``www.news.example.co.uk`` -> ``example.co.uk`` (a heuristic, not the suffix list)."""
    host = host.lower().strip(".")
    while host.startswith(_HOST_PREFIXES):
        host = host.split(".", 1)[1]
    labels = host.split(".")
    if len(labels) <= 2:
        return host
    second_level = labels[-2] in {"co", "com", "org", "net", "gov", "ac", "edu", "or", "ne"}
    keep = 3 if second_level and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])


def _detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language with py3langid when installed, else ``None``."""
    if len(text) < 40:
        return None
    try:
        import py3langid
    except ImportError:
        return None
    code, _score = py3langid.classify(text[:3000])
    return str(code) or None
