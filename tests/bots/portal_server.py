"""The sandbox portals served by uvicorn on a free localhost port in a background thread, as a real browser needs."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import uvicorn
from starlette.types import ASGIApp, Receive, Scope, Send

from bots.credentials import PortalCredentials
from infra.portals import PortalAccount, create_portals_app, demo_accounts


class HeaderRecorder:
    """ASGI middleware keeping every request's headers, so a test can prove what reached the portals."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.requests: list[tuple[str, dict[str, str]]] = []

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            headers = {name.decode("latin-1").lower(): value.decode("latin-1") for name, value in scope["headers"]}
            self.requests.append((scope["path"], headers))
        await self.app(scope, receive, send)


@dataclass
class PortalServer:
    base_url: str
    accounts: list[PortalAccount]
    recorder: HeaderRecorder
    states: dict = field(default_factory=dict)  # "tax" / "bank" / "supplier" -> the portal's state object

    def url(self, portal: str) -> str:
        return f"{self.base_url}/{portal}"

    def account(self, portal: str, tenant: str) -> PortalAccount:
        return next(a for a in self.accounts if a.portal == portal and a.tenant_slug == tenant)

    def credentials(self, portal: str, tenant: str, *, with_totp_seed: bool = True) -> PortalCredentials:
        account = self.account(portal, tenant)
        return PortalCredentials(
            username=account.username,
            password=account.password,
            totp_seed=account.totp_seed if with_totp_seed else None,
        )

    def reset_switches(self) -> None:
        for state in self.states.values():
            state.switches.reset()


@contextmanager
def serve_portals(tenants: list[str], **options: object) -> Iterator[PortalServer]:
    accounts = demo_accounts(tenants)
    app = create_portals_app(accounts, **options)
    recorder = HeaderRecorder(app)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(recorder, log_level="warning", lifespan="off", access_log=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="sandbox-portals", daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the sandbox portals did not start")
        time.sleep(0.02)
    try:
        yield PortalServer(
            base_url=f"http://127.0.0.1:{port}", accounts=accounts, recorder=recorder, states=app.state.portals
        )
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
