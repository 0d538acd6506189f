"""One Chromium per process, a fresh browser context per run, and a new browser when the old one is spent.

Playwright frees a page's memory only when its context closes (playwright #6319, #19953), so every
run gets its own context (no cookies shared between runs or tenants) and the browser itself is
replaced after `max_runs_per_browser` contexts or once its processes' resident memory passes
`max_rss_bytes`. A replaced browser is retired: runs still using it finish first, then it is
closed and its processes are reaped. A crashed browser (`disconnected`) is reaped at once and the
next run launches a new one.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import os
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playwright.async_api import Browser, BrowserContext, Playwright, Route, async_playwright

from bots import chromium_process

log = logging.getLogger(__name__)

DEBIAN_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = (
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
# W3C trace context: Concord's own trace must never reach a third party's portal.
TRACE_HEADERS = frozenset({"traceparent", "tracestate", "baggage"})

ContextSetup = Callable[[BrowserContext], Awaitable[None]]


@dataclass(frozen=True)
class BrowserPoolConfig:
    executable_path: str | None = None  # None: CONCORD_CHROMIUM_PATH, else Debian's, else Playwright's own
    headless: bool = True
    max_runs_per_browser: int = 50
    max_rss_bytes: int = 1536 * 1024 * 1024
    launch_timeout_seconds: float = 30.0

    @classmethod
    def from_settings(cls, settings: Any, **overrides: Any) -> BrowserPoolConfig:
        return cls(executable_path=settings.chromium_path, **overrides)


def chromium_executable(configured: str | None) -> str | None:
    """The Chromium to launch: the configured one, else Debian's if installed, else None (Playwright's own)."""
    if configured:
        return configured
    return DEBIAN_CHROMIUM if Path(DEBIAN_CHROMIUM).exists() else None


def launch_arguments(marker: str) -> list[str]:
    # Chromium refuses to start as root inside its sandbox; containers run us as root.
    sandbox = ["--no-sandbox"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
    return [*sandbox, *CHROMIUM_ARGS, marker]


@dataclass(eq=False)
class _LaunchedBrowser:
    """One launch of Chromium and what is known about its processes."""

    number: int
    browser: Browser
    pid: int | None
    helpers: set[int]  # detached helpers (crashpad) that became our children at launch
    contexts_opened: int = 0
    open_contexts: set[BrowserContext] = field(default_factory=set)
    retiring: bool = False
    closed: bool = False

    def resident_bytes(self) -> int:
        if self.pid is None:
            return 0
        return chromium_process.resident_bytes({self.pid, *chromium_process.descendants(self.pid)})


@dataclass(frozen=True)
class PoolStats:
    launches: int
    browser_pid: int | None
    contexts_on_current_browser: int
    open_contexts: int
    resident_bytes: int


class BrowserPool:
    """Hands out fresh browser contexts from a lazily launched Chromium; use from one event loop."""

    def __init__(self, config: BrowserPoolConfig | None = None) -> None:
        self.config = config or BrowserPoolConfig()
        self._playwright: Playwright | None = None
        self._current: _LaunchedBrowser | None = None
        self._retired: list[_LaunchedBrowser] = []
        self._launches = itertools.count(1)
        self._launch_count = 0
        self._lock = asyncio.Lock()
        self._reapers: set[asyncio.Task[None]] = set()  # reaping crashed browsers in the background

    @asynccontextmanager
    async def context(self, *, setup: ContextSetup | None = None, **options: Any) -> AsyncIterator[BrowserContext]:
        """A new context (downloads accepted, trace headers stripped), closed on exit however the run ends.

        `setup` runs before the trace-header guard is installed, so routes it adds see requests
        as they leave for the portal (the guard, registered last, runs first).
        """
        launched, context = await self._new_context(options)
        try:
            if setup is not None:
                await setup(context)
            await context.route("**/*", _strip_trace_headers)
            yield context
        finally:
            await self._close_context(launched, context)

    def stats(self) -> PoolStats:
        current = self._current
        every = [b for b in (current, *self._retired) if b is not None]
        return PoolStats(
            launches=self._launch_count,
            browser_pid=current.pid if current else None,
            contexts_on_current_browser=current.contexts_opened if current else 0,
            open_contexts=sum(len(b.open_contexts) for b in every),
            resident_bytes=current.resident_bytes() if current else 0,
        )

    @property
    def browser_pid(self) -> int | None:
        return self._current.pid if self._current else None

    async def close(self) -> None:
        """Close every browser, reap its processes and stop Playwright's driver."""
        async with self._lock:
            for launched in [*self._retired, *([self._current] if self._current else [])]:
                await self._shut_down(launched)
            self._retired.clear()
            self._current = None
            await asyncio.gather(*self._reapers, return_exceptions=True)
            if self._playwright is not None:
                await self._playwright.stop()
                self._playwright = None

    async def _new_context(self, options: dict[str, Any]) -> tuple[_LaunchedBrowser, BrowserContext]:
        async with self._lock:
            launched = await self._usable_browser()
            launched.contexts_opened += 1
            context = await launched.browser.new_context(accept_downloads=True, **options)
            launched.open_contexts.add(context)
            return launched, context

    async def _usable_browser(self) -> _LaunchedBrowser:
        current = self._current
        if current is not None and not current.browser.is_connected():
            log.warning("Chromium %s (pid %s) disconnected; launching a new one", current.number, current.pid)
            await self._shut_down(current)
            await asyncio.gather(*self._reapers, return_exceptions=True)
            current = self._current = None
        if current is not None and self._spent(current):
            current.retiring = True
            self._retired.append(current)
            current = self._current = None
        await self._close_drained_retirees()
        chromium_process.reap_zombie_helpers()
        if current is None:
            current = self._current = await self._launch()
        return current

    def _spent(self, launched: _LaunchedBrowser) -> bool:
        if launched.contexts_opened >= self.config.max_runs_per_browser:
            log.info("retiring Chromium %s after %s runs", launched.number, launched.contexts_opened)
            return True
        resident = launched.resident_bytes()
        if resident > self.config.max_rss_bytes:
            log.info("retiring Chromium %s at %s MiB resident", launched.number, resident // (1024 * 1024))
            return True
        return False

    async def _launch(self) -> _LaunchedBrowser:
        chromium_process.become_child_subreaper()
        if self._playwright is None:
            self._playwright = await async_playwright().start()
        marker = f"--concord-browser={uuid.uuid4().hex}"
        helpers_before = chromium_process.helper_children_of_this_process()
        browser = await self._playwright.chromium.launch(
            executable_path=chromium_executable(self.config.executable_path),
            headless=self.config.headless,
            args=launch_arguments(marker),
            timeout=self.config.launch_timeout_seconds * 1000,
        )
        launched = _LaunchedBrowser(
            number=next(self._launches),
            browser=browser,
            pid=chromium_process.find_pid_with_argument(marker),
            helpers=chromium_process.helper_children_of_this_process() - helpers_before,
        )
        self._launch_count += 1
        browser.on("disconnected", lambda _: self._reap_later(launched))
        log.info("launched Chromium %s (pid %s)", launched.number, launched.pid)
        return launched

    async def _close_context(self, launched: _LaunchedBrowser, context: BrowserContext) -> None:
        try:
            await asyncio.shield(context.close())
        except Exception:  # the browser may have crashed under the context; it is reaped elsewhere
            log.debug("closing a browser context failed", exc_info=True)
        launched.open_contexts.discard(context)
        if launched.retiring and not launched.open_contexts:
            async with self._lock:
                await self._close_drained_retirees()

    async def _close_drained_retirees(self) -> None:
        for launched in [b for b in self._retired if not b.open_contexts]:
            self._retired.remove(launched)
            await self._shut_down(launched)

    async def _shut_down(self, launched: _LaunchedBrowser) -> None:
        if launched.closed:
            return
        family = self._family(launched)
        launched.closed = True
        try:
            await asyncio.wait_for(launched.browser.close(), timeout=10)
        except Exception:
            log.warning("Chromium %s did not close cleanly; killing it", launched.number, exc_info=True)
        await chromium_process.kill_and_reap(family, rescan=lambda: self._orphans_of(launched))

    def _reap_later(self, launched: _LaunchedBrowser) -> None:
        """On `disconnected`: kill and reap what is left of a browser that went away without our asking."""
        if launched.closed:
            return
        launched.closed = True
        reaping = chromium_process.kill_and_reap(self._family(launched), rescan=lambda: self._orphans_of(launched))
        task = asyncio.get_running_loop().create_task(reaping)
        self._reapers.add(task)
        task.add_done_callback(self._reapers.discard)

    def _family(self, launched: _LaunchedBrowser) -> set[int]:
        if launched.pid is None:
            return set(launched.helpers)
        return {launched.pid, *launched.helpers, *chromium_process.descendants(launched.pid)}

    def _orphans_of(self, launched: _LaunchedBrowser) -> set[int]:
        """Chromium processes re-parented to us that belong to no other live browser (its crashed helpers)."""
        others = [b for b in (self._current, *self._retired) if b is not None and b is not launched and not b.closed]
        kept = set().union(*(self._family(b) for b in others)) if others else set()
        return chromium_process.helper_children_of_this_process() - kept


async def _strip_trace_headers(route: Route) -> None:
    headers = route.request.headers
    if TRACE_HEADERS.isdisjoint(name.lower() for name in headers):
        await route.fallback()
        return
    await route.fallback(headers={name: value for name, value in headers.items() if name.lower() not in TRACE_HEADERS})
