"""Finding, measuring and reaping a Chromium's processes through /proc (Linux; elsewhere these do nothing).

Playwright does not tell us the browser's PID, so the pool launches Chromium with a unique
marker switch (Chromium ignores switches it does not know) and looks for the process carrying
it. Chromium's helpers (zygotes, crashpad handlers) detach from the browser; once this process
is a child subreaper they are re-parented here instead of to PID 1, so they can be reaped too
rather than lingering as zombies after a crash.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import logging
import os
import signal
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)
PROC = Path("/proc")
_PR_SET_CHILD_SUBREAPER = 36
_subreaper_set = False


@dataclass(frozen=True)
class ProcessInfo:
    pid: int
    parent_pid: int
    state: str  # "R", "S", "Z" (zombie), ...
    command: str  # the executable's short name, e.g. "chromium", "chrome_crashpad"


def become_child_subreaper() -> bool:
    """Make orphaned descendants (Chromium's helpers) this process's children, so it can reap them."""
    global _subreaper_set
    if _subreaper_set or not sys.platform.startswith("linux"):
        return _subreaper_set
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        _subreaper_set = libc.prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
    except (OSError, AttributeError):
        _subreaper_set = False
    return _subreaper_set


def process_info(pid: int) -> ProcessInfo | None:
    try:
        stat = (PROC / str(pid) / "stat").read_text()
    except OSError:
        return None
    # The command sits in parentheses and may itself contain spaces or parentheses.
    command = stat[stat.index("(") + 1 : stat.rindex(")")]
    fields = stat[stat.rindex(")") + 2 :].split()
    return ProcessInfo(pid=pid, parent_pid=int(fields[1]), state=fields[0], command=command)


def all_processes() -> list[ProcessInfo]:
    if not PROC.is_dir():
        return []
    found = (process_info(int(entry.name)) for entry in PROC.iterdir() if entry.name.isdigit())
    return [info for info in found if info is not None]


def find_pid_with_argument(argument: str) -> int | None:
    """The process started with `argument` whose parent was not (the browser's own helpers copy some switches)."""
    needle = argument.encode()
    matches = set()
    for entry in PROC.iterdir() if PROC.is_dir() else ():
        if entry.name.isdigit():
            try:
                if needle in (entry / "cmdline").read_bytes().split(b"\0"):
                    matches.add(int(entry.name))
            except OSError:
                continue
    for pid in matches:
        info = process_info(pid)
        if info is not None and info.parent_pid not in matches:
            return pid
    return None


def descendants(pid: int, processes: Iterable[ProcessInfo] | None = None) -> set[int]:
    """Every live process below `pid` (children, their children, ...)."""
    children: dict[int, list[int]] = {}
    for info in processes if processes is not None else all_processes():
        children.setdefault(info.parent_pid, []).append(info.pid)
    found: set[int] = set()
    pending = list(children.get(pid, []))
    while pending:
        child = pending.pop()
        if child not in found:
            found.add(child)
            pending.extend(children.get(child, []))
    return found


def resident_bytes(pids: Iterable[int]) -> int:
    """The summed resident set size (VmRSS) of these processes; gone or zombie processes count 0."""
    total = 0
    for pid in pids:
        try:
            for line in (PROC / str(pid) / "status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
                    break
        except (OSError, ValueError, IndexError):
            continue
    return total


def is_alive(pid: int) -> bool:
    """Running (not a zombie, not gone)."""
    info = process_info(pid)
    return info is not None and info.state != "Z"


async def kill_and_reap(
    pids: Iterable[int], *, rescan: Callable[[], set[int]] | None = None, wait_seconds: float = 3.0
) -> None:
    """SIGKILL whatever of `pids` still runs, then collect the exit status of those that are our children.

    A killed process takes a moment to become a zombie, and a crashed browser's grandchildren are
    re-parented to us one by one, so this keeps polling (without blocking the loop), adding what
    `rescan` finds, until none of them is left or `wait_seconds` have passed.
    """
    pending = set(pids)
    started = time.monotonic()
    while True:
        if rescan is not None:
            pending |= rescan()
        for pid in pending:
            if is_alive(pid):
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.kill(pid, signal.SIGKILL)
        reap_exited_children(pending)
        me = os.getpid()
        pending = {pid for pid in pending if (info := process_info(pid)) is not None and info.parent_pid == me}
        elapsed = time.monotonic() - started
        settled = rescan is None or elapsed >= 0.5  # late orphans show up within a few hundred ms
        if (not pending and settled) or elapsed > wait_seconds:
            if pending:
                log.warning("Chromium processes %s did not exit in time", sorted(pending))
            return
        await asyncio.sleep(0.05)


def reap_zombie_helpers() -> None:
    """Collect every exited Chromium process re-parented to us; a zombie is dead, so this is always safe."""
    reap_exited_children(
        pid for pid in helper_children_of_this_process() if (info := process_info(pid)) and info.state == "Z"
    )


def reap_exited_children(pids: Iterable[int]) -> None:
    """waitpid the given children that have exited, without blocking; others are left alone."""
    me = os.getpid()
    for pid in pids:
        info = process_info(pid)
        if info is None or info.parent_pid != me:
            continue
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)


def helper_children_of_this_process() -> set[int]:
    """Chromium helpers that were re-parented to this process (e.g. crashpad handlers), live or zombie."""
    me = os.getpid()
    return {
        info.pid
        for info in all_processes()
        if info.parent_pid == me and info.command.startswith(("chrom", "chrome_crashpad"))
    }
