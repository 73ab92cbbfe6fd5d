"""The fetcher's address policy (issue 15, item 3): every connection, each redirect hop and every DNS answer, is
checked and then made to the checked address; internal addresses are refused by default, also when a proxy is set
in the environment; ``allow_private_addresses`` opens them for local use.

Loopback forms are tried against this test's own loopback servers: refused by default, fetched with the opt-in.
Non-loopback forms go through a stub resolver or are IP literals, and are refused before any connection: a guard
on ``socket.connect`` fails the test if anything but a loopback address is ever contacted.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from loopback import serving
from wirescope.config import Settings
from wirescope.errors import FetchError
from wirescope.ingest.http import HttpClient
from wirescope.ingest.netpolicy import AddressPolicy, AddressRefused, parse_literal, refusal
from wirescope.ingest.sources import read_inputs
from wirescope.records import Failure

ARTICLE = (b"<html><head><title>Local story</title></head><body><article><h1>Local story</h1><p>"
           + b"Officials in Geneva said on Monday that the talks would resume next week after a long pause. " * 4
           + b"</p></article></body></html>")


@pytest.fixture(autouse=True)
def only_loopback(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Fail the test on any connection to an address that is not loopback; record every connection."""
    seen: list[Any] = []
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: Any) -> Any:
        if self.family == socket.AF_UNIX:  # local IPC (the worker pool's fork server), not the network
            return real_connect(self, address)
        seen.append(address)
        host = address[0] if isinstance(address, tuple) else address
        if not ipaddress.ip_address(host).is_loopback:
            raise AssertionError(f"the test tried to contact {address}, which is not loopback")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)
    return seen


class _Handler(BaseHTTPRequestHandler):
    hits: list[str]
    redirects: dict[str, str]

    def do_GET(self) -> None:
        self.hits.append(self.path)
        if self.path in self.redirects:
            self.send_response(302)
            self.send_header("Location", self.redirects[self.path])
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        status, body = (404, b"no") if self.path == "/robots.txt" else (200, ARTICLE)
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


class _V6Server(ThreadingHTTPServer):
    address_family = socket.AF_INET6


class Local:
    def __init__(self, v4: ThreadingHTTPServer, v6: ThreadingHTTPServer, hits: list[str],
                 redirects: dict[str, str]) -> None:
        self.port = v4.server_address[1]
        self.port6 = v6.server_address[1]
        self.hits = hits
        self.redirects = redirects


@pytest.fixture
def local() -> Iterator[Local]:
    hits: list[str] = []
    redirects: dict[str, str] = {}
    handler = type("Handler", (_Handler,), {"hits": hits, "redirects": redirects})
    servers = [ThreadingHTTPServer(("127.0.0.1", 0), handler), _V6Server(("::1", 0), handler)]
    with serving(*servers):
        yield Local(servers[0], servers[1], hits, redirects)


def _client(**kwargs: Any) -> HttpClient:
    return HttpClient(**{"retries": 0, "timeout": 5.0, "host_interval": 0.0, **kwargs})


def _loopback_urls(local: Local) -> list[str]:
    p = local.port
    return [f"http://127.0.0.1:{p}/a", f"http://localhost:{p}/a", f"http://[::1]:{local.port6}/a",
            f"http://[::ffff:127.0.0.1]:{p}/a", f"http://2130706433:{p}/a", f"http://127.1:{p}/a",
            f"http://0x7f.1:{p}/a"]


def test_loopback_forms_are_refused_by_default(local: Local, only_loopback: list[Any]) -> None:
    with _client() as client:
        for url in [*_loopback_urls(local), f"http://127.0.0.2:{local.port}/a", f"http://[::1]:{local.port}/a"]:
            with pytest.raises(FetchError) as info:
                client.get(url)
            assert "refused" in info.value.reason and "--allow-private-addresses" in info.value.reason, url
            assert "loopback" in info.value.reason or "IPv4-mapped" in info.value.reason, info.value.reason
    assert local.hits == [] and only_loopback == []  # refused before any connection


def test_loopback_forms_are_fetched_with_the_opt_in(local: Local) -> None:
    with _client(allow_private_addresses=True) as client:
        for url in _loopback_urls(local):
            assert client.get(url).content == ARTICLE, url
    assert local.hits.count("/a") == len(_loopback_urls(local))


@pytest.mark.parametrize("url", [
    "http://10.1.2.3/", "http://192.168.0.1/", "http://172.16.5.4/", "http://169.254.169.254/latest/meta-data/",
    "http://[fe80::1]/", "http://[fc00::1]/", "http://100.64.0.1/", "http://0.0.0.0/", "http://224.0.0.1/",
    "http://[::ffff:10.0.0.1]/", "http://[::10.0.0.1]/", "http://[2002:a00:1::1]/", "http://167772161/",
    "http://10.1/", "http://0xa9.0xfe.0xa9.0xfe/", "http://240.0.0.1/", "https://192.0.2.1/",
])
def test_internal_literals_are_refused_before_any_connection(url: str, only_loopback: list[Any]) -> None:
    with _client() as client, pytest.raises(FetchError, match="refused"):
        client.get(url)
    assert only_loopback == []


def _stub(answers: dict[str, list[str]]) -> Any:
    calls: list[str] = []

    def resolve(host: str, port: int) -> list[str]:
        calls.append(host)
        if host not in answers:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return answers[host]

    resolve.calls = calls  # type: ignore[attr-defined]
    return resolve


@pytest.mark.parametrize("answers", [["10.0.0.5"], ["93.184.216.34", "192.168.1.10"], ["::1"], ["169.254.169.254"],
                                     ["fd12:3456::1"]])
