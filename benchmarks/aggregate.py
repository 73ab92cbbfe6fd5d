"""Benchmark: aggregation at volume on a DuckDB store: merging, story clustering, escalation, the search index, and
the incremental cost of new articles. Not a test: run it by hand (it takes minutes to an hour).

Corpus (deterministic, seeded; the distributions are fixed here, only the sizes are options): ``--articles``
articles in ``--articles / 10`` stories over ``--years`` years (1 by default: every corpus in one year, so the news
of a day, and the stories open at once, grow with the corpus; real news does not grow denser as a store grows, it
spans more years, which ``--years`` gives: 200,000 articles over 10 years have the daily density of 20,000 over
one). A story starts on a uniformly chosen day of the span and has 25 topic words, 4 entity names, 4 actors and 5
real-world events; an article belongs to a uniformly chosen story, is published 0-30 days after the story starts
(exponential, mean 3 days), and has ~``--words`` body words, a third from its story's topic and the rest from a
Zipf-distributed background vocabulary of 30,000 words (so document frequencies look like news), a 6-word title
from the topic, and 6 entity mentions. ``--events`` events are spread evenly over the articles: 80% report one of
the story's real events (date jittered by a day, CAMEO code varying within the root), 20% are unrelated; confidence
uniform in [0.3, 1.0]. ``--corpus FILE.jsonl`` takes the body texts from a real corpus instead, each repetition
with 30% of its words replaced and a new title, so near-duplicate detection keeps the copies apart.

Phases, each timed (peak memory is the resident set summed over the process tree, sampled every 0.2 s; each
aggregation also reports its process's CPU seconds and the load average, as wall times on a shared machine follow
the other jobs):

1. generate the corpus (reported separately) and write it to a temporary store through ``Store.write`` (per-article
   rows, their term counts for story clustering since session 19, and the search index postings), 5,000 articles
   per transaction;
2. ``wirescope index``: cluster the search index; then time searches of frequent, topical and rare terms;
3. full aggregation (``aggregate_store(rebuild=True)``): load, merge, cluster, describe, escalation, write, each
   timed in wall and CPU seconds;
   (``--streamed CHUNK``: the same as incremental runs of CHUNK articles from an empty picture, bounded memory; a
   store of more than ``AggregateSettings.stream_above`` articles, 100,000, is streamed in chunks of 50,000 unless
   ``--in-memory``);
4. incremental: ``--incremental`` further articles (the next days of the timeline) written and aggregated, after
   the full run, ``--rounds`` times: the cost of keeping a store of this size current;
5. reference: tokenising the same texts (the floor of any term-based clustering), on the first 20,000, with the
   tokeniser of 2026-12-04 kept here (:func:`reference_terms`), so the reference stays the same work.

At the end the run is printed as a row of the growth table of docs/aggregate.md (:func:`table_row`).

    .venv/bin/python benchmarks/aggregate.py --articles 20000 --events 100000
    .venv/bin/python benchmarks/aggregate.py --articles 200000 --events 1000000
    .venv/bin/python benchmarks/aggregate.py --articles 2000 --events 10000 --incremental 200      # quick check
    # a shared machine: write the store early, aggregate a copy of it later (generate and write figures kept)
    .venv/bin/python benchmarks/aggregate.py --articles 200000 --events 1000000 --write-only /tmp/s200k.duckdb
    .venv/bin/python benchmarks/aggregate.py --articles 200000 --events 1000000 --from-store /tmp/s200k.duckdb
    # the incremental cost alone, at one store size: keep the aggregated store once, then time +1k runs on copies
    .venv/bin/python benchmarks/aggregate.py --articles 200000 --events 1000000 --from-store /tmp/s200k.duckdb \
        --save-aggregated /tmp/a200k.duckdb
    .venv/bin/python benchmarks/aggregate.py --articles 200000 --events 1000000 --from-store /tmp/a200k.duckdb \
        --incremental-only
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import resource
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from wirescope.aggregate.text import stem, stopwords  # noqa: E402
from wirescope.records import Actor, Analysis, Article, Entity, Event, Mention, Provenance, Span  # noqa: E402

COUNTRIES = ["USA", "IRN", "IRQ", "ISR", "RUS", "CHN", "GBR", "FRA", "DEU", "TUR", "SYR", "SAU", "UKR", "IND", "PAK"]
ROLES = ["GOV", "MIL", "REB", "OPP", "BUS", "MED", "COP", ""]
ROOTS = {"01": 1, "04": 1, "05": 1, "06": 2, "07": 2, "11": 3, "12": 3, "13": 3, "17": 4, "18": 4, "19": 4}
GOLD = {1: 1.0, 2: 6.0, 3: -4.0, 4: -9.0}
START = date(2020, 1, 1)


def _word(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("bcdfghjklmnprstvz") + rng.choice("aeiou") for _ in range(n))


@dataclass(frozen=True)
class StoryPlan:
    topic: list[str]
    entities: list[str]
    day: date
    real: list[tuple[str, str, str, date]]  # source, target, CAMEO root, date


class Corpus:
    """The synthetic corpus, generated article by article in publication order (nothing held but the plan)."""

    def __init__(self, n_articles: int, n_events: int, words: int, real: list[str] | None = None, seed: int = 7,
                 years: int = 1):
        rng = random.Random(seed)
        self.days = 365 * years  # the stories' start days (one year: the same draws as before --years)
        self.background = sorted({_word(rng, rng.randint(2, 4)) for _ in range(30_000)})
        rng.shuffle(self.background)
        self.cum = _cumulative([1.0 / (i + 1) for i in range(len(self.background))])
        self.stories = [self._story(rng) for _ in range(max(1, n_articles // 10))]
        self.words, self.real, self.seed = words, real, seed
        self.per_article = max(1, n_events // n_articles)
        # (published, story) of every article, sorted: the only per-article state kept
        plan = []
        for _ in range(n_articles):
            s = rng.randrange(len(self.stories))
            plan.append((self.stories[s].day + timedelta(days=min(30, int(rng.expovariate(1 / 3)))), s))
        plan.sort()
        self.plan = plan

    def _story(self, rng: random.Random) -> StoryPlan:
        topic = [_word(rng, 3) for _ in range(25)]
        entities = [_word(rng, 3).title() + " " + _word(rng, 2).title() for _ in range(4)]
        day = START + timedelta(days=rng.randrange(self.days))
        actors = [rng.choice(COUNTRIES) + rng.choice(ROLES) for _ in range(4)]
        real = [(rng.choice(actors), rng.choice(actors), rng.choice(list(ROOTS)),
                 day + timedelta(days=rng.randrange(5))) for _ in range(5)]
        return StoryPlan(topic, entities, day, real)

    def __len__(self) -> int:
        return len(self.plan)

    def analyses(self, lo: int, hi: int) -> Iterator[Analysis]:
        for i in range(lo, hi):
            yield self.analysis(i)

    def analysis(self, i: int) -> Analysis:
        rng = random.Random(self.seed * 10_000_019 + i)
        published, s = self.plan[i]
        story = self.stories[s]
        aid = f"a{i:07d}"
        body = self._body(rng, story, i)
        art = Article(id=aid, text=body, title=" ".join(rng.choices(story.topic, k=6)), published=published,
                      source=f"src{rng.randrange(300)}")
        names = sorted(set(rng.choices(story.entities, k=6)))
        ents = tuple(Entity(f"ent:{n}", n, "ORG", (Mention(aid, 0, 0, 1, n, "ORG"),)) for n in names)
        events = tuple(self._event(rng, story, aid, j, published) for j in range(self.per_article))
        return Analysis(article=art, provenance=Provenance("bench", "none", ()), entities=ents, events=events)

    def _body(self, rng: random.Random, story: StoryPlan, i: int) -> str:
        if self.real:
            words = self.real[i % len(self.real)].split()
            # a third of the words changed (and the story's topic mixed in): copies are not near-duplicates
            for k in rng.sample(range(len(words)), len(words) // 3):
                words[k] = rng.choice(story.topic) if k % 2 else self.background[rng.randrange(2000)]
            return " ".join(words)
        n = self.words
        body = rng.choices(self.background, cum_weights=self.cum, k=n * 2 // 3) + rng.choices(story.topic, k=n // 3)
        rng.shuffle(body)
        return " ".join(body) + "."

    def _event(self, rng: random.Random, story: StoryPlan, aid: str, j: int, published: date) -> Event:
        if rng.random() < 0.8:
            src, tgt, root, when = rng.choice(story.real)
        else:
            src, tgt = rng.choice(COUNTRIES) + "GOV", rng.choice(COUNTRIES) + "MIL"
            root, when = rng.choice(list(ROOTS)), published
        when = when + timedelta(days=rng.choice((-1, 0, 0, 1)))
        code = root + str(rng.randrange(4))
        quad = ROOTS[root]
        return Event(aid, j, code, root, code[:3], quad, GOLD[quad], Span(j * 50, j * 50 + 6, "trig"),
                     Actor(0, 3, src, code=src, country=src[:3]), Actor(9, 12, tgt, code=tgt, country=tgt[:3]),
                     confidence=round(rng.uniform(0.3, 1.0), 2), date=when.isoformat())


_TOKEN = re.compile(r"[^\W_][\w'’.\-]*[^\W_]|[^\W_]", re.UNICODE)


def reference_terms(text: str) -> list[str]:
    """The same-run reference's work: the story tokeniser as it was on 2026-12-04 (a regex, then a strip, stopword
    test and stem per token; aggregate.text.terms now caches a token's term), kept fixed here so the reference
    measures the machine, not this repository's changes."""
    stop = stopwords()
    out = []
    for match in _TOKEN.finditer(text.lower()):
        tok = match.group().strip(".'’-")
        if len(tok) < 2 or tok in stop:
            continue
        if tok.replace(".", "").replace(",", "").isdigit() and len(tok) < 3:
            continue
        out.append(stem(tok))
    return out


