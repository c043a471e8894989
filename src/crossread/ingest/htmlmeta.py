"""Page metadata that news sites publish for machines: JSON-LD, meta tags and the URL.

Extractors such as trafilatura read some of this, but they often take a modified date for the
published one, miss dates that only appear in the URL, or return a site's slogan as a title.
``page_meta`` collects every structured signal in one place so ``html.py`` can choose.
"""

from __future__ import annotations

import contextlib
import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from lxml import html as lxml_html

from crossread.ingest.htmldates import normalize_date

# schema.org types that describe one article (https://schema.org/Article and its subtypes).
ARTICLE_TYPES = frozenset(
    t.lower()
    for t in (
        "Article",
        "NewsArticle",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "BackgroundNewsArticle",
        "ReviewNewsArticle",
        "AskPublicNewsArticle",
        "BlogPosting",
        "LiveBlogPosting",
        "SocialMediaPosting",
        "Report",
        "ScholarlyArticle",
        "TechArticle",
        "SatiricalArticle",
        "Review",
    )
)
LISTING_TYPES = frozenset(
    t.lower() for t in ("CollectionPage", "ItemList", "SearchResultsPage", "ProfilePage")
)

# Meta tag keys (name=, property= or itemprop=, lowercased), most specific first.
PUBLISHED_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "og:published_time",
    "datepublished",
    "parsely-pub-date",
    "sailthru.date",
    "cxenseparse:recs:publishtime",
    "dcterms.issued",
    "dc.date.issued",
    "dcterms.created",
    "dc.date.created",
    "dc.date",
    "dcterms.date",
    "citation_publication_date",
    "citation_date",
    "publication_date",
    "publish-date",
    "publish_date",
    "publishdate",
    "pubdate",
    "original-publish-date",
    "date",
    "datecreated",
)
MODIFIED_KEYS = (
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "dcterms.modified",
    "last-modified",
)
AUTHOR_KEYS = (
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "cxenseparse:author",
    "citation_author",
    "byl",
)
TITLE_KEYS = ("og:title", "twitter:title", "parsely-title", "sailthru.title", "dc.title")
SITE_KEYS = ("og:site_name", "application-name", "al:android:app_name", "al:ios:app_name")
LANGUAGE_KEYS = ("content-language", "language", "dc.language", "og:locale", "inlanguage")

_BY_PREFIX = re.compile(r"^\s*(?:by|von|par|por|di|door|av|af|przez)\s+", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True, kw_only=True)
class PageMeta:
    """Structured metadata found in one page; ``None`` where the page does not say."""

    title: str | None = None
    titles: tuple[str, ...] = ()
    """Every title the metadata gives (JSON-LD headline, og:, twitter:...), best first."""
    authors: tuple[str, ...] = ()
    published: str | None = None
    """ISO date or datetime of first publication, from JSON-LD or meta tags."""
    published_from: str | None = None
    """Which signal gave ``published`` (``json-ld``, ``meta:<key>``)."""
    modified: str | None = None
    outlet: str | None = None
    language: str | None = None
    canonical: str | None = None
    is_article: bool = False
    """True when JSON-LD or ``og:type`` declares the page an article."""
    is_listing: bool = False
    """True when JSON-LD or ``og:type`` declares the page a listing (section, search, profile)."""
    free: bool | None = None
    """schema.org ``isAccessibleForFree``; ``False`` marks paywalled content."""
    body: str | None = None
    """JSON-LD ``articleBody``, when the page ships the text as data."""
    descriptions: tuple[str, ...] = ()
    """The page's summaries: JSON-LD ``description``, og/twitter/meta descriptions."""


def page_meta(tree: lxml_html.HtmlElement) -> PageMeta:
    """Collect title, authors, dates, outlet, language and article type from one parsed page."""
    metas = _meta_tags(tree)
    objects = list(_json_ld(tree))
    articles = [o for o in objects if _types(o) & ARTICLE_TYPES]
    article = articles[0] if articles else {}

    language = _first_text(
        tree.get("lang"),
        tree.get("xml:lang"),
        *(metas.get(k) for k in LANGUAGE_KEYS),
        _text(article.get("inLanguage")),
    )
    published, published_from = _published(article, metas, language)
    modified = normalize_date(_text(article.get("dateModified")) or "", language) or next(
        (d for k in MODIFIED_KEYS if (d := normalize_date(metas.get(k, ""), language))), None
    )
    og_type = (metas.get("og:type") or "").lower()
    free = article.get("isAccessibleForFree")
    titles = [_text(article.get("headline")), *(metas.get(k) for k in TITLE_KEYS)]
    unique = tuple(dict.fromkeys(fix_text(t) for t in titles if t and t.strip()))
    return PageMeta(
        title=unique[0] if unique else None,
        titles=unique,
        authors=_authors(article, metas),
        published=published,
        published_from=published_from,
        modified=modified,
        outlet=_outlet(objects, article, metas),
        language=_language_code(language),
        canonical=_canonical(tree, metas),
        is_article=bool(articles) or og_type == "article",
        is_listing=any(_types(o) & LISTING_TYPES for o in objects)
        and not articles
        and og_type != "article",
        free=_boolean(free),
        body=article_body(article.get("articleBody")),
        descriptions=_descriptions(article, metas),
    )


