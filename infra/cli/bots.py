"""`concord bots …`: run a bot for a tenant with a live view of its steps, point a tenant at a portal, verify evidence.

`concord bots run` runs the bot in this process, against the shared database: it stores the run like
`startBotRun` does (params checked, four eyes for payments), then claims and executes it here with its
own Chromium, so it needs no API key, broker or worker, and the run shows in `botRun`/`botRuns` and the
`botRunUpdated` subscription of every server on that database. Against `make demo`, the demo tenants'
portal credentials are in their vaults and their portals are this server's `/portals/<portal>`
(CONCORD_HOST and CONCORD_PORT say where the demo listens).
"""

from __future__ import annotations

import asyncio
import json
import signal
import sys
from typing import Any

import typer
from rich.console import Console

from infra.cli.actor import cli_actor
from infra.cli.failures import fail, reports_startup_failures
from infra.cli.process import prepare_process

app = typer.Typer(help="Run the RPA bots, configure their portals, verify their evidence.", no_args_is_help=True)
console = Console(stderr=True, highlight=False)


def parse_params(pairs: list[str], params_json: str | None) -> dict[str, Any]:
    """`--params-json` first, then each `--param k=v` (a value starting with [ or { is read as JSON)."""
    params: dict[str, Any] = json.loads(params_json) if params_json else {}
    if not isinstance(params, dict):
        raise fail("--params-json must be a JSON object", code=2)
    for pair in pairs:
        name, separator, value = pair.partition("=")
        if not separator or not name.strip():
            raise fail(f"--param {pair!r} is not NAME=VALUE", code=2)
        params[name.strip()] = json.loads(value) if value.strip()[:1] in ("[", "{") else value
    return params


@app.command("run")
@reports_startup_failures
def run(
    bot: str = typer.Argument(..., help="e.g. bank.download_statements, bank.canary"),
    tenant: str = typer.Option(..., "--tenant", help="The tenant's slug."),
    param: list[str] = typer.Option([], "--param", help="NAME=VALUE, repeatable."),
    params_json: str | None = typer.Option(None, "--params-json", help="All params as one JSON object."),
) -> None:
    """Run BOT for a tenant here, showing its steps live; exit 0 when it succeeds, 1 otherwise."""
    params = parse_params(param, params_json)
    settings = prepare_process(role="bots-cli", log_level="WARNING")
    succeeded = asyncio.run(
        run_with_view(settings, bot=bot, tenant_slug=tenant, params=params, started_by=cli_actor())
    )
    raise typer.Exit(0 if succeeded else 1)


@app.command("portal")
@reports_startup_failures
def portal(
    portal_name: str = typer.Argument(..., metavar="PORTAL", help="tax, bank or supplier"),
    base_url: str = typer.Argument(..., help="The portal's URL, or a path on this server (/portals/bank)."),
    tenant: str = typer.Option(..., "--tenant", help="The tenant's slug."),
) -> None:
    """Set where a tenant's portal is (its credentials go to the vault: portal.<portal>.username/password/totp_seed)."""
    from domain.bots import service as bots_service
    from domain.errors import DomainError
    from infra.cli.database_session import run_with_database
    from infra.settings import load_settings
    from tenants import lifecycle
    from tenants.context import tenant_transaction

    async def work() -> None:
        found = await lifecycle.get_tenant_by_slug(slug=tenant)
        if found is None:
            raise fail(f"no tenant with slug {tenant!r}", code=1)
        async with tenant_transaction(found.id):
            await bots_service.configure_portal(portal=portal_name, base_url=base_url)

    try:
        run_with_database(load_settings(), work)
    except DomainError as error:
        raise fail(error.message, code=1) from None
    console.print(f"{tenant}: {portal_name} portal at {base_url}")


