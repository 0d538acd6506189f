"""Concord's RPA bots: the runner (browser pool, run lifecycle, artifacts, retries), the step API, a package per portal.

A run is started with `BotRunner.start(bot_name, tenant_id=..., portal_url=..., credentials=..., params=...)`
and reports every state, step and artifact to its `RunObserver`s.
"""

from bots.bot_definition import BotDefinition, BotParams, BotRegistry
from bots.browser_pool import BrowserPool, BrowserPoolConfig
from bots.credentials import PortalCredentials
from bots.errors import BotError, ErrorCode
from bots.observer import InMemoryRunObserver, RunObserver
from bots.records import (
    Artifact,
    ArtifactKind,
    InputRequest,
    RunError,
    RunInfo,
    RunOutcome,
    RunState,
    RunStateChange,
    StepRecord,
    StepStatus,
)
from bots.registry import default_registry
from bots.run import BotRun
from bots.run_limits import RunLimits, RunLimitsConfig
from bots.run_policy import RetryPolicy, RunTimeouts
from bots.runner import BotRunner, RunnerConfig

__all__ = [
    "Artifact",
    "ArtifactKind",
    "BotDefinition",
    "BotError",
    "BotParams",
    "BotRegistry",
    "BotRun",
    "BotRunner",
    "BrowserPool",
    "BrowserPoolConfig",
    "ErrorCode",
    "InMemoryRunObserver",
    "InputRequest",
    "PortalCredentials",
    "RetryPolicy",
    "RunError",
    "RunInfo",
    "RunLimits",
    "RunLimitsConfig",
    "RunObserver",
    "RunOutcome",
    "RunState",
    "RunStateChange",
    "RunTimeouts",
    "RunnerConfig",
    "StepRecord",
    "StepStatus",
    "default_registry",
]
