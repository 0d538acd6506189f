"""Persisted bot runs: the database-backed observer, write ledger and limits, and the execution of a stored
run by a worker (or by `concord bots run`) with its lease, heartbeat, control and follow-ups."""

from bots.persisted.execution import Execution, execute_run
from bots.persisted.runtime import BotRuntime, PersistedRunConfig
from bots.persisted.start import start_bot_run

__all__ = ["BotRuntime", "Execution", "PersistedRunConfig", "execute_run", "start_bot_run"]
