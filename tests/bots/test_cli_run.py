"""`concord bots run` beside a running server: the run in the CLI's own process, stored in the server's database.

The server is the API with the sandbox portals mounted at /portals (what `concord demo` serves), in a
child process; the tenant's vault holds its sandbox logins and its portals are paths on that server,
as the demo seeds them.
"""

from __future__ import annotations

import asyncio
import re
import subprocess
import sys
import textwrap

import httpx
import pytest

from infra.db import close_database, open_database
from infra.demo.portals import seed_demo_portals
from infra.settings import load_settings
from tenants.vault import VaultKeys
from tests.conftest import make_tenant
from tests.e2e.test_demo import free_port
from tests.e2e.test_production import wait_for
from tests.infra.cli.running import concord_env, run_concord

pytestmark = [pytest.mark.browser]
RUNS = "{ botRuns(first: 5) { edges { node { bot status startedBy steps { name status } artifacts { kind url } } } } }"
SERVER = textwrap.dedent(
    """
    import sys, uvicorn
    from starlette.routing import Mount
    from api.app import create_app
    from infra.cli.process import prepare_process
    from infra.portals import create_portals_app, demo_accounts

    settings = prepare_process(role="api")
    portals = Mount("/portals", app=create_portals_app(demo_accounts([sys.argv[1]])))
    uvicorn.run(create_app(settings, extra_routes=[portals]), host="127.0.0.1", port=settings.port, log_level="warning")
    """
)


def prepared_database(tmp_path, migrated_templates) -> tuple[dict[str, str], str, str]:
    database = migrated_templates.clone("sqlite", tmp_path)
    settings = {"database_url": database.url, "artifacts_dir": str(tmp_path / "artifacts"), "port": str(free_port())}

    async def prepare():
        await open_database(load_settings(database_url=database.url))
        try:
            tenant = await make_tenant("CLI Bots Ltd")
            await seed_demo_portals(tenants={tenant.slug: tenant.id}, keys=VaultKeys.from_settings(load_settings()))
            return tenant.slug, tenant.api_key
        finally:
            await close_database()

    slug, key = asyncio.run(prepare())
    return settings, slug, key


def test_bots_run_downloads_statements_and_the_server_shows_the_run(tmp_path, migrated_templates):
    settings, slug, key = prepared_database(tmp_path, migrated_templates)
    base = f"http://127.0.0.1:{settings['port']}"
    server = subprocess.Popen([sys.executable, "-c", SERVER, slug], env=concord_env(**settings), stderr=subprocess.PIPE, text=True)
    try:
        wait_for(f"{base}/readyz")
        # The command of the issue, as is: no params, the statement of the last 30 days.
        cli = run_concord("bots", "run", "bank.download_statements", "--tenant", slug, cwd=tmp_path, timeout=180, **settings)
        refused = run_concord("bots", "run", "bank.download_statements", "--tenant", slug, "--param", "date_from=soon", cwd=tmp_path, **settings)
        answer = httpx.post(f"{base}/graphql", json={"query": RUNS}, headers={"Authorization": f"Bearer {key}"}, timeout=10)
        runs = [edge["node"] for edge in answer.json()["data"]["botRuns"]["edges"]]
        csv_url = next((a["url"] for run in runs for a in run["artifacts"] if a["kind"] == "DOWNLOAD"), "")
        csv = httpx.get(csv_url, timeout=10) if csv_url else None
    finally:
        server.terminate()
        server.communicate(timeout=20)

    assert cli.returncode == 0, cli.stderr
    assert "succeeded" in cli.stderr and "download statement" in cli.stderr
    # stderr is a pipe here: the outcome still gets a line of its own below the table.
    assert re.search(r"^succeeded in [0-9.]+ s$", cli.stderr, re.MULTILINE), cli.stderr[-300:]
    assert refused.returncode == 2 and "date_from:" in refused.stderr and "date_to:" not in refused.stderr
    [run] = runs
    assert run["bot"] == "bank.download_statements" and run["status"] == "SUCCEEDED" and run["startedBy"].startswith("cli:")
    assert [step["name"] for step in run["steps"]] == ["login", "choose account", "download statement"]
    assert csv is not None and csv.status_code == 200 and csv.text.startswith("date,description")