def _cumulative(weights: list[float]) -> list[float]:
    out, total = [], 0.0
    for w in weights:
        total += w
        out.append(total)
    return out


class TreeMemory:
    """Peak resident memory summed over this process and its descendants, sampled in a thread."""

    def __init__(self, every: float = 0.2) -> None:
        self.peak = 0
        self.phase_peak = 0  # since the last phase(): the full run's own peak, apart from the search index's
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(every,), daemon=True)
        self._thread.start()

    def _run(self, every: float) -> None:
        while not self._stop.wait(every):
            self._sample()

    def _sample(self) -> None:
        now = tree_rss(os.getpid())
        self.peak, self.phase_peak = max(self.peak, now), max(self.phase_peak, now)

    def mb(self) -> float:
        self._sample()
        return self.peak / 2**20

    def phase(self) -> None:
        """Start a phase: :meth:`phase_mb` is the peak from now on (it starts at the memory held now)."""
        self.phase_peak = 0
        self._sample()

    def phase_mb(self) -> float:
        self._sample()
        return self.phase_peak / 2**20

    def stop(self) -> None:
        self._stop.set()


def tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and every descendant (from /proc)."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/statm") as fh:
                total += int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            with open(f"/proc/{p}/task/{p}/children") as fh:
                todo.extend(int(c) for c in fh.read().split())
        except (OSError, ValueError):
            continue
    return total


