"""`wirescope serve` as a real process on a free loopback port, for the serve --watch and CLI-through-server tests."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

TOKEN = "test-token-0123456789"


def cli() -> str:
    return str(Path(sys.executable).with_name("wirescope"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """A running `wirescope serve`; its output goes to a log file the failure messages show."""

    def __init__(self, proc: subprocess.Popen[bytes], port: int, log: Path, log_start: int = 0) -> None:
        self.proc, self.port, self.log, self.log_start = proc, port, log, log_start
        self.base = f"http://127.0.0.1:{port}"

    def bound(self) -> bool:
        """This process listens on the port (not another test's server that took the port first)."""
        with self.log.open("rb") as f:
            f.seek(self.log_start)
            text = f.read().decode("utf-8", "replace")
        return f"Started server process [{self.proc.pid}]" in text and "Uvicorn running on" in text

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-4000:]

    def get(self, path: str, **params: Any) -> Any:
        response = httpx.get(self.base + path, params=params, timeout=30)
        assert response.status_code == 200, (path, response.status_code, response.text[:500])
        return response.json()

    def wait_for(self, what: str, check: Callable[[], Any], timeout: float, every: float = 0.25) -> Any:
        """``check()``'s first truthy value, polled until ``timeout`` s; fails naming ``what`` with the log."""
        deadline = time.monotonic() + timeout
        while True:
            assert self.proc.poll() is None, f"the server exited while waiting for {what}:\n{self.output()}"
            found = check()
            if found:
                return found
            assert time.monotonic() < deadline, f"{what}: not within {timeout:.0f} s\n{self.output()}"
            time.sleep(every)

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.kill()


@contextmanager
def running(args: list[str], log: Path, env: dict[str, str] | None = None) -> Iterator[Server]:
    """Start `wirescope serve ARGS --port P`, wait until it answers, stop it after the block."""
    port = free_port()
    start = log.stat().st_size if log.exists() else 0
    with log.open("ab") as out:
        proc = subprocess.Popen([cli(), "serve", *args, "--port", str(port)], stdout=out, stderr=subprocess.STDOUT,
                                env={**os.environ, **(env or {})})
    server = Server(proc, port, log, start)
    try:
        server.wait_for("the server to answer", lambda: server.bound() and _answers(server), timeout=90)
        yield server
    finally:
        server.stop()


def _answers(server: Server) -> bool:
    try:
        return httpx.get(server.base + "/api/stats", timeout=2).status_code == 200
    except httpx.TransportError:
        return False


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([cli(), *args], capture_output=True, text=True, timeout=300, check=False,
                          env={**os.environ, **(env or {})})
