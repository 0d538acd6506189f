"""CRM mutations, one per module."""

import strawberry

from api.crm.mutations.create_contact import CreateContactPayload, create_contact
from api.crm.mutations.create_customer import CreateCustomerPayload, create_customer
from api.crm.mutations.log_interaction import LogInteractionPayload, log_interaction
from api.crm.mutations.update_customer import UpdateCustomerPayload, update_customer
from api.permissions import Requires
from tenants.permissions import Scope

CRM_WRITE = [Requires(Scope.CRM_WRITE)]


@strawberry.type
class CrmMutation:
    create_customer: CreateCustomerPayload = strawberry.mutation(
        resolver=create_customer, permission_classes=CRM_WRITE, description="Create a customer."
    )
    update_customer: UpdateCustomerPayload = strawberry.mutation(
        resolver=update_customer, permission_classes=CRM_WRITE, description="Rename a customer or change its email."
    )
    create_contact: CreateContactPayload = strawberry.mutation(
        resolver=create_contact, permission_classes=CRM_WRITE, description="Add a person at a customer."
    )
    log_interaction: LogInteractionPayload = strawberry.mutation(
        resolver=log_interaction, permission_classes=CRM_WRITE, description="Record a touchpoint with a customer."
    )
