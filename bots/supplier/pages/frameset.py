"""The supplier extranet's frameset: a navigation frame whose links load pages into the content frame."""

from __future__ import annotations

from playwright.async_api import Frame

from bots.errors import PortalLayoutChanged
from bots.page_object import PortalPage

NAV_FRAME = "nav"
CONTENT_FRAME = "content"


class SupplierFrameset(PortalPage):
    title = "supplier frameset"
    path = "/"

    def frame(self, name: str) -> Frame:
        """The frame called `name`; a frameset without it has changed its layout."""
        frame = self.page.frame(name=name)
        if frame is None:
            raise PortalLayoutChanged(f'frame[name="{name}"]', page=self.title, url=self._url())
        return frame

    @property
    def content(self) -> Frame:
        return self.frame(CONTENT_FRAME)

    async def check_loaded(self) -> None:
        """After logging in: both frames are there and the content frame serves pages."""
        self.frame(NAV_FRAME)
        welcome = PortalPage(self.run, self.base_url, surface=self.content)
        await welcome.element("#company-name").present()

    async def show(self, nav_link_id: str) -> Frame:
        """Follow a link of the navigation frame; the content frame, once it shows the linked page."""
        nav = PortalPage(self.run, self.base_url, surface=self.frame(NAV_FRAME))
        link = await nav.element(nav_link_id).present()
        content = self.content
        async with content.expect_navigation(wait_until="load") as navigation:
            await link.click()
        await PortalPage(self.run, self.base_url, surface=content).check_answer(await navigation.value)
        return content
