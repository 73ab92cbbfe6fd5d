"""Articles, entities, full-text search and stats: served from the core tables every store has."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response

from ..nlp.display import clean
from ..store import search as fts
from . import models as m
from . import views
from .deps import DB, Page
from .errors import ApiError
from .paging import Key, Lookup, largest_first, newest_first
from .paging import Query as Q
from .respond import json_response, listing

router = APIRouter(prefix="/api", tags=["core"])
ARTICLE_COLUMNS = (("lk.title", "title"), ("lk.published", "published"), ("lk.source", "source"))
HEAD = (("substr(lk.text, 1, 2000)", "_head"),)

ArticleId = Annotated[str, Path(pattern=r"^[0-9A-Za-z_-]{1,64}$", description="article id (or a unique prefix)")]


@router.get("/stats", responses=m.one(m.Stats, "counts of everything in the store"))
def get_stats(db: DB) -> Response:
    """Counts of everything in the store, the date range of the articles, and which views have data."""
    with db.cursor() as cur:
        return json_response(views.stats(db, cur))


@router.get("/articles", responses=m.downloads(m.ArticleRow, "articles"))
def list_articles(
    db: DB,
    page: Page,
    status: Annotated[str | None, Query(max_length=40, description="analysed | near-duplicate | not-english")] = None,
    source: Annotated[str | None, Query(max_length=200)] = None,
    since: date | None = None,
    until: date | None = None,
    story: Annotated[str | None, Query(max_length=100, description="story id")] = None,
) -> Response:
    """Articles, newest first, without their text (``GET /api/articles/{id}`` has it)."""
    q = Q(
        select="a.id, a.title, a.published, a.published_source, a.source, a.url, a.language, a.status, "
        "a.duplicate_of, length(a.text) AS chars",
        from_="articles a",
        keys=(newest_first("a.published"), Key("a.id")),
    )
    if status:
        q.add("a.status = ?", status)
    if source:
        q.add("a.source = ?", source)
    if since:
        q.add("a.published >= ?", since)
    if until:
        q.add("a.published <= ?", until)
    if story:
        views.filter_story(db, q, story, "a.id")
    return listing(db, q, fmt=page.format, limit=page.limit, cursor=page.cursor, name="articles")


@router.get("/articles/{article_id}", responses=m.one(m.ArticleDetail, "the article with its records"))
def get_article(db: DB, article_id: ArticleId) -> Response:
    """One article with its text and every record found in it (entity mentions, events, quotations, places,
    times), each with character offsets into ``text`` for highlighting."""
    with db.cursor() as cur:
        found = views.article(db, cur, article_id)
    if found is None:
        raise ApiError(404, "not_found", f"no article with id {article_id!r} (or the prefix is not unique)")
    return json_response(found)


@router.get("/entities", responses=m.downloads(m.EntityRow, "entities"))
def list_entities(
    db: DB,
    page: Page,
    type: Annotated[str | None, Query(max_length=40, description="PERSON, ORG, GPE, ...")] = None,
    name: Annotated[str | None, Query(max_length=200, description="part of the name or an alias")] = None,
    min_mentions: Annotated[int, Query(ge=0)] = 0,
) -> Response:
    """Canonical entities across the corpus, most mentioned first."""
    q = Q(
        select="id, name, type, aliases, mention_count, article_count",
        from_="entities",
        keys=(largest_first("mention_count"), Key("id")),
    )
    if type:
        q.add("type = ?", type.upper())
    if name:
        q.add("(contains(lower(name), lower(?)) OR list_contains(aliases, ?))", name, name)
    if min_mentions:
        q.add("mention_count >= ?", min_mentions)
    return listing(db, q, fmt=page.format, limit=page.limit, cursor=page.cursor, name="entities")


@router.get("/search", responses=m.downloads(m.SearchHit, "matching articles"))
def search(
    db: DB,
    page: Page,
    q: Annotated[str, Query(min_length=1, max_length=500, description="words that must all occur (any order)")],
) -> Response:
    """Full-text search over article titles and texts, ranked by BM25, with a snippet around the first match."""
    terms = sorted(set(fts.tokens(q)))
    if not terms:
        raise ApiError(
            400,
            "empty_query",
            "the query has no searchable words (single letters and stop words are "
            "not indexed); add a more specific word",
        )
    head = ", substr(a.text, 1, 2000) AS _head" if page.format.value == "json" else ""  # for the snippet
    if db.has("article_terms", "term_hash") and db.has("search_docs"):
        hashes = fts.query_hashes(q)
        query = Q(
            select="r.article_id AS id, r.score",
            from_=f"{fts.ranked_sql(hashes)} r",
            keys=(largest_first("r.score"), Key("r.article_id")),
            lookup=Lookup("articles", "id", "id", ARTICLE_COLUMNS + (HEAD if head else ())),
        )
    else:  # a store made before migration 006: a slower scan with the same matching rule
        query = Q(
            select=f"a.id, NULL::DOUBLE AS score, a.title, a.published, a.source{head}",
            from_="articles a",
            keys=(newest_first("a.published"), Key("a.id")),
        )
        for term in terms:
            query.add("regexp_matches(lower(coalesce(a.title, '') || ' ' || a.text), ?)", rf"\b{re.escape(term)}\b")
    resp = listing(db, query, fmt=page.format, limit=page.limit, cursor=page.cursor, name="search")
    return resp if page.format.value != "json" else _with_snippets(resp, terms)


def _with_snippets(resp: Response, terms: list[str]) -> Response:
    import json

    body: dict[str, Any] = json.loads(bytes(resp.body))
    for item in body["items"]:
        item["snippet"] = snippet(clean(item.pop("_head")) or "", terms)  # display text: no markdown or URLs
    return json_response(body)


def snippet(text: str, terms: list[str], width: int = 220) -> str:
    """Text around the first occurrence of any term, on word boundaries."""
    lower = text.casefold()
    hits = [m.start() for t in terms if (m := re.search(rf"\b{re.escape(t)}\b", lower))]
    start = max(0, min(hits) - width // 3) if hits else 0
    if start:
        start = text.find(" ", start) + 1 or start
    piece = text[start : start + width]
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")
