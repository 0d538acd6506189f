"""The bots pair's baseline: a bare Playwright script making the bank bot's clicks, N times.

Log in (username, password, then the TOTP code), read the first account's IBAN from the overview,
open its statement, filter the last 30 days, download the CSV and count its lines against the page's
count: what `bank.download_statements` does, without steps, retries, traces, artifacts or redaction.
Warm: one Chromium, a fresh context per run; `--cold`: a Chromium launched per run.

    python -m bench.baselines.playwright_bank PORTAL_URL --tenant bench-bots --runs 5 [--cold] [--concurrent]
"""

from __future__ import annotations

import asyncio
import csv
import json
import os
import re
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pyotp
import typer
from playwright.async_api import Browser, async_playwright

CHROMIUM = os.environ.get("CONCORD_CHROMIUM_PATH") or "/usr/bin/chromium"


async def download_statement(browser: Browser, portal_url: str, username: str, password: str, seed: str, folder: Path) -> int:
    context = await browser.new_context(accept_downloads=True)
    try:
        page = await context.new_page()
        await page.goto(f"{portal_url}/login")
        await page.fill("#username", username)
        await page.fill("#password", password)
        async with page.expect_navigation():
            await page.click("#login-button")
        await page.fill("#totp", pyotp.TOTP(seed).now())
        async with page.expect_navigation():
            await page.click("#verify-button")
        await page.goto(f"{portal_url}/accounts")
        iban = (await page.locator("#accounts-table tbody tr").first.locator("td").nth(1).inner_text()).replace(" ", "")
        await page.goto(f"{portal_url}/accounts/{iban}/statement")
        today = datetime.now(UTC).date()
        await page.fill("#date-from", (today - timedelta(days=30)).isoformat())
        await page.fill("#date-to", today.isoformat())
        async with page.expect_navigation():
            await page.click("#filter-button")
        shown = int(re.search(r"\((\d+) transactions?\)", await page.inner_text("#page-info")).group(1))
        async with page.expect_download() as download_info:
            await page.click("#statement-download")
        download = await download_info.value
        path = folder / download.suggested_filename
        await download.save_as(path)
        with path.open(newline="") as handle:
            lines = sum(1 for _ in csv.DictReader(handle))
        if lines != shown:
            raise RuntimeError(f"the page counts {shown} transactions, the CSV {lines}")
        return lines
    finally:
        await context.close()


async def _runs(portal_url: str, tenants: list[str], runs: int, cold: bool, concurrent: bool) -> list[float]:
    from infra.portals import demo_accounts

    accounts = [item for item in demo_accounts(tenants) if item.portal == "bank"]
    args = ["--no-sandbox"] if os.geteuid() == 0 else []
    with tempfile.TemporaryDirectory() as directory:
        folder = Path(directory)
        async with async_playwright() as playwright:
            launch = lambda: playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=args)  # noqa: E731

            async def one(browser: Browser | None, number: int = 0) -> float:
                account = accounts[number % len(accounts)]
                started = time.perf_counter()
                own = browser is None
                browser = browser or await launch()
                try:
                    await download_statement(browser, portal_url, account.username, account.password, account.totp_seed, folder)
                finally:
                    if own:
                        await browser.close()
                return time.perf_counter() - started

            if cold:
                return [await one(None, number) for number in range(runs)]
            browser = await launch()
            try:
                await one(browser)  # warm-up, as Concord's first run starts its pool's browser
                if concurrent:
                    return list(await asyncio.gather(*(one(browser, number) for number in range(runs))))
                return [await one(browser, number) for number in range(runs)]
            finally:
                await browser.close()


def main(
    portal_url: str,
    tenant: list[str] = typer.Option(..., help="Tenant slugs; runs take them in turn (each its own bank login)."),
    runs: int = typer.Option(5),
    cold: bool = typer.Option(False),
    concurrent: bool = typer.Option(False),
) -> None:
    print("BENCH_JSON " + json.dumps({"seconds": asyncio.run(_runs(portal_url, tenant, runs, cold, concurrent))}))


if __name__ == "__main__":
    typer.run(main)
