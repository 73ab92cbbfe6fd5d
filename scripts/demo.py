"""`make demo`: a real situation in the dashboard.

Analyses the bundled VOA stories (data/voa2025/voa_2025_dev.jsonl, credit voanews.com / Voice of America) and the two
example articles into a store, builds the situation picture (merged events, stories, escalation, alerts), prints
its closing lines (the busiest dyads and the top alerts, or that none fired), then serves the dashboard and opens it
in a browser, or prints its address when there is none.

    python scripts/demo.py [--db wirescope.duckdb] [--host 127.0.0.1] [--port 8000] [--no-serve]

`situation(db)` is the library path (ingest, aggregate, summary) without a server; tests/test_demo.py runs it.
A rerun skips the articles already stored, so a second `make demo` starts serving in seconds.
"""

from __future__ import annotations

import argparse
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
import webbrowser
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import duckdb

REPO = Path(__file__).resolve().parents[1]
INPUTS = (REPO / "data" / "voa2025" / "voa_2025_dev.jsonl", REPO / "examples")


@dataclass(frozen=True)
class Dyad:
    source: str
    target: str
    events: int
    mentions: int


@dataclass(frozen=True)
class Situation:
    articles: int
    events: int
    stories: int
    dyads: tuple[Dyad, ...]
    alerts: tuple[str, ...]  # one line each, most unusual first

    def closing_lines(self) -> list[str]:
        lines = [f"{self.articles} articles, {self.events} merged events, {self.stories} stories."]
        if self.dyads:
            lines.append("Busiest dyads: " + "; ".join(
                f"{_country(d.source)} → {_country(d.target)} ({d.events} events, {d.mentions} mentions)"
                for d in self.dyads))
        else:
            lines.append("Busiest dyads: no event between two countries was coded.")
        if self.alerts:
            lines.append("Top alerts:")
            lines += [f"  {a}" for a in self.alerts]
        else:
            lines.append("Alerts: none fired (no dyad's hostility rose far above its own recent days).")
        return lines


def _country(code: str) -> str:
    import pycountry

    found = pycountry.countries.get(alpha_3=code)
    return f"{found.name} ({code})" if found is not None else code


def situation(db: Path, inputs: tuple[Path, ...] = INPUTS, *, top: int = 3) -> Situation:
    """Ingest ``inputs`` into ``db`` (skipping what is stored), aggregate, and summarise the picture."""
    from wirescope.aggregate.build import aggregate_store
    from wirescope.runners.local import ingest
    from wirescope.store import Store

    missing = [str(p) for p in inputs if not p.exists()]
    if missing:
        raise SystemExit(f"demo: missing input {', '.join(missing)} (run from a clone of the repository)")
    with Store(db) as store:
        report = ingest([str(p) for p in inputs], store)
        for failure in getattr(report, "failures", ())[:5]:
            print(f"demo: {failure}", file=sys.stderr)
        aggregate_store(store.con)
        con = store.con
        dyads = tuple(Dyad(*row) for row in con.execute(
            "SELECT source_country, target_country, count(*) AS n, sum(num_mentions) FROM merged_events "
            "WHERE source_country IS NOT NULL AND target_country IS NOT NULL AND source_country <> target_country "
            "GROUP BY ALL ORDER BY n DESC, 4 DESC, 1, 2 LIMIT ?", [top]).fetchall())
        articles, events, stories = (_count(con, t) for t in ("articles", "merged_events", "stories"))
    return Situation(articles, events, stories, dyads, _alert_lines(db, top))


def _alert_lines(db: Path, top: int) -> tuple[str, ...]:
    """The ``top`` alerts in the dashboard's plain words ("Iran → Israel: most hostile day since 2025-06-02, 4 events
    from 3 outlets", the API's ``summary``), most unusual first: country-level alerts first, each dyad-day once (an
    actor-level alert of the same day says it again)."""
    from wirescope.api.db import Database, dicts
    from wirescope.api.escalation import alerts_query, describe_alerts

    store = Database(db)  # read-only, after the ingest's store is closed
    try:
        q = alerts_query(store)
        with store.cursor() as cur:
            rows = dicts(cur.execute(f"SELECT {q.select} FROM {q.from_}"))
            chosen: list[dict[str, object]] = []
            seen: set[tuple[object, object, object]] = set()
            for a in sorted(rows, key=lambda a: (a["level"] != "country", -a["z"], a["day"])):
                if (a["source"], a["target"], a["day"]) not in seen and len(chosen) < top:
                    seen.add((a["source"], a["target"], a["day"]))
                    chosen.append(a)
            describe_alerts(store, cur, chosen)
    finally:
        store.close()
    return tuple(f"{a['summary']} (on {a['day']})" for a in chosen)


def _count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    row = con.execute(f"SELECT count(*) FROM {table}").fetchone()
    return int(row[0]) if row else 0


def serve(db: Path, host: str, port: int) -> int:
    """Serve the dashboard; open it in a browser when there is one, else print its address."""
    exe = shutil.which("wirescope", path=str(Path(sys.executable).parent)) or "wirescope"
    server = subprocess.Popen([exe, "serve", "--db", str(db), "--host", host, "--port", str(port)])
    url = f"http://{host}:{port}/"
    signal.signal(signal.SIGTERM, _interrupt)  # stopped like Ctrl-C: the server goes with us
    try:
        for _ in range(100):  # up to 20 s for the server to answer
            if server.poll() is not None:
                return server.returncode
            try:
                urllib.request.urlopen(url + "api/stats", timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        opened = _has_browser() and webbrowser.open(url)
        print(f"dashboard: {url}" + ("" if opened else " (no browser found: open it yourself)") + "; Ctrl-C stops")
        return server.wait()
    except KeyboardInterrupt:
        server.terminate()
        return server.wait()


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _has_browser() -> bool:
    try:
        webbrowser.get()
    except webbrowser.Error:
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--db", type=Path, default=Path("wirescope.duckdb"))
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--no-serve", action="store_true", help="stop after the summary")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    picture = situation(args.db)
    print(f"database: {args.db.resolve()} ({time.perf_counter() - started:.0f} s)")
    for line in picture.closing_lines():
        print(line)
    return 0 if args.no_serve else serve(args.db, args.host, args.port)


if __name__ == "__main__":
    sys.exit(main())
