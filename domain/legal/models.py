"""Legal: contracts, who they bind, and what they oblige the tenant to do."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields

from tenants.ownership import TenantOwnedModel


class ContractStatus(StrEnum):
    ACTIVE = "active"
    NOTICE_GIVEN = "notice_given"
    TERMINATED = "terminated"


class PartyKind(StrEnum):
    CUSTOMER = "customer"
    SUPPLIER = "supplier"
    EMPLOYEE = "employee"
    OTHER = "other"


class ObligationStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    WAIVED = "waived"


class Contract(TenantOwnedModel):
    """An agreement with a value, a start date and a term that renews unless notice is given in time."""

    number = fields.CharField(max_length=32)
    title = fields.CharField(max_length=200)
    value = fields.DecimalField(max_digits=18, decimal_places=4)
    currency = fields.CharField(max_length=3)
    start_date = fields.DateField()
    term_months = fields.IntField()
    notice_period_days = fields.IntField(default=0)
    auto_renew = fields.BooleanField(default=True)
    status = fields.CharEnumField(ContractStatus, max_length=16, default=ContractStatus.ACTIVE)
    renewal_date = fields.DateField()  # end of the current term, kept for queries
    notice_deadline = fields.DateField()
    ends_on = fields.DateField(null=True)  # set once notice is given or the contract is terminated
    owner: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "concord.Employee", related_name="owned_contracts", null=True, on_delete=fields.SET_NULL
    )
    owner_id: object

    class Meta:
        table = "legal_contracts"
        unique_together = (("tenant_id", "number"),)
        indexes = (("tenant_id", "status", "renewal_date"),)


class ContractParty(TenantOwnedModel):
    """Someone a contract binds: a customer, a supplier, an employee or another named party."""

    contract: fields.ForeignKeyRelation[Contract] = fields.ForeignKeyField(
        "concord.Contract", related_name="parties", on_delete=fields.CASCADE
    )
    contract_id: object
    kind = fields.CharEnumField(PartyKind, max_length=16)
    role = fields.CharField(max_length=60, null=True)
    customer: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "concord.Customer", related_name="contract_parties", null=True, on_delete=fields.NO_ACTION
    )
    customer_id: object
    supplier: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "concord.Supplier", related_name="contract_parties", null=True, on_delete=fields.NO_ACTION
    )
    supplier_id: object
    employee: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "concord.Employee", related_name="contract_parties", null=True, on_delete=fields.NO_ACTION
    )
    employee_id: object
    name = fields.CharField(max_length=200, null=True)

    class Meta:
        table = "legal_contract_parties"
        indexes = (("tenant_id", "contract_id"), ("tenant_id", "customer_id"), ("tenant_id", "supplier_id"))


class Obligation(TenantOwnedModel):
    """Something a contract requires by a date, and who answers for it."""

    contract: fields.ForeignKeyRelation[Contract] = fields.ForeignKeyField(
        "concord.Contract", related_name="obligations", on_delete=fields.CASCADE
    )
    contract_id: object
    description = fields.CharField(max_length=500)
    due_date = fields.DateField()
    status = fields.CharEnumField(ObligationStatus, max_length=16, default=ObligationStatus.OPEN)
    responsible: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "concord.Employee", related_name="obligations", null=True, on_delete=fields.SET_NULL
    )
    responsible_id: object
    completed_on = fields.DateField(null=True)

    class Meta:
        table = "legal_obligations"
        indexes = (("tenant_id", "contract_id"), ("tenant_id", "status", "due_date"))
