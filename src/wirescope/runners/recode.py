"""Re-analyse stored articles, all of them or those whose stage versions differ from the installed ones
(``wirescope recode [--stale]``): a rerun of ``ingest`` skips stored articles, so without this a new rule or lexicon
never reaches an existing store. Each article is replaced with all its records, in chunks of one transaction."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..config import Settings
from ..records import Analysis, Article, Failure

_FIELDS = ("id", "text", "title", "published", "published_source", "source", "url", "author", "language", "input",
           "input_format", "raw")


@dataclass(frozen=True, slots=True)
class RecodeReport:
    selected: int  # articles chosen (all analysed ones, or the stale ones)
    recoded: int
    failed: int


def installed_versions(stages: Sequence[str]) -> dict[str, str]:
    """Stage name -> version from ``name@version`` provenance strings."""
    return dict(s.partition("@")[::2] for s in stages)


def stale_ids(con: object, installed: dict[str, str]) -> list[str]:
    """Analysed articles whose stored version of an installed stage differs from the installed one, or which have
    no stored versions at all (stored before migration 008)."""
    rows = con.execute(  # type: ignore[attr-defined]
        "SELECT a.id, s.stage, s.version FROM articles a LEFT JOIN article_stages s ON s.article_id = a.id "
        "WHERE a.status = 'analysed' ORDER BY a.id"
    ).fetchall()
    stored: dict[str, dict[str, str]] = {}
    for aid, stage, version in rows:
        versions = stored.setdefault(aid, {})
        if stage is not None:
            versions[stage] = version
    return [aid for aid, versions in stored.items()
            if not versions or any(versions.get(name) != v for name, v in installed.items())]


def _articles(con: object, ids: Sequence[str]) -> Iterator[Article]:
    cur = con.execute(  # type: ignore[attr-defined]
        f"SELECT {', '.join(_FIELDS)} FROM articles WHERE id IN (SELECT unnest(?)) ORDER BY id", [list(ids)])
    for row in cur.fetchall():
        v = dict(zip(_FIELDS, row, strict=True))
        yield Article(id=v["id"], text=v["text"], title=v["title"], published=v["published"],
                      published_source=v["published_source"] or "unknown", source=v["source"], url=v["url"],
                      author=v["author"], language=v["language"], input=v["input"] or "",
                      input_format=v["input_format"] or "text", raw=v["raw"] or "")


def recode(db: Path, settings: Settings | None = None, *, stale_only: bool = True) -> RecodeReport:
    """Re-analyse the analysed articles of the store at ``db`` (only the stale ones with ``stale_only``)."""
    from ..nlp.pipeline import Pipeline
    from ..store import Store

    settings = settings or Settings()
    pipeline = Pipeline(settings)
    recoded = failed = 0
    with Store(db) as store:
        con = store.con
        if stale_only:
            ids = stale_ids(con, installed_versions(pipeline.provenance.stages))
        else:
            rows = con.execute("SELECT id FROM articles WHERE status = 'analysed' ORDER BY id").fetchall()
            ids = [r[0] for r in rows]
        run_id = store.begin_run(settings)
        for start in range(0, len(ids), settings.batch_size):
            chunk = ids[start : start + settings.batch_size]
            signatures = {r[0]: bytes(r[1]) for r in con.execute(
                "SELECT id, minhash FROM articles WHERE id IN (SELECT unnest(?)) AND minhash IS NOT NULL",
                [chunk]).fetchall()}
            results = list(pipeline.analyze_many(_articles(con, chunk)))
            done = [r for r in results if isinstance(r, Analysis)]
            failures = [r for r in results if isinstance(r, Failure)]
            store.write(done, run_id=run_id, signatures=signatures, failures=failures)
            recoded += len(done)
            failed += len(failures)
        store.finish_run(run_id, {"recoded": recoded, "failed": failed})
    return RecodeReport(len(ids), recoded, failed)
