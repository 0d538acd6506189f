"""A stopping worker releases what it opened, the bots' browser included."""

from __future__ import annotations

from bots.chromium_process import is_alive
from infra.settings import load_settings
from tests.workers.test_broker import tenant_in_new_database
from workers.actors.bots import bot_runtime, use_bot_runtime
from workers.broker import build_broker
from workers.runtime import start_worker


def test_a_worker_stopped_while_idle_leaves_no_chromium_behind(tmp_path, migrated_templates):
    database_url, _ = tenant_in_new_database(tmp_path, migrated_templates)
    settings = load_settings(broker_url="stub://", database_url=database_url)
    use_bot_runtime(None)
    runtime = start_worker(settings, build_broker(settings), threads=1)

    async def warm_browser() -> int | None:
        async with bot_runtime().pool.context():
            pass  # the pool keeps the browser for the next run: the worker is now idle with Chromium up
        return bot_runtime().pool.browser_pid

    browser_pid = runtime.loop_thread.run_coroutine(warm_browser())
    assert browser_pid is not None and is_alive(browser_pid)

    runtime.stop()

    assert not is_alive(browser_pid), f"Chromium {browser_pid} outlived its worker"
