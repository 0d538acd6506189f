"""New hire → an IT equipment request and an onboarding training plan."""

from __future__ import annotations

import uuid
from typing import Any

from domain.hr import events as hr_events
from domain.hr import onboarding as hr_onboarding
from domain.it import onboarding as it_onboarding
from workers.automation.registry import automation


@automation("hr.onboard_new_hire", on=[hr_events.EMPLOYEE_HIRED])
async def onboard(*, event_id: str, event_type: str, payload: dict[str, Any]) -> None:
    employee_id = uuid.UUID(payload["employee_id"])
    await it_onboarding.request_new_starter_equipment(employee_id=employee_id)
    await hr_onboarding.plan_onboarding_training(employee_id=employee_id)
