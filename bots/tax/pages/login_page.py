"""The tax portal's login page (its hidden CSRF token travels with the form by itself)."""

from __future__ import annotations

from bots.login_page import PortalLoginPage


class TaxLoginPage(PortalLoginPage):
    title = "tax login"
