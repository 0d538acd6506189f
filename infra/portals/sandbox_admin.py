"""The `/_sandbox` admin routes every portal has, so an out-of-process test can flip switches and move time."""

from __future__ import annotations

from collections.abc import Sequence

from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import BaseRoute, Route

from infra.portals.form_input import read_form
from infra.portals.switches import SwitchError

SANDBOX_PREFIX = "/_sandbox"


def sandbox_admin_routes(extra: Sequence[BaseRoute] = ()) -> list[BaseRoute]:
    return [
        Route(f"{SANDBOX_PREFIX}/switches", switches_endpoint, methods=["GET", "POST"]),
        Route(f"{SANDBOX_PREFIX}/clock", clock_endpoint, methods=["GET", "POST"]),
        *extra,
    ]


async def sandbox_params(request: Request) -> dict[str, str]:
    """Query parameters and, on POST, form fields (the form wins)."""
    params = dict(request.query_params)
    if request.method == "POST":
        params.update(await read_form(request))
    return params


async def switches_endpoint(request: Request) -> PlainTextResponse:
    """GET shows the switches; POST sets those given (`reset=1` first puts all back to normal)."""
    switches = request.app.state.portal.switches
    if request.method == "POST":
        params = await sandbox_params(request)
        try:
            if params.pop("reset", "") not in ("", "0", "false"):
                switches.reset()
            switches.set(**params)
        except SwitchError as error:
            return PlainTextResponse(f"error: {error}\n", status_code=400)
    return PlainTextResponse("".join(f"{name}={value}\n" for name, value in switches.as_dict().items()))


async def clock_endpoint(request: Request) -> PlainTextResponse:
    """GET shows the sandbox time; POST with `advance=<seconds>` moves it forward."""
    clock = request.app.state.portal.clock
    if request.method == "POST":
        params = await sandbox_params(request)
        try:
            clock.advance(float(params.get("advance", "0")))
        except ValueError as error:
            return PlainTextResponse(f"error: advance must be a number of seconds, zero or more ({error})\n", status_code=400)
    return PlainTextResponse(f"now={clock.now().isoformat()}\nfrozen={clock.is_frozen}\n")
