"""The watcher: polls feeds and folders on a schedule and ingests only what is new.

``Watcher.poll_once()`` is the unit: it polls every due source, stores the new articles through
``ingest_articles``, updates the aggregates incrementally, and saves each source's state. ``run()`` repeats it until
stopped. The CLI (`wirescope watch`) is a loop over it that prints ``status()``; `wirescope serve --watch` runs the
same object in a thread of its own (``api/writer.py``) over a connection of its own, with a ``write_lock`` it shares
with the server's other writers and an ``on_change`` callback that refreshes the API's caches after each commit.

Order of a source's poll, so that a kill at any point loses and duplicates nothing (see ``state``): fetch (with the
validators saved last time) → choose new and corrected items → fetch their pages → delete the articles of corrected
items → ``ingest_articles`` (commits) → save the items and the validators (commits).
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import Settings
from ..errors import FetchError, InputError
from ..records import Article, Failure
from .sources import Source
from .state import ItemState, SourceState, load_items, load_sources, save_poll

if TYPE_CHECKING:
    import threading

    from ..ingest.feed import FeedItem
    from ..ingest.http import HttpClient, Response
    from ..nlp.pipeline import Pipeline
    from ..store import Store

log = logging.getLogger("wirescope.watch")
MAX_BACKOFF_FACTOR = 16  # a failing source is retried at most this many intervals apart
# Test hook: "PHASE:MARKER_FILE" makes the watcher write MARKER_FILE and wait at PHASE (after-fetch: pages fetched,
# nothing stored; after-ingest: articles committed, state not yet saved) until it is killed.
PAUSE_ENV = "WIRESCOPE_WATCH_TEST_PAUSE"
# An item whose page cannot be fetched or read is tried at this many polls, then left until its entry changes.
MAX_ITEM_ATTEMPTS = 3
_FAILED = "#failed"
CLIENT_MAX_AGE = 6 * 3600.0  # seconds a watcher keeps its HTTP client (and so the robots.txt it read)


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass(frozen=True, slots=True)
class PollResult:
    """What one poll of one source did."""

    source: str
    new_items: int = 0
    new_articles: int = 0
    replaced: int = 0
    not_modified: bool = False
    error: str | None = None


@dataclass
class _Taken:
    """Items chosen at a poll, the articles and failures they became, and the articles to replace."""

    items: list[ItemState] = field(default_factory=list)
    articles: list[Article | Failure] = field(default_factory=list)
    replace: list[str] = field(default_factory=list)

    @property
    def ok(self) -> int:
        """Items taken (not counting items whose page failed)."""
        return sum(1 for i in self.items if _FAILED not in i.fingerprint)


class Watcher:
    """Follows ``sources`` into ``store``. ``client`` fetches (default: one made from ``settings``: address policy,
    robots.txt, rate limits, deadline); ``pipeline`` analyses (default: built on first need); ``aggregate`` runs the
    incremental aggregation after a poll that changed articles; ``pause`` is a test hook called with a phase name.
    ``write_lock`` is held around every write (default: none; a server shares one among its writers, DuckDB allowing
    one writing transaction at a time); ``on_change`` is called after each commit that changed articles or
    aggregates."""

    def __init__(
        self,
        sources: Sequence[Source],
        store: Store,
        settings: Settings | None = None,
        *,
        client: HttpClient | None = None,
        pipeline: Pipeline | None = None,
        aggregate: bool = True,
        pause: Callable[[str], None] | None = None,
        write_lock: AbstractContextManager[object] | None = None,
        on_change: Callable[[], None] | None = None,
    ) -> None:
        from ..ingest.http import HttpClient

        self.sources = list(sources)
        self.store = store
        self.settings = settings or Settings()
        self._own_client = client is None
        self.client = client or HttpClient.from_settings(self.settings)
        self._client_since = time.monotonic()
        self._pipeline = pipeline
        self.aggregate = aggregate
        self._pause = pause or (lambda phase: None)
        self._write_lock: AbstractContextManager[object] = write_lock or contextlib.nullcontext()
        self._on_change = on_change or (lambda: None)
        self._stat_seen: dict[str, tuple[int, int]] = {}  # file -> (size, mtime_ns) at the previous poll
        self._register()

    def close(self) -> None:
        if self._own_client:
            self.client.close()

    def __enter__(self) -> Watcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _register(self) -> None:
        """Add sources not yet in the store; a changed interval takes effect at once."""
        known = load_sources(self.store.con)
        for source in self.sources:
            old = known.get(source.name)
            if old is None:
                state = SourceState(source.name, source.kind, source.every)
            elif old.every_seconds != source.every or old.kind != source.kind:
                state = replace(old, kind=source.kind, every_seconds=source.every, next_poll=None)
            else:
                continue
            with self._write_lock:
                save_poll(self.store.con, state, (), _now())

    # -- the schedule ----------------------------------------------------------------------------------------

    def status(self) -> list[SourceState]:
        """The state of every watched source, in the order given."""
        known = load_sources(self.store.con)
        return [known[s.name] for s in self.sources if s.name in known]

    def due(self, now: datetime | None = None) -> list[Source]:
        now = now or _now()
        known = load_sources(self.store.con)
        return [s for s in self.sources if (st := known.get(s.name)) is None or st.next_poll is None
                or st.next_poll <= now]

    def seconds_to_next(self) -> float:
        """Seconds until the next source is due (0 when one is due now)."""
        nexts = [st.next_poll for st in self.status()]
        if not nexts or any(n is None for n in nexts):
            return 0.0
        return max(0.0, min((n - _now()).total_seconds() for n in nexts if n is not None))

    def run(self, stop: threading.Event, on_poll: Callable[[list[PollResult]], None] | None = None) -> None:
        """Poll until ``stop`` is set, sleeping until the next source is due."""
        while not stop.is_set():
            results = self.poll_once()
            if results and on_poll:
                on_poll(results)
            stop.wait(min(max(self.seconds_to_next(), 0.2), 5.0))

    # -- one poll --------------------------------------------------------------------------------------------

    def poll_once(self, *, everything: bool = False) -> list[PollResult]:
        """Poll the due sources (all with ``everything``); feeds are fetched concurrently and each is stored as
        soon as it has arrived. One source's failure is its result's ``error``; the others go on."""
        due = self.sources if everything else self.due()
        self._renew_client()
        results: list[PollResult] = []
        feeds = [s for s in due if s.kind == "feed"]
        for source in (s for s in due if s.kind == "folder"):
            results.append(self._guarded(source, functools.partial(self._poll_folder, source)))
        for source, fetched in self._fetch_feeds(feeds):
            results.append(self._guarded(source, functools.partial(self._poll_feed, source, fetched)))
        if self.aggregate and any(r.new_articles or r.replaced for r in results):
            self._aggregate()
        if self.aggregate:  # watchlists: match what this poll brought, deliver what is due (watch/notify.py)
            from .notify import notify_after_poll

            notify_after_poll(self.store, self.settings, results, lock=self._write_lock)
        return results

    def _renew_client(self) -> None:
        """A client caches each host's robots.txt for its lifetime; a watcher runs for days, so its own client is
        replaced now and then to read them (and their Crawl-delay) again."""
        if self._own_client and time.monotonic() - self._client_since > CLIENT_MAX_AGE:
            from ..ingest.http import HttpClient

            self.client.close()
            self.client = HttpClient.from_settings(self.settings)
            self._client_since = time.monotonic()

    def _guarded(self, source: Source, poll: Callable[[], PollResult]) -> PollResult:
        try:
            return poll()
        except (InputError, FetchError) as exc:
            return self._failed(source, exc.reason, getattr(exc, "retry_after", None))
        except Exception as exc:  # a bug or a library error on one source must not stop the watch
            log.exception("polling %s failed", source.name)
            return self._failed(source, f"unexpected error: {type(exc).__name__}: {exc}")

    def _failed(self, source: Source, reason: str, retry_after: float | None = None) -> PollResult:
        """Record a failed poll; the next try waits longer with each failure in a row, and no less than the
        server's Retry-After (a 429 or 503 asking for more than the client waits within one fetch)."""
        old = self._state(source)
        errors = old.errors + 1
        delay = max(source.every * min(2 ** (errors - 1), MAX_BACKOFF_FACTOR), retry_after or 0.0)
        now = _now()
        log.warning("%s: %s (error %d in a row; next try in %.0f s)", source.name, reason, errors, delay)
        with self._write_lock:
            save_poll(self.store.con, replace(old, last_poll=now, next_poll=now + timedelta(seconds=delay),
                                              errors=errors, last_error=reason, new_items=0), (), now)
        return PollResult(source.name, error=reason)

    def _state(self, source: Source) -> SourceState:
        return load_sources(self.store.con).get(source.name) or SourceState(source.name, source.kind, source.every)

    def _fetch_feeds(self, feeds: list[Source]) -> Iterator[tuple[Source, Response | FetchError]]:
        if not feeds:
            return
        known = load_sources(self.store.con)
        with ThreadPoolExecutor(max_workers=min(len(feeds), 8), thread_name_prefix="wirescope-watch") as pool:
            futures: dict[Future[Response | FetchError], Source] = {}
            for source in feeds:
                st = known.get(source.name)
                futures[pool.submit(self._fetch, source.name, st)] = source
            for future in as_completed(futures):
                yield futures[future], future.result()

    def _fetch(self, url: str, state: SourceState | None) -> Response | FetchError:
        try:
            if state is None:
                return self.client.get(url)
            return self.client.get(url, etag=state.etag, last_modified=state.last_modified)
        except FetchError as exc:
            return exc
        except Exception as exc:  # reported as this feed's error; the other feeds go on
            return FetchError(url, f"unexpected error while fetching: {type(exc).__name__}: {exc}")

    # -- feeds -----------------------------------------------------------------------------------------------

    def _poll_feed(self, source: Source, fetched: Response | FetchError) -> PollResult:
        from ..ingest.decode import decode_bytes
        from ..ingest.feed import Feed, parse_feed, read_feed

        if isinstance(fetched, FetchError):
            raise fetched
        old = self._state(source)
        if fetched.not_modified:
            return self._commit(source, old, _Taken(), fetched, not_modified=True)
        feed = parse_feed(decode_bytes(fetched.content, source.name, declared=fetched.charset),
                          base_url=fetched.final_url)
        if feed is None:
            raise InputError(source.name, "not an RSS or Atom feed (no feed found in the answer)")
        seen = load_items(self.store.con, source.name)
        chosen = _choose(feed.items, seen)
        taken = _Taken()
        if chosen:
            by_link = {item.link: item for item in chosen if item.link}
            for result in read_feed(Feed(feed.title, tuple(chosen)), source.name, self.client):
                taken.articles.append(result)
            taken.items, taken.replace = _items_of(chosen, by_link, taken.articles, seen)
        return self._commit(source, old, taken, fetched)

    # -- folders ---------------------------------------------------------------------------------------------

    def _poll_folder(self, source: Source) -> PollResult:
        from ..ingest.sources import read_inputs

        folder = Path(source.name)
        if not folder.is_dir():
            raise InputError(source.name, "the watched folder is gone (or not a folder)")
        seen = load_items(self.store.con, source.name)
        taken = _Taken()
        for path, stat in _files(folder):
            key, fingerprint = str(path), f"{stat[0]}:{stat[1]}"
            previous, self._stat_seen[key] = self._stat_seen.get(key), stat
            old = seen.get(key)
            if previous != stat or (old is not None and old.fingerprint == fingerprint):
                continue  # still changing (or first seen), or taken already in this version
            found = list(read_inputs([key], max_bytes=self.settings.max_bytes))
            taken.articles.extend(found)
            ids = tuple(dict.fromkeys(a.id for a in found if isinstance(a, Article)))
            taken.items.append(ItemState(key, fingerprint, ids))
            if old is not None:
                taken.replace.extend(a for a in old.articles if a not in ids)
        return self._commit(source, self._state(source), taken, None)

    # -- storing ---------------------------------------------------------------------------------------------

    def _commit(
        self, source: Source, old: SourceState, taken: _Taken, fetched: Response | None, *, not_modified: bool = False
    ) -> PollResult:
        if taken.articles:
            self._pause("after-fetch")
        with self._write_lock:
            new_articles, replaced = self._store(source, taken)
        if new_articles or replaced:
            self._on_change()
        if taken.articles:
            self._pause("after-ingest")
        now = _now()
        state = replace(
            old, last_poll=now, next_poll=now + timedelta(seconds=source.every), errors=0, last_error=None,
            new_items=taken.ok, total_items=old.total_items + taken.ok,
            etag=fetched.etag if fetched is not None and not not_modified else old.etag,
            last_modified=fetched.last_modified if fetched is not None and not not_modified else old.last_modified,
        )
        with self._write_lock:
            save_poll(self.store.con, state, taken.items, now)
        if taken.ok:
            log.info("%s: %d new or corrected items, %d new articles", source.name, taken.ok, new_articles)
        return PollResult(source.name, taken.ok, new_articles, replaced, not_modified)

    def _store(self, source: Source, taken: _Taken) -> tuple[int, int]:
        """Delete the articles of corrected items and store the new ones (each chunk its own transaction); the new
        articles and the deleted ones."""
        from ..runners.local import ingest_articles

        replaced = self.store.delete_articles(taken.replace) if taken.replace else 0
        if not taken.articles:
            return 0, replaced
        report = ingest_articles(taken.articles, self.store, self.settings, pipeline=self.pipeline)
        for failure in report.failures:
            log.warning("%s: %s: %s", source.name, failure.item, failure.reason)
        return report.new, replaced

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            from ..nlp.pipeline import Pipeline

            self._pipeline = Pipeline(self.settings)
        return self._pipeline

    def _aggregate(self) -> None:
        from ..aggregate.build import AggregateSettings, aggregate_store

        # the aggregates read the events at or above the settings' read-time threshold (the documented default
        # unless the user changed it), as `wirescope aggregate` does
        with self._write_lock:
            report = aggregate_store(self.store.con, AggregateSettings(min_confidence=self.settings.min_confidence))
        self._on_change()
        log.info("aggregates updated: %d merged events, %d stories, %d alerts", report.merged_events,
                 report.stories, report.alerts)


