"""The one HTTP client of wirescope. All network access goes through ``HttpClient`` so tests can point it at a local
server or hand it an ``httpx`` transport.

The client is bounded and polite:

- every connection (each redirect hop, every DNS answer) passes the address policy (``netpolicy``): internal
  addresses are refused unless ``allow_private_addresses``; proxies from the environment are ignored, so they
  cannot carry a request past the policy;
- one fetch (redirects, retries and waits included) ends by a total deadline, however slowly a server drips bytes;
- each host's robots.txt is read once per client and honoured for the user agent token ``wirescope``
  (``respect_robots_txt=False`` for one's own feeds); a Crawl-delay slows that host down;
- requests to one host start at least ``host_interval`` seconds apart, at most ``host_concurrency`` at a time;
- ``Retry-After`` (seconds or an HTTP date) is waited out, for every request to that host, up to 30 seconds;
  a server asking for longer is given up on rather than asked again early;
- conditional requests (``get(url, etag=..., last_modified=...)``) let a poller ask "anything new?": a 304 answer
  is a ``Response`` with ``not_modified`` set and no body, and every response carries its validators.
"""

from __future__ import annotations

import email.utils
import ipaddress
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from types import TracebackType
from typing import TYPE_CHECKING
from urllib.robotparser import RobotFileParser

import httpx

from ..__about__ import __version__
from ..errors import FetchError
from .netpolicy import AddressPolicy, AddressRefused, Deadline, GuardedBackend, Resolver, system_resolver

if TYPE_CHECKING:
    from ..config import Settings

# The product token before the slash is what robots.txt rules name: "User-agent: wirescope".
ROBOTS_AGENT = "wirescope"
USER_AGENT = f"{ROBOTS_AGENT}/{__version__} (+https://github.com/wirescope)"
# Statuses worth another try: the server is overloaded or briefly broken.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
# Never wait longer than this on a server's Retry-After; a server asking for more is given up on.
MAX_RETRY_AFTER = 30.0
MAX_REDIRECTS = 10
ROBOTS_MAX_BYTES = 512_000  # RFC 9309: crawlers must read at least 500 KiB of a robots.txt
MAX_CRAWL_DELAY = 30.0


@dataclass(frozen=True, slots=True)
class Response:
    """A fetched resource: the URL asked for, the URL it ended at after redirects, and the body."""

    url: str
    final_url: str
    status: int
    content_type: str
    charset: str | None
    content: bytes
    # Validators for the next conditional request (ETag, Last-Modified), as the server sent them.
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        """A 304 answer to a conditional request: nothing changed since the validators given."""
        return self.status == 304


