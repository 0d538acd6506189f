"""Keeps a run's secrets (passwords, TOTP seeds, one-time codes) out of its messages, logs and trace zip.

Playwright records what a bot types (the `fill` action's value), the DOM snapshots and the POSTed
form bodies in its trace, and has no redaction of its own; so the trace is rewritten after it
is saved, replacing every known secret in each of its forms (plain, URL-encoded, JSON-escaped).
"""

from __future__ import annotations

import json
import shutil
import tempfile
import zipfile
from pathlib import Path
from urllib.parse import quote, quote_plus

MASK = "********"
MIN_SECRET_LENGTH = 4  # shorter strings would mask innocent text everywhere


class Redactor:
    def __init__(self, secrets: list[str] | None = None) -> None:
        self._secrets: set[str] = set()
        for secret in secrets or ():
            self.add(secret)

    def add(self, secret: str | None) -> None:
        """Mask `secret` from now on (and in the trace, which is rewritten at the end of the run)."""
        if secret and len(secret) >= MIN_SECRET_LENGTH:
            self._secrets.add(secret)

    def _variants(self) -> list[str]:
        variants = set()
        for secret in self._secrets:
            variants.update({secret, quote_plus(secret), quote(secret, safe=""), json.dumps(secret)[1:-1]})
        return sorted(variants, key=len, reverse=True)  # longest first, so no variant is half-replaced

    def text(self, value: str) -> str:
        for variant in self._variants():
            value = value.replace(variant, MASK)
        return value

    def data(self, value: bytes) -> bytes:
        for variant in self._variants():
            value = value.replace(variant.encode(), MASK.encode())
        return value

    def zip_file(self, path: Path) -> None:
        """Rewrite the zip at `path` in place with every member's secrets masked."""
        if not self._secrets:
            return
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".zip", delete=False) as handle:
            scrubbed = Path(handle.name)
        try:
            with zipfile.ZipFile(path) as source, zipfile.ZipFile(scrubbed, "w", zipfile.ZIP_DEFLATED) as target:
                for member in source.infolist():
                    target.writestr(member, self.data(source.read(member)), compress_type=zipfile.ZIP_DEFLATED)
            shutil.move(scrubbed, path)
        finally:
            scrubbed.unlink(missing_ok=True)
