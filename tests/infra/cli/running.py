"""Running the `concord` command as a user would, in a child process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.services import BROKER_NAMESPACE

CONCORD = [sys.executable, "-m", "infra.cli.main"]
PROJECT_ROOT = Path(__file__).resolve().parents[3]


def concord_env(**settings: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("CONCORD_")}
    env["PYTHONPATH"] = str(PROJECT_ROOT)
    env["CONCORD_BROKER_NAMESPACE"] = BROKER_NAMESPACE
    env.update({f"CONCORD_{key.upper()}": value for key, value in settings.items()})
    return env


def run_concord(*args: str, cwd: Path | None = None, timeout: float = 60, **settings: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*CONCORD, *args], cwd=cwd, env=concord_env(**settings), capture_output=True, text=True, timeout=timeout
    )