@app.command("verify-evidence")
@reports_startup_failures
def verify_evidence(tenant: str = typer.Option(..., "--tenant", help="The tenant's slug.")) -> None:
    """Recompute the tenant's evidence chain and the hashes of the receipts and traces it names; exit 1 on any problem."""
    from infra.cli.database_session import run_with_database
    from infra.settings import load_settings

    settings = load_settings()
    result = run_with_database(settings, lambda: verify_with_files(settings, tenant_slug=tenant))
    if result is None:
        raise fail(f"no tenant with slug {tenant!r}", code=1)
    for problem in result.problems:
        console.print(f"[red]✗[/] {problem}")
    console.print(f"{'[green]valid[/]' if result.valid else '[red]INVALID[/]'}: {result.records} record(s), last hash {result.last_hash}")
    raise typer.Exit(0 if result.valid else 1)


class StepsView:
    """A RunObserver that keeps a live table of the run's steps on the terminal."""

    def __init__(self, bot: str, *, interactive: bool) -> None:
        self.bot = bot
        self.interactive = interactive
        self.state = "queued"
        self.steps: list[list[str]] = []  # [step, attempt, status, seconds, note]
        self.live: Any = None
        self.run: Any = None
        self._asking: set[asyncio.Task] = set()

    def attach(self, run) -> None:
        """Ctrl-C cancels the run (its browser is closed and it is stored cancelled) rather than killing us."""
        self.run = run
        try:
            asyncio.get_running_loop().add_signal_handler(signal.SIGINT, run.cancel)
        except (NotImplementedError, RuntimeError):
            pass

    def render(self):
        from rich.table import Table

        table = Table(title=f"{self.bot}: {self.state}", title_justify="left")
        for column in ("step", "attempt", "status", "seconds", ""):
            table.add_column(column)
        for row in self.steps:
            table.add_row(*row)
        return table

    def _refresh(self) -> None:
        if self.live is not None:
            self.live.update(self.render())

    async def on_run_state(self, run, change) -> None:
        self.state = change.state.value + (f" ({change.error.code})" if change.error else "")
        self._refresh()

    async def on_step_started(self, run, step) -> None:
        self.steps.append([step.name, str(step.attempt), "[yellow]running[/]", "", ""])
        self._refresh()

    async def on_step_finished(self, run, step) -> None:
        colour = {"succeeded": "green", "retrying": "yellow"}.get(step.status.value, "red")
        seconds = f"{(step.finished_at - step.started_at).total_seconds():.2f}" if step.finished_at else ""
        row = [step.name, str(step.attempt), f"[{colour}]{step.status.value}[/]", seconds, step.error.code if step.error else ""]
        for index in range(len(self.steps) - 1, -1, -1):
            if self.steps[index][:2] == row[:2]:
                self.steps[index] = row
                break
        self._refresh()

    async def on_artifact(self, run, artifact) -> None:
        return None

    async def on_waiting_for_input(self, run, request) -> None:
        self.state = f"waiting for input: {request.prompt}"
        self._refresh()
        if self.interactive:  # else someone answers with provideBotInput
            task = asyncio.create_task(self._ask(request.prompt))
            self._asking.add(task)
            task.add_done_callback(self._asking.discard)

    async def _ask(self, prompt: str) -> None:
        answer = await asyncio.to_thread(console.input, f"{prompt} ")
        if self.run is not None and self.run.pending_input is not None:
            self.run.provide_input(answer.strip())


async def run_with_view(settings, *, bot: str, tenant_slug: str, params: dict[str, Any], started_by: str) -> bool:
    """Store the run, execute it here with a live view, print how it ended; True when it succeeded.

    The command is in the platform's audit log as `started_by`: refused (no such tenant, bad params, four
    eyes), failed (the run did not succeed) or succeeded, naming the run. Param names only: values may be
    account numbers or amounts."""
    from bots.errors import InvalidParams
    from domain.errors import DomainError
    from infra.db import close_database, open_database
    from tenants.audit import platform_act
    from tenants.errors import TenantError

    await open_database(settings)
    try:
        details = {"bot": bot, "params": sorted(params)}
        async with platform_act(actor=started_by, action="bots.run", tenant_slug=tenant_slug, details=details, atomic=False) as act:
            return await _run_here(settings, act, bot=bot, tenant_slug=tenant_slug, params=params, started_by=started_by)
    except InvalidParams as error:
        for name, problem in error.details["errors"].items():
            console.print(f"[red]✗[/] {name}: {problem}")
        raise fail("the bot refused its params", code=2) from None
    except (DomainError, TenantError) as error:
        raise fail(f"{error.field + ': ' if error.field else ''}{error.message}", code=1) from None
    finally:
        await close_database()


