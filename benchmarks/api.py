"""Latency of the dashboard's queries on a large generated store.

Builds (or reuses) a store of N generated events (default 1,000,000) over N/5 articles with search-indexed texts,
then times each dashboard query through the whole HTTP stack (FastAPI in process, read-only store): the event list
with filters and a deep cursor page, the map aggregation, the escalation series, the actor network and full-text
search; and issue 19's endpoints (families marked "i19"): the escalation chart of four dyads in both directions,
the alerts in plain words (newest page, and by window and dyad), the map view by place precision and "located in"
and by the time slider's window, its export, the event list by "located in" and by timing (historical; all, until a
day), the busiest dyads in a window, the network's busiest 25 edges with their table (actors folded, and
countries), the code labels, the change counter, the merged quotations (a page, and by speaker), the story list,
a story's paged timeline (``GET /api/timeline``: first pages of small and of 1,000-article stories, then pages 2-5)
and a story's detail.

The generated store also holds what the aggregation writes (generated in SQL, outside the timing): the escalation
index, alerts, merged events and their mentions, stories of consecutive articles (most of 50 articles, the last
quarter of 1,000) and one quotation per article (the same words in four articles: merged as duplicates; a tenth by
an unresolved pronoun). Events are dated as issue 19's date rule leaves them: a current event within its article's
window, a few flagged historical or planned outside it; they are stored as a chronological ingest writes them (an
article's events together, the articles in publication order).

Prints p50/p95 per query family (and the first, cold request: the app caches whole-store aggregates such as the map
and every story's timeline keys, once per store state) next to a same-run reference measured just before the family
(a bare DuckDB full scan of the events table on the app's connection) and the 1-minute load average.

    python benchmarks/api.py [--events 1000000] [--db bench-output/api.duckdb] [--rebuild] [--no-index]
                             [--only search,map,i19]

The store is kept (the cache): later runs reuse it unless --rebuild (a store built before a migration gets it
applied). After building, the script runs the same maintenance as ``wirescope index`` (the search postings
re-sorted by term), as a deployment would after a large ingest; --no-index skips it, to time the search over an
index in arrival order.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import duckdb

COUNTRIES = [
    "USA",
    "IRN",
    "IRQ",
    "ISR",
    "SYR",
    "LBN",
    "SAU",
    "RUS",
    "GBR",
    "FRA",
    "DEU",
    "CHN",
    "TUR",
    "YEM",
    "ARE",
    "QAT",
    "EGY",
    "JOR",
    "UKR",
    "PAK",
    "AFG",
    "IND",
    "KOR",
    "PRK",
    "JPN",
]
ROLES = ["GOV", "MIL", "REB", "OPP", "BUS", "MED", "", "COP", "JUD"]
VOCAB = 5000
WORDS = [
    "strike",
    "drone",
    "attack",
    "talks",
    "minister",
    "embassy",
    "protest",
    "sanctions",
    "missile",
    "militia",
    "ceasefire",
    "border",
    "troops",
    "election",
    "parliament",
    "president",
    "general",
    "oil",
    "nuclear",
    "deal",
    "threat",
    "revenge",
    "funeral",
    "airport",
    "convoy",
    "police",
    "rocket",
    "base",
    "refugees",
    "aid",
    "summit",
    "envoy",
    "negotiations",
    "court",
    "ruling",
    "blockade",
    "tanker",
    "port",
    "city",
    "province",
    "village",
    "hospital",
    "school",
    "market",
    "bridge",
    "pipeline",
]


def _sql_list(values: list[str]) -> str:
    return "[" + ", ".join(f"'{v}'" for v in values) + "]"


def generators(n_articles: int, per: int) -> dict[str, str]:
    """SQL expressions per events column, over ``i`` (0..N-1) and random(); deterministic shape, random values."""
    c, r = _sql_list(COUNTRIES), _sql_list(ROLES)
    # Skewed country choice: a few countries carry most events, as in real news.
    pick = f"{c}[1 + least(24, floor(pow(random(), 2.2) * 25)::INT)]"
    return {
        # Stored as a store fills: an article's ``per`` events together, the articles in the order they were
        # published (article k on day k * 730 / N), as a chronological ingest writes them.
        "article_id": f"'a' || lpad(CAST(i // {per} AS VARCHAR), 8, '0')",
        "idx": f"i % {per}",
        "sentence": "(i * 7) % 40",
        "code": "lpad(CAST(1 + (hm(i, 20)) AS VARCHAR), 2, '0') || CAST(hm(i * 3, 10) AS VARCHAR)",
        "root_code": "lpad(CAST(1 + (hm(i, 20)) AS VARCHAR), 2, '0')",
        "base_code": "lpad(CAST(1 + (hm(i, 20)) AS VARCHAR), 2, '0') || CAST(hm(i * 3, 10) AS VARCHAR)",
        "quad_class": "CASE WHEN hm(i, 20) < 5 THEN 1 WHEN hm(i, 20) < 9 THEN 2 WHEN hm(i, 20) < 14 THEN 3 ELSE 4 END",
        "goldstein": "round(random() * 20 - 10, 1)",
        "plover": "'AGREE'",
        "modality": "(['asserted', 'asserted', 'asserted', 'threatened', 'reported', 'hypothetical', 'negated'])"
        "[1 + (hm(i * 5, 7))]",
        "confidence": "round(random(), 3)",
        # As issue 19's date rule leaves them: a current event within its article's window, a flagged one years
        # before it (historical) or weeks after (planned).
        "date": f"DATE '2019-01-01' + CAST(floor((i // {per}) * 730 / {n_articles}) + CASE WHEN hm(i * 23, 100) < 4 "
        "THEN -100 - hm(i * 31, 1500) WHEN hm(i * 23, 100) < 6 THEN 10 + hm(i * 37, 90) ELSE -hm(i * 29, 3) END "
        "AS INTEGER)",
        "date_source": "'publication'",
        "trigger_text": "'attacked'",
        "trigger_start": "10",
        "trigger_end": "18",
        "source_text": "sc",
        "source_start": "0",
        "source_end": "5",
        "source_name": "sc || ' ' || sr",
        "source_code": "sc || sr",
        "source_country": "sc",
        "target_text": "tc",
        "target_start": "25",
        "target_end": "30",
        "target_name": "tc || ' ' || tr",
        "target_code": "tc || tr",
        "target_country": "tc",
        "place_name": "'Place ' || CAST(hm(i * 11, 2000) AS VARCHAR)",
        "place_geonameid": "hm(i * 11, 2000)",
        "place_lat": "round(10 + (hm(i * 11, 2000)) / 50.0, 3)",
        "place_lon": "round(20 + (hm(i * 11, 2000)) / 40.0, 3)",
        "place_country3": "tc",
        # Place precision: most events at a named place, some at an administrative area, a third on a country.
        "place_feature": "(['P.PPL', 'P.PPLA', 'S.AIRP', 'A.ADM1', 'A.ADM2', 'A.PCLI'])[1 + hm(i * 19, 6)]",
        "place_source": "'trigger'",
        # Issue 19's dates: a few events flagged as background the article recalls, or as announced for later.
        "timing": "CASE WHEN hm(i * 23, 100) < 4 THEN 'historical' WHEN hm(i * 23, 100) < 6 THEN 'planned' "
        "ELSE 'current' END",
        "date_note": "CASE WHEN hm(i * 23, 100) < 6 THEN 'dated outside its article''s window' END",
        "sentence_text": "'Forces of ' || sc || ' attacked ' || tc || ' positions near Place ' || "
        "CAST(hm(i * 11, 2000) AS VARCHAR) || ' on the border.'",
        "_pick": pick,
        "_roles": r,
    }


def build(path: Path, n_events: int) -> None:
    import pyarrow as pa

    from wirescope.store import Store
    from wirescope.store.search import term_hash, tokens

    n_articles = max(1, n_events // 5)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    t0 = time.perf_counter()
    with Store(path) as store:
        con = store.con
        con.execute("CREATE TEMP MACRO hm(x, n) AS CAST(hash(x) % n AS BIGINT)")
        cols = [
            r[0]
            for r in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'events' "
                "ORDER BY ordinal_position"
            ).fetchall()
        ]
        if not cols:
            raise SystemExit("this store has no events table; the events migration is missing")
        gen = generators(n_articles, max(1, n_events // n_articles))
        exprs = [f"{gen[c]} AS {c}" if c in gen else f"NULL AS {c}" for c in cols]
        con.execute(
            f"INSERT INTO events SELECT {', '.join(exprs)} FROM (SELECT i, "
            f"{gen['_pick']} AS sc, {gen['_pick']} AS tc, {gen['_roles']}[1 + hm(i * 13, 9)] AS sr, "
            f"{gen['_roles']}[1 + hm(i * 17, 9)] AS tr FROM range({n_events}) t(i))"
        ).fetchall()
        words = _sql_list(WORDS)
        con.execute(
            f"CREATE TEMP MACRO word(k) AS CASE WHEN k < {len(WORDS)} THEN {words}[k + 1] "
            "ELSE 'term' || CAST(k AS VARCHAR) END"
        )
        con.execute(
            "INSERT INTO articles (id, title, text, published, published_source, status, ingested_at) "
            f"SELECT 'a' || lpad(CAST(i AS VARCHAR), 8, '0'), 'Report ' || CAST(i AS VARCHAR), "
            # Zipf-like word choice over a 5,000-word vocabulary: the named news words are the most frequent.
            f"array_to_string(list_transform(range(80), lambda j: word(floor({VOCAB} * pow("
            f"hm(i * 100 + j, 1000000) / 1e6, 3))::INTEGER)), ' '), "
            f"DATE '2019-01-01' + CAST(floor(i * 730 / {n_articles}) AS INTEGER), 'metadata', 'analysed', now() "
            f"FROM range({n_articles}) t(i)"
        ).fetchall()
        # The same index the writer keeps (wirescope.store.search.rows), built in SQL for speed: the texts are
        # split on spaces (they hold only lower-case words), and each distinct word is hashed once in Python.
        con.execute(
            "CREATE TEMP TABLE doc_words AS SELECT id, unnest(string_split(lower(title || ' ' || text), ' ')) AS w "
            "FROM articles"
        ).fetchall()
        vocab = [r[0] for r in con.execute("SELECT DISTINCT w FROM doc_words").fetchall()]
        indexed = [(w, term_hash(w)) for w in vocab if tokens(w) == [w]]
        con.register("vocab_hashes", pa.table({"w": [w for w, _ in indexed], "h": [h for _, h in indexed]}))
        con.execute(
            "INSERT INTO article_terms SELECT id, h, count(*)::INTEGER FROM doc_words JOIN vocab_hashes USING (w) "
            "GROUP BY id, h"
        ).fetchall()
        con.execute(
            "INSERT INTO search_docs SELECT id, count(*) FROM doc_words JOIN vocab_hashes USING (w) GROUP BY id"
        ).fetchall()
        aggregate_tables(con)
        situation_tables(con, n_articles)
        con.execute("CHECKPOINT")
    print(f"built {path}: {n_events:,} events, {n_articles:,} articles in {time.perf_counter() - t0:.1f} s")


def aggregate_tables(con: duckdb.DuckDBPyConnection) -> None:
    """The aggregation's escalation index, alerts and event mentions, generated in SQL from the events (the real
    aggregation takes minutes per 100k events; the API reads only these tables): one merged event per event, each
    mention's outlet one of 300, the daily index per country dyad with its trailing 14-day baseline, and an alert
    where the index jumps."""
    con.execute(
        "INSERT INTO event_mentions (event_id, article_id, sentence, code, confidence, modality, date, published, "
        "source_key, trigger_start, sentence_text, outlet, origin) SELECT article_id || ':' || CAST(idx AS VARCHAR), "
        "article_id, sentence, code, confidence, modality, date, date, "
        "'outlet' || CAST(hm(hash(article_id), 300) AS VARCHAR) AS o, trigger_start, sentence_text, o, o "
        "FROM events"
    ).fetchall()
    con.execute(
        "CREATE TEMP TABLE days AS SELECT source_country AS source, target_country AS target, date AS day, "
        "count(*)::INTEGER AS events, count(*)::INTEGER AS mentions, sum(confidence) AS weight, "
        "sum(confidence * goldstein) AS goldstein_sum, "
        "list(article_id || ':' || CAST(idx AS VARCHAR) ORDER BY goldstein)[1:5] AS event_ids "
        "FROM events WHERE confidence >= 0.3 AND source_country <> target_country GROUP BY 1, 2, 3"
    ).fetchall()
    con.execute(
        "CREATE TEMP TABLE idx AS SELECT *, 100 * (-goldstein_sum / 10) / (weight + 1) AS index_value FROM days"
    ).fetchall()
    con.execute(
        "CREATE TEMP TABLE base AS SELECT *, coalesce(avg(index_value) OVER w, 0) AS baseline, "
        "greatest(coalesce(stddev_pop(index_value) OVER w, 0), 5) AS sd FROM idx "
        "WINDOW w AS (PARTITION BY source, target ORDER BY day RANGE BETWEEN INTERVAL 14 DAYS PRECEDING "
        "AND INTERVAL 1 DAYS PRECEDING)"
    ).fetchall()
    con.execute(
        "INSERT INTO escalation BY NAME SELECT 'country' AS level, source, target, day, events, mentions, weight, "
        "goldstein_sum, goldstein_sum / weight AS goldstein_mean, 0.25 AS verbal_cooperation, "
        "0.25 AS material_cooperation, 0.25 AS verbal_conflict, 0.25 AS material_conflict, index_value, baseline, "
        "(index_value - baseline) / sd AS z, index_value >= 20 AND (index_value - baseline) / sd >= 2 AS alert, "
        "event_ids FROM base"
    ).fetchall()
    con.execute(
        "INSERT INTO alerts BY NAME SELECT level, source, target, day, index_value, baseline, z, "
        "event_ids AS driving_events, 'index ' || CAST(round(index_value, 1) AS VARCHAR) AS reason "
        "FROM escalation WHERE alert"
    ).fetchall()


STORY_SIZE, BIG_STORY_SIZE = 50, 1000  # articles per story: most stories small, the last 50 big (5,000 events)


def situation_tables(con: duckdb.DuckDBPyConnection, n_articles: int) -> None:
    """Merged events (one per current event), stories of consecutive articles (most of 50 articles, the last
    quarter of 1,000) and one quotation per article whose words recur in four articles (merged as duplicates), a
    tenth of them by an unresolved pronoun: what the story, timeline and quotation endpoints read."""
    con.execute(
        "INSERT INTO merged_events BY NAME SELECT article_id || ':' || CAST(idx AS VARCHAR) AS id, date, code, "
        "root_code, base_code, quad_class, goldstein, modality, source_text, source_name, source_code, "
        "source_country, target_text, target_name, target_code, target_country, place_name, place_geonameid, "
        "place_lat, place_lon, place_country3, confidence, 1 AS num_mentions, 1 AS num_articles, "
        "1 AS num_sources, 1 AS num_outlets, 1 AS num_independent, date AS first_seen, date AS last_seen, "
        "article_id AS first_article, idx = 0 AS is_root_event FROM events WHERE timing = 'current'"
    ).fetchall()
    big_from = n_articles * 3 // 4
    story = (f"'s' || lpad(CAST(CASE WHEN i < {big_from} THEN i // {STORY_SIZE} ELSE {big_from // STORY_SIZE} + "
             f"(i - {big_from}) // {BIG_STORY_SIZE} END AS VARCHAR), 6, '0')")
    con.execute(
        f"INSERT INTO story_articles SELECT {story}, 'a' || lpad(CAST(i AS VARCHAR), 8, '0'), 0.5, "
        f"i = 0 OR {story} <> lag({story}) OVER (ORDER BY i) FROM range({n_articles}) t(i)"
    ).fetchall()
    con.execute(
        "INSERT INTO stories SELECT s.story_id, 'Story ' || s.story_id, 'Forces attacked positions.', count(*), "
        "min(a.published), max(a.published), ['strike'], ['Iran'], ['IRN'], ['Place 1'], ['outlet1'] "
        "FROM story_articles s JOIN articles a ON a.id = s.article_id GROUP BY s.story_id"
    ).fetchall()
    con.execute(
        "INSERT INTO quotes BY NAME SELECT 'a' || lpad(CAST(i AS VARCHAR), 8, '0') AS article_id, 0 AS idx, "
        "3 AS sentence, 'direct' AS type, 'We will respond to attack ' || CAST(i % (" + str(n_articles) + " // 4) "
        "AS VARCHAR) AS text, 100 AS \"start\", 140 AS \"end\", 'said' AS cue_text, 'say' AS cue_lemma, "
        "CASE WHEN hm(i, 10) = 0 THEN 'he' ELSE 'Minister ' || CAST(i % 997 AS VARCHAR) END AS speaker_text, "
        "CASE WHEN hm(i, 10) = 0 THEN NULL ELSE 'Minister ' || CAST(i % 997 AS VARCHAR) END AS speaker_name, "
        "0.9 AS confidence, CASE WHEN hm(i, 10) = 0 THEN 'unresolved' ELSE 'resolved' END AS speaker_status "
        f"FROM range({n_articles}) t(i)"
    ).fetchall()


def queries(rng: random.Random, small: list[str], big: list[str]) -> dict[str, list[str]]:
    """The timed requests per query family: the dashboard's views (the older families first, then issue 19's)."""
    def c() -> str:
        return rng.choice(COUNTRIES[:10])

    def day() -> str:
        return f"2019-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"

    def bbox() -> str:
        lon, lat = rng.uniform(20, 65), rng.uniform(10, 45)
        return f"{lon:.2f},{lat:.2f},{lon + 5:.2f},{lat + 5:.2f}"

    def words() -> str:  # one frequent word and one of middling frequency
        return f"{rng.choice(WORDS)}+term{rng.randint(len(WORDS), 600)}"

    n = 20
    return {
        "events: newest page": ["/api/events?limit=100" for _ in range(n)],
        "events: country+root": [f"/api/events?country={c()}&root={rng.randint(10, 20)}&limit=100" for _ in range(n)],
        "events: actor+dates": [
            f"/api/events?actor={c()}GOV&since={day()}&until=2020-06-30&limit=100" for _ in range(n)
        ],
        "events: bbox+quad+conf": [
            f"/api/events?bbox={bbox()}&quad_class=4&min_confidence=0.8&limit=100" for _ in range(n)
        ],
        "events: modality+code": [
            f"/api/events?modality=threatened&code={rng.randint(10, 20)}&limit=100" for _ in range(n)
        ],
        "map: all events": ["/api/map" for _ in range(n)],
        "map: filtered": [f"/api/map?country={c()}&since={day()}" for _ in range(n)],
        "escalation: dyad": [f"/api/escalation?source={c()}&target={c()}" for _ in range(n)],
        "i19 escalation: chart 4 dyads": [
            "/api/escalation/chart?" + "&".join(f"dyad={c()}-{c()}" for _ in range(4)) + f"&since={day()}"
            for _ in range(n)
        ],
        "i19 alerts: newest page": ["/api/alerts?limit=50" for _ in range(n)],
        "i19 alerts: window+dyad": [
            f"/api/alerts?since={day()}&until=2020-12-31&source={c()}&target={c()}&limit=50" for _ in range(n)
        ],
        "i19 map view: all events": ["/api/map/view" for _ in range(n)],
        "i19 map view: located+precision": [
            f"/api/map/view?located_in={c()}&precision=place&precision=admin&since={day()}" for _ in range(n)
        ],
        "i19 map export: view (geojson)": [
            f"/api/map/export?bbox={bbox()}&located_in={c()}&since={day()}&precision=place&min_confidence=0.8"
            for _ in range(n)
        ],
        "i19 events: located_in": [f"/api/events?located_in={c()}&precision=admin&limit=100" for _ in range(n)],
        "network: countries": [f"/api/network?level=country&since={day()}" for _ in range(n)],
        "search: two words": [f"/api/search?q={words()}&limit=20" for _ in range(n)],
        "stats": ["/api/stats" for _ in range(5)],
        # issue 19's endpoints (and the views that changed with it) not covered above
        "i19 events: timing historical": [
            f"/api/events?timing=historical&country={c()}&limit=100" for _ in range(n)
        ],
        "i19 events: timing all+until": [f"/api/events?timing=all&until={day()}&limit=100" for _ in range(n)],
        "i19 map view: slider window": [
            f"/api/map/view?since={day()}&until=2020-{rng.randint(1, 12):02d}-28&precision=place" for _ in range(n)
        ],
        "i19 dyads: busiest in window": [f"/api/dyads?top=30&since={day()}&until=2020-12-31" for _ in range(n)],
        "i19 network: actors top 25": [f"/api/network?top=25&since={day()}" for _ in range(n)],
        "i19 network: countries top 25": ["/api/network?level=country&top=25" for _ in range(n)],
        "i19 codes": ["/api/codes" for _ in range(n)],
        "i19 changes": ["/api/changes" for _ in range(n)],
        "i19 quotes: merged page": ["/api/quotes?limit=200" for _ in range(n)],
        "i19 quotes: merged by speaker": [
            f"/api/quotes?speaker=Minister%20{rng.randint(1, 996)}&limit=200" for _ in range(n)
        ],
        "i19 stories: list": ["/api/stories?limit=100" for _ in range(n)],
        # a story's timeline: half the requests on stories of 1,000 articles (5,000 events), each story once
        "i19 timeline: story first page": [
            f"/api/timeline?story={sid}" for sid in rng.sample(small, n // 2) + rng.sample(big, n // 2)
        ],
        "i19 timeline: story page 2-5": [
            f"/api/timeline?story={sid}&offset={100 * k}" for sid in rng.sample(big, n // 4) for k in range(1, 5)
        ],
        "i19 story: detail": [f"/api/stories/{sid}" for sid in rng.sample(small, n)],
    }


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(q * (len(values) - 1)))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--db", type=Path, default=Path("bench-output/api.duckdb"))
    ap.add_argument("--rebuild", action="store_true", help="regenerate the store even if it exists")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--no-index", action="store_true", help="do not run the `wirescope index` step after building")
    ap.add_argument("--only", default="", help="comma-separated prefixes of the query families to time")
    args = ap.parse_args()

    if args.rebuild or not args.db.exists():
        build(args.db, args.events)
        if not args.no_index:
            from wirescope.store import Store
            from wirescope.store.search import cluster

            t0 = time.perf_counter()
            with Store(args.db) as store:
                stats = cluster(store.con)
            print(f"`wirescope index` step: {stats.postings:,} postings clustered in {time.perf_counter() - t0:.1f} s")
    from fastapi.testclient import TestClient

    from wirescope.__about__ import __version__
    from wirescope.api import create_app
    from wirescope.store import Store

    with Store(args.db):  # a store built by an older version: its new migrations (019's index) applied
        pass
    con = duckdb.connect(str(args.db), read_only=True)
    n_events = con.execute("SELECT count(*) FROM events").fetchone()[0]  # type: ignore[index]
    n_articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]  # type: ignore[index]
    sizes = con.execute("SELECT id, size FROM stories ORDER BY id").fetchall()
    con.close()
    small = [sid for sid, size in sizes if size <= STORY_SIZE] or [sid for sid, _ in sizes]
    big = [sid for sid, size in sizes if size > STORY_SIZE] or small

    print(
        f"machine: {platform.machine()} {platform.processor() or ''} cpus={os.cpu_count()} | "
        f"python {platform.python_version()} duckdb {duckdb.__version__} wirescope {__version__}"
    )
    print(f"store: {args.db} ({args.db.stat().st_size / 1e6:.0f} MB): {n_events:,} events, {n_articles:,} articles, "
          f"{len(sizes):,} stories")
    print("reference (ref ms): a bare DuckDB full scan of the events table (count, sum, distinct) on the app's own "
          "connection, p50 of 5 run just before each family; load: 1-minute load average after the family")
    print(f"{'query':32} {'n':>3} {'first ms':>8} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'ref ms':>7} "
          f"{'load':>5}  rows/items")
    worst = {"all": 0.0, "i19": 0.0}
    with TestClient(create_app(args.db)) as client:
        client.get("/api/stats")  # warm the schema cache and DuckDB's buffers once
        con = client.app.state.db.store.con  # type: ignore[attr-defined]
        only = tuple(p.strip() for p in args.only.split(",") if p.strip())
        for name, urls in queries(random.Random(args.seed), small, big).items():
            if only and not name.startswith(only):
                continue
            ref = reference(con)
            times, counts = timed(client, urls)
            p95 = pct(times, 0.95)
            for key in ("all", "i19") if name.startswith("i19") else ("all",):
                worst[key] = max(worst[key], p95)
            print(
                f"{name:32} {len(times):>3} {times[0]:>8.1f} {pct(times, 0.5):>8.1f} {p95:>8.1f} {max(times):>8.1f} "
                f"{ref:>7.1f} {os.getloadavg()[0]:>5.1f}  ~{statistics.median(counts):.0f}"
            )
        if not only or "events: cursor pages 1-50".startswith(only):
            deep_pages(client, con, worst)
    print(f"worst p95: {worst['all']:.1f} ms (target <= 200 ms); issue 19's endpoints (i19): {worst['i19']:.1f} ms "
          "(target <= 100 ms)")


def reference(con: duckdb.DuckDBPyConnection) -> float:
    """The same-run reference: p50 of five bare full scans of the events table."""
    ref = []
    with con.cursor() as cur:
        for _ in range(5):
            t = time.perf_counter()
            cur.execute("SELECT count(*), sum(goldstein), count(DISTINCT source_country) FROM events").fetchall()
            ref.append((time.perf_counter() - t) * 1000)
    return statistics.median(ref)


def timed(client: Any, urls: list[str]) -> tuple[list[float], list[int]]:
    """Each request's time (ms) and the number of rows or items it answered."""
    times, counts = [], []
    for url in urls:
        t = time.perf_counter()
        r = client.get(url)
        times.append((time.perf_counter() - t) * 1000)
        if r.status_code != 200:
            print(f"  {url}: {r.status_code} {r.text[:200]}", file=sys.stderr)
        body = r.json() if "json" in r.headers.get("content-type", "") else {}
        found = next((body[k] for k in ("features", "items", "points", "edges", "events") if body.get(k)), None)
        if found is None and isinstance(body, dict) and body.get("series"):
            found = body["series"][0].get("points", [])
        counts.append(len(found) if isinstance(found, list) else len(body) if isinstance(body, dict) else 0)
    return times, counts


def deep_pages(client: Any, con: duckdb.DuckDBPyConnection, worst: dict[str, float]) -> None:
    """A deep page: follow the cursor 50 pages into the newest-first list."""
    ref = reference(con)
    cursor, times = None, []
    for _ in range(50):
        t = time.perf_counter()
        body = client.get("/api/events", params={"limit": 100, **({"cursor": cursor} if cursor else {})}).json()
        times.append((time.perf_counter() - t) * 1000)
        cursor = body["next_cursor"]
    print(
        f"{'events: cursor pages 1-50':32} {len(times):>3} {times[0]:>8.1f} {pct(times, 0.5):>8.1f} "
        f"{pct(times, 0.95):>8.1f} {max(times):>8.1f} {ref:>7.1f} {os.getloadavg()[0]:>5.1f}  100"
    )
    worst["all"] = max(worst["all"], pct(times, 0.95))


if __name__ == "__main__":
    main()
