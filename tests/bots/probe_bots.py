"""Bots that exist only for the runner's tests: each exercises one thing the runner must handle."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from pydantic import Field

from bots import BotDefinition, BotParams, BotRegistry, BotRun, PortalCredentials, default_registry
from bots.tax.pages import TaxLoginPage


class WaitParams(BotParams):
    seconds: float = Field(ge=0)
    step_timeout: float | None = None


class AskParams(BotParams):
    prompt: str = "What is the code in the letter the tax office sent?"


class OpenPageParams(BotParams):
    path: str = "/login"


@dataclass(frozen=True)
class CookiesSeen:
    at_start: list[str]
    at_end: list[str]


async def wait_in_a_step(run: BotRun, portal_url: str, credentials: PortalCredentials, params: WaitParams) -> float:
    await run.step("wait", lambda: asyncio.sleep(params.seconds), timeout=params.step_timeout)
    return params.seconds


async def ask_in_a_step(run: BotRun, portal_url: str, credentials: PortalCredentials, params: AskParams) -> str:
    return await run.step("ask", lambda: run.ask_for_input(params.prompt), idempotent=True)


async def open_a_page(run: BotRun, portal_url: str, credentials: PortalCredentials, params: OpenPageParams) -> str:
    async def open_() -> str:
        await run.page.goto(portal_url + params.path)
        return run.page.url

    return await run.step("open page", open_, idempotent=True)


async def log_in_to_tax(
    run: BotRun, portal_url: str, credentials: PortalCredentials, params: OpenPageParams
) -> CookiesSeen:
    at_start = [cookie["name"] for cookie in await run.context.cookies()]
    await run.step("open page", lambda: run.page.goto(portal_url + params.path), idempotent=True)
    await run.step("login", lambda: TaxLoginPage(run, portal_url).log_in(credentials), idempotent=True, screenshot=True)
    return CookiesSeen(at_start=at_start, at_end=[cookie["name"] for cookie in await run.context.cookies()])


def registry_with_probes() -> BotRegistry:
    registry = default_registry()
    for name, function, params, result in (
        ("probe.wait", wait_in_a_step, WaitParams, float),
        ("probe.ask", ask_in_a_step, AskParams, str),
        ("probe.open_page", open_a_page, OpenPageParams, str),
        ("probe.log_in_to_tax", log_in_to_tax, OpenPageParams, CookiesSeen),
    ):
        registry.register(BotDefinition(name=name, portal="tax", run=function, params=params, result=result))
    return registry
