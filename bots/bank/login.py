"""Logging in to the bank: password, then a TOTP code computed from the seed, or asked of a human without one."""

from __future__ import annotations

import pyotp

from bots.bank.pages import BankLoginPage, SecurityCodePage
from bots.credentials import PortalCredentials
from bots.run import BotRun

CODE_PROMPT = "The bank asks for the 6-digit code from the authenticator app of {username}."


async def one_time_code(run: BotRun, credentials: PortalCredentials, *, prompt: str) -> str:
    """The current TOTP code (the bank's login code and payment code are the same authenticator's)."""
    if credentials.totp_seed:
        code = pyotp.TOTP(credentials.totp_seed).now()
        run.add_secret(code)
        return code
    return (await run.ask_for_input(prompt.format(username=credentials.username))).strip()


async def log_in(run: BotRun, portal_url: str, credentials: PortalCredentials) -> None:
    await BankLoginPage(run, portal_url).log_in(credentials)
    code_page = SecurityCodePage(run, portal_url)
    await code_page.code.present()  # on the code page before anyone is asked for a code
    await code_page.enter_code(await one_time_code(run, credentials, prompt=CODE_PROMPT))
