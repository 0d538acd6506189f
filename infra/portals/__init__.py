"""Sandbox versions of the legacy web portals Concord's RPA bots drive: a tax authority, a bank and a supplier.

Each portal is a Starlette app with server-rendered HTML, per-tenant data kept in memory and
seeded deterministically, and switches (slow, flaky, maintenance, layout_changed) to rehearse
the ways real portals fail. See README.md in this package for pages, routes and element ids.
"""

from infra.portals.accounts import PortalAccount, demo_accounts
from infra.portals.app import create_portals_app
from infra.portals.bank.app import create_bank_portal
from infra.portals.bank.state import BankPortalState
from infra.portals.clock import SandboxClock
from infra.portals.supplier.app import create_supplier_portal
from infra.portals.supplier.state import SupplierPortalState
from infra.portals.switches import Switches, SwitchError
from infra.portals.tax.app import create_tax_portal
from infra.portals.tax.state import TaxPortalState

__all__ = [
    "BankPortalState",
    "PortalAccount",
    "SandboxClock",
    "SupplierPortalState",
    "SwitchError",
    "Switches",
    "TaxPortalState",
    "create_bank_portal",
    "create_portals_app",
    "create_supplier_portal",
    "create_tax_portal",
    "demo_accounts",
]
