"""HTML pages: main text, title, author and site name via trafilatura; the publication date via htmldate."""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import urlsplit

from ..records import Article, Failure
from .build import build_article
from .normalize import parse_date_strict

# Less than this is navigation or boilerplate, not an article. Characters count too: CJK text has no spaces.
MIN_ARTICLE_WORDS = 15
MIN_ARTICLE_CHARS = 120


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
    doc = _extract(html, url)
    text = str(getattr(doc, "text", "") or "") if doc is not None else ""
    words = len(text.split())
    if words < MIN_ARTICLE_WORDS and len(text.strip()) < MIN_ARTICLE_CHARS:
        return Failure(item, f"no article text found in the HTML ({words} words extracted; is it an index page, "
                       "a login wall or a script-only page?)")
    published = _page_date(html, url)
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
        source=_site_name(doc, url, fallback_source),
        url=url or _attr(doc, "url"),
        author=_attr(doc, "author") or fallback_author,
    )


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


def _site_name(doc: Any, url: str | None, fallback: str | None) -> str | None:
    # trafilatura falls back to the host name when a page names no site; a feed's own title says more than that.
    site = _attr(doc, "sitename")
    hosts = {h for h in (_attr(doc, "hostname"), urlsplit(url).netloc if url else None) if h}
    hosts |= {h.removeprefix("www.") for h in hosts}
    if site and (site not in hosts or not fallback):
        return site
    return fallback or site or _attr(doc, "hostname")


def _attr(doc: Any, name: str) -> str | None:
    value = getattr(doc, name, None)
    return str(value) if value else None
