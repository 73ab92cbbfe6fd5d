"""Full-text search: an inverted index of article titles and texts kept by the writer, ranked with BM25 in SQL.

DuckDB's ``fts`` extension is not part of the duckdb wheel (it is downloaded on first ``INSTALL fts``), so an
offline install cannot rely on it. The index here is two plain tables (migration 006): ``article_terms`` (term
frequencies per article) and ``search_docs`` (indexed length per article); the writer replaces an article's rows
with the rest of its records.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from typing import Any

import duckdb

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


def rows(analysis: Analysis) -> dict[str, list[tuple[Any, ...]]]:
    article = analysis.article
    terms = tokens(f"{article.title or ''}\n{article.text}")
    counts = Counter(terms)
    return {
        "article_terms": [(article.id, term_hash(term), tf) for term, tf in counts.items()],
        "search_docs": [(article.id, len(terms))],
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

    The postings of the query terms are read once (a materialised CTE); articles holding every term are found
    before the document lengths are joined, so common words cost one scan rather than several joins.
    """
    in_list = ", ".join(str(int(h)) for h in hashes) or "NULL"
    return f"""(
        WITH hits AS MATERIALIZED (
            SELECT article_id, term_hash, tf FROM article_terms WHERE term_hash IN ({in_list})),
        df AS (SELECT term_hash, count(*) AS df FROM hits GROUP BY term_hash),
        matched AS (SELECT article_id FROM hits GROUP BY article_id HAVING count(*) = {len(hashes)}),
        corpus AS (SELECT count(*) AS n, coalesce(avg(length), 1) AS avgdl FROM search_docs)
        SELECT h.article_id,
               sum(ln(1 + (corpus.n - df.df + 0.5) / (df.df + 0.5))
                   * h.tf * {BM25_K1 + 1} / (h.tf + {BM25_K1} * (1 - {BM25_B} + {BM25_B} * d.length / corpus.avgdl)))
                   AS score
        FROM hits h SEMI JOIN matched USING (article_id) JOIN df USING (term_hash)
             JOIN search_docs d USING (article_id) CROSS JOIN corpus
        GROUP BY h.article_id
    )"""


def search(con: duckdb.DuckDBPyConnection, query: str, *, limit: int = 20) -> list[dict[str, Any]]:
    """Articles matching every term of ``query``, best first, with their BM25 score."""
    hashes = query_hashes(query)
    if not hashes or not has_index(con):
        return []
    cur = con.execute(
        f"SELECT a.id, a.title, a.published, r.score FROM {ranked_sql(hashes)} r "
        f"JOIN articles a ON a.id = r.article_id ORDER BY r.score DESC, a.id LIMIT {int(limit)}"
    )
    names = [d[0] for d in cur.description or []]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
