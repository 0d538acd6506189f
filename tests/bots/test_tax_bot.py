"""`tax.file_vat_return` against the sandbox tax portal in real headless Chromium."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bots import ArtifactKind, BotRunner, InMemoryRunObserver, RunState
from bots.artifacts import sha256_of
from tests.bots.conftest import run_bot
from tests.bots.portal_server import PortalServer

pytestmark = [pytest.mark.browser, pytest.mark.asyncio(loop_scope="session")]


def vat_params(portals: PortalServer, tenant: str, *, output_vat: str = "12500.00", input_vat: str = "4300.55") -> dict:
    tax = portals.states["tax"]
    username = portals.account("tax", tenant).username
    return {
        "period": tax.open_periods(username)[0],
        "vat_number": tax.taxpayer(username).vat_number,
        "output_vat": output_vat,
        "input_vat": input_vat,
    }


async def test_files_a_vat_return_and_keeps_the_receipt_pdf(runner: BotRunner, portals: PortalServer):
    params = vat_params(portals, "acme")

    outcome = await run_bot(runner, portals, "tax.file_vat_return", tenant="acme", params=params)

    assert outcome.state is RunState.SUCCEEDED, outcome.error
    result = outcome.result
    filed = portals.states["tax"].taxpayers["acme"].returns[params["period"]]
    assert result.receipt_number == filed.receipt_number
    assert result.net_payable == Decimal("8199.45") == filed.net_payable
    assert result.already_filed is False
    pdf = result.receipt_pdf
    assert pdf.kind is ArtifactKind.DOWNLOAD and pdf.path.read_bytes().startswith(b"%PDF")
    assert pdf.sha256 == sha256_of(pdf.path) and pdf.size == pdf.path.stat().st_size
    assert [step.name for step in outcome.steps] == [
        "login", "find filed return", "enter period", "enter amounts", "submit return", "download receipt",
    ]  # fmt: skip


async def test_filing_again_finds_the_filed_return_instead_of_failing(runner: BotRunner, portals: PortalServer):
    params = vat_params(portals, "globex")
    first = await run_bot(runner, portals, "tax.file_vat_return", tenant="globex", params=params)

    again = await run_bot(runner, portals, "tax.file_vat_return", tenant="globex", params=params)

    assert again.state is RunState.SUCCEEDED, again.error
    assert again.result.already_filed is True
    assert again.result.receipt_number == first.result.receipt_number
    assert "submit return" not in [step.name for step in again.steps]


async def test_a_wrong_password_fails_with_portal_auth_failed_and_is_not_retried(
    runner: BotRunner, portals: PortalServer, observer: InMemoryRunObserver
):
    credentials = portals.credentials("tax", "initech")
    wrong = type(credentials)(username=credentials.username, password="Tax-0000000000")

    outcome = await run_bot(
        runner,
        portals,
        "tax.file_vat_return",
        tenant="initech",
        params=vat_params(portals, "initech"),
        credentials=wrong,
    )

    assert outcome.state is RunState.FAILED
    assert outcome.error.code == "PORTAL_AUTH_FAILED" and outcome.error.step == "login"
    login_attempts = [step for step in outcome.steps if step.name == "login"]
    assert [step.attempt for step in login_attempts] == [1]
    assert "Tax-0000000000" not in outcome.error.message


async def test_a_changed_layout_fails_naming_the_selector_with_a_screenshot_and_files_nothing(
    runner: BotRunner, portals: PortalServer
):
    portals.states["tax"].switches.set(layout_changed=True)
    returns_before = dict(portals.states["tax"].taxpayers["umbrella"].returns)

    outcome = await run_bot(
        runner, portals, "tax.file_vat_return", tenant="umbrella", params=vat_params(portals, "umbrella")
    )

    assert outcome.state is RunState.FAILED
    assert outcome.error.code == "PORTAL_LAYOUT_CHANGED"
    assert outcome.error.details["selector"] == "#username" and "#username" in outcome.error.message
    screenshots = outcome.artifacts_of(ArtifactKind.SCREENSHOT)
    assert screenshots and screenshots[0].path.read_bytes().startswith(b"\x89PNG")
    assert portals.states["tax"].taxpayers["umbrella"].returns == returns_before