def _descriptions(article: dict[str, Any], metas: dict[str, str]) -> tuple[str, ...]:
    found = [_text(article.get("description"))]
    found += [metas.get(k) for k in ("og:description", "description", "twitter:description")]
    unique: list[str] = []
    for value in found:
        value = fix_text(value) if value else ""
        if value and value not in unique:
            unique.append(value)
    return tuple(unique)


def _published(
    article: dict[str, Any], metas: dict[str, str], language: str | None
) -> tuple[str | None, str | None]:
    for key in ("datePublished", "dateCreated", "uploadDate"):
        value = normalize_date(_text(article.get(key)) or "", language)
        if value:
            return value, "json-ld"
    for key in PUBLISHED_KEYS:
        value = normalize_date(metas.get(key, ""), language)
        if value:
            return value, f"meta:{key}"
    parsely = metas.get("parsely-page")
    if parsely:
        try:
            data = json.loads(parsely)
        except ValueError:
            data = {}
        value = normalize_date(str(data.get("pub_date", "")), language) if data else None
        if value:
            return value, "meta:parsely-page"
    return None, None


def _meta_tags(tree: lxml_html.HtmlElement) -> dict[str, str]:
    """First non-empty content per lowercased name/property/itemprop/http-equiv."""
    found: dict[str, str] = {}
    for node in tree.iter("meta"):
        key = node.get("property") or node.get("name") or node.get("itemprop")
        key = key or node.get("http-equiv")
        value = node.get("content") or node.get("datetime") or ""
        if key and value.strip():
            found.setdefault(key.strip().lower(), _SPACES.sub(" ", value).strip())
    # <time itemprop="datePublished" datetime=...> and similar microdata
    for node in tree.xpath("//*[@itemprop][@datetime]"):
        key = node.get("itemprop", "").strip().lower()
        found.setdefault(key, node.get("datetime", "").strip())
    return found


def _json_ld(tree: lxml_html.HtmlElement) -> Iterator[dict[str, Any]]:
    """Every JSON object in the page's JSON-LD blocks, with ``@graph`` and lists flattened."""
    for node in tree.xpath('//script[contains(translate(@type, "LDJSON", "ldjson"), "ld+json")]'):
        raw = (node.text or "").strip()
        raw = raw.removeprefix("<!--").removesuffix("-->").strip()
        raw = raw.removeprefix("//<![CDATA[").removesuffix("//]]>").strip()
        try:
            data = json.loads(raw, strict=False)
        except ValueError:
            continue
        yield from _flatten(data)


def _flatten(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _flatten(data["@graph"], depth + 1)
        main = data.get("mainEntity")
        if isinstance(main, dict | list):
            yield from _flatten(main, depth + 1)


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.lower().rsplit("/", 1)[-1] for k in kinds if isinstance(k, str)}


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, list) and value:
        return _text(value[0])
    if isinstance(value, dict):
        return _text(value.get("name") or value.get("@value"))
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


_MARKUP = re.compile(r"<(?:p|br|div|span|a|strong|em|b|i|h[1-6]|ul|ol|li|blockquote)\b[^>]*>", re.I)
_BLOCK_END = re.compile(r"<br\s*/?>|</(?:p|div|h[1-6]|li|blockquote)\s*>", re.I)


def article_body(value: Any) -> str | None:
    """A JSON-LD ``articleBody`` as plain text, paragraphs separated by blank lines.

    Some sites put the body's HTML there, often escaped once or twice (``&lt;p&gt;``); its
    markup would inflate the length and leak tags into the text, so it is turned into text.
    """
    text = _text(value)
    if not text:
        return None
    for _ in range(3):
        if "&lt;" not in text and "&amp;" not in text:
            break
        text = html.unescape(text)
    if _MARKUP.search(text):
        with contextlib.suppress(ValueError, TypeError):
            text = _BLOCK_END.sub("\n\n", text)
            fragment = lxml_html.fragment_fromstring(text, create_parent="div")
            for hidden in fragment.xpath(".//script|.//style"):
                hidden.drop_tree()
            text = fragment.text_content()
    return text.strip() or None


def _first_text(*values: str | None) -> str | None:
    for value in values:
        if value and value.strip():
            return fix_text(value)
    return None


