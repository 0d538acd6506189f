"""Production mode: `concord migrate`, `serve` and `worker` as separate processes on PostgreSQL and Redis."""

from __future__ import annotations

import asyncio
import json
import signal
import subprocess
import time

import httpx
import pytest

from tests.databases import create_postgres_database, drop_postgres_database
from tests.e2e.test_demo import free_port
from tests.infra.cli.running import CONCORD, concord_env, run_concord
from tests.services import POSTGRES_URL_ENV, REDIS_URL_ENV, require_service


@pytest.fixture
def production_database():
    database = asyncio.run(create_postgres_database(require_service(POSTGRES_URL_ENV)))
    yield database
    asyncio.run(drop_postgres_database(database))


def wait_for(url: str, timeout: float = 30) -> httpx.Response:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            response = httpx.get(url, timeout=2)
            if response.status_code == 200:
                return response
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    pytest.fail(f"{url} did not answer 200 in {timeout} s")


def test_migrate_serve_and_worker_run_against_postgresql_and_redis(production_database):
    redis_url = require_service(REDIS_URL_ENV)
    settings = {"database_url": production_database.url, "migration_database_url": production_database.owner_url, "broker_url": redis_url}
    port = free_port()

    migrated = run_concord("migrate", **settings)
    again = run_concord("migrate", **settings)
    created = run_concord("tenants", "create", "prod-co", "--name", "Production Co", **settings)
    key = json.loads(created.stdout)["api_key"]
    serve = subprocess.Popen([*CONCORD, "serve", "--port", str(port)], env=concord_env(**settings), stderr=subprocess.PIPE, text=True)
    worker = subprocess.Popen([*CONCORD, "worker", "--threads", "2"], env=concord_env(**settings), stderr=subprocess.PIPE, text=True)
    try:
        ready = wait_for(f"http://127.0.0.1:{port}/readyz")
        answer = httpx.post(
            f"http://127.0.0.1:{port}/graphql",
            json={"query": "{ viewer { tenant { slug name } } }"},
            headers={"Authorization": f"Bearer {key}"},
        )
        time.sleep(1)
        worker_alive = worker.poll() is None
    finally:
        for process in (serve, worker):
            process.send_signal(signal.SIGTERM)
        serve_err = serve.communicate(timeout=20)[1]
        worker_err = worker.communicate(timeout=20)[1]

    assert migrated.returncode == 0 and "applied" in migrated.stderr and "0001_initial" in migrated.stderr
    assert "none pending" in again.stderr
    assert ready.json() == {"status": "ready"}
    assert answer.json()["data"]["viewer"]["tenant"] == {"slug": "prod-co", "name": "Production Co"}
    assert worker_alive, worker_err
    assert '"worker started"' in worker_err and '"broker": "redis"' in worker_err
    assert "Traceback" not in serve_err + worker_err
    # uvicorn re-raises the signal after its graceful shutdown, so `serve` ends "killed by SIGTERM".
    assert serve.returncode in (0, -signal.SIGTERM) and worker.returncode == 0
