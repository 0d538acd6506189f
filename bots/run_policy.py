"""How long a run and its parts may take, and how transient failures are retried."""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class RunTimeouts:
    """Seconds. The run and step budgets stand still while a run waits for input."""

    run: float = 900.0  # the whole run, from its first step to its result (queueing excluded)
    step: float = 180.0  # one step, all its retries included; a step may set its own
    input: float = 1800.0  # how long a human has to answer ask_for_input
    action: float = 15.0  # one Playwright action (click, fill) before it counts as a portal timeout
    navigation: float = 30.0  # one page load
    element: float = 5.0  # how long an expected element may take to appear before the layout counts as changed
    download: float = 60.0


@dataclass(frozen=True)
class RetryPolicy:
    """Attempts of an idempotent step on transient errors, with exponential backoff and a little jitter."""

    attempts: int = 4
    first_delay: float = 2.0
    multiplier: float = 2.0
    max_delay: float = 60.0
    jitter: float = 0.2  # +-20 %, so runs that failed together do not retry together

    def delay_after(self, attempt: int) -> float:
        """Seconds to wait after failed attempt number `attempt` (1-based)."""
        base = min(self.max_delay, self.first_delay * self.multiplier ** (attempt - 1))
        return base * random.uniform(1 - self.jitter, 1 + self.jitter)