async def _run_here(settings, act, *, bot: str, tenant_slug: str, params: dict[str, Any], started_by: str) -> bool:
    from rich.live import Live
    from strawberry import relay

    from bots.persisted import BotRuntime, execute_run, start_bot_run
    from bots.records import RunState
    from domain.bots import service as bots_service
    from tenants import lifecycle
    from tenants.audit import Outcome
    from tenants.context import tenant_transaction

    found = await lifecycle.get_tenant_by_slug_or_raise(slug=tenant_slug)
    act.about(found)
    async with tenant_transaction(found.id):
        stored = await start_bot_run(bot=bot, params=params, started_by=started_by)
    act.target = f"bot_run:{stored.id}"
    console.print(f"run {relay.to_base64('BotRun', stored.id)} ({stored.id}) queued")
    runtime = BotRuntime.create(settings)
    view = StepsView(bot, interactive=sys.stdin.isatty())
    try:
        with Live(view.render(), console=console, refresh_per_second=8) as live:
            view.live = live
            execution = await execute_run(
                runtime, tenant_id=found.id, run_id=stored.id, observers=[view], on_start=view.attach
            )
        if not console.is_terminal:
            console.line()  # Live leaves its last render without a newline when it cannot redraw in place
    finally:
        await runtime.close()
    outcome = execution.run
    if outcome is None:
        async with tenant_transaction(found.id):
            stored = await bots_service.get_run(run_id=stored.id)
        console.print(f"[red]the run did not start:[/] {stored.error_code}: {stored.error_message}")
        act.outcome = Outcome.FAILED
        act.details.update(state="not started", error={"code": str(stored.error_code), "message": stored.error_message})
        return False
    _print_outcome(outcome)
    act.details["state"] = outcome.state.value
    if outcome.state is not RunState.SUCCEEDED:
        act.outcome = Outcome.FAILED
        if outcome.error:
            act.details["error"] = {"code": str(outcome.error.code), "message": outcome.error.message}
    return outcome.state is RunState.SUCCEEDED


def _print_outcome(outcome) -> None:
    from bots.records import RunState, jsonable

    colour = "green" if outcome.state is RunState.SUCCEEDED else "red"
    duration = f" in {outcome.duration_seconds:.2f} s" if outcome.duration_seconds is not None else ""
    console.print(f"[{colour}]{outcome.state.value}[/]{duration}")
    if outcome.error:
        console.print(f"{outcome.error.code}: {outcome.error.message}")
    if outcome.result is not None:
        summary = {k: v for k, v in jsonable(outcome.result).items() if not isinstance(v, list | dict)}
        console.print_json(json.dumps(summary))
    for artifact in outcome.artifacts:
        console.print(f"  {artifact.kind.value:9} {artifact.path}  sha256 {artifact.sha256[:16]}…")


async def verify_with_files(settings, *, tenant_slug: str):
    """The chain's verification, with the current hash of every file the records name."""
    from pathlib import Path

    from bots.artifacts import sha256_of
    from domain.bots import service as bots_service
    from tenants import lifecycle
    from tenants.context import tenant_transaction

    found = await lifecycle.get_tenant_by_slug(slug=tenant_slug)
    if found is None:
        return None
    async with tenant_transaction(found.id):
        records = await bots_service.evidence_records()
        hashes = {}
        for record in records:
            for label in ("receipt", "trace"):
                path = (record.content.get(label) or {}).get("path")
                file = Path(settings.artifacts_dir) / path if path else None
                if file is not None and file.is_file():
                    hashes[path] = sha256_of(file)
        return await bots_service.verify_chain(file_hashes=hashes)
