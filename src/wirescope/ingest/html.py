"""HTML pages: main text, title, author and site name via trafilatura; the publication date via htmldate."""

from __future__ import annotations

import re
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from ..records import Article, Failure
from .build import build_article
from .normalize import parse_date_strict

# Less extracted text than this is navigation or boilerplate ("Home Sign in"), not an article. Kept short enough for
# a one-sentence news flash of 40 characters ("Iran fired missiles at a US base today"); counted in characters
# because CJK text has no spaces.
MIN_ARTICLE_CHARS = 40


def read_html(
    html: str,
    item: str,
    *,
    url: str | None = None,
    input_format: str = "html",
    fallback_title: str | None = None,
    fallback_date: date | None = None,
    fallback_date_source: str = "feed",
    fallback_author: str | None = None,
    fallback_source: str | None = None,
) -> Article | Failure:
    """One article from an HTML page, or a Failure when the page holds no article text.

    The ``fallback_*`` values (from a feed item) are used when the page itself lacks them.
    """
    cleaned = without_scripts(html)
    doc = _extract(cleaned, url)
    text = str(getattr(doc, "text", "") or "") if doc is not None else ""
    words = len(text.split())
    if len(text.strip()) < MIN_ARTICLE_CHARS:
        return Failure(item, f"no article text found in the HTML ({words} words extracted; is it an index page, "
                       "a login wall or a script-only page?)")
    published = _page_date(cleaned, url)
    published_source = "html"
    if published is None and fallback_date is not None:
        published, published_source = fallback_date, fallback_date_source
    return build_article(
        text,
        item=item,
        input_format=input_format,
        raw=html,
        title=_attr(doc, "title") or fallback_title,
        published=published,
        published_source=published_source if published else "unknown",
        source=_outlet(doc, url or _attr(doc, "url"), fallback_source),
        url=url or _attr(doc, "url"),
        author=_attr(doc, "author") or fallback_author,
    )


# Elements whose text is never the page's words: a script inside an <h1> otherwise ends up in the title.
_NOT_TEXT = ("script", "style", "noscript", "template")
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")


def without_scripts(html: str) -> str:
    """The page without scripts, styles and templates (their tails kept). JSON-LD metadata blocks outside headings
    stay: they carry the page's title, author and date. The page is returned unchanged if lxml cannot parse it."""
    import lxml.html
    from lxml import etree

    try:
        # lxml refuses a str that declares its encoding; the text is decoded already, so the declaration goes.
        tree = lxml.html.document_fromstring(_XML_DECLARATION.sub("", html, count=1))
    except (ValueError, etree.ParserError, etree.XMLSyntaxError):
        return html
    doomed = []
    for element in tree.iter(*_NOT_TEXT):
        in_heading = any(a.tag in ("h1", "h2", "h3", "h4", "h5", "h6", "title") for a in element.iterancestors())
        if element.tag == "script" and (element.get("type") or "").strip().lower() == "application/ld+json" and (
            not in_heading
        ):
            continue
        doomed.append(element)
    if not doomed:
        return html
    for element in doomed:
        element.drop_tree()
    return str(lxml.html.tostring(tree, encoding="unicode"))


def _extract(html: str, url: str | None) -> Any:
    import trafilatura  # imported on use: it is slow to import

    # The page date comes from htmldate below; trafilatura's own date search is not needed.
    return trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )


def _page_date(html: str, url: str | None) -> date | None:
    from htmldate import find_date

    # No extensive search: a date guessed from free text is often a date mentioned in the story, not its own.
    found = find_date(html, url=url, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    return parse_date_strict(found) if found else None


def _outlet(doc: Any, url: str | None, fallback: str | None) -> str | None:
    """The outlet in the order of ``ingest/outlet.py``: what the input names (a feed's title), else None for a page
    with an address (``with_outlet`` takes its domain: one spelling per outlet however its pages name themselves),
    else the page's own site name (og:site_name and the like) for a page read without an address."""
    if fallback and fallback.strip():
        return fallback
    if url and urlsplit(url).hostname:
        return None
    return _attr(doc, "sitename")


def _attr(doc: Any, name: str) -> str | None:
    value = getattr(doc, name, None)
    return str(value) if value else None
