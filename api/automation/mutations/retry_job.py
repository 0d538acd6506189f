"""retryJob"""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.automation.types import JobNode
from api.context import Info
from api.errors import UserError, user_error
from api.node_ids import decode_input_id
from domain.automation import jobs
from domain.errors import DomainError
from workers.redrive import send_redriven, take_for_redrive


@strawberry.input
class RetryJobInput:
    id: strawberry.ID


@strawberry.type
class RetryJobPayload:
    job: JobNode | None
    user_errors: list[UserError]


async def retry_job(info: Info, input: RetryJobInput) -> RetryJobPayload:
    try:
        async with in_transaction():
            job, message = await take_for_redrive(job_id=decode_input_id(input.id, expected_type="Job", field="id"))
    except DomainError as error:
        return RetryJobPayload(job=None, user_errors=[user_error(error)])
    try:
        await send_redriven(message, settings=info.context.settings)
    except Exception as error:  # the broker did not take it: the job is failed again, with why
        async with in_transaction():
            await jobs.mark_failed(message_id=message.message_id, error=f"re-drive not sent: {type(error).__name__}")
        return RetryJobPayload(job=None, user_errors=[UserError(field=["input", "id"], message="the broker is unavailable: try again later", code="BROKER_UNAVAILABLE")])
    return RetryJobPayload(job=JobNode.from_model(job), user_errors=[])
