"""`/healthz`: the process is alive. `/readyz`: the database and the broker answer.

`/readyz` is public (load balancers call it without credentials), so it names only which dependency
is down; the driver's own error text, which can carry host names, users and SQL, goes to the log.
"""

from __future__ import annotations

import asyncio
import logging

from starlette.requests import Request
from starlette.responses import JSONResponse

from infra.db import check_database
from infra.settings import Settings
from workers.broker import BrokerUnavailable, check_broker

CHECK_TIMEOUT_SECONDS = 5

logger = logging.getLogger(__name__)


async def healthz(request: Request) -> JSONResponse:
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> JSONResponse:
    settings: Settings = request.app.state.settings
    failures: dict[str, str] = {}
    try:
        await asyncio.wait_for(check_database(), CHECK_TIMEOUT_SECONDS)
    except TimeoutError:
        failures["database"] = _not_ready("database", "no answer within the check's timeout")
    except Exception as exc:  # any driver error means not ready
        failures["database"] = _not_ready("database", f"{type(exc).__name__}: {exc}")
    try:
        await asyncio.wait_for(asyncio.to_thread(check_broker, settings), CHECK_TIMEOUT_SECONDS + 1)
    except TimeoutError:
        failures["broker"] = _not_ready("broker", "no answer within the check's timeout")
    except BrokerUnavailable as exc:
        failures["broker"] = _not_ready("broker", str(exc))
    if failures:
        return JSONResponse({"status": "unavailable", "failing": failures}, status_code=503)
    return JSONResponse({"status": "ready"})


def _not_ready(dependency: str, detail: str) -> str:
    logger.warning("readiness check failed: %s: %s", dependency, detail)
    return "unavailable"
