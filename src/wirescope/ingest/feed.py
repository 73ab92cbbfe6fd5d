"""RSS and Atom feeds: each item's page is fetched with the ``HttpClient`` and read as HTML; the item's own title,
date and author fill in what the page lacks."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..errors import InputError
from ..records import Article, Failure
from .decode import decode_bytes
from .html import read_html
from .http import HttpClient


@dataclass(frozen=True, slots=True)
class FeedItem:
    """What a feed says about one item."""

    link: str | None
    title: str | None
    published: date | None
    author: str | None
    guid: str | None = None  # the item's id (RSS guid, Atom id) when it has one
    # A hash of what the feed says about the item (title, link, dates, summary, content): a corrected item keeps its
    # guid but changes this.
    fingerprint: str = ""

    @property
    def key(self) -> str | None:
        """The item's identity across polls: its guid, else its link."""
        return self.guid or self.link


@dataclass(frozen=True, slots=True)
class Feed:
    title: str | None
    items: tuple[FeedItem, ...]


def parse_feed(text: str, *, base_url: str | None = None) -> Feed | None:
    """Parse RSS/Atom text; None when it is not a feed (e.g. an HTML page)."""
    import feedparser

    headers = {"content-location": base_url} if base_url else {}
    # A file object, never a string: feedparser would treat a string as a URL or a path and open it itself.
    parsed: Any = feedparser.parse(io.BytesIO(text.encode("utf-8")), response_headers=headers)
    if not parsed.get("version"):
        return None
    items = tuple(
        FeedItem(
            link=_str(entry.get("link")),
            title=_str(entry.get("title")),
            published=_struct_date(entry.get("published_parsed") or entry.get("updated_parsed")),
            author=_str(entry.get("author")),
            guid=_str(entry.get("id")),
            fingerprint=_fingerprint(entry),
        )
        for entry in parsed.entries
    )
    return Feed(title=_str(parsed.feed.get("title")), items=items)


def read_feed(feed: Feed, item: str, client: HttpClient) -> Iterator[Article | Failure]:
    """Fetch every item's page (``client`` bounds the concurrency) and read it as HTML. Items are named by their
    page URL; an item without a link, or whose page cannot be fetched or holds no article, is a Failure."""
    if not feed.items:
        yield Failure(item, "the feed has no items")
        return
    by_link: dict[str, FeedItem] = {}
    for entry in feed.items:
        if entry.link is None or not entry.link.startswith(("http://", "https://")):
            yield Failure(item, f"feed item {entry.title or '(untitled)'!r} has no http(s) link to fetch")
        else:
            by_link.setdefault(entry.link, entry)
    for url, result in client.get_many(list(by_link)):
        entry = by_link[url]
        if isinstance(result, InputError):
            yield Failure(result.item, result.reason)
            continue
        try:
            html = decode_bytes(result.content, url, declared=result.charset)
        except InputError as exc:
            yield Failure(exc.item, exc.reason)
            continue
        try:
            yield read_html(
                html,
                url,
                url=result.final_url,
                input_format="feed",
                fallback_title=entry.title,
                fallback_date=entry.published,
                fallback_date_source="feed",
                fallback_author=entry.author,
                fallback_source=feed.title,
            )
        except Exception as exc:  # one page the extractor chokes on is that item's failure; the feed goes on
            yield Failure(url, f"unexpected error while extracting the page: {type(exc).__name__}: {exc}")


def _fingerprint(entry: Any) -> str:
    content = entry.get("content") or []
    # dict.get, not entry.get: feedparser's own get maps a missing "updated" to "published" with a warning.
    parts = [
        *(dict.get(entry, k) for k in ("title", "link", "updated", "published", "summary")),
        *(c.get("value") for c in content if isinstance(c, dict)),
    ]
    digest = hashlib.sha256("\x1f".join(str(p or "") for p in parts).encode("utf-8", "replace"))
    return digest.hexdigest()[:24]


def _struct_date(value: Any) -> date | None:
    try:
        return date(value.tm_year, value.tm_mon, value.tm_mday) if value else None
    except (AttributeError, ValueError):
        return None


def _str(value: Any) -> str | None:
    return str(value).strip() or None if value else None
