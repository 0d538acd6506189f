"""The supplier extranet's login page, which leads to its frameset."""

from __future__ import annotations

from bots.login_page import PortalLoginPage


class SupplierLoginPage(PortalLoginPage):
    title = "supplier login"
