"""The demo tenants' API keys, kept beside the demo database so a restart can print them again.

Production never keeps a key's plaintext. The demo does, in a file only its owner can read, because
the demo's point is to hand a person working keys every time it starts.
"""

from __future__ import annotations

import json
import os
from pathlib import Path


def credentials_path(database_file: Path) -> Path:
    return database_file.with_name("demo-credentials.json")


def load_credentials(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    return json.loads(path.read_text())


def save_credentials(path: Path, keys: dict[str, str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        json.dump(keys, handle, indent=2)
