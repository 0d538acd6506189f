"""createSchedule"""

from __future__ import annotations

import strawberry
from strawberry.scalars import JSON
from tortoise.transactions import in_transaction

from api.automation.types import ScheduleNode
from api.errors import UserError, user_error
from domain.automation import service as automation_service
from domain.errors import DomainError


@strawberry.input(description="Run `job` with `params` at every slot of `cron` (five fields, UTC).")
class CreateScheduleInput:
    name: str
    cron: str
    job: str = strawberry.field(description="finance.check_overdue_invoices, finance.month_end_vat, bank.download_statements or bots.portal_canaries")
    params: JSON | None = None


@strawberry.type
class CreateSchedulePayload:
    schedule: ScheduleNode | None
    user_errors: list[UserError]


async def create_schedule(input: CreateScheduleInput) -> CreateSchedulePayload:
    try:
        async with in_transaction():
            schedule = await automation_service.create_schedule(name=input.name, cron=input.cron, job=input.job, params=input.params)
    except DomainError as error:
        return CreateSchedulePayload(schedule=None, user_errors=[user_error(error)])
    return CreateSchedulePayload(schedule=ScheduleNode.from_model(schedule), user_errors=[])
