"""The base of every portal page object: elements that report a changed layout, and navigation that checks the answer.

A page object builds its elements once in `__init__` and names its methods for what a user does.
When an expected element is missing it first asks whether the portal is down (a maintenance or
error page) before calling it a layout change, so an outage is retried and a redesign is not.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, ClassVar, NoReturn

from playwright.async_api import Download, Frame, Locator, Page, Response
from playwright.async_api import TimeoutError as PlaywrightTimeoutError

from bots.errors import PortalLayoutChanged, PortalRejected, PortalUnavailable
from bots.run import url_without_query

if TYPE_CHECKING:
    from bots.run import BotRun

# Read a table body in one round trip rather than one per cell.
_TABLE_ROWS_JS = """table => Array.from(table.tBodies.length ? table.tBodies[0].rows : table.rows)
    .map(row => Array.from(row.cells).map(cell => cell.innerText.trim()))"""


class PageElement:
    """One element a page object relies on, by selector; missing means the layout changed (or the portal is down)."""

    def __init__(self, owner: PortalPage, selector: str) -> None:
        self.owner = owner
        self.selector = selector
        self.locator: Locator = owner.surface.locator(selector)

    async def present(self) -> Locator:
        try:
            await self.locator.wait_for(state="attached", timeout=self.owner.run.timeouts.element * 1000)
        except PlaywrightTimeoutError:
            await self.owner.explain_missing(self.selector)
        return self.locator

    async def is_shown(self) -> bool:
        """Whether it is on the page right now (for optional elements such as error messages); never waits."""
        return await self.locator.count() > 0

    async def fill(self, value: str) -> None:
        await (await self.present()).fill(value)

    async def choose(self, value: str) -> None:
        await (await self.present()).select_option(value)

    async def text(self) -> str:
        return (await (await self.present()).inner_text()).strip()

    async def table_rows(self) -> list[list[str]]:
        return await (await self.present()).evaluate(_TABLE_ROWS_JS)


class Element:
    """Declares an element of a page object: `period = Element("#vat-period")`.

    The PageElement (and its Playwright locator) is built on first use and then kept on the page
    object, so each page object builds each locator once.
    """

    def __init__(self, selector: str) -> None:
        self.selector = selector
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, page: PortalPage | None, owner: type | None = None) -> PageElement:
        if page is None:
            return self  # type: ignore[return-value]  # on the class: the declaration itself
        element = PageElement(page, self.selector)
        page.__dict__[self.name] = element  # a non-data descriptor: the instance's copy wins from now on
        return element


class PortalPage:
    """A page of a portal, shown in the run's page or (for framed portals) in one of its frames."""

    title: ClassVar[str] = "portal"  # e.g. "bank login", used in layout-change messages
    path: ClassVar[str] = "/"
    # Elements that mean the portal is not serving pages right now.
    outage_markers: ClassVar[tuple[str, ...]] = ("#maintenance-message", "#server-error")

    def __init__(self, run: BotRun, base_url: str, surface: Page | Frame | None = None) -> None:
        assert run.page is not None, "the run has no page"
        self.run = run
        self.base_url = base_url.rstrip("/")
        self.surface: Page | Frame = surface or run.page

    @property
    def page(self) -> Page:
        return self.surface if isinstance(self.surface, Page) else self.surface.page

    def element(self, selector: str) -> PageElement:
        return PageElement(self, selector)

    def url_for(self, path: str) -> str:
        return self.base_url + path

    async def open(self, path: str | None = None) -> None:
        """Load this page (or `path` on the same portal) and check the portal's answer."""
        response = await self.surface.goto(self.url_for(path or self.path), wait_until="load")
        await self.check_answer(response)

    async def submit(self, button: PageElement) -> None:
        """Click what sends a form (or follows a link) and wait for the page that answers it."""
        locator = await button.present()
        async with self.surface.expect_navigation(wait_until="load") as navigation:
            await locator.click()
        await self.check_answer(await navigation.value)

    async def download(self, link: PageElement) -> Download:
        """Click a link that answers with a file; an error page instead of the file fails like any answer would."""
        locator = await link.present()
        timeout = self.run.timeouts.download * 1000
        file = asyncio.ensure_future(self.page.wait_for_event("download", timeout=timeout))
        error_page = asyncio.ensure_future(
            self.page.wait_for_event("response", predicate=_is_error_page, timeout=timeout)
        )
        await asyncio.sleep(0)  # let both waiters subscribe before the click can answer
        try:
            await locator.click()
            done, _ = await asyncio.wait({file, error_page}, return_when=asyncio.FIRST_COMPLETED)
            if error_page in done and file not in done:
                await error_page.result().finished()
                await self.check_answer(error_page.result())
            download: Download = file.result()
            failure = await download.failure()
            if failure:
                raise PortalUnavailable(f"The download from the {self.title} page failed ({failure}).")
            return download
        finally:
            for waiter in (file, error_page):
                if not waiter.done():
                    waiter.cancel()
            await asyncio.gather(file, error_page, return_exceptions=True)

    async def check_answer(self, response: Response | None) -> None:
        """Raise when the portal answered with an error status."""
        if response is None:  # same-document navigation: nothing new was fetched
            return
        status, url = response.status, url_without_query(response.url)
        if status >= 500 or status == 429:
            raise PortalUnavailable(
                f"The portal answered {status} on the {self.title} page.", details={"status": status, "url": url}
            )
        if status >= 400:
            raise PortalRejected(
                f"The portal refused the request on the {self.title} page ({status}).",
                details={"status": status, "url": url},
            )

    async def explain_missing(self, selector: str) -> NoReturn:
        """An expected element is not there: an outage page means unavailable, anything else a changed layout."""
        for marker in self.outage_markers:
            if await self.surface.locator(marker).count() > 0:
                text = (await self.surface.locator(marker).inner_text()).strip()[:200]
                raise PortalUnavailable(f"The portal is not serving pages: {text}", details={"url": self._url()})
        raise PortalLayoutChanged(selector, page=self.title, url=self._url())

    async def reject_if_shown(self, *errors: PageElement, what: str) -> None:
        """Raise PortalRejected with the portal's own words when any of these error messages is on the page."""
        messages = [await error.text() for error in errors if await error.is_shown()]
        if messages:
            raise PortalRejected(
                f"The portal refused {what}: {' '.join(messages)}", details={"portal_messages": messages}
            )

    def _url(self) -> str:
        return url_without_query(self.surface.url)


def _is_error_page(response: Response) -> bool:
    return response.request.is_navigation_request() and response.status >= 400