class HttpClient:
    """Fetches URLs with timeouts, a total deadline, a size cap, retries with backoff, the address policy,
    robots.txt, and per-host rate and concurrency limits (see the module docstring).

    ``transport`` replaces the network (``httpx.MockTransport`` in tests; the address policy then does not apply,
    as nothing connects); ``resolver`` replaces DNS (tests pass a stub); ``sleep`` replaces ``time.sleep``
    between retries; ``allowed_networks`` (CIDR strings) are allowed although internal. Use as a context manager,
    or call ``close()``.
    """

    def __init__(
        self,
        *,
        timeout: float = 15.0,
        max_bytes: int = 20_000_000,
        retries: int = 3,
        backoff: float = 0.5,
        concurrency: int = 4,
        user_agent: str = USER_AGENT,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        deadline: float = 60.0,
        allow_private_addresses: bool = False,
        resolver: Resolver = system_resolver,
        respect_robots_txt: bool = True,
        host_interval: float = 0.5,
        host_concurrency: int = 2,
        allowed_networks: Iterable[str] = (),
    ) -> None:
        if concurrency < 1 or host_concurrency < 1:
            raise ValueError(f"concurrency must be at least 1, got {concurrency} and {host_concurrency}")
        self.max_bytes = max_bytes
        self.retries = max(0, retries)
        self.backoff = backoff
        self.concurrency = concurrency
        self.user_agent = user_agent
        self.deadline = deadline
        self.respect_robots_txt = respect_robots_txt
        self.policy = AddressPolicy(
            allow_private=allow_private_addresses,
            resolver=resolver,
            allowed_networks=tuple(ipaddress.ip_network(n) for n in allowed_networks),
        )
        self._sleep = sleep
        self._deadline = Deadline()
        self._hosts = HostLimiter(host_interval, host_concurrency)
        self._robots = RobotsCache()
        limits = httpx.Limits(max_connections=concurrency * 2, max_keepalive_connections=concurrency)
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            follow_redirects=False,  # followed here, hop by hop, so each hop meets robots.txt and the limits
            headers={"User-Agent": user_agent, "Accept": "*/*"},
            transport=transport or _guarded_transport(self.policy, self._deadline, limits),
            limits=limits,
            trust_env=False,  # an environment proxy would connect on our behalf, past the address policy
        )

    @classmethod
    def from_settings(cls, settings: Settings) -> HttpClient:
        """A client configured by the fetch settings."""
        return cls(
            max_bytes=settings.max_bytes,
            deadline=settings.fetch_deadline,
            allow_private_addresses=settings.allow_private_addresses,
            respect_robots_txt=settings.respect_robots_txt,
            host_interval=settings.fetch_host_interval,
            host_concurrency=settings.fetch_host_concurrency,
        )

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Response:
        """Fetch one URL. Raises ``FetchError`` (naming the URL) for a refused address, a URL robots.txt
        disallows, network errors after the retries, a non-2xx status, a body over ``max_bytes`` or a fetch that
        runs past the deadline.

        With ``etag`` or ``last_modified`` (the validators of an earlier response) the request is conditional
        (If-None-Match, If-Modified-Since): an unchanged resource comes back as a 304 ``Response`` without a body."""
        if not url.startswith(("http://", "https://")):
            raise FetchError(url, "not an http(s) URL")
        conditional = {}
        if etag:
            conditional["If-None-Match"] = etag
        if last_modified:
            conditional["If-Modified-Since"] = last_modified
        outer = self._deadline.at
        self._deadline.at = time.monotonic() + self.deadline if outer is None else outer
        try:
            return self._get_with_retries(url, conditional)
        finally:
            self._deadline.at = outer

    def _get_with_retries(self, url: str, conditional: dict[str, str] | None = None) -> Response:
        attempt = 0
        while True:
            try:
                return self._fetch(url, conditional=conditional)
            except _Retryable as exc:
                if self._past_deadline():
                    raise self._deadline_error(url) from None
                if attempt >= self.retries:
                    raise RetryLater(url, f"{exc.reason} (gave up after {attempt + 1} attempts)",
                                     exc.retry_after) from None
                if exc.retry_after is not None and exc.retry_after > MAX_RETRY_AFTER:
                    raise RetryLater(url, f"{exc.reason}; the server asks to retry after {exc.retry_after:.0f} s, "
                                     f"longer than the {MAX_RETRY_AFTER:.0f} s this client waits",
                                     exc.retry_after) from None
                delay = exc.retry_after if exc.retry_after is not None else self.backoff * (2**attempt)
                left = self._time_left()
                if left is not None and delay >= left:
                    raise FetchError(url, f"{exc.reason}; waiting {delay:.1f} s more would pass the "
                                     f"{self.deadline:g}-second deadline of one fetch") from None
                self._sleep(delay)
                attempt += 1

    def get_many(self, urls: Iterable[str]) -> Iterator[tuple[str, Response | FetchError]]:
        """Fetch many URLs, at most ``concurrency`` at a time; yields ``(url, response or error)`` in input order."""
        # A bounded window of requests in flight: memory stays small however many URLs there are.
        window = self.concurrency * 2
        pending: deque[tuple[str, Future[Response | FetchError]]] = deque()
        with ThreadPoolExecutor(max_workers=self.concurrency, thread_name_prefix="wirescope-fetch") as pool:
            for url in urls:
                pending.append((url, pool.submit(self._get_or_error, url)))
                if len(pending) >= window:
                    done_url, future = pending.popleft()
                    yield done_url, future.result()
            while pending:
                done_url, future = pending.popleft()
                yield done_url, future.result()

    def _get_or_error(self, url: str) -> Response | FetchError:
        try:
            return self.get(url)
        except FetchError as exc:
            return exc
        except Exception as exc:  # one URL's unexpected error must not end the others' fetches; it is reported
            return FetchError(url, f"unexpected error while fetching: {type(exc).__name__}: {exc}")

    # -- one fetch, hop by hop ---------------------------------------------------------------------------------

    def _fetch(
        self, url: str, *, robots: bool = True, max_bytes: int | None = None,
        conditional: dict[str, str] | None = None,
    ) -> Response:
        """One attempt: follow redirects by hand; each hop is checked against robots.txt and the host limits."""
        try:
            request = self._client.build_request("GET", url, headers=conditional or None)
        except httpx.InvalidURL as exc:
            raise FetchError(url, f"invalid URL: {exc}") from None
        for _ in range(MAX_REDIRECTS + 1):
            hop = str(request.url)
            if robots and self.respect_robots_txt:
                self._check_robots(url, request.url)
            result = self._send(url, request, max_bytes or self.max_bytes, accept_any_status=not robots)
            if isinstance(result, Response):
                return result
            if conditional:  # httpx builds the redirect's request afresh; the validators still apply to it
                result.headers.update(conditional)
            request = result
        raise FetchError(url, f"too many redirects (more than {MAX_REDIRECTS}; last {hop})")

    def _send(
        self, url: str, request: httpx.Request, max_bytes: int, *, accept_any_status: bool = False
    ) -> Response | httpx.Request:
        """Send one request; the response, or the next request when it is a redirect."""
        host = _host_key(request.url)
        if self._past_deadline():
            raise self._deadline_error(url)
        try:
            with self._hosts.slot(host, self._deadline.at):
                resp = self._client.send(request, stream=True)
                try:
                    if resp.next_request is not None:
                        return resp.next_request
                    return self._read(url, resp, max_bytes, accept_any_status)
                finally:
                    resp.close()
        except AddressRefused as exc:
            raise FetchError(url, f"refused: {exc.reason}") from None
        except _SlotTimeout:
            raise self._deadline_error(url) from None
        except httpx.InvalidURL as exc:
            raise FetchError(url, f"invalid URL: {exc}") from None
        except (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError) as exc:
            if self._past_deadline():
                raise self._deadline_error(url) from None
            raise _Retryable(f"{type(exc).__name__}: {exc or 'no detail'}", None) from None
        except httpx.HTTPError as exc:
            raise FetchError(url, f"{type(exc).__name__}: {exc}") from None

    def _read(self, url: str, resp: httpx.Response, max_bytes: int, accept_any_status: bool) -> Response:
        if resp.status_code in RETRY_STATUSES and not accept_any_status:
            retry_after = _retry_after(resp)
            if retry_after is not None:
                self._hosts.defer(_host_key(resp.request.url), min(retry_after, MAX_RETRY_AFTER))
            raise _Retryable(f"HTTP {resp.status_code} {resp.reason_phrase}", retry_after)
        if resp.status_code == 304 and (
            "if-none-match" in resp.request.headers or "if-modified-since" in resp.request.headers
        ):
            return self._response(url, resp, b"")
        if not resp.is_success and not accept_any_status:
            raise FetchError(url, f"HTTP {resp.status_code} {resp.reason_phrase}")
        declared = resp.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise FetchError(url, f"response of {int(declared):,} bytes is over the {max_bytes:,}-byte "
                             "limit (raise max_bytes to fetch it)")
        chunks: list[bytes] = []
        size = 0
        for chunk in resp.iter_bytes():
            size += len(chunk)
            if size > max_bytes:
                raise FetchError(url, f"response is over the {max_bytes:,}-byte limit (raise max_bytes to fetch it)")
            if self._past_deadline():  # also for transports that do not go through the deadline-aware streams
                raise self._deadline_error(url)
            chunks.append(chunk)
        return self._response(url, resp, b"".join(chunks))

    @staticmethod
    def _response(url: str, resp: httpx.Response, content: bytes) -> Response:
        content_type = resp.headers.get("content-type", "")
        return Response(
            url=url,
            final_url=str(resp.url),
            status=resp.status_code,
            content_type=content_type.split(";", 1)[0].strip().lower(),
            charset=resp.charset_encoding,
            content=content,
            etag=resp.headers.get("etag"),
            last_modified=resp.headers.get("last-modified"),
        )

    # -- robots.txt ----------------------------------------------------------------------------------------------

    def _check_robots(self, url: str, hop: httpx.URL) -> None:
        origin = f"{hop.scheme}://{hop.netloc.decode('ascii', 'replace')}"
        rules = self._robots.get(origin, lambda: self._load_robots(url, origin))
        if rules is not None and not rules.can_fetch(self.user_agent, str(hop)):
            where = "" if str(hop) == url else f" (redirected to {hop})"
            raise FetchError(url, f"disallowed by {origin}/robots.txt for {ROBOTS_AGENT}{where}; wirescope honours "
                             "robots.txt (for your own feeds, pass --ignore-robots-txt)")

    def _load_robots(self, url: str, origin: str) -> RobotFileParser | None:
        """The parsed rules of ``origin``, or None when it has none (a 4xx answer: everything is allowed). Errors
        (refused address, 5xx after retries, network) propagate as the page's own fetch error and are not cached."""
        try:
            resp = self._fetch(origin + "/robots.txt", robots=False, max_bytes=ROBOTS_MAX_BYTES)
        except FetchError as exc:
            if "over the" in exc.reason:  # an oversized robots.txt: read as if it had no rules (RFC 9309 2.5)
                return None
            raise FetchError(url, f"robots.txt: {exc.reason}") from None
        if 400 <= resp.status < 500:
            return None
        if resp.status >= 500:
            raise _Retryable(f"robots.txt of {origin}: HTTP {resp.status}", None)
        parser = RobotFileParser()
        parser.parse(resp.content.decode("utf-8", "replace").splitlines())
        delay = parser.crawl_delay(self.user_agent)
        if delay:
            self._hosts.slow_down(_host_key(httpx.URL(origin)), min(float(delay), MAX_CRAWL_DELAY))
        return parser

    # -- deadline ------------------------------------------------------------------------------------------------

    def _time_left(self) -> float | None:
        at = self._deadline.at
        return None if at is None else at - time.monotonic()

    def _past_deadline(self) -> bool:
        left = self._time_left()
        return left is not None and left <= 0

    def _deadline_error(self, url: str) -> FetchError:
        return FetchError(url, f"gave up: the fetch took longer than its {self.deadline:g}-second deadline")


