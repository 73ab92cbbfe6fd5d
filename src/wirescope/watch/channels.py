"""Delivery channels of notifications: webhook (JSON POST) and e-mail (SMTP), and where their secrets come from.

Both connect out through the fetcher's address policy (``ingest/netpolicy.py``): a webhook or an SMTP host on
loopback, a private network or the cloud metadata address is refused unless ``--allow-private-addresses`` is given,
so a watchlist cannot be used to make wirescope talk to the network it runs in. A webhook's redirects are not
followed (the policy is checked for the URL given, and a redirect could lead anywhere).

Secrets are never stored: the SMTP password and webhook tokens come from the environment or from a config file
(``WIRESCOPE_NOTIFY_CONFIG``, TOML with ``[smtp]`` and ``[secrets]``), see ``SECURITY.md``.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import smtplib
import socket
import ssl
import time
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import httpx

from ..__about__ import __version__
from ..errors import ConfigError
from ..ingest.netpolicy import AddressPolicy, AddressRefused, Deadline

log = logging.getLogger("wirescope.notify")
CONFIG_ENV = "WIRESCOPE_NOTIFY_CONFIG"
SECRET_ENV = "WIRESCOPE_SECRET_"
USER_AGENT = f"wirescope/{__version__} (notifications)"
_SMTP_ENV = ("host", "port", "user", "password", "sender", "security")


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int = 587
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    sender: str = "wirescope@localhost"
    security: str = "starttls"  # starttls | ssl | none

    def __post_init__(self) -> None:
        if self.security not in ("starttls", "ssl", "none"):
            raise ConfigError(f"smtp security must be starttls, ssl or none, not {self.security!r}")


@dataclass(frozen=True)
class NotifyConfig:
    """Where notifications are sent from and the secrets they need (read at the edge, never stored)."""

    smtp: SmtpConfig | None = None
    secrets: Mapping[str, str] = field(default_factory=dict, repr=False)

    def secret(self, name: str | None) -> str | None:
        if not name:
            return None
        value = os.environ.get(SECRET_ENV + name.upper()) or self.secrets.get(name)
        if value is None:
            log.warning("secret %s is not set (WIRESCOPE_SECRET_%s or [secrets] in the config file); sending "
                        "without it", name, name.upper())
        return value

    @classmethod
    def load(cls, environ: Mapping[str, str] | None = None) -> NotifyConfig:
        """From ``WIRESCOPE_NOTIFY_CONFIG`` (a TOML file) and ``WIRESCOPE_SMTP_*`` variables (which win)."""
        env = os.environ if environ is None else environ
        data: dict[str, Any] = {}
        path = env.get(CONFIG_ENV)
        if path:
            data = _read_config(Path(path))
        smtp = dict(data.get("smtp") or {})
        for key in _SMTP_ENV:
            value = env.get(f"WIRESCOPE_SMTP_{key.upper()}")
            if value:
                smtp[key] = value
        if "from" in smtp:
            smtp["sender"] = smtp.pop("from")
        unknown = set(smtp) - set(_SMTP_ENV)
        if unknown:
            raise ConfigError(f"unknown smtp settings {sorted(unknown)}; known: {', '.join(_SMTP_ENV)}")
        config = None
        if smtp.get("host"):
            config = SmtpConfig(**{**smtp, "port": int(smtp.get("port") or 587)})
        return cls(config, {str(k): str(v) for k, v in (data.get("secrets") or {}).items()})


def _read_config(path: Path) -> dict[str, Any]:
    try:
        mode = path.stat().st_mode
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read the notification config {path}: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"the notification config {path} is not valid TOML: {exc}") from exc
    if mode & 0o077:
        log.warning("%s holds secrets but others may read it (mode %o); chmod 600 it", path, mode & 0o777)
    return data


@dataclass(frozen=True, slots=True)
class Outcome:
    """How a delivery went: ``ok``, or an error that is ``permanent`` (no retry) or not."""

    ok: bool
    error: str | None = None
    permanent: bool = False


# -- webhook -------------------------------------------------------------------------------------------------


class WebhookSender:
    """POSTs JSON with an ``Idempotency-Key`` header, through the address policy; retries a network error, a 408,
    429 or 5xx answer ``retries`` times with exponential backoff (honouring a short Retry-After)."""

    def __init__(
        self, policy: AddressPolicy, *, timeout: float = 10.0, retries: int = 2, backoff: float = 0.5,
        sleep: Callable[[float], None] = time.sleep, transport: httpx.BaseTransport | None = None,
    ) -> None:
        from ..ingest.http import _guarded_transport

        self.retries, self.backoff, self._sleep = retries, backoff, sleep
        self._deadline = Deadline()
        limits = httpx.Limits(max_connections=4, max_keepalive_connections=2)
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout), follow_redirects=False, trust_env=False, limits=limits,
            headers={"User-Agent": USER_AGENT},
            transport=transport or _guarded_transport(policy, self._deadline, limits),
        )

    def close(self) -> None:
        self._client.close()

    def send(self, url: str, body: bytes, key: str, kind: str, secret: str | None) -> Outcome:
        headers = {"Content-Type": "application/json", "Idempotency-Key": key, "X-Wirescope-Event": kind}
        if secret:
            headers["Authorization"] = f"Bearer {secret}"
            digest = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
            headers["X-Wirescope-Signature"] = f"sha256={digest}"
        outcome = Outcome(False, "not sent")
        for attempt in range(self.retries + 1):
            if attempt:
                self._sleep(self.backoff * 2 ** (attempt - 1))
            outcome, retry_after = self._post(url, body, headers)
            if outcome.ok or outcome.permanent:
                return outcome
            if retry_after is not None and retry_after > 30:
                break  # the receiver asks for more than we wait within a poll: the outbox tries later
        return outcome

    def _post(self, url: str, body: bytes, headers: dict[str, str]) -> tuple[Outcome, float | None]:
        try:
            resp = self._client.post(url, content=body, headers=headers)
        except AddressRefused as exc:
            return Outcome(False, f"refused by the address policy: {exc}", permanent=True), None
        except httpx.HTTPError as exc:
            return Outcome(False, f"{type(exc).__name__}: {exc}"), None
        if 200 <= resp.status_code < 300:
            return Outcome(True), None
        reason = f"the receiver answered {resp.status_code}"
        if resp.status_code in (408, 425, 429) or resp.status_code >= 500:
            after = resp.headers.get("retry-after", "")
            return Outcome(False, reason), float(after) if after.isdigit() else None
        if 300 <= resp.status_code < 400:
            reason += " (a redirect; webhooks are not redirected, give the final URL)"
        return Outcome(False, reason, permanent=True), None


# -- e-mail --------------------------------------------------------------------------------------------------


def _connect(policy: AddressPolicy, host: str, port: int, timeout: float) -> socket.socket:
    last: OSError | None = None
    for address in policy.addresses(host, port):
        try:
            return socket.create_connection((address, port), timeout)
        except OSError as exc:
            last = exc
    raise last or OSError(f"cannot connect to {host}:{port}")


class _GuardedSMTP(smtplib.SMTP):
    policy: AddressPolicy

    def _get_socket(self, host: str, port: int, timeout: float) -> socket.socket:
        return _connect(self.policy, host, port, timeout)


class _GuardedSMTPSSL(smtplib.SMTP_SSL):
    policy: AddressPolicy

    def _get_socket(self, host: str, port: int, timeout: float) -> socket.socket:
        sock = _connect(self.policy, host, port, timeout)
        return self.context.wrap_socket(sock, server_hostname=host)


def send_mail(
    config: SmtpConfig, policy: AddressPolicy, recipients: tuple[str, ...], subject: str, body: str, key: str,
    *, timeout: float = 20.0,
) -> Outcome:
    """Send one plain-text message to ``recipients`` through the configured server. The host is checked against
    the address policy (TLS still verifies the host name); STARTTLS is required unless ``security = "none"``."""
    msg = EmailMessage()
    # Titles come from article text: one line, so no header can be injected through them.
    msg["From"], msg["To"], msg["Subject"] = config.sender, ", ".join(recipients), " ".join(subject.split())[:250]
    msg["Message-ID"] = f"<{key}@wirescope>"  # the idempotency key: a resent copy is recognisably the same
    msg["X-Wirescope-Idempotency-Key"] = key
    msg.set_content(body)
    cls = _GuardedSMTPSSL if config.security == "ssl" else _GuardedSMTP
    try:
        kwargs: dict[str, Any] = {"timeout": timeout}
        if cls is _GuardedSMTPSSL:
            kwargs["context"] = ssl.create_default_context()
        smtp = cls(**kwargs)
        smtp.policy = policy
        try:
            smtp.connect(config.host, config.port)
            if config.security == "starttls":
                smtp.starttls(context=ssl.create_default_context())
            if config.user:
                smtp.login(config.user, config.password or "")
            refused = smtp.send_message(msg)
        finally:
            try:
                smtp.quit()
            except (smtplib.SMTPException, OSError):
                smtp.close()
    except AddressRefused as exc:
        return Outcome(False, f"SMTP host refused by the address policy: {exc}", permanent=True)
    except (smtplib.SMTPAuthenticationError, smtplib.SMTPNotSupportedError) as exc:
        return Outcome(False, f"SMTP: {exc}", permanent=True)
    except (smtplib.SMTPException, OSError, ssl.SSLError) as exc:
        return Outcome(False, f"SMTP: {type(exc).__name__}: {exc}")
    except Exception as exc:  # a resolver error from the policy (httpcore.ConnectError) and the like: try later
        return Outcome(False, f"SMTP: {type(exc).__name__}: {exc}")
    if refused:
        return Outcome(False, f"SMTP refused recipients: {', '.join(refused)}", permanent=True)
    return Outcome(True)
