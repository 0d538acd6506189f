"""The supplier extranet sandbox: frames, catalogue search, purchase orders, status progress and invoices."""

from __future__ import annotations

import re

import httpx
import pytest

from infra.portals import create_supplier_portal


@pytest.fixture
def portal_app(accounts, clock):
    return create_supplier_portal(accounts, clock=clock)


@pytest.fixture
def supplier(portal_app):
    return portal_app.state.portal


@pytest.fixture
async def client(portal_app, open_client) -> httpx.AsyncClient:
    return await open_client(portal_app)


@pytest.fixture
async def logged_in(client, account_of) -> httpx.AsyncClient:
    account = account_of("supplier")
    response = await client.post("/login", data={"username": account.username, "password": account.password})
    assert response.url.path == "/"
    return client


def in_stock(supplier, count: int = 2):
    return [product for product in supplier.customers["acme"].catalogue.values() if product.stock >= 10][:count]


async def place_order(client, lines, *, reference="PO-2026-7001"):
    data = {"po-reference": reference}
    for row, (sku, quantity) in enumerate(lines, start=1):
        data[f"sku-{row}"], data[f"quantity-{row}"] = sku, str(quantity)
    return await client.post("/orders/new", data=data)


async def test_home_is_a_frameset_with_a_navigation_and_a_content_frame(logged_in, read_page):
    response = await logged_in.get("/")

    assert "<frameset" in response.text
    frames = {frame["name"]: frame["src"] for frame in read_page(response).frames}
    assert frames == {"nav": "/nav", "content": "/welcome"}


async def test_the_navigation_frame_opens_pages_in_the_content_frame(logged_in, read_page):
    page = read_page(await logged_in.get("/nav"))

    for element_id in ("nav-catalogue", "nav-new-order", "nav-orders"):
        assert page.by_id[element_id].attrs["target"] == "content"
    assert page.by_id["logout-link"].attrs["target"] == "_top"


async def test_the_login_page_breaks_out_of_frames_after_a_timeout(logged_in, clock):
    clock.advance(901)

    response = await logged_in.get("/catalogue")

    assert response.url.path == "/login"
    assert "window.top.location" in response.text


async def test_the_catalogue_search_finds_products_by_text(logged_in, read_page):
    everything = read_page(await logged_in.get("/catalogue")).rows("catalogue-results")
    gloves = read_page(await logged_in.get("/catalogue", params={"search-query": "GLOVES"})).rows("catalogue-results")

    assert len(everything) == 40
    assert all(re.fullmatch(r"MIS-\d{5}", row[0]) for row in everything)
    assert len(gloves) == 3
    assert all("gloves" in row[1].lower() for row in gloves)
    assert [len(row) for row in gloves] == [5, 5, 5]  # SKU, name, unit, price, stock


async def test_a_purchase_order_gets_an_order_number_then_advances_to_invoiced_with_a_pdf(logged_in, supplier, read_page):
    first, second = in_stock(supplier)
    stock_before = first.stock

    submitted = read_page(await place_order(logged_in, [(first.sku, 3), (second.sku.lower(), 1)]))

    order_number = submitted.text("order-number")
    assert re.fullmatch(r"SO-2026-\d{6}", order_number)
    assert first.stock == stock_before - 3
    orders = read_page(await logged_in.get("/orders")).rows("orders-table")
    assert orders[0][0] == order_number and orders[0][1] == "PO-2026-7001" and orders[0][-1] == "Submitted"

    statuses = [read_page(await logged_in.get(f"/orders/{order_number}")).text("order-status") for _ in range(4)]
    assert statuses == ["Confirmed", "Shipped", "Invoiced", "Invoiced"]

    status_page = read_page(await logged_in.get(f"/orders/{order_number}"))
    pdf = await logged_in.get(status_page.by_id["invoice-download"].attrs["href"])
    assert pdf.content.startswith(b"%PDF")
    assert pdf.headers["content-disposition"] == f'attachment; filename="invoice-{status_page.text("invoice-number")}.pdf"'


async def test_an_order_has_no_invoice_before_it_is_invoiced(logged_in, supplier, read_page):
    (product,) = in_stock(supplier, 1)
    order_number = read_page(await place_order(logged_in, [(product.sku, 1)])).text("order-number")

    response = await logged_in.get(f"/orders/{order_number}/invoice.pdf")

    assert response.status_code == 404


async def test_manual_progress_only_moves_through_the_sandbox_endpoint(accounts, clock, open_client, account_of, read_page):
    app = create_supplier_portal(accounts, clock=clock, order_progress="manual")
    client = await open_client(app)
    account = account_of("supplier")
    await client.post("/login", data={"username": account.username, "password": account.password})
    (product,) = in_stock(app.state.portal, 1)
    order_number = read_page(await place_order(client, [(product.sku, 1)])).text("order-number")

    assert read_page(await client.get(f"/orders/{order_number}")).text("order-status") == "Submitted"
    response = await client.post("/_sandbox/orders/advance", data={"order": order_number, "steps": "2"})

    assert response.text.splitlines()[1] == "status=shipped"
    assert read_page(await client.get(f"/orders/{order_number}")).text("order-status") == "Shipped"


@pytest.mark.parametrize(
    ("lines", "reference", "field", "message"),
    [
        ([("MIS-99999", 1)], "PO-1", "sku-1", "Unknown article"),
        ([("MIS-10000", 0)], "PO-1", "quantity-1", "whole number"),
        ([("MIS-10000", "two")], "PO-1", "quantity-1", "whole number"),
        ([("MIS-10000", 1)], "", "po-reference", "PO reference"),
        ([], "PO-1", "sku-1", "at least one"),
    ],
)
async def test_the_order_form_shows_validation_messages(logged_in, read_page, lines, reference, field, message):
    response = await place_order(logged_in, lines, reference=reference)

    assert response.url.path == "/orders/new"
    assert message in read_page(response).text(f"{field}-error")


async def test_ordering_more_than_the_stock_is_refused(logged_in, supplier, read_page):
    (product,) = in_stock(supplier, 1)

    response = await place_order(logged_in, [(product.sku, product.stock + 1)])

    assert f"Only {product.stock} in stock" in read_page(response).text("quantity-1-error")


async def test_seeded_history_has_invoiced_orders(logged_in, read_page):
    rows = read_page(await logged_in.get("/orders")).rows("orders-table")

    assert [row[-1] for row in rows] == ["Shipped", "Invoiced", "Invoiced", "Invoiced"]


async def test_changed_layout_renames_the_frames_and_the_order_form(supplier, logged_in, read_page):
    supplier.switches.set(layout_changed=True)

    frames = {frame["name"] for frame in read_page(await logged_in.get("/")).frames}
    form = read_page(await logged_in.get("/orders/new"))

    assert frames == {"menu", "main"}
    assert {"customer-reference", "article-1", "qty-1", "place-order-button"} <= form.by_id.keys()
    assert "sku-1" not in form.by_id
    assert form.by_id["place-order-button"].attrs["value"] == "Send order"
