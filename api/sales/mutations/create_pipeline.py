"""createPipeline"""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.errors import UserError, user_error
from api.sales.types import PipelineNode
from domain.errors import DomainError
from domain.sales import service as sales_service


@strawberry.input
class PipelineStageInput:
    name: str
    probability: int = strawberry.field(default=0, description="Win probability in percent, 0 to 100.")


@strawberry.input
class CreatePipelineInput:
    name: str
    stages: list[PipelineStageInput] = strawberry.field(description="The stages in the order deals move through them.")


@strawberry.type
class CreatePipelinePayload:
    pipeline: PipelineNode | None
    user_errors: list[UserError]


async def create_pipeline(input: CreatePipelineInput) -> CreatePipelinePayload:
    stages = [sales_service.StageInput(name=stage.name, probability=stage.probability) for stage in input.stages]
    try:
        async with in_transaction():
            pipeline = await sales_service.create_pipeline(name=input.name, stages=stages)
    except DomainError as error:
        return CreatePipelinePayload(pipeline=None, user_errors=[user_error(error)])
    return CreatePipelinePayload(pipeline=PipelineNode.from_model(pipeline), user_errors=[])