class HostLimiter:
    """Per-host politeness: at most ``concurrency`` requests in flight and ``interval`` seconds between starts.
    ``defer`` holds a host back (Retry-After); ``slow_down`` lengthens its interval (robots.txt Crawl-delay)."""

    def __init__(self, interval: float, concurrency: int) -> None:
        self.interval = interval
        self.concurrency = concurrency
        self._lock = threading.Lock()
        self._hosts: dict[str, _HostState] = {}

    def _state(self, host: str) -> _HostState:
        with self._lock:
            state = self._hosts.get(host)
            if state is None:
                state = self._hosts[host] = _HostState(threading.Semaphore(self.concurrency), 0.0, self.interval)
            return state

    def slot(self, host: str, deadline_at: float | None) -> _Slot:
        """A context that waits for the host's turn (raising ``_SlotTimeout`` if it would come after
        ``deadline_at``) and holds one of its concurrency slots."""
        return _Slot(self, self._state(host), deadline_at)

    def defer(self, host: str, seconds: float) -> None:
        state = self._state(host)
        with self._lock:
            state.next_start = max(state.next_start, time.monotonic() + seconds)

    def slow_down(self, host: str, interval: float) -> None:
        state = self._state(host)
        with self._lock:
            state.interval = max(state.interval, interval)

    def reserve(self, state: _HostState) -> float:
        """Claim the next start time of the host; returns how long to wait for it."""
        with self._lock:
            now = time.monotonic()
            start = max(now, state.next_start)
            state.next_start = start + state.interval
            return start - now


