"""CRM mutations, one per module."""

import strawberry

from api.crm.mutations.create_customer import CreateCustomerPayload, create_customer


@strawberry.type
class CrmMutation:
    create_customer: CreateCustomerPayload = strawberry.mutation(
        resolver=create_customer, description="Create a customer."
    )
