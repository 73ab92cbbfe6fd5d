"""The one HTTP client of wirescope. All network access goes through ``HttpClient`` so tests can point it at a local
server or hand it an ``httpx`` transport."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from types import TracebackType

import httpx

from ..__about__ import __version__
from ..config import Settings
from ..errors import FetchError

USER_AGENT = f"wirescope/{__version__} (+https://github.com/wirescope)"
# Statuses worth another try: the server is overloaded or briefly broken.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
# Never wait longer than this on a server's Retry-After.
MAX_RETRY_AFTER = 30.0


@dataclass(frozen=True, slots=True)
class Response:
    """A fetched resource: the URL asked for, the URL it ended at after redirects, and the body."""

    url: str
    final_url: str
    status: int
    content_type: str
    charset: str | None
    content: bytes


class HttpClient:
    """Fetches URLs with timeouts, a size cap, retries with exponential backoff and bounded concurrency.

    ``transport`` replaces the network (``httpx.MockTransport`` in tests); ``sleep`` replaces ``time.sleep`` between
    retries. Use as a context manager, or call ``close()``.
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
    ) -> None:
        if concurrency < 1:
            raise ValueError(f"concurrency must be at least 1, got {concurrency}")
        self.max_bytes = max_bytes
        self.retries = max(0, retries)
        self.backoff = backoff
        self.concurrency = concurrency
        self.user_agent = user_agent
        self._sleep = sleep
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            follow_redirects=True,
            headers={"User-Agent": user_agent, "Accept": "*/*"},
            transport=transport,
            limits=httpx.Limits(max_connections=concurrency * 2, max_keepalive_connections=concurrency),
        )

    @classmethod
    def from_settings(cls, settings: Settings) -> HttpClient:
        """A client configured by the fetch settings."""
        return cls(max_bytes=settings.max_bytes)

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def get(self, url: str) -> Response:
        """Fetch one URL. Raises ``FetchError`` (naming the URL) for network errors after the retries, a non-2xx
        status, or a body over ``max_bytes``."""
        if not url.startswith(("http://", "https://")):
            raise FetchError(url, "not an http(s) URL")
        attempt = 0
        while True:
            try:
                return self._get_once(url)
            except _Retryable as exc:
                if attempt >= self.retries:
                    raise FetchError(url, f"{exc.reason} (gave up after {attempt + 1} attempts)") from None
                delay = exc.retry_after if exc.retry_after is not None else self.backoff * (2**attempt)
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

    def _get_once(self, url: str) -> Response:
        try:
            with self._client.stream("GET", url) as resp:
                if resp.status_code in RETRY_STATUSES:
                    raise _Retryable(f"HTTP {resp.status_code} {resp.reason_phrase}", _retry_after(resp))
                if not resp.is_success:
                    raise FetchError(url, f"HTTP {resp.status_code} {resp.reason_phrase}")
                declared = resp.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > self.max_bytes:
                    raise FetchError(url, f"response of {int(declared):,} bytes is over the {self.max_bytes:,}-byte "
                                     "limit (raise max_bytes to fetch it)")
                chunks: list[bytes] = []
                size = 0
                for chunk in resp.iter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise FetchError(url, f"response is over the {self.max_bytes:,}-byte limit "
                                         "(raise max_bytes to fetch it)")
                    chunks.append(chunk)
                content_type = resp.headers.get("content-type", "")
                return Response(
                    url=url,
                    final_url=str(resp.url),
                    status=resp.status_code,
                    content_type=content_type.split(";", 1)[0].strip().lower(),
                    charset=resp.charset_encoding,
                    content=b"".join(chunks),
                )
        except httpx.InvalidURL as exc:
            raise FetchError(url, f"invalid URL: {exc}") from None
        except httpx.TooManyRedirects:
            raise FetchError(url, "too many redirects") from None
        except (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError) as exc:
            raise _Retryable(f"{type(exc).__name__}: {exc or 'no detail'}", None) from None
        except httpx.HTTPError as exc:
            raise FetchError(url, f"{type(exc).__name__}: {exc}") from None


class _Retryable(Exception):
    def __init__(self, reason: str, retry_after: float | None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after


def _retry_after(resp: httpx.Response) -> float | None:
    value = resp.headers.get("retry-after", "")
    try:
        return min(max(float(value), 0.0), MAX_RETRY_AFTER)
    except ValueError:
        return None  # an HTTP-date or garbage: fall back to exponential backoff
