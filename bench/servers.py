"""Starting the servers under test as processes of their own, and reading their CPU time and memory.

Concord runs as `concord serve` / `concord worker` in production mode; a baseline runs as its own
uvicorn (or Dramatiq) process. CPU time and resident memory come from /proc, so the bench needs no
extra package and measures exactly the process that served the requests.
"""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from bench.database import REDIS_URL, ROOT

BIN = Path(sys.executable).parent
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def concord_env(database_url: str, **extra: str) -> dict[str, str]:
    """The environment of a production-mode Concord process on the bench database."""
    return {
        **os.environ,
        "CONCORD_ENVIRONMENT": "production",
        "CONCORD_DATABASE_URL": database_url,
        "CONCORD_BROKER_URL": REDIS_URL,
        "CONCORD_BROKER_NAMESPACE": "concord-bench",
        "CONCORD_SECRET_KEY": "bench-" + secrets.token_hex(24),
        # The per-tenant quota (600/min) would answer 429 under load; the bench measures the work, not the quota.
        "CONCORD_TENANT_REQUESTS_PER_MINUTE": "0",
        "CONCORD_LOG_LEVEL": "WARNING",
        "CONCORD_TRACE_EXPORTER": "none",
        "CONCORD_GRAPHIQL": "false",
        "CONCORD_WORKER_METRICS_PORT": "0",
        "CONCORD_ARTIFACTS_DIR": str(ROOT / "var" / "bench-artifacts"),
        **extra,
    }


@dataclass
class Process:
    """A process under test; `url` is set for HTTP servers."""

    name: str
    popen: subprocess.Popen
    url: str | None = None
    log: Path | None = None

    @property
    def pid(self) -> int:
        return self.popen.pid

    def cpu_seconds(self) -> float:
        return cpu_seconds(self.pid)

    def stop(self) -> None:
        if self.popen.poll() is None:
            self.popen.send_signal(signal.SIGTERM)
            try:
                self.popen.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait()

    def __enter__(self) -> Process:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start(name: str, argv: list[str], *, env: dict[str, str] | None = None) -> Process:
    log = ROOT / "var" / "bench-logs" / f"{name}.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    handle = log.open("w")
    popen = subprocess.Popen(argv, env=env or dict(os.environ), cwd=ROOT, stdout=handle, stderr=subprocess.STDOUT)
    return Process(name=name, popen=popen, log=log)


def start_http(name: str, argv: list[str], *, port: int, env: dict[str, str] | None = None, ready_path: str = "/healthz") -> Process:
    """Start an HTTP server and wait until `ready_path` answers."""
    process = start(name, argv, env=env)
    process.url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.popen.poll() is not None:
            raise RuntimeError(f"{name} exited with {process.popen.returncode}; see {process.log}")
        try:
            if httpx.get(process.url + ready_path, timeout=1).status_code < 500:
                return process
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    process.stop()
    raise RuntimeError(f"{name} did not answer on {process.url}; see {process.log}")


def start_concord_serve(database_url: str, **extra: str) -> Process:
    port = free_port()
    env = concord_env(database_url, CONCORD_PORT=str(port), **extra)
    return start_http("concord-serve", [str(BIN / "concord"), "serve"], port=port, env=env)


def start_uvicorn(name: str, app: str, *, env: dict[str, str]) -> Process:
    """A baseline app (`module:factory`) under uvicorn, one process like `concord serve`."""
    port = free_port()
    argv = [str(BIN / "uvicorn"), "--factory", app, "--host", "127.0.0.1", "--port", str(port), "--no-access-log", "--log-level", "warning"]
    return start_http(name, argv, port=port, env={**os.environ, **env}, ready_path="/healthz")


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of one process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry.name))
            except (OSError, IndexError, ValueError):
                continue
    return found


def tree_rss_bytes(pid: int) -> int:
    """Resident memory of a process and all its descendants (a worker's Chromium counts)."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            total += int(Path(f"/proc/{current}/statm").read_text().split()[1]) * PAGE_SIZE
        except OSError:
            continue
        stack.extend(_children(current))
    return total


@dataclass
class PeakRss:
    """Samples a process tree's resident memory in a thread and keeps the highest."""

    pid: int
    interval: float = 0.1
    peak: int = 0
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def __enter__(self) -> PeakRss:
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, tree_rss_bytes(self.pid))
            self._stop.wait(self.interval)

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join()
        self.peak = max(self.peak, tree_rss_bytes(self.pid))
