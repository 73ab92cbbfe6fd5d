"""`wirescope serve` end to end: a real server process on a free port."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

import api_support


def _cli() -> str:
    return str(Path(sys.executable).with_name("wirescope"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_answers_api_and_dashboard(tmp_path: Path) -> None:
    db = api_support.write_store(tmp_path / "s.duckdb")
    port = _free_port()
    proc = subprocess.Popen(
        [_cli(), "serve", "--db", str(db), "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                stats = httpx.get(f"{base}/api/stats", timeout=2)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stdout.read().decode() if proc.stdout else ""
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.2)
        assert stats.status_code == 200 and stats.json()["tables"]["articles"] == 4
        assert httpx.get(f"{base}/").headers["content-type"].startswith("text/html")
        # DNS rebinding: a page on another name that resolves here is not answered
        rebound = httpx.get(f"{base}/api/stats", headers={"Host": f"attacker.example:{port}"})
        assert rebound.status_code == 400 and rebound.json()["code"] == "bad_host"
        assert httpx.get(f"{base}/api/stats", headers={"Host": f"localhost:{port}"}).status_code == 200
        assert httpx.post(f"{base}/api/ingest", json={"texts": [{"text": "x"}]}).status_code in (404, 405)
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    out = proc.stdout.read().decode() if proc.stdout else ""
    assert f"http://localhost:{port}/" in out


def test_serve_refuses_a_missing_store_and_a_short_token(tmp_path: Path) -> None:
    run = subprocess.run([_cli(), "serve", "--db", str(tmp_path / "none.duckdb")], capture_output=True, text=True)
    assert run.returncode == 2 and "no wirescope database" in run.stderr
    db = api_support.write_store(tmp_path / "s.duckdb", aggregate=False)
    run = subprocess.run([_cli(), "serve", "--db", str(db), "--token", "short"], capture_output=True, text=True)
    assert run.returncode == 2 and "at least 8 characters" in run.stderr
