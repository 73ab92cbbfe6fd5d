"""Which network addresses the fetcher may connect to, enforced at the moment of connecting.

A feed, a page's redirect or a posted URL must not make wirescope fetch from inside the network it runs in (the
cloud metadata service at 169.254.169.254, a database on 10.x, the dashboard on 127.0.0.1). So every connection,
each redirect hop included, goes through ``GuardedBackend.connect_tcp``: the host name is resolved once, every
address of the answer is checked, and the socket is opened to an address that was checked. There is no second
lookup between the check and the connection that a DNS-rebinding server could answer differently. The Host header
and the TLS server name stay those of the URL (httpcore passes the URL's host to TLS, not the address).

Refused by default: loopback, private, link-local, multicast, unspecified, reserved and other non-global addresses,
IPv6 forms that embed an IPv4 address (IPv4-mapped ``::ffff:a.b.c.d``, IPv4-compatible ``::a.b.c.d``, 6to4 and
Teredo of a non-global address), and IPv4 written in the legacy integer, hexadecimal, octal or short forms
(``2130706433``, ``0x7f.1``, ``127.1``), which are read as the address they denote. ``allow_private`` (the
``--allow-private-addresses`` option) lets everything but multicast and unspecified addresses through, for local use.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import threading
import time
import typing
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import httpcore
from httpcore._backends.sync import SyncBackend

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
# host, port -> the addresses it resolves to (strings). Tests pass a stub; the default asks the system resolver.
Resolver = Callable[[str, int], list[str]]
_LEGACY_IPV4 = re.compile(r"[0-9a-fA-FxX.]+")


class AddressRefused(Exception):
    """A connection the address policy does not allow. Deliberately not an httpx/httpcore error: it must never be
    retried or mistaken for a network failure."""

    def __init__(self, host: str, reason: str) -> None:
        super().__init__(f"{host}: {reason}")
        self.host = host
        self.reason = reason


def system_resolver(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def parse_literal(host: str) -> IPAddress | None:
    """The address a URL host denotes when it is an IP literal in any form the system would accept, else None."""
    bare = host[1:-1] if host.startswith("[") and host.endswith("]") else host
    try:
        return ipaddress.ip_address(bare)
    except ValueError:
        pass
    if _LEGACY_IPV4.fullmatch(bare) and any(ch.isdigit() for ch in bare):
        try:  # inet_aton reads the forms the C library (and so a naive fetcher) would connect to
            return ipaddress.IPv4Address(socket.inet_aton(bare))
        except OSError:
            return None
    return None


def refusal(ip: IPAddress, *, allow_private: bool = False) -> str | None:
    """Why a connection to ``ip`` is refused, or None when it is allowed."""
    if ip.is_multicast:
        return "a multicast address"
    if ip.is_unspecified:
        return "the unspecified address"
    if allow_private:
        return None
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(ip)
        if embedded is not None:
            kind, v4 = embedded
            if kind != "6to4 or Teredo" or refusal(v4) is not None:
                return f"an {kind} IPv6 address (of {v4})"
    for test, name in (
        ("is_loopback", "a loopback address"),
        ("is_link_local", "a link-local address"),
        ("is_private", "a private address"),
        ("is_reserved", "a reserved address"),
    ):
        if getattr(ip, test):
            return name
    if isinstance(ip, ipaddress.IPv6Address) and ip.is_site_local:
        return "a site-local address"
    if not ip.is_global:
        return "not a globally routable address"
    return None


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> tuple[str, ipaddress.IPv4Address] | None:
    if ip.ipv4_mapped is not None:
        return "IPv4-mapped", ip.ipv4_mapped
    if int(ip) >> 32 == 0 and int(ip) > 1:
        return "IPv4-compatible", ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip.sixtofour is not None:
        return "6to4 or Teredo", ip.sixtofour
    if ip.teredo is not None:
        return "6to4 or Teredo", ip.teredo[1]
    return None


@dataclass(frozen=True)
class AddressPolicy:
    """Checks the addresses of a host before any connection. Reused by every component that connects out (the
    fetcher now; webhook and mail targets obey the same policy)."""

    allow_private: bool = False
    resolver: Resolver = field(default=system_resolver)
    # Networks allowed although internal (say, the company's own news server), without opening all of them.
    allowed_networks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = ()

    def addresses(self, host: str, port: int) -> list[str]:
        """The addresses to connect to for ``host``, all checked. Raises ``AddressRefused`` when the host is, or
        resolves to, any address the policy refuses (one bad answer refuses the host: a name that mixes internal
        and public addresses is a rebinding trick, not a news site)."""
        literal = parse_literal(host)
        if literal is not None:
            return [self._checked(host, literal, literal)]
        try:
            answers = self.resolver(host, port)
        except OSError as exc:
            raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from None
        if not answers:
            raise httpcore.ConnectError(f"cannot resolve {host}: no addresses")
        out = []
        for answer in answers:
            ip = ipaddress.ip_address(answer)
            out.append(self._checked(host, ip, None))
        return list(dict.fromkeys(out))

    def _checked(self, host: str, ip: IPAddress, literal: IPAddress | None) -> str:
        listed = any(ip.version == net.version and ip in net for net in self.allowed_networks)
        reason = refusal(ip, allow_private=self.allow_private or listed)
        if reason is not None:
            said = f"{host} is {reason}" if literal is not None and str(ip) == host.strip("[]") else (
                f"{host} is {ip}, {reason}" if literal is not None else f"{host} resolves to {ip}, {reason}")
            raise AddressRefused(host, f"{said}; fetching internal addresses is refused "
                                 "(pass --allow-private-addresses for local use)")
        # An IPv4-mapped address (allowed only with allow_private) is connected to as the IPv4 address it is.
        mapped = ip.ipv4_mapped if isinstance(ip, ipaddress.IPv6Address) else None
        return str(mapped or ip)


class Deadline(threading.local):
    """The time (``time.monotonic``) by which the current thread's fetch must end, or None. Set by the client around
    each fetch; read by the streams below, so connects, reads and writes all stop at the deadline."""

    at: float | None = None

    def remaining(self, timeout: float | None) -> float | None:
        if self.at is None:
            return timeout
        left = self.at - time.monotonic()
        if left <= 0:
            raise httpcore.ReadTimeout("the fetch ran past its total deadline")
        return left if timeout is None else min(timeout, left)


class GuardedBackend(SyncBackend):
    """httpcore's socket backend with the address policy and the fetch deadline applied to every connection."""

    def __init__(self, policy: AddressPolicy, deadline: Deadline) -> None:
        self.policy = policy
        self.deadline = deadline

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[typing.Any] | None = None,
    ) -> httpcore.NetworkStream:
        last: Exception | None = None
        for address in self.policy.addresses(host, port):
            try:
                stream = super().connect_tcp(
                    address, port, self.deadline.remaining(timeout), local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
                continue
            return DeadlineStream(stream, self.deadline)
        assert last is not None
        raise last


class DeadlineStream(httpcore.NetworkStream):
    """A network stream whose every read and write waits no longer than the fetch's remaining time: a server that
    drips one byte every few seconds cannot hold a fetch past its deadline."""

    def __init__(self, inner: httpcore.NetworkStream, deadline: Deadline) -> None:
        self._inner = inner
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, self._deadline.remaining(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._deadline.remaining(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: typing.Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        inner = self._inner.start_tls(ssl_context, server_hostname, self._deadline.remaining(timeout))
        return DeadlineStream(inner, self._deadline)

    def get_extra_info(self, info: str) -> typing.Any:
        return self._inner.get_extra_info(info)