def test_every_dns_answer_is_checked(answers: list[str], only_loopback: list[Any]) -> None:
    resolver = _stub({"news.example": answers})
    with _client(resolver=resolver) as client, pytest.raises(FetchError) as info:
        client.get("http://news.example/story")
    assert "resolves to" in info.value.reason and "refused" in info.value.reason
    assert only_loopback == []


def test_each_redirect_hop_is_checked(local: Local, only_loopback: list[Any]) -> None:
    # The local server is allowed by name (an allow-listed network); its redirects to internal places are not.
    local.redirects.update({
        "/to-metadata": "http://169.254.169.254/latest/meta-data/",
        "/to-intranet": f"http://intranet.example:{local.port}/secret",
        "/to-loopback": f"http://127.0.0.2:{local.port}/a",
        "/to-mapped": f"http://[::ffff:127.0.0.1]:{local.port}/a",
        "/fine": "/a",
    })
    resolver = _stub({"intranet.example": ["10.20.30.40"]})
    with _client(resolver=resolver, allowed_networks=["127.0.0.1/32"]) as client:
        for path in ("/to-metadata", "/to-intranet", "/to-loopback", "/to-mapped"):
            with pytest.raises(FetchError, match="refused"):
                client.get(f"http://127.0.0.1:{local.port}{path}")
        assert client.get(f"http://127.0.0.1:{local.port}/fine").content == ARTICLE
    assert "/secret" not in local.hits
    assert {a[0] for a in only_loopback} == {"127.0.0.1"}


def test_the_connection_goes_to_the_address_that_was_checked(local: Local, only_loopback: list[Any]) -> None:
    # A rebinding resolver answers an allowed address first and an internal one after. Each connection makes one
    # lookup and opens the socket to the address that lookup returned and the policy checked: the first
    # connection (robots.txt; this server closes every connection) reaches 127.0.0.1, the second is refused.
    answers = iter([["127.0.0.1"], ["10.9.9.9"]])
    calls: list[str] = []

    def rebinding(host: str, port: int) -> list[str]:
        calls.append(host)
        return next(answers)

    with _client(resolver=rebinding, allowed_networks=["127.0.0.1/32"]) as client, pytest.raises(
        FetchError, match=r"resolves to 10\.9\.9\.9"
    ):
        client.get(f"http://rebind.example:{local.port}/a")
    assert calls == ["rebind.example", "rebind.example"]
    assert only_loopback == [("127.0.0.1", local.port)] and local.hits == ["/robots.txt"]


def test_environment_proxies_cannot_bypass_the_policy(local: Local, monkeypatch: pytest.MonkeyPatch,
                                                      only_loopback: list[Any]) -> None:
    proxy = f"http://127.0.0.1:{local.port}"
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.setenv(name, proxy)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    resolver = _stub({"intranet.example": ["10.0.0.9"]})
    with _client(resolver=resolver) as client, pytest.raises(FetchError, match="refused"):
        client.get("http://intranet.example/admin")
    assert local.hits == [] and only_loopback == []  # the "proxy" never saw the request


def test_feed_links_to_internal_addresses_are_refused(local: Local, tmp_path: Path) -> None:
    links = [f"http://127.0.0.1:{local.port}/a", "http://169.254.169.254/latest/", f"http://2130706433:{local.port}/a"]
    items = "".join(f"<item><title>Item {i}</title><link>{link}</link></item>" for i, link in enumerate(links))
    feed = tmp_path / "feed.rss"
    feed.write_text(f'<rss version="2.0"><channel><title>F</title>{items}</channel></rss>', encoding="utf-8")
    results = list(read_inputs([str(feed)], client_factory=lambda: _client()))
    assert len(results) == 3 and all(isinstance(r, Failure) and "refused" in r.reason for r in results)
    assert local.hits == []
    opened = list(read_inputs([str(feed)], client_factory=lambda: _client(allow_private_addresses=True)))
    assert sum(isinstance(r, Failure) for r in opened) == 1  # only the metadata address: nothing listens there


def test_settings_carry_the_opt_in() -> None:
    assert HttpClient.from_settings(Settings()).policy.allow_private is False
    assert HttpClient.from_settings(Settings(allow_private_addresses=True)).policy.allow_private is True


def test_policy_unit_checks() -> None:
    assert parse_literal("2130706433") == ipaddress.ip_address("127.0.0.1")
    assert parse_literal("127.1") == ipaddress.ip_address("127.0.0.1")
    assert parse_literal("[::1]") == ipaddress.ip_address("::1")
    assert parse_literal("cafe.example") is None and parse_literal("deadbeef") is None
    assert refusal(ipaddress.ip_address("93.184.216.34")) is None
    assert refusal(ipaddress.ip_address("2606:2800:220:1:248:1893:25c8:1946")) is None
    assert refusal(ipaddress.ip_address("::ffff:8.8.8.8")) is not None  # mapped forms refused whatever they map
    with pytest.raises(AddressRefused, match=r"resolves to 10\.0\.0\.1"):
        AddressPolicy(resolver=lambda h, p: ["10.0.0.1"]).addresses("x.example", 80)


def test_the_command_line_flag(local: Local, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from wirescope.cli.main import build_app

    url = f"http://127.0.0.1:{local.port}/a"
    args = ["ingest", url, "--db", str(tmp_path / "s.duckdb"), "--stages", "entities"]
    refused = CliRunner().invoke(build_app(), args)
    assert refused.exit_code == 1 and "refused" in refused.output and local.hits == []
    opened = CliRunner().invoke(build_app(), [*args, "--allow-private-addresses"])
    assert opened.exit_code == 0, opened.output
    assert "/a" in local.hits