def _choose(items: Sequence[FeedItem], seen: dict[str, ItemState]) -> list[FeedItem]:
    """Items not seen before, seen with another fingerprint (corrected), or whose page failed fewer than
    ``MAX_ITEM_ATTEMPTS`` times; each identity once."""
    chosen: dict[str, FeedItem] = {}
    for item in items:
        key = item.key
        if key is None or key in chosen:
            continue  # without a guid or link there is nothing to identify (or fetch) it by
        old = seen.get(key)
        fingerprint, failed = _attempts(old.fingerprint) if old is not None else ("", 0)
        if old is None or fingerprint != item.fingerprint or 0 < failed < MAX_ITEM_ATTEMPTS:
            chosen[key] = item
    return list(chosen.values())


def _attempts(fingerprint: str) -> tuple[str, int]:
    """A stored fingerprint's base and the failed attempts it records (``BASE#failedN``)."""
    base, sep, count = fingerprint.rpartition(_FAILED)
    return (base, int(count)) if sep and count.isdigit() else (fingerprint, 0)


def _items_of(
    chosen: list[FeedItem], by_link: dict[str, FeedItem], results: list[Article | Failure],
    seen: dict[str, ItemState],
) -> tuple[list[ItemState], list[str]]:
    """The item states to save and the article ids to replace. An item whose page failed is saved with its
    failed attempts counted (and its earlier articles kept), so later polls try it again a few times, not forever."""
    ids: dict[str, list[str]] = {}
    for result in results:
        if isinstance(result, Article) and result.input in by_link:
            ids.setdefault(by_link[result.input].key or "", []).append(result.id)
    items: list[ItemState] = []
    stale: list[str] = []
    for item in chosen:
        key = item.key or ""
        old = seen.get(key)
        if key not in ids:
            base, failed = _attempts(old.fingerprint) if old is not None else ("", 0)
            failed = failed + 1 if base == item.fingerprint else 1
            items.append(ItemState(key, f"{item.fingerprint}{_FAILED}{failed}", old.articles if old else ()))
            continue
        items.append(ItemState(key, item.fingerprint, tuple(ids[key])))
        if old is not None:
            stale.extend(a for a in old.articles if a not in ids[key])
    return items, stale


def _files(folder: Path) -> Iterator[tuple[Path, tuple[int, int]]]:
    from ..ingest.sources import FORMATS

    for path in sorted(folder.rglob("*")):
        name = path.name[:-3] if path.name.endswith(".gz") else path.name
        if path.name.startswith(".") or Path(name).suffix.lower() not in FORMATS:
            continue
        try:
            st = path.stat()
        except OSError:
            continue  # removed while listing
        if path.is_file():
            yield path, (st.st_size, st.st_mtime_ns)


def pause_from_env() -> Callable[[str], None] | None:
    """The test hook named by ``WIRESCOPE_WATCH_TEST_PAUSE`` ("PHASE:MARKER"), or None."""
    value = os.environ.get(PAUSE_ENV)
    if not value or ":" not in value:
        return None
    phase, marker = value.split(":", 1)

    def pause(at: str) -> None:
        if at == phase:
            Path(marker).write_text(at, encoding="utf-8")
            while True:  # until killed
                time.sleep(60)

    return pause
