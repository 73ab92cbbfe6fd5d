"""Benchmark: event merging and story clustering at volume, plus the incremental cost of new articles.

Synthetic corpus (deterministic, seeded): ``--articles`` articles in ``--stories`` stories over a year. An article
has a title and ~``--words`` body words: a third from its story's own vocabulary (topic terms and entities), the
rest from a Zipf-distributed background vocabulary, so document frequencies look like news. ``--events`` events are
spread over the articles; each story has a handful of real-world events that its articles report (with dates
jittered by a day, varying CAMEO codes within a root and ~20% of events being unrelated), so merging has real work.

Prints: machine, versions, corpus sizes; time and peak RSS for merging all events and clustering all articles; the
time to add ``--incremental`` further articles to the existing state; and, as a same-run reference, the time to
tokenise the same texts (the floor any term-based clustering pays).

    .venv/bin/python benchmarks/aggregate.py                      # 20k articles, 100k events, +1k incremental
    .venv/bin/python benchmarks/aggregate.py --articles 2000 --events 10000 --incremental 200   # quick
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import sys
import time
from datetime import date, timedelta

from wirescope.aggregate.merge import ArticleMeta, EventMerger
from wirescope.aggregate.stories import StoryClusterer, StoryDoc
from wirescope.aggregate.text import terms
from wirescope.records import Actor, Event, Span

COUNTRIES = ["USA", "IRN", "IRQ", "ISR", "RUS", "CHN", "GBR", "FRA", "DEU", "TUR", "SYR", "SAU", "UKR", "IND", "PAK"]
ROLES = ["GOV", "MIL", "REB", "OPP", "BUS", "MED", "COP", ""]
ROOTS = {"01": 1, "04": 1, "05": 1, "06": 2, "07": 2, "11": 3, "12": 3, "13": 3, "17": 4, "18": 4, "19": 4}
GOLD = {1: 1.0, 2: 6.0, 3: -4.0, 4: -9.0}


def _word(rng: random.Random, n: int) -> str:
    letters = "bcdfghjklmnprstvz"
    vowels = "aeiou"
    return "".join(rng.choice(letters) + rng.choice(vowels) for _ in range(n))


def corpus(n_articles: int, n_stories: int, n_events: int, words: int, seed: int = 7):  # type: ignore[no-untyped-def]
    rng = random.Random(seed)
    background = list({_word(rng, rng.randint(2, 4)) for _ in range(30_000)})
    weights = [1.0 / (i + 1) for i in range(len(background))]
    start = date(2020, 1, 1)
    stories = []
    for _ in range(n_stories):
        topic = [_word(rng, 3) for _ in range(25)]
        entities = [_word(rng, 3).title() + " " + _word(rng, 2).title() for _ in range(4)]
        day = start + timedelta(days=rng.randrange(365))
        actors = [(rng.choice(COUNTRIES) + rng.choice(ROLES)) for _ in range(4)]
        real = [
            (rng.choice(actors), rng.choice(actors), rng.choice(list(ROOTS)), day + timedelta(days=rng.randrange(5)))
            for _ in range(5)
        ]
        stories.append((topic, entities, day, real))
    per_article = max(1, n_events // n_articles)
    docs, events = [], []
    for i in range(n_articles):
        s = rng.randrange(n_stories)
        topic, entities, day, real = stories[s]
        published = day + timedelta(days=min(30, int(rng.expovariate(1 / 3))))
        body = rng.choices(background, weights, k=words * 2 // 3) + rng.choices(topic, k=words // 3)
        title = " ".join(rng.choices(topic, k=6))
        aid = f"a{i:06d}"
        docs.append(
            StoryDoc(
                aid,
                title,
                " ".join(body),
                published,
                tuple(rng.choices(entities, k=6)),
                (),
                (),
                f"src{rng.randrange(300)}",
            )
        )
        evs = []
        for j in range(per_article):
            if rng.random() < 0.8:
                src, tgt, root, when = rng.choice(real)
            else:
                src, tgt = rng.choice(COUNTRIES) + "GOV", rng.choice(COUNTRIES) + "MIL"
                root, when = rng.choice(list(ROOTS)), published
            when = when + timedelta(days=rng.choice((-1, 0, 0, 1)))
            code = root + str(rng.randrange(4))
            quad = ROOTS[root]
            evs.append(
                Event(
                    aid,
                    j,
                    code,
                    root,
                    code[:3],
                    quad,
                    GOLD[quad],
                    Span(j * 50, j * 50 + 6, "trig"),
                    Actor(0, 3, src, code=src, country=src[:3]),
                    Actor(9, 12, tgt, code=tgt, country=tgt[:3]),
                    confidence=round(rng.uniform(0.3, 1.0), 2),
                    date=when.isoformat(),
                )
            )
        events.append((ArticleMeta(aid, published, docs[-1].source, None, None, 2000), evs))
    order = sorted(range(n_articles), key=lambda k: (docs[k].published, docs[k].article_id))
    return [docs[k] for k in order], [events[k] for k in order]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=20_000)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--stories", type=int, default=0, help="default: articles / 10")
    ap.add_argument("--words", type=int, default=300)
    ap.add_argument("--incremental", type=int, default=1_000)
    ap.add_argument(
        "--store",
        type=int,
        default=0,
        help="also time `aggregate_store` on a temporary DuckDB store with this many articles "
        "(+ --incremental), through the store writer",
    )
    args = ap.parse_args()
    n_stories = args.stories or max(1, args.articles // 10)
    total = args.articles + args.incremental

    import duckdb

    import wirescope

    version = getattr(wirescope, "__version__", "?")
    print(
        f"machine: {platform.machine()} {platform.processor() or ''} cpus={os.cpu_count()} "
        f"python {sys.version.split()[0]} wirescope {version} duckdb {duckdb.__version__}"
    )
    t = time.perf_counter()
    docs, arts = corpus(total, n_stories, args.events * total // args.articles, args.words)
    print(
        f"corpus: synthetic, {total} articles ({args.articles} + {args.incremental} incremental), "
        f"{sum(len(e) for _, e in arts)} events, {n_stories} stories, ~{args.words} words/article "
        f"(generated in {time.perf_counter() - t:.1f}s, rss {peak_mb():.0f} MB)"
    )
    # The incremental articles are a random tenth-of-time slice taken from the end of the timeline.
    base_docs, new_docs = docs[: args.articles], docs[args.articles :]
    base_arts, new_arts = arts[: args.articles], arts[args.articles :]

    t = time.perf_counter()
    for d in base_docs:
        terms(d.title or "")
        terms(d.text)
    ref = time.perf_counter() - t
    print(f"reference: tokenising {len(base_docs)} articles: {ref:.1f}s")

    merger = EventMerger()
    t = time.perf_counter()
    for meta, evs in base_arts:
        merger.add_article(meta, evs)
    merged = merger.events()
    t_merge = time.perf_counter() - t
    n_in = sum(len(e) for _, e in base_arts)
    print(
        f"merge: {n_in} events -> {len(merged)} merged events in {t_merge:.1f}s "
        f"({n_in / t_merge:,.0f} events/s); multi-source {sum(1 for e in merged if e.num_sources > 1)}; "
        f"peak rss {peak_mb():.0f} MB"
    )

    clusterer = StoryClusterer()
    t = time.perf_counter()
    for d in base_docs:
        clusterer.add(d)
    t_cluster = time.perf_counter() - t
    print(
        f"cluster: {len(base_docs)} articles -> {len(clusterer)} stories in {t_cluster:.1f}s "
        f"({len(base_docs) / t_cluster:,.0f} articles/s, {t_cluster / ref:.1f}x tokenising); "
        f"peak rss {peak_mb():.0f} MB"
    )
    t = time.perf_counter()
    stories = clusterer.stories()
    print(f"describe: {len(stories)} stories (title, summary, top actors) in {time.perf_counter() - t:.1f}s")

    t = time.perf_counter()
    for meta, evs in new_arts:
        merger.add_article(meta, evs)
    t_inc_merge = time.perf_counter() - t
    t = time.perf_counter()
    for d in new_docs:
        clusterer.add(d)
    t_inc_cluster = time.perf_counter() - t
    t = time.perf_counter()
    merger.events()
    t_summary = time.perf_counter() - t
    print(
        f"incremental: +{len(new_docs)} articles ({sum(len(e) for _, e in new_arts)} events): merge "
        f"{t_inc_merge:.2f}s, cluster {t_inc_cluster:.2f}s, re-summarise all merged events {t_summary:.1f}s; "
        f"peak rss {peak_mb():.0f} MB"
    )
    if args.store:
        store_phase(docs, arts, args.store, args.incremental)


def store_phase(docs, arts, n: int, incremental: int) -> None:  # type: ignore[no-untyped-def]
    import tempfile
    from pathlib import Path

    from wirescope.aggregate.build import aggregate_store
    from wirescope.records import Analysis, Article, Entity, Mention, Provenance
    from wirescope.store import Store

    def analyses(lo: int, hi: int) -> list[Analysis]:
        out = []
        for d, (_, evs) in zip(docs[lo:hi], arts[lo:hi], strict=True):
            art = Article(id=d.article_id, text=d.text, title=d.title, published=d.published, source=d.source)
            ents = tuple(
                Entity(f"ent:{name}", name, "ORG", (Mention(d.article_id, 0, 0, 1, name, "ORG"),))
                for name in sorted(set(d.entities))
            )
            out.append(
                Analysis(article=art, provenance=Provenance("bench", "none", ()), entities=ents, events=tuple(evs))
            )
        return out

    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.duckdb") as store:
        t = time.perf_counter()
        for lo in range(0, n, 1000):
            store.write(analyses(lo, min(n, lo + 1000)), run_id=None)
        print(f"store: wrote {n} articles in {time.perf_counter() - t:.1f}s")
        t = time.perf_counter()
        report = aggregate_store(store.con)
        print(
            f"store: aggregate (full) {time.perf_counter() - t:.1f}s -> {report.merged_events} merged events, "
            f"{report.stories} stories, {report.escalation_rows} escalation rows; peak rss {peak_mb():.0f} MB; "
            f"phases {report.to_json()['timings']}"
        )
        store.write(analyses(n, n + incremental), run_id=None)
        t = time.perf_counter()
        report = aggregate_store(store.con)
        print(
            f"store: aggregate (incremental, +{report.new_articles} articles) {time.perf_counter() - t:.1f}s; "
            f"peak rss {peak_mb():.0f} MB; phases {report.to_json()['timings']}"
        )


if __name__ == "__main__":
    main()
