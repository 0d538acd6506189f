"""Download links for a run's artifacts: `/artifacts/<token>`, signed, expiring, bound to one tenant's artifact.

The token carries the tenant, run and artifact ids and an expiry, signed with an HMAC key derived from
CONCORD_SECRET_KEY. The link itself is the credential (a browser can follow it), so it expires soon.
A forged or altered token, an expired one, or one whose tenant does not own the artifact all answer
404, alike, so a link says nothing about what exists.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import mimetypes
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response

from domain.bots import service as bots_service
from tenants.context import tenant_transaction

LINK_TTL_SECONDS = 15 * 60
_PURPOSE = b"concord-artifact-links-v1"
_SECURITY_HEADERS = {"Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff"}


@dataclass(frozen=True)
class ArtifactLink:
    tenant_id: uuid.UUID
    run_id: uuid.UUID
    artifact_id: uuid.UUID
    expires_at: int  # unix seconds


def _key(secret_key: str) -> bytes:
    return hmac.new(secret_key.encode(), _PURPOSE, hashlib.sha256).digest()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def sign(link: ArtifactLink, *, secret_key: str) -> str:
    body = f"{link.tenant_id.hex}.{link.run_id.hex}.{link.artifact_id.hex}.{link.expires_at}".encode()
    return f"{_b64(body)}.{_b64(hmac.new(_key(secret_key), body, hashlib.sha256).digest())}"


def link_token(*, tenant_id: uuid.UUID, run_id: uuid.UUID, artifact_id: uuid.UUID, secret_key: str, ttl_seconds: int = LINK_TTL_SECONDS) -> str:
    return sign(ArtifactLink(tenant_id, run_id, artifact_id, int(time.time()) + ttl_seconds), secret_key=secret_key)


def verify(token: str, *, secret_key: str, now: float | None = None) -> ArtifactLink | None:
    """The link a token names, if its signature is ours and it has not expired; None otherwise."""
    try:
        body_part, signature_part = token.split(".")
        body = _unb64(body_part)
        expected = hmac.new(_key(secret_key), body, hashlib.sha256).digest()
        if not hmac.compare_digest(expected, _unb64(signature_part)):
            return None
        tenant, run, artifact, expires = body.decode().split(".")
        link = ArtifactLink(uuid.UUID(tenant), uuid.UUID(run), uuid.UUID(artifact), int(expires))
    except (ValueError, UnicodeDecodeError):
        return None
    return link if link.expires_at > (now if now is not None else time.time()) else None


def _not_found() -> Response:
    return PlainTextResponse("Not Found", status_code=404, headers=_SECURITY_HEADERS)


async def artifact_download(request: Request) -> Response:
    """GET /artifacts/<token>: the file, or 404 for anything that is not a valid, current link to it."""
    settings = request.app.state.settings
    link = verify(request.path_params["token"], secret_key=settings.secret_key.get_secret_value())
    if link is None:
        return _not_found()
    async with tenant_transaction(link.tenant_id):
        artifact = await bots_service.get_artifact(run_id=link.run_id, artifact_id=link.artifact_id)
    if artifact is None:
        return _not_found()
    run_root = (Path(settings.artifacts_dir) / str(link.tenant_id) / str(link.run_id)).resolve()
    path = (Path(settings.artifacts_dir) / artifact.path).resolve()
    if not path.is_relative_to(run_root) or not path.is_file():
        return _not_found()
    media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return FileResponse(path, media_type=media_type, filename=path.name, headers=_SECURITY_HEADERS)
