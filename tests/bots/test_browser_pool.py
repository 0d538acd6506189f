"""The browser pool with real Chromium: restarts after N runs, past a memory bound and after a crash, and reaps."""

from __future__ import annotations

import asyncio
import os
import signal

import pytest

from bots import BrowserPool, BrowserPoolConfig
from bots.chromium_process import all_processes, is_alive, process_info
from infra.settings import load_settings

pytestmark = [pytest.mark.browser, pytest.mark.asyncio(loop_scope="session")]


def pool_with(**limits: object) -> BrowserPool:
    return BrowserPool(BrowserPoolConfig.from_settings(load_settings(), **limits))


async def pid_of_next_context(pool: BrowserPool) -> int | None:
    async with pool.context():
        return pool.browser_pid


def zombie_chromium_children() -> list[int]:
    me = os.getpid()
    return [p.pid for p in all_processes() if p.parent_pid == me and p.state == "Z" and p.command.startswith("chrom")]


async def no_zombies_within(*, seconds: float) -> None:
    """The pool reaps a crashed browser's helpers in the background, as they are re-parented to us."""
    async with asyncio.timeout(seconds):
        while zombie_chromium_children():
            await asyncio.sleep(0.05)


def gone(pid: int) -> bool:
    """Not running and not left as a zombie either: reaped."""
    return process_info(pid) is None or (not is_alive(pid) and process_info(pid).parent_pid != os.getpid())


async def test_the_browser_is_launched_lazily_and_its_pid_tracked():
    pool = pool_with()
    try:
        assert pool.stats().launches == 0 and pool.browser_pid is None
        pid = await pid_of_next_context(pool)
        assert pid is not None and is_alive(pid)
        assert pool.stats().resident_bytes > 0
    finally:
        await pool.close()
    assert gone(pid)


async def test_a_new_browser_replaces_the_old_after_n_runs_and_the_old_one_is_reaped():
    pool = pool_with(max_runs_per_browser=2)
    try:
        pids = [await pid_of_next_context(pool) for _ in range(3)]
        assert pids[0] == pids[1] != pids[2]
        assert gone(pids[0])
        assert pool.stats().launches == 2
    finally:
        await pool.close()
    assert gone(pids[2])
    await no_zombies_within(seconds=5)


async def test_a_browser_past_the_memory_bound_is_replaced():
    pool = pool_with(max_rss_bytes=1)  # any real browser is past one byte
    try:
        first, second = await pid_of_next_context(pool), await pid_of_next_context(pool)
        assert first != second and gone(first)
    finally:
        await pool.close()


async def test_a_retired_browser_finishes_its_runs_before_it_is_closed():
    pool = pool_with(max_runs_per_browser=1)
    try:
        async with pool.context() as first_context:
            old_pid = pool.browser_pid
            async with pool.context():
                assert pool.browser_pid != old_pid
                assert is_alive(old_pid)  # still serving the first run
                page = await first_context.new_page()
                await page.set_content("<p id=still-here>yes</p>")
                assert await page.locator("#still-here").inner_text() == "yes"
        await pid_of_next_context(pool)
        assert gone(old_pid)
    finally:
        await pool.close()


async def test_a_crashed_browser_is_reaped_and_the_next_run_gets_a_new_one():
    pool = pool_with()
    try:
        crashed = await pid_of_next_context(pool)
        os.kill(crashed, signal.SIGKILL)
        async with asyncio.timeout(10):
            while pool._current.browser.is_connected():
                await asyncio.sleep(0.05)
        replacement = await pid_of_next_context(pool)
        assert replacement != crashed and is_alive(replacement)
        assert gone(crashed)
        await no_zombies_within(seconds=5)
    finally:
        await pool.close()
