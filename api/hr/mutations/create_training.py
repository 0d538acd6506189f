"""createTraining"""

from __future__ import annotations

from datetime import date

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.hr.types import TrainingNode
from domain.errors import DomainError
from domain.hr import service as hr_service


@strawberry.input
class CreateTrainingInput:
    title: str
    starts_on: date
    ends_on: date | None = None
    capacity: int | None = None


@strawberry.type
class CreateTrainingPayload:
    training: TrainingNode | None
    user_errors: list[UserError]


async def create_training(input: CreateTrainingInput) -> CreateTrainingPayload:
    try:
        async with in_transaction():
            training = await hr_service.create_training(
                title=input.title, starts_on=input.starts_on, ends_on=input.ends_on, capacity=input.capacity
            )
    except DomainError as error:
        return CreateTrainingPayload(training=None, user_errors=[user_error(error)])
    return CreateTrainingPayload(training=TrainingNode.from_model(training), user_errors=[])