def arguments() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--articles", type=int, default=20_000)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--words", type=int, default=300, help="body words per synthetic article")
    ap.add_argument("--years", type=int, default=1,
                    help="years the stories start in (1: the corpus's density grows with its size; N: 1/N of it)")
    ap.add_argument("--incremental", type=int, default=1_000, help="articles per incremental run")
    ap.add_argument("--rounds", type=int, default=2, help="incremental runs after the full one")
    ap.add_argument("--corpus", type=Path, help="JSON Lines corpus whose texts are repeated with changes")
    ap.add_argument("--db", type=Path, help="keep the store here (default: a temporary directory)")
    ap.add_argument("--json", type=Path, help="also write the figures as JSON")
    ap.add_argument("--streamed", type=int, default=0, metavar="CHUNK",
                    help="full run as incremental runs of CHUNK articles from an empty picture (bounded memory)")
    ap.add_argument("--in-memory", action="store_true",
                    help="full run in memory whatever the store's size (AggregateSettings(stream_above=0)): its "
                    "memory grows with the store, 7.4 GB at 200k articles")
    ap.add_argument("--no-search", action="store_true",
                    help="skip the search index phase (its clustering of the postings, 33 million at 200k articles, "
                    "takes minutes and memory of its own; `wirescope index` runs apart)")
    ap.add_argument("--write-only", type=Path, metavar="STORE",
                    help="generate and write the corpus's first --articles articles to STORE, save the figures in "
                    "STORE.json and stop (on a shared machine, the store can be written early and aggregated later)")
    ap.add_argument("--from-store", type=Path, metavar="STORE",
                    help="start from a copy of a store written by --write-only with the same sizes: its generate "
                    "and write figures are reported as measured then")
    ap.add_argument("--save-aggregated", type=Path, metavar="STORE",
                    help="after the full run, keep a copy of the aggregated store here (for --incremental-only)")
    ap.add_argument("--incremental-only", action="store_true",
                    help="with --from-store of a store saved by --save-aggregated: skip the search index and the "
                    "full run, and time only the incremental rounds (the +1k cost at that store size)")
    return ap.parse_args()


