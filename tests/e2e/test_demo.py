"""`concord demo`: one process that serves GraphiQL with two seeded tenants, and stops cleanly."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import time
from pathlib import Path

import httpx
import pytest

from tests.infra.cli.running import CONCORD, concord_env

STOP_WITHIN_SECONDS = 5


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class DemoProcess:
    def __init__(self, workdir: Path, port: int) -> None:
        self.port = port
        self.process = subprocess.Popen(
            [*CONCORD, "demo", "--size", "12"],
            cwd=workdir,
            env=concord_env(port=str(port)),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def wait_until_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"demo exited early: {self.process.stderr.read()}")
            try:
                if httpx.get(f"{self.base}/readyz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        pytest.fail("demo did not become ready")

    def interrupt(self) -> tuple[float, str, str]:
        started = time.monotonic()
        self.process.send_signal(signal.SIGINT)
        stdout, stderr = self.process.communicate(timeout=30)
        return time.monotonic() - started, stdout, stderr


def customers_of(base: str, key: str) -> int:
    response = httpx.post(
        f"{base}/graphql",
        json={"query": "{ viewer { tenant { slug } } customers(first: 1) { totalCount } }"},
        headers={"Authorization": f"Bearer {key}"},
    )
    return response.json()["data"]["customers"]["totalCount"]


def test_the_demo_serves_two_tenants_keeps_its_data_and_stops_cleanly(tmp_path):
    first = DemoProcess(tmp_path, free_port())
    try:
        first.wait_until_ready()
        graphiql = httpx.get(f"{first.base}/graphql", headers={"Accept": "text/html"})
        portal_login = httpx.get(f"{first.base}/portals/bank/login")
        keys = json.loads((tmp_path / "var" / "demo-credentials.json").read_text())
        counts = {slug: customers_of(first.base, key) for slug, key in keys.items()}
    finally:
        stop_seconds, stdout, stderr = first.interrupt()

    assert graphiql.status_code == 200 and "graphiql" in graphiql.text.lower()
    assert counts == {"acme": 12, "globex": 12}
    assert portal_login.status_code == 200 and 'id="username"' in portal_login.text
    assert all(key in stdout for key in keys.values())
    assert f"http://127.0.0.1:{first.port}/graphql" in stdout
    assert first.process.returncode in (0, 130)  # 130: the conventional status after Ctrl-C
    assert stop_seconds < STOP_WITHIN_SECONDS
    assert "Traceback" not in stderr + stdout

    second = DemoProcess(tmp_path, free_port())
    try:
        second.wait_until_ready()
        counts_again = {slug: customers_of(second.base, key) for slug, key in keys.items()}
    finally:
        second.interrupt()
    assert counts_again == counts  # the same keys still work, and nothing was seeded twice
