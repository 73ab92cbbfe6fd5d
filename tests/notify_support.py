"""Loopback receivers for the notification tests: a webhook receiver that records every POST (and can answer 503
a few times first), and a minimal SMTP server. Nothing here connects anywhere but 127.0.0.1."""

from __future__ import annotations

import json
import socketserver
import threading
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ATOM_RNG = Path(__file__).parent / "fixtures" / "atom.rng"


@dataclass
class Post:
    path: str
    headers: dict[str, str]
    raw: bytes

    @property
    def body(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(self.raw)
        return data


class Receiver(ThreadingHTTPServer):
    """Records POSTs; ``fail_first[path]`` answers that many 503s before accepting."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Hook)
        self.posts: list[Post] = []
        self.attempts: list[Post] = []
        self.fail_first: dict[str, int] = {}
        self.lock = threading.Lock()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def at(self, path: str) -> list[Post]:
        with self.lock:
            return [p for p in self.posts if p.path == path]


class _Hook(BaseHTTPRequestHandler):
    server: Receiver

    def log_message(self, *args: object) -> None:
        pass

    def do_POST(self) -> None:
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        post = Post(self.path, {k.lower(): v for k, v in self.headers.items()}, raw)
        with self.server.lock:
            self.server.attempts.append(post)
            left = self.server.fail_first.get(self.path, 0)
            if left:
                self.server.fail_first[self.path] = left - 1
            else:
                self.server.posts.append(post)
        self.send_response(503 if left else 200)
        self.send_header("Content-Length", "0")
        self.end_headers()


@dataclass
class Mail:
    sender: str
    recipients: list[str]
    data: bytes
    message: Message = field(init=False)

    def __post_init__(self) -> None:
        self.message = message_from_bytes(self.data)


class SmtpServer(socketserver.ThreadingTCPServer):
    """Just enough SMTP for smtplib: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Smtp)
        self.mails: list[Mail] = []

    @property
    def port(self) -> int:
        return int(self.server_address[1])


class _Smtp(socketserver.StreamRequestHandler):
    server: SmtpServer

    def _say(self, line: str) -> None:
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self) -> None:
        self._say("220 loopback ESMTP test")
        sender, rcpts = "", []
        while line := self.rfile.readline():
            verb = line.decode("utf-8", "replace").strip()
            upper = verb.upper()
            if upper.startswith("EHLO"):
                self.wfile.write(b"250-loopback\r\n250 8BITMIME\r\n")
            elif upper.startswith(("HELO", "RSET", "NOOP")):
                self._say("250 OK")
            elif upper.startswith("MAIL FROM:"):
                sender, rcpts = verb[10:].split()[0].strip("<>"), []
                self._say("250 OK")
            elif upper.startswith("RCPT TO:"):
                rcpts.append(verb[8:].split()[0].strip("<>"))
                self._say("250 OK")
            elif upper == "DATA":
                self._say("354 end with .")
                self.server.mails.append(Mail(sender, rcpts, self._data()))
                self._say("250 queued")
            elif upper == "QUIT":
                self._say("221 bye")
                return
            else:
                self._say("502 not implemented")

    def _data(self) -> bytes:
        lines = []
        while (line := self.rfile.readline()) not in (b".\r\n", b".\n", b""):
            lines.append(line[1:] if line.startswith(b"..") else line)
        return b"".join(lines)