def main() -> None:
    args = arguments()
    import duckdb

    mem = TreeMemory()
    figures: dict[str, object] = {"args": {k: str(v) for k, v in vars(args).items()}}
    print(f"machine: {platform.machine()} cpus={os.cpu_count()} load {os.getloadavg()} python "
          f"{platform.python_version()} duckdb {duckdb.__version__}", flush=True)
    real = None
    if args.corpus:
        with args.corpus.open(encoding="utf-8") as fh:
            real = [json.loads(line)["text"] for line in fh if line.strip()]
    total = args.articles + args.incremental * args.rounds
    t = time.perf_counter()
    corpus = Corpus(total, args.events * total // args.articles, args.words, real, years=args.years)
    figures["plan_s"] = time.perf_counter() - t
    print(f"corpus: {'repeated ' + args.corpus.name if args.corpus else 'synthetic'}, {total} articles "
          f"({args.articles} + {args.rounds} x {args.incremental}), {corpus.per_article} events/article, "
          f"{len(corpus.stories)} stories over {args.years} year(s); plan in {figures['plan_s']:.1f}s", flush=True)
    if args.write_only:
        write_only(corpus, args, figures)
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "bench.duckdb"
        run(corpus, path, args, mem, figures)
    figures["peak_rss_mb"] = mem.mb()
    print(f"peak rss (process tree): {mem.mb():.0f} MB; load {os.getloadavg()}")
    print("growth-table row (docs/aggregate.md, 'Benchmark: how the cost grows'):")
    print(TABLE_HEAD)
    print(table_row(args, figures), flush=True)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1, default=str))


def run(corpus: Corpus, path: Path, args: argparse.Namespace, mem: TreeMemory, figures: dict[str, object]) -> None:
    from wirescope.store import Store

    n = args.articles
    if args.from_store:
        saved = json.loads(args.from_store.with_suffix(".json").read_text())
        if (saved["args"]["articles"], saved["args"]["events"], saved["args"].get("years", "1")) != (
                str(n), str(args.events), str(args.years)):
            raise SystemExit(f"{args.from_store} holds another corpus: {saved['args']}")
        shutil.copyfile(args.from_store, path)
    with Store(path) as store:
        if args.from_store:
            done = {k: saved[k] for k in ("generate_s", "write_s", "generate_cpu_s", "write_cpu_s") if k in saved}
            print(f"store: a copy of {args.from_store}, written {saved['written']} (load {saved['load']})")
        else:
            done = write(store, corpus, 0, n)
        figures.update(done)
        gen, wrote = done["generate_s"], done["write_s"]
        print(f"generate: {n} articles in {gen:.1f}s (reported apart); store write (per-article rows and search "
              f"postings): {wrote:.1f}s{_cpu_note(done)}; rss {mem.mb():.0f} MB", flush=True)
        if not args.incremental_only:
            if not args.no_search:
                figures["search"] = search_phase(store, corpus)
                print(f"  rss {mem.mb():.0f} MB", flush=True)
            mem.phase()
            start = mem.phase_mb()
            figures["full"] = full = aggregate(store, rebuild=True, label="full", streamed=args.streamed,
                                               in_memory=args.in_memory)
            full["rss_start_mb"], full["peak_rss_mb"] = start, mem.phase_mb()
            print(f"  rss {mem.mb():.0f} MB; during the full run: peak {full['peak_rss_mb']:.0f} MB (at its start "
                  f"{start:.0f} MB)", flush=True)
        if args.save_aggregated:
            store.con.execute("CHECKPOINT")  # type: ignore[attr-defined]
            shutil.copyfile(path, args.save_aggregated)
            args.save_aggregated.with_suffix(".json").write_text(json.dumps(
                {**saved, "aggregated": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())} if args.from_store
                else {"args": figures["args"], **done, "load": os.getloadavg(),
                      "written": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}, indent=1, default=str))
        rounds = []
        for r in range(args.rounds):
            lo = n + r * args.incremental
            wrote = write(store, corpus, lo, lo + args.incremental)["write_s"]
            print(f"incremental round {r + 1}: wrote {args.incremental} articles in {wrote:.1f}s", flush=True)
            rounds.append(aggregate(store, rebuild=False, label=f"incremental +{args.incremental}"))
        figures["incremental"] = rounds
        print(f"  rss {mem.mb():.0f} MB", flush=True)
    sample = min(n, 20_000)
    texts = [(a.article.title or "", a.article.text) for a in corpus.analyses(0, sample)]  # generated, not timed
    t = time.perf_counter()
    for title, text in texts:
        reference_terms(title)
        reference_terms(text)
    ref = (time.perf_counter() - t) * n / sample
    figures["tokenise_s"] = ref
    print(f"reference: tokenising the {n} texts: {ref:.1f}s (measured on {sample}, scaled)")


