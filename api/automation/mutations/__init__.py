"""Automation mutations, one per module."""

import strawberry

from api.automation.mutations.create_rule import CreateRulePayload, create_rule
from api.automation.mutations.create_schedule import CreateSchedulePayload, create_schedule
from api.automation.mutations.disable_rule import DisableRulePayload, disable_rule
from api.automation.mutations.retry_job import RetryJobPayload, retry_job
from api.automation.mutations.update_rule import UpdateRulePayload, update_rule
from api.permissions import Requires
from tenants.permissions import Scope

AUTOMATION = [Requires(Scope.AUTOMATION_WRITE)]


@strawberry.type
class AutomationMutation:
    retry_job: RetryJobPayload = strawberry.mutation(
        resolver=retry_job, permission_classes=AUTOMATION,
        description="Re-drive a failed (dead-lettered) job: the same actor, arguments and idempotency key, a new message.",
    )
    create_rule: CreateRulePayload = strawberry.mutation(
        resolver=create_rule, permission_classes=AUTOMATION, description="Define a rule: when <event> [if <condition>] then <action>."
    )
    update_rule: UpdateRulePayload = strawberry.mutation(
        resolver=update_rule, permission_classes=AUTOMATION, description="Change a rule; it is saved as its next version."
    )
    disable_rule: DisableRulePayload = strawberry.mutation(
        resolver=disable_rule, permission_classes=AUTOMATION, description="Stop a rule from running (a new, disabled version)."
    )
    create_schedule: CreateSchedulePayload = strawberry.mutation(
        resolver=create_schedule, permission_classes=AUTOMATION, description="Run a job at every slot of a cron expression (UTC)."
    )
