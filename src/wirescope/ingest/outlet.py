"""Who reported it: every article keeps its outlet.

The outlet is, in order: what the input says (a ``source``/``publisher``/``site_name`` field of a record, mapped by
``FieldMapping``; the title of the feed an item came from), else the host of the article's URL (``www.`` dropped),
else the site name a page gives itself (og:site_name and the like, read by ``ingest/html.py`` for a page read without
an address). The domain comes before the page's own site name so that an outlet has one spelling whatever its pages
call themselves ("BBC News", "BBC", "BBC World Service" are all bbc.co.uk), which "M outlets" counts. An article with
none of them (a plain text file, a record without source or URL) has no outlet; ``ingest_articles`` counts such
articles and warns, naming the first items, since "N reports from M outlets" cannot count them.
"""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlsplit

from ..records import Article


def url_outlet(url: str | None) -> str | None:
    """The host of ``url`` without a leading ``www.``, lower-cased; None for no URL or one without a host."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def with_outlet(article: Article) -> Article:
    """The article with its outlet filled in from its URL when the input named none (the same article otherwise)."""
    if article.source and article.source.strip():
        return article
    host = url_outlet(article.url)
    return replace(article, source=host) if host else article
