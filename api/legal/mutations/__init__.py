"""Legal mutations, one per module."""

import strawberry

from api.legal.mutations.add_obligation import AddObligationPayload, add_obligation
from api.legal.mutations.complete_obligation import CompleteObligationPayload, complete_obligation
from api.legal.mutations.create_contract import CreateContractPayload, create_contract
from api.legal.mutations.give_contract_notice import GiveContractNoticePayload, give_contract_notice
from api.legal.mutations.terminate_contract import TerminateContractPayload, terminate_contract
from api.permissions import Requires
from tenants.permissions import Scope

LEGAL_WRITE = [Requires(Scope.LEGAL_WRITE)]


@strawberry.type
class LegalMutation:
    create_contract: CreateContractPayload = strawberry.mutation(
        resolver=create_contract, permission_classes=LEGAL_WRITE,
        description="Record a signed contract; its renewal date and notice deadline follow from its terms.",
    )
    give_contract_notice: GiveContractNoticePayload = strawberry.mutation(
        resolver=give_contract_notice, permission_classes=LEGAL_WRITE,
        description="Stop a contract at the end of its current term; refused after that term's notice deadline.",
    )
    terminate_contract: TerminateContractPayload = strawberry.mutation(
        resolver=terminate_contract, permission_classes=LEGAL_WRITE, description="End a live contract by agreement on a day."
    )
    add_obligation: AddObligationPayload = strawberry.mutation(
        resolver=add_obligation, permission_classes=LEGAL_WRITE, description="Note something a contract requires by a date."
    )
    complete_obligation: CompleteObligationPayload = strawberry.mutation(
        resolver=complete_obligation, permission_classes=LEGAL_WRITE, description="Mark an open obligation done, or waived."
    )