@dataclass
class _HostState:
    slots: threading.Semaphore
    next_start: float
    interval: float


class _Slot:
    def __init__(self, limiter: HostLimiter, state: _HostState, deadline_at: float | None) -> None:
        self.limiter, self.state, self.deadline_at = limiter, state, deadline_at

    def __enter__(self) -> None:
        at = self.deadline_at
        if not self.state.slots.acquire(timeout=None if at is None else max(at - time.monotonic(), 0.0)):
            raise _SlotTimeout
        wait = self.limiter.reserve(self.state)
        if at is not None and time.monotonic() + wait > at:
            self.state.slots.release()
            raise _SlotTimeout
        if wait > 0:
            time.sleep(wait)

    def __exit__(self, *exc: object) -> None:
        self.state.slots.release()


class RobotsCache:
    """robots.txt rules per origin, loaded once (concurrent fetches of one origin wait for the first load)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loading: dict[str, threading.Lock] = {}
        self._rules: dict[str, RobotFileParser | None] = {}

    def get(self, origin: str, load: Callable[[], RobotFileParser | None]) -> RobotFileParser | None:
        with self._lock:
            if origin in self._rules:
                return self._rules[origin]
            lock = self._loading.setdefault(origin, threading.Lock())
        with lock:
            with self._lock:
                if origin in self._rules:
                    return self._rules[origin]
            rules = load()  # an error propagates and nothing is cached: the next fetch tries again
            with self._lock:
                self._rules[origin] = rules
            return rules


class RetryLater(FetchError):
    """A fetch given up on a retryable answer (429, 5xx, network); ``retry_after`` is the wait in seconds the
    server asked for, if it did, so a poller can come back no earlier."""

    def __init__(self, item: str, reason: str, retry_after: float | None = None) -> None:
        super().__init__(item, reason)
        self.retry_after = retry_after


class _Retryable(Exception):
    def __init__(self, reason: str, retry_after: float | None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after


class _SlotTimeout(Exception):
    """Waiting for the host's turn would pass the fetch's deadline."""


def _guarded_transport(policy: AddressPolicy, deadline: Deadline, limits: httpx.Limits) -> httpx.HTTPTransport:
    import httpcore

    transport = httpx.HTTPTransport(limits=limits, trust_env=False)
    # httpx builds its pool with httpcore's plain socket backend; ours checks every address before connecting.
    transport._pool = httpcore.ConnectionPool(
        ssl_context=httpx.create_ssl_context(trust_env=False),
        max_connections=limits.max_connections,
        max_keepalive_connections=limits.max_keepalive_connections,
        keepalive_expiry=limits.keepalive_expiry,
        network_backend=GuardedBackend(policy, deadline),
    )
    return transport


def _host_key(url: httpx.URL) -> str:
    return f"{url.host}:{url.port or (443 if url.scheme == 'https' else 80)}"


def _retry_after(resp: httpx.Response) -> float | None:
    value = resp.headers.get("retry-after", "").strip()
    if not value:
        return None
    try:
        return max(float(value), 0.0)
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None  # garbage: fall back to exponential backoff
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max((when - datetime.now(UTC)).total_seconds(), 0.0)
