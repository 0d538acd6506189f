"""Start-up failures become one clear line and a non-zero exit, never a traceback."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import typer
from rich.console import Console

from infra.db import DatabaseUnavailable
from infra.db.roles import UnsafeDatabaseRole
from infra.settings import SettingsError

P = ParamSpec("P")
R = TypeVar("R")
stderr = Console(stderr=True, highlight=False)

# Exit codes: 2 for a setting of the wrong form, 3 for a dependency that does not answer.
EXIT_BAD_SETTING = 2
EXIT_UNAVAILABLE = 3


def fail(message: str, *, code: int) -> typer.Exit:
    stderr.print(f"[bold red]error:[/] {message}", soft_wrap=True)
    return typer.Exit(code)


def reports_startup_failures(command: Callable[P, R]) -> Callable[P, R]:
    """Turn the known start-up failures of `command` into one line on stderr and an exit code."""
    from workers.broker import BrokerUnavailable

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except (SettingsError, UnsafeDatabaseRole) as error:
            raise fail(str(error), code=EXIT_BAD_SETTING) from None
        except (DatabaseUnavailable, BrokerUnavailable) as error:
            raise fail(str(error), code=EXIT_UNAVAILABLE) from None

    return wrapper
