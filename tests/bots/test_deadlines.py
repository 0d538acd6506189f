"""Timeouts that stand still while a run waits for a human."""

from __future__ import annotations

import asyncio

import pytest

from bots.deadlines import PausableDeadlines
from bots.errors import RunTimeout, StepTimeout


async def test_a_deadline_raises_its_own_error():
    deadlines = PausableDeadlines()
    with pytest.raises(StepTimeout):
        async with deadlines.limit(0.05, lambda: StepTimeout("login", 0.05)):
            await asyncio.sleep(1)


async def test_paused_deadlines_do_not_expire_and_resume_with_the_time_they_had_left():
    deadlines = PausableDeadlines()
    async with deadlines.limit(0.2, lambda: RunTimeout(0.2)):
        async with deadlines.limit(0.2, lambda: StepTimeout("ask", 0.2)):
            deadlines.pause()
            await asyncio.sleep(0.4)  # twice the budget, while paused
            deadlines.resume()
            await asyncio.sleep(0.05)  # within what was left

    with pytest.raises(StepTimeout):
        async with deadlines.limit(0.1, lambda: StepTimeout("ask", 0.1)):
            deadlines.pause()
            deadlines.resume()
            await asyncio.sleep(0.3)


async def test_the_outer_deadline_passing_inside_an_inner_one_raises_the_outer_error():
    deadlines = PausableDeadlines()
    with pytest.raises(RunTimeout):
        async with deadlines.limit(0.05, lambda: RunTimeout(0.05)):
            async with deadlines.limit(5, lambda: StepTimeout("slow", 5)):
                await asyncio.sleep(1)
