"""`/healthz`: the process is alive. `/readyz`: the database and the broker answer."""

from __future__ import annotations

import asyncio

from starlette.requests import Request
from starlette.responses import JSONResponse

from infra.db import check_database
from infra.settings import Settings
from workers.broker import BrokerUnavailable, check_broker

CHECK_TIMEOUT_SECONDS = 5


async def healthz(request: Request) -> JSONResponse:
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> JSONResponse:
    settings: Settings = request.app.state.settings
    failures = {}
    try:
        await asyncio.wait_for(check_database(), CHECK_TIMEOUT_SECONDS)
    except Exception as exc:  # any driver error means not ready
        failures["database"] = f"{type(exc).__name__}: {exc}" or "no answer"
    try:
        await asyncio.wait_for(asyncio.to_thread(check_broker, settings), CHECK_TIMEOUT_SECONDS + 1)
    except (BrokerUnavailable, TimeoutError) as exc:
        failures["broker"] = str(exc) or "no answer"
    if failures:
        return JSONResponse({"status": "unavailable", "failing": failures}, status_code=503)
    return JSONResponse({"status": "ready"})
