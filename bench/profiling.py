"""`make bench PROFILE=1`: a py-spy flame graph of each process under test while its pair is measured.

py-spy samples the process from outside (no change to the code under test), so Concord and its
baseline are profiled alike. The SVGs go to bench/profiles/<pair>-<side>.svg. The memory pair is not
profiled: a sampler attached to the process would be part of the figure.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console

PROFILES = Path(__file__).resolve().parent / "profiles"
console = Console(stderr=True)


def py_spy() -> str | None:
    local = Path(sys.executable).parent / "py-spy"
    return str(local) if local.exists() else shutil.which("py-spy")


@contextmanager
def recording(pair: str, processes: dict, *, enabled: bool) -> Iterator[None]:
    """Record every process in `processes` (side name → bench.servers.Process or a pid) for the duration of the block."""
    binary = py_spy() if enabled else None
    if enabled and binary is None:
        console.print("[yellow]PROFILE=1 but py-spy is not installed (pip install -e '.[bench]'): no profile[/]")
    recorders = []
    if binary:
        PROFILES.mkdir(exist_ok=True)
        for side, process in processes.items():
            output = PROFILES / f"{pair}-{side}.svg"
            recorders.append(subprocess.Popen(
                [binary, "record", "--pid", str(getattr(process, "pid", process)), "--output", str(output), "--format", "flamegraph", "--nonblocking"],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            ))
    try:
        yield
    finally:
        for recorder in recorders:
            recorder.send_signal(signal.SIGINT)
        for recorder in recorders:
            try:
                recorder.wait(timeout=30)
            except subprocess.TimeoutExpired:
                recorder.kill()


def command_prefix(pair: str, side: str, *, enabled: bool) -> list[str]:
    """`py-spy record -o … --` to put before a short-lived command's argv (empty when not profiling)."""
    binary = py_spy() if enabled else None
    if binary is None:
        return []
    PROFILES.mkdir(exist_ok=True)
    return [binary, "record", "--output", str(PROFILES / f"{pair}-{side}.svg"), "--format", "flamegraph", "--subprocesses", "--"]
