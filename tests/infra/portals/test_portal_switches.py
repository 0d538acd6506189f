"""Every portal's switches, through the Python API and the /_sandbox/switches endpoint."""

from __future__ import annotations

import time

import pytest

from infra.portals import SwitchError, Switches, create_bank_portal, create_supplier_portal, create_tax_portal

FACTORIES = {"tax": create_tax_portal, "bank": create_bank_portal, "supplier": create_supplier_portal}


@pytest.fixture(params=sorted(FACTORIES))
def portal_name(request) -> str:
    return request.param


@pytest.fixture
def portal_app(portal_name, accounts, clock):
    return FACTORIES[portal_name](accounts, clock=clock, seed=3)


@pytest.fixture
async def client(portal_app, open_client):
    return await open_client(portal_app)


async def test_maintenance_answers_every_page_with_503_until_switched_off(client, read_page):
    response = await client.post("/_sandbox/switches", data={"maintenance": "on"})
    assert "maintenance=True" in response.text

    page = await client.get("/login")

    assert page.status_code == 503
    assert "maintenance" in read_page(page).text("maintenance-message")
    assert page.headers["retry-after"] == "3600"
    await client.post("/_sandbox/switches", params={"maintenance": "off"})
    assert (await client.get("/login")).status_code == 200


async def test_flaky_answers_500_in_the_same_sequence_for_the_same_seed(accounts, clock, open_client, portal_name):
    async def statuses() -> list[int]:
        app = FACTORIES[portal_name](accounts, clock=clock, seed=11)
        app.state.portal.switches.set(flaky=0.5)
        client = await open_client(app)
        return [(await client.get("/login")).status_code for _ in range(20)]

    first, second = await statuses(), await statuses()

    assert first == second
    assert set(first) == {200, 500}


async def test_flaky_one_always_fails_and_reset_restores_normal_pages(client, portal_app, read_page):
    portal_app.state.portal.switches.set(flaky=1)

    failed = await client.get("/login")

    assert failed.status_code == 500
    assert "server-error" in read_page(failed).by_id
    await client.post("/_sandbox/switches", data={"reset": "1"})
    assert (await client.get("/login")).status_code == 200


async def test_flaky_hang_holds_the_response_for_hang_seconds(client, portal_app):
    portal_app.state.portal.switches.set(flaky_hang=1, hang_seconds=0.2)

    started = time.monotonic()
    response = await client.get("/login")

    assert time.monotonic() - started >= 0.2
    assert response.status_code == 200


async def test_slow_delays_every_response(client):
    await client.post("/_sandbox/switches", data={"slow": "0.15"})

    started = time.monotonic()
    await client.get("/login")

    assert time.monotonic() - started >= 0.15


async def test_layout_changed_renames_the_login_form_and_old_names_stop_working(client, portal_app, read_page, account_of, portal_name):
    await client.post("/_sandbox/switches", data={"layout_changed": "true"})

    page = read_page(await client.get("/login"))

    assert {"user-login-field", "user-password-field", "sign-in-button"} <= page.by_id.keys()
    assert not {"username", "password", "login-button"} & page.by_id.keys()
    if portal_name != "tax":  # the tax login also needs its CSRF token; its own tests cover that flow
        account = account_of(portal_name)
        old = await client.post("/login", data={"username": account.username, "password": account.password})
        assert old.url.path == "/login"
        new = await client.post("/login", data={"user-login-field": account.username, "user-password-field": account.password})
        assert new.url.path != "/login"


async def test_the_sandbox_endpoint_rejects_unknown_switches_and_bad_values(client):
    assert (await client.post("/_sandbox/switches", data={"turbo": "1"})).status_code == 400
    assert (await client.post("/_sandbox/switches", data={"flaky": "2"})).status_code == 400
    assert (await client.post("/_sandbox/switches", data={"maintenance": "perhaps"})).status_code == 400


async def test_the_sandbox_endpoints_ignore_the_switches(client):
    await client.post("/_sandbox/switches", data={"maintenance": "1", "flaky": "1"})

    assert (await client.get("/_sandbox/switches")).status_code == 200
    assert (await client.post("/_sandbox/clock", data={"advance": "60"})).text.startswith("now=2026-11-16T09:31:00")


def test_switches_validate_and_reset():
    switches = Switches(seed=5)
    switches.set(slow="1.5", flaky=0.25, maintenance="yes", layout_changed=True)

    assert switches.as_dict() == {
        "slow": 1.5, "flaky": 0.25, "flaky_hang": 0.0, "hang_seconds": 120.0,
        "maintenance": True, "layout_changed": True, "seed": 5,
    }  # fmt: skip
    with pytest.raises(SwitchError):
        switches.set(flaky=-0.1)
    switches.reset()
    assert switches == Switches(seed=5)
