"""Bots mutations, one per module."""

import strawberry

from api.bots.mutations.approve_payment import ApprovePaymentPayload, approve_payment
from api.bots.mutations.cancel_bot_run import CancelBotRunPayload, cancel_bot_run
from api.bots.mutations.configure_bot_portal import ConfigureBotPortalPayload, configure_bot_portal
from api.bots.mutations.provide_bot_input import ProvideBotInputPayload, provide_bot_input
from api.bots.mutations.request_payment import RequestPaymentPayload, request_payment
from api.bots.mutations.start_bot_run import StartBotRunPayload, start_bot_run
from api.permissions import Requires
from tenants.permissions import Scope

BOTS_RUN = [Requires(Scope.BOTS_RUN)]


@strawberry.type
class BotsMutation:
    start_bot_run: StartBotRunPayload = strawberry.mutation(
        resolver=start_bot_run, permission_classes=BOTS_RUN, description="Queue a bot run; a worker takes it up."
    )
    cancel_bot_run: CancelBotRunPayload = strawberry.mutation(
        resolver=cancel_bot_run, permission_classes=BOTS_RUN, description="Stop a run (at its next step if it is running)."
    )
    provide_bot_input: ProvideBotInputPayload = strawberry.mutation(
        resolver=provide_bot_input, permission_classes=BOTS_RUN, description="Answer the question a run waits on."
    )
    configure_bot_portal: ConfigureBotPortalPayload = strawberry.mutation(
        resolver=configure_bot_portal, permission_classes=[Requires(Scope.SECRETS_WRITE)],
        description="Set where one of the tenant's portals is (as sensitive as its credentials: the bots log in there).",
    )
    request_payment: RequestPaymentPayload = strawberry.mutation(
        resolver=request_payment, permission_classes=[Requires(Scope.FINANCE_WRITE)],
        description="Order an outgoing payment; the bank bot pays it once a second person approved it.",
    )
    approve_payment: ApprovePaymentPayload = strawberry.mutation(
        resolver=approve_payment, permission_classes=[Requires(Scope.FINANCE_APPROVE)],
        description="Approve a payment order someone else requested (four eyes); a changed amount voids it.",
    )
