"""CRM mutations, one per module."""

import strawberry

from api.permissions import Requires
from tenants.permissions import Scope

from api.crm.mutations.create_customer import CreateCustomerPayload, create_customer


@strawberry.type
class CrmMutation:
    create_customer: CreateCustomerPayload = strawberry.mutation(
        resolver=create_customer, permission_classes=[Requires(Scope.CRM_WRITE)], description="Create a customer."
    )