_ENTITY = re.compile(r"&(?:#\d{2,7}|#x[0-9a-f]{2,6}|[a-z]{2,8});", re.IGNORECASE)
_MOJIBAKE = re.compile("[\u00c2\u00c3][\u0080-\u00bf]")


def fix_text(value: str) -> str:
    """Collapse whitespace, undo double HTML escaping (``&quot;``) and UTF-8 read as Latin-1."""
    value = _SPACES.sub(" ", value).strip()
    if _ENTITY.search(value):
        value = html.unescape(value)
    if _MOJIBAKE.search(value):
        with contextlib.suppress(UnicodeError):
            value = value.encode("cp1252").decode("utf-8")
    return value.replace("\u200b", "").strip()


def _authors(article: dict[str, Any], metas: dict[str, str]) -> tuple[str, ...]:
    names: list[str] = []
    agencies: list[str] = []  # organisations credited as authors (news agencies, desks)
    raw = article.get("author") or article.get("creator")
    for item in raw if isinstance(raw, list) else [raw]:
        if isinstance(item, dict):
            name = _text(item.get("name")) or ""
            if _types(item) & {"organization", "newsmediaorganization"}:
                name = fix_text(name)
                if name and "://" not in name and name.casefold() not in _generic():
                    agencies.append(name)
                continue
            names.extend(_split_names(name))
        elif isinstance(item, str):
            names.extend(_split_names(item))
    names += agencies
    if not names:
        for key in AUTHOR_KEYS:
            names = _split_names(metas.get(key, ""))
            if names:
                break
    unique: list[str] = []
    for name in names:
        if name.lower() not in {u.lower() for u in unique}:
            unique.append(name)
    return tuple(unique)


def _split_names(value: str) -> list[str]:
    """Person names from an author string; URLs, handles, generic values and noise dropped."""
    value = fix_text(value)
    if not value or "://" in value or value.startswith(("@", "www.")) or len(value) > 160:
        return []
    parts = re.split(r"\s*(?:,|;|\||\band\b|\bund\b|\bet\b|\by\b|\be\b|&)\s*", value)
    names = []
    for part in parts:
        for pattern in _noise():
            part = pattern.sub("", part)
        part = re.sub(r"(?<=\w\w)\.$", "", part.strip(" ,:;-–"))  # keep initials: ``C.``
        has_letters = re.search(r"[^\W\d_]{2}", part) is not None
        if has_letters and "@" not in part and part.casefold() not in _generic():
            names.append(part)
    return names


@lru_cache(maxsize=1)
def _noise() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(line, re.IGNORECASE) for line in _data_lines("html_author_noise.txt"))


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    return frozenset(line.casefold() for line in _data_lines("html_author_generic.txt"))


def _data_lines(name: str) -> list[str]:
    text = resources.files("crossread.ingest").joinpath("data", name).read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


def split_names(value: str | None) -> tuple[str, ...]:
    """Distinct person names in an author string (``By A and B``, ``A; B``), noise removed."""
    unique: dict[str, str] = {}
    for name in _split_names(value or ""):
        unique.setdefault(name.casefold(), name)
    return tuple(unique.values())


def _outlet(
    objects: list[dict[str, Any]], article: dict[str, Any], metas: dict[str, str]
) -> str | None:
    publisher = _first_text(_text(article.get("publisher")) if article else None)
    site = _first_text(*(metas.get(k) for k in SITE_KEYS))
    if publisher and not (site and _corporate(publisher)):
        return publisher
    if site:
        return site
    for obj in objects:
        if _types(obj) & {"newsmediaorganization", "organization", "website"}:
            name = _first_text(_text(obj.get("name")))
            if name:
                return name
    return None


@lru_cache(maxsize=1)
def _publisher_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in _data_lines("html_publisher_names.txt"))


def _corporate(name: str) -> bool:
    """A company or platform name (``Tamedia AG``, ``Blogger``), not the outlet's own."""
    return any(p.search(name) for p in _publisher_patterns())


def _canonical(tree: lxml_html.HtmlElement, metas: dict[str, str]) -> str | None:
    for node in tree.xpath('//link[@rel="canonical"][@href]'):
        href = node.get("href", "").strip()
        if href.startswith(("http://", "https://")):
            return href
    url = metas.get("og:url", "")
    return url if url.startswith(("http://", "https://")) else None


def _language_code(value: str | None) -> str | None:
    """``de-AT``/``de_AT``/``German`` -> ``de``; ``None`` when not a plausible code."""
    if not value:
        return None
    code = re.split(r"[-_,; ]", value.strip().lower())[0]
    if not re.fullmatch(r"[a-z]{2,3}", code):
        return None
    import pycountry

    known = pycountry.languages.get(**{"alpha_2" if len(code) == 2 else "alpha_3": code})
    return code if known is not None else None


def _boolean(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in {"true", "false"}:
        return value.strip().lower() == "true"
    return None