def write_only(corpus: Corpus, args: argparse.Namespace, figures: dict[str, object]) -> None:
    """Phase 1 alone, into a store kept for ``--from-store`` (with its figures beside it)."""
    from wirescope.store import Store

    if args.write_only.exists():
        raise SystemExit(f"{args.write_only} exists: give a new path")
    with Store(args.write_only) as store:
        done = write(store, corpus, 0, args.articles)
    figures.update(done, load=os.getloadavg(), written=time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()))
    gen, wrote = done["generate_s"], done["write_s"]
    args.write_only.with_suffix(".json").write_text(json.dumps(figures, indent=1, default=str))
    print(f"generate: {args.articles} articles in {gen:.1f}s; store write: {wrote:.1f}s{_cpu_note(done)} -> "
          f"{args.write_only}")


def write(store: object, corpus: Corpus, lo: int, hi: int, chunk: int = 5_000) -> dict[str, float]:
    """Generate and write articles ``lo:hi``: wall and CPU seconds of each (CPU since session 21: on a shared machine
    the wall time follows the other jobs)."""
    gen = wrote = gen_cpu = wrote_cpu = 0.0
    for start in range(lo, hi, chunk):
        t, c = time.perf_counter(), _cpu()
        batch = list(corpus.analyses(start, min(hi, start + chunk)))
        gen, gen_cpu = gen + time.perf_counter() - t, gen_cpu + _cpu() - c
        t, c = time.perf_counter(), _cpu()
        store.write(batch, run_id=None)  # type: ignore[attr-defined]
        wrote, wrote_cpu = wrote + time.perf_counter() - t, wrote_cpu + _cpu() - c
    return {"generate_s": gen, "write_s": wrote, "generate_cpu_s": gen_cpu, "write_cpu_s": wrote_cpu}


def _cpu_note(done: dict[str, float]) -> str:
    """The CPU seconds of generating and writing, when measured (a store written before session 21 has none)."""
    if "write_cpu_s" not in done:
        return ""
    return f" (CPU: generate {done['generate_cpu_s']:.1f}s, write {done['write_cpu_s']:.1f}s)"


def search_phase(store: object, corpus: Corpus) -> dict[str, float]:
    from wirescope.store.search import cluster, search

    con = store.con  # type: ignore[attr-defined]
    t = time.perf_counter()
    stats = cluster(con)
    took = time.perf_counter() - t
    queries = {"frequent": corpus.background[0], "topical": " ".join(corpus.stories[0].topic[:2]),
               "rare": corpus.background[-1], "entity": corpus.stories[-1].entities[0]}
    out = {"index_s": took, "postings": float(stats.postings)}
    for name, q in queries.items():
        t = time.perf_counter()
        hits = search(con, q, limit=20)
        out[f"query_{name}_ms"] = (time.perf_counter() - t) * 1000
        out[f"query_{name}_hits"] = float(len(hits))
    print(f"search index: clustered {stats.postings:,} postings ({stats.terms:,} terms, {stats.row_groups} row "
          f"groups) in {took:.1f}s; queries " + ", ".join(f"{k} {out[f'query_{k}_ms']:.0f} ms" for k in queries),
          flush=True)
    return out


