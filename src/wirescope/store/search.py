"""Full-text search: an inverted index of article titles and texts kept by the writer, ranked with BM25 in SQL.

DuckDB's ``fts`` extension is not part of the duckdb wheel (it is downloaded on first ``INSTALL fts``), so an
offline install cannot rely on it. The index here is two plain tables (migration 006): ``article_terms`` (term
frequencies per article) and ``search_docs`` (indexed length per article); the writer replaces an article's rows
with the rest of its records.

The writer appends postings in arrival order, so a query would read every stored posting to find its terms'.
:func:`cluster` (run by ``wirescope index``, and worth running after a large ingest) rewrites the postings ordered by
term hash: each term's postings then sit in one or two row groups and DuckDB's zone maps skip the rest. Writes after
that stay correct (they append, and a re-written article's old rows are deleted); they are only scanned in full
until the next clustering.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import repeat
from typing import Any

import duckdb

from ..errors import StoreError
from ..records import Analysis

_TOKEN = re.compile(r"\w+", re.UNICODE)
# Words too common in news to be worth a row each; a query made only of them matches nothing.
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "but",
        "by",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "his",
        "i",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "said",
        "she",
        "that",
        "the",
        "their",
        "they",
        "this",
        "to",
        "was",
        "were",
        "which",
        "who",
        "will",
        "with",
        "would",
    ]
)
BM25_K1 = 1.2
BM25_B = 0.75


def tokens(text: str) -> list[str]:
    """Index terms of a text: case-folded word characters, single letters and stop words dropped."""
    return [t for t in _TOKEN.findall(text.casefold()) if (len(t) > 1 or t.isdigit()) and t not in STOPWORDS]


def term_hash(term: str) -> int:
    """A stable signed 64-bit hash of an index term (the same in every process and version)."""
    return int.from_bytes(hashlib.blake2b(term.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


def term_hashes(terms: Sequence[str]) -> list[int]:
    """:func:`term_hash` of each term, looked up in a cache first. News repeats its vocabulary, and hashing was a
    third of the writer's time per article (1.5 us a term, 160 distinct terms an article); the cache is emptied when
    it grows large, so memory stays bounded on a store of any size."""
    known = _HASH_OF
    if len(known) > _HASH_CACHE:
        known.clear()
    found = list(map(known.get, terms))  # in C: no interpreter loop per term
    if None in found:
        found = [h if h is not None else known.setdefault(t, term_hash(t)) for t, h in zip(terms, found, strict=True)]
    return found  # type: ignore[return-value]  # no None is left


_HASH_OF: dict[str, int] = {}
_HASH_CACHE = 500_000  # distinct terms kept (about 60 MB at most)


def rows(analysis: Analysis) -> dict[str, list[tuple[Any, ...]]]:
    article = analysis.article
    terms = tokens(f"{article.title or ''}\n{article.text}")
    counts = Counter(terms)
    aid = article.id
    return {
        "article_terms": list(zip(repeat(aid), term_hashes(list(counts)), counts.values())),
        "search_docs": [(aid, len(terms))],
    }


def has_index(con: duckdb.DuckDBPyConnection) -> bool:
    row = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name IN ('article_terms', 'search_docs')"
    ).fetchone()
    return bool(row and row[0] == 2)


def query_hashes(query: str) -> list[int]:
    """The distinct term hashes of a search query, for :func:`ranked_sql`."""
    return sorted({term_hash(t) for t in tokens(query)})


def ranked_sql(hashes: list[int]) -> str:
    """A subquery ``(article_id, score)`` of the articles holding every term (given by hash), ranked by BM25.

    Each term is looked up with its own equality filter, so on a clustered index (:func:`cluster`) DuckDB reads
    only the row groups holding that term. Document frequencies come first (a count per term, no grouping); the
    candidates are the postings of the rarest term, and only their postings of the other terms are kept, so a
    common word costs one filtered scan rather than grouping all of its postings by article.
    """
    hashes = sorted({int(h) for h in hashes})
    if not hashes:
        return "(SELECT NULL::VARCHAR AS article_id, NULL::DOUBLE AS score WHERE false)"
    in_list = ", ".join(str(h) for h in hashes)
    df = " UNION ALL ".join(
        f"SELECT {h}::BIGINT AS term_hash, count(*) AS df FROM article_terms WHERE term_hash = {h}" for h in hashes
    )
    rarest, all_terms = "", ""
    if len(hashes) > 1:  # one term: every posting is a match, nothing to intersect
        rarest = " AND article_id IN (SELECT article_id FROM article_terms JOIN rarest USING (term_hash))"
        all_terms = "SEMI JOIN matched USING (article_id) "
    return f"""(
        WITH df AS MATERIALIZED ({df}),
        rarest AS (SELECT term_hash FROM df ORDER BY df, term_hash LIMIT 1),
        hits AS MATERIALIZED (
            SELECT article_id, term_hash, tf FROM article_terms
            WHERE term_hash IN ({in_list}){rarest}),
        matched AS (SELECT article_id FROM hits GROUP BY article_id HAVING count(*) = {len(hashes)}),
        corpus AS (SELECT count(*) AS n, coalesce(avg(length), 1) AS avgdl FROM search_docs)
        SELECT h.article_id,
               sum(ln(1 + (corpus.n - df.df + 0.5) / (df.df + 0.5))
                   * h.tf * {BM25_K1 + 1} / (h.tf + {BM25_K1} * (1 - {BM25_B} + {BM25_B} * d.length / corpus.avgdl)))
                   AS score
        FROM hits h {all_terms}JOIN df USING (term_hash)
             JOIN search_docs d USING (article_id) CROSS JOIN corpus
        GROUP BY h.article_id
    )"""


@dataclass(frozen=True, slots=True)
class Hit:
    """An article matching a search, with its BM25 score."""

    id: str
    title: str | None
    published: date | None
    score: float


def search(con: duckdb.DuckDBPyConnection, query: str, *, limit: int = 20) -> list[Hit]:
    """Articles matching every term of ``query``, best first, with their BM25 score."""
    hashes = query_hashes(query)
    if not hashes or not has_index(con):
        return []
    cur = con.execute(
        f"SELECT a.id, a.title, a.published, r.score FROM {ranked_sql(hashes)} r "
        f"JOIN articles a ON a.id = r.article_id ORDER BY r.score DESC, a.id LIMIT {int(limit)}"
    )
    return [Hit(*row) for row in cur.fetchall()]


@dataclass(frozen=True, slots=True)
class IndexStats:
    """The search index after :func:`cluster`: postings, indexed articles, distinct terms, row groups."""

    postings: int
    documents: int
    terms: int
    row_groups: int


def cluster(con: duckdb.DuckDBPyConnection) -> IndexStats:
    """Rewrite ``article_terms`` ordered by (term hash, article id) so a search reads only its terms' row groups.

    One transaction: readers see the old table or the new one, never a half-written one. The rows (and so the
    search results) are unchanged. Raises :class:`StoreError` when the store has no search index.
    """
    if not has_index(con):
        raise StoreError(
            "this store has no search index (migration 006); open it once for writing with a current wirescope "
            "(for example `wirescope ingest`) to add it"
        )
    con.execute("BEGIN")
    try:
        con.execute(
            "CREATE TABLE article_terms_clustered AS SELECT * FROM article_terms ORDER BY term_hash, article_id"
        )
        con.execute("DROP TABLE article_terms")
        con.execute("ALTER TABLE article_terms_clustered RENAME TO article_terms")
        for column in ("article_id", "term_hash", "tf"):  # CREATE TABLE AS drops the NOT NULL constraints
            con.execute(f"ALTER TABLE article_terms ALTER COLUMN {column} SET NOT NULL")
        con.execute("COMMIT")
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise StoreError(f"clustering the search index failed: {exc}") from exc
    con.execute("CHECKPOINT")  # write the sorted row groups (and their zone maps) to the file now
    return index_stats(con)


def index_stats(con: duckdb.DuckDBPyConnection) -> IndexStats:
    row = con.execute("SELECT count(*), count(DISTINCT term_hash) FROM article_terms").fetchone()
    docs = con.execute("SELECT count(*) FROM search_docs").fetchone()
    groups = con.execute("SELECT count(DISTINCT row_group_id) FROM pragma_storage_info('article_terms')").fetchone()
    return IndexStats(
        postings=int(row[0]) if row else 0,
        documents=int(docs[0]) if docs else 0,
        terms=int(row[1]) if row else 0,
        row_groups=int(groups[0]) if groups else 0,
    )
