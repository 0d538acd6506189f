"""A run's files on disk: `<artifacts dir>/<tenant id>/<run id>/` with screenshots, downloads, trace and step log.

Layout of a run's directory:

    steps.jsonl                       one JSON line per step attempt
    trace.zip                         the Playwright trace (secrets masked)
    screenshots/01-login-failed.png   at failures and at steps marked `screenshot=True`
    downloads/<file name>             receipts, statements, invoices, as the portal named them
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

from bots.records import Artifact, ArtifactKind

STEP_LOG_NAME = "steps.jsonl"
TRACE_NAME = "trace.zip"
_UNSAFE_NAME_CHARACTERS = re.compile(r"[^A-Za-z0-9._-]+")
_SAFE_SEGMENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")


def run_directory(root: Path, tenant_id: str, run_id: str) -> Path:
    """Where a run's artifacts live; tenant and run ids must be plain names so no path escapes the root."""
    for label, segment in (("tenant id", tenant_id), ("run id", run_id)):
        if not _SAFE_SEGMENT.match(segment):
            raise ValueError(f"{label} {segment!r} cannot be used as a directory name")
    return root / tenant_id / run_id


def safe_file_name(name: str, *, default: str = "file") -> str:
    cleaned = _UNSAFE_NAME_CHARACTERS.sub("-", name.strip()).strip(".-")
    return cleaned[:120] or default


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


class RunArtifacts:
    """Creates a run's files and describes each as an Artifact (kind, path, sha256, size)."""

    def __init__(self, root: Path, tenant_id: str, run_id: str) -> None:
        self.directory = run_directory(root.resolve(), tenant_id, run_id)
        self._screenshot_count = 0

    @property
    def trace_path(self) -> Path:
        return self.directory / TRACE_NAME

    @property
    def step_log_path(self) -> Path:
        return self.directory / STEP_LOG_NAME

    def create(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)

    def screenshot_path(self, label: str) -> Path:
        self._screenshot_count += 1
        folder = self.directory / "screenshots"
        folder.mkdir(parents=True, exist_ok=True)
        return folder / f"{self._screenshot_count:02d}-{safe_file_name(label, default='page')}.png"

    def download_path(self, suggested_name: str) -> Path:
        """A free path in downloads/ for a file the portal suggested naming `suggested_name`."""
        folder = self.directory / "downloads"
        folder.mkdir(parents=True, exist_ok=True)
        candidate = folder / safe_file_name(suggested_name, default="download")
        counter = 1
        while candidate.exists():
            counter += 1
            candidate = candidate.with_name(f"{candidate.stem}-{counter}{candidate.suffix}")
        return candidate

    def append_step_log(self, line: dict[str, Any]) -> None:
        self.create()
        with self.step_log_path.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(line, sort_keys=True) + "\n")

    def describe(self, kind: ArtifactKind, path: Path, *, step: str | None = None) -> Artifact:
        """The Artifact for a file already written under this run's directory."""
        return Artifact(
            kind=kind,
            path=path,
            sha256=sha256_of(path),
            size=path.stat().st_size,
            name=path.relative_to(self.directory).as_posix(),
            step=step,
        )