def aggregate(store: object, *, rebuild: bool, label: str, streamed: int = 0, in_memory: bool = False,
              ) -> dict[str, object]:
    from wirescope.aggregate.build import AggregateSettings, aggregate_store

    t, cpu = time.perf_counter(), _cpu()
    settings = AggregateSettings(**({"chunk": streamed} if streamed else {}), **({"stream_above": 0} if in_memory
                                                                                else {}))
    report = aggregate_store(store.con, settings, rebuild=rebuild, streamed=bool(streamed))  # type: ignore[attr-defined]
    took, cpu = time.perf_counter() - t, _cpu() - cpu
    if report.streamed:
        label += f", streamed in chunks of {settings.chunk}"
    data = report.to_json()
    print(f"aggregate ({label}): {took:.1f}s (CPU {cpu:.1f}s; load {os.getloadavg()[0]:.1f}) -> "
          f"{report.merged_events} merged events, {report.stories} stories, "
          f"{report.escalation_rows} escalation rows, {report.alerts} alerts; new articles {report.new_articles}; "
          f"phases {data['timings']}, CPU {data['cpu_timings']}", flush=True)
    return {"seconds": took, "cpu_seconds": cpu, "load": os.getloadavg()[0], **data}


TABLE_HEAD = ("| articles / events | generate (apart) | store write | `wirescope index`; searches (frequent, topical, "
              "rare, entity) | full aggregation (CPU) | load / merge / cluster / describe / escalation / write (CPU) | "
              "peak RSS of the full run | each incremental run (CPU) | reference: tokenising | load average |\n"
              + "|---" * 10 + "|")
PHASES = ("load", "merge", "cluster", "describe", "escalation", "write")


def table_row(args: argparse.Namespace, figures: dict[str, Any]) -> str:
    """The run as one row of the growth table (what a phase did not run shows as "-")."""
    search, full, rounds = figures.get("search"), figures.get("full"), figures.get("incremental") or []
    span = f", {args.years} years" if args.years > 1 else ", 1 year"
    cells = [f"{args.articles // 1000}k / {args.events // 1000}k{span}", f"{figures['generate_s']:.1f} s",
             f"{figures['write_s']:.1f} s" + (f" (CPU {figures['write_cpu_s']:.1f} s)" if "write_cpu_s" in figures
                                               else "")]
    cells.append("-" if not search else f"{search['index_s']:.1f} s; " + ", ".join(
        f"{search[f'query_{k}_ms']:.0f}" for k in ("frequent", "topical", "rare", "entity")) + " ms")
    if full:
        timings = full.get("timings", {})
        cells += [f"{full['seconds']:.1f} s (CPU {full['cpu_seconds']:.1f} s)"
                  + (", streamed" if full.get("streamed") else ""),
                  " / ".join(f"{timings.get(k, 0.0):.1f}" for k in PHASES) + " s" + cpu_phases(full),
                  f"{full['peak_rss_mb'] / 1024:.2f} GB"]
    else:
        cells += ["-", "-", "-"]
    cells.append(", ".join(f"{r['seconds']:.1f} s (CPU {r['cpu_seconds']:.1f} s)" for r in rounds) or "-")
    cells.append(f"{figures['tokenise_s']:.1f} s" if "tokenise_s" in figures else "-")
    loads = [x["load"] for x in ([full] if full else []) + rounds]
    cells.append(f"{min(loads):.1f}–{max(loads):.1f}" if loads else "-")
    return "| " + " | ".join(cells) + " |"


def cpu_phases(run: dict[str, Any]) -> str:
    """The phases' CPU seconds (reports since session 19), in brackets after their wall times."""
    cpu = run.get("cpu_timings") or {}
    return f" (CPU {' / '.join(f'{cpu.get(k, 0.0):.1f}' for k in PHASES)} s)" if cpu else ""


def _cpu() -> float:
    """CPU seconds of this process (user + system): on a shared machine, steadier than the wall clock."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    main()
