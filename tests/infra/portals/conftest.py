"""Fixtures for the sandbox portal tests: a frozen clock, demo accounts, an HTTP client, and an HTML reader."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html.parser import HTMLParser

import httpx
import pytest
from starlette.types import ASGIApp

from infra.portals import PortalAccount, SandboxClock, demo_accounts

FROZEN_AT = datetime(2026, 11, 16, 9, 30, tzinfo=UTC)
TENANTS = ["acme", "globex"]


@pytest.fixture
def clock() -> SandboxClock:
    return SandboxClock(frozen_at=FROZEN_AT)


@pytest.fixture
def accounts() -> list[PortalAccount]:
    return demo_accounts(TENANTS)


@pytest.fixture
def account_of(accounts: list[PortalAccount]) -> Callable[..., PortalAccount]:
    """The demo account of a tenant (acme unless given) on a portal."""

    def find(portal: str, tenant: str = "acme") -> PortalAccount:
        return next(a for a in accounts if a.portal == portal and a.tenant_slug == tenant)

    return find


@pytest.fixture
async def open_client() -> AsyncIterator[Callable[[ASGIApp], Awaitable[httpx.AsyncClient]]]:
    """Opens a cookie-keeping, redirect-following client on an app in-process, like a browser would."""
    clients: list[httpx.AsyncClient] = []

    async def open_(app: ASGIApp) -> httpx.AsyncClient:
        client = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://portal.test", follow_redirects=True
        )
        clients.append(client)
        return client

    yield open_
    for client in clients:
        await client.aclose()


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""


@dataclass
class Page:
    """The parts of a page tests look at: elements by id, form fields by name, tables' cell text."""

    by_id: dict[str, Element] = field(default_factory=dict)
    fields: dict[str, str] = field(default_factory=dict)  # input name -> value
    tables: dict[str, list[list[str]]] = field(default_factory=dict)  # table id -> body rows
    frames: list[dict[str, str]] = field(default_factory=list)
    links: list[dict[str, str]] = field(default_factory=list)

    def text(self, element_id: str) -> str:
        return self.by_id[element_id].text.strip()

    def rows(self, table_id: str) -> list[list[str]]:
        return self.tables[table_id]


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._open: list[Element] = []  # elements with an id whose text is being collected
        self._table: str | None = None
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._in_head_row = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {key: value or "" for key, value in attrs}
        if "id" in attributes:
            element = Element(tag, attributes)
            self.page.by_id[attributes["id"]] = element
            if tag not in ("input", "frame", "br", "meta"):
                self._open.append(element)
        if tag == "input" and "name" in attributes:
            self.page.fields[attributes["name"]] = attributes.get("value", "")
        if tag == "frame":
            self.page.frames.append(attributes)
        if tag == "a":
            self.page.links.append(attributes)
        if tag == "table" and "id" in attributes:
            self._table = attributes["id"]
            self.page.tables[self._table] = []
        if tag == "thead":
            self._in_head_row = True
        if tag == "tr" and self._table and not self._in_head_row:
            self._row = []
        if tag == "td" and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if self._open and self._open[-1].tag == tag:
            self._open.pop()
        if tag == "thead":
            self._in_head_row = False
        if tag == "td" and self._row is not None and self._cell is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        if tag == "tr" and self._row is not None and self._table:
            self.page.tables[self._table].append(self._row)
            self._row = None
        if tag == "table":
            self._table = None

    def handle_data(self, data: str) -> None:
        for element in self._open:
            element.text += data
        if self._cell is not None:
            self._cell.append(data)


@pytest.fixture
def read_page() -> Callable[[httpx.Response | str], Page]:
    def read(response: httpx.Response | str) -> Page:
        parser = _PageParser()
        parser.feed(response if isinstance(response, str) else response.text)
        return parser.page

    return read
