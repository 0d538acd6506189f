"""`supplier.submit_purchase_order` against the sandbox supplier extranet (a frameset) in real headless Chromium."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bots import BotRunner, RunState
from tests.bots.conftest import run_bot
from tests.bots.portal_server import PortalServer

pytestmark = [pytest.mark.browser, pytest.mark.asyncio(loop_scope="session")]


def in_stock_skus(portals: PortalServer, tenant: str, count: int) -> list[str]:
    catalogue = portals.states["supplier"].customers[tenant].catalogue
    return [product.sku for product in catalogue.values() if product.stock >= 10][:count]


async def test_places_an_order_waits_for_the_invoice_and_keeps_the_pdf(runner: BotRunner, portals: PortalServer):
    skus = in_stock_skus(portals, "acme", 2)
    params = {
        "po_reference": "PO-2026-0042",
        "lines": [{"sku": skus[0], "quantity": 3}, {"sku": skus[1], "quantity": 1}],
        "poll_interval_seconds": 0.05,
        "invoice_wait_seconds": 10,
    }

    outcome = await run_bot(runner, portals, "supplier.submit_purchase_order", tenant="acme", params=params)

    assert outcome.state is RunState.SUCCEEDED, outcome.error
    result = outcome.result
    [order] = [o for o in portals.states["supplier"].customers["acme"].orders if o.po_reference == "PO-2026-0042"]
    assert result.order_number == order.order_number and result.invoice_number == order.invoice_number
    assert order.status == "invoiced" and result.already_submitted is False
    assert [(line.sku, line.quantity, line.unit_price) for line in result.lines] == [
        (line.sku, line.quantity, line.unit_price) for line in order.lines
    ]
    assert result.net_total == order.net_total > Decimal(0)
    assert result.invoice_pdf.path.read_bytes().startswith(b"%PDF") and len(result.invoice_pdf.sha256) == 64


async def test_an_order_already_placed_with_the_po_reference_is_followed_up_not_placed_again(
    runner: BotRunner, portals: PortalServer
):
    skus = in_stock_skus(portals, "globex", 1)
    params = {"po_reference": "PO-2026-0077", "lines": [{"sku": skus[0], "quantity": 2}], "poll_interval_seconds": 0.05}
    first = await run_bot(runner, portals, "supplier.submit_purchase_order", tenant="globex", params=params)

    again = await run_bot(runner, portals, "supplier.submit_purchase_order", tenant="globex", params=params)

    assert again.state is RunState.SUCCEEDED, again.error
    assert again.result.already_submitted is True and again.result.order_number == first.result.order_number
    orders = [o for o in portals.states["supplier"].customers["globex"].orders if o.po_reference == "PO-2026-0077"]
    assert len(orders) == 1


async def test_an_order_that_is_not_invoiced_in_time_fails_with_step_timeout(runner: BotRunner, portals: PortalServer):
    supplier = portals.states["supplier"]
    supplier.order_progress = "manual"
    try:
        skus = in_stock_skus(portals, "initech", 1)
        params = {
            "po_reference": "PO-2026-0100",
            "lines": [{"sku": skus[0], "quantity": 1}],
            "poll_interval_seconds": 0.05,
            "invoice_wait_seconds": 0.3,
        }

        outcome = await run_bot(runner, portals, "supplier.submit_purchase_order", tenant="initech", params=params)
    finally:
        supplier.order_progress = "per_view"

    assert outcome.state is RunState.FAILED
    assert outcome.error.code == "STEP_TIMEOUT" and outcome.error.step == "wait for invoice"
    assert outcome.error.details["status"] == "Submitted" and outcome.error.details["order_number"].startswith("SO-")
