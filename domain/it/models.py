"""IT: hardware and licences, who holds them, and requests for help."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields

from tenants.ownership import TenantOwnedModel


class AssetKind(StrEnum):
    LAPTOP = "laptop"
    DESKTOP = "desktop"
    PHONE = "phone"
    MONITOR = "monitor"
    LICENCE = "licence"
    OTHER = "other"


class AssetStatus(StrEnum):
    IN_STOCK = "in_stock"
    ASSIGNED = "assigned"
    IN_REPAIR = "in_repair"
    RETIRED = "retired"


class RequestPriority(StrEnum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    CRITICAL = "critical"


class SupportRequestStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"
    CLOSED = "closed"


class Asset(TenantOwnedModel):
    """A piece of equipment or a licence, held by at most one employee at a time."""

    asset_tag = fields.CharField(max_length=40)
    name = fields.CharField(max_length=200)
    kind = fields.CharEnumField(AssetKind, max_length=16)
    serial_number = fields.CharField(max_length=100, null=True)
    status = fields.CharEnumField(AssetStatus, max_length=16, default=AssetStatus.IN_STOCK)
    assigned_to: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "concord.Employee", related_name="assets", null=True, on_delete=fields.NO_ACTION
    )
    assigned_to_id: object
    purchased_on = fields.DateField(null=True)
    purchase_cost = fields.DecimalField(max_digits=18, decimal_places=4, null=True)
    currency = fields.CharField(max_length=3, null=True)

    class Meta:
        table = "it_assets"
        unique_together = (("tenant_id", "asset_tag"),)
        indexes = (("tenant_id", "assigned_to_id"), ("tenant_id", "status"))


class AssetAssignment(TenantOwnedModel):
    """A period an employee held an asset (open while `returned_on` is empty)."""

    asset: fields.ForeignKeyRelation[Asset] = fields.ForeignKeyField(
        "concord.Asset", related_name="assignments", on_delete=fields.CASCADE
    )
    asset_id: object
    employee: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "concord.Employee", related_name="asset_assignments", on_delete=fields.NO_ACTION
    )
    employee_id: object
    assigned_on = fields.DateField()
    returned_on = fields.DateField(null=True)

    class Meta:
        table = "it_asset_assignments"
        indexes = (("tenant_id", "asset_id", "assigned_on"), ("tenant_id", "employee_id"))


class SupportRequest(TenantOwnedModel):
    """An employee's request for IT help, optionally about one asset."""

    number = fields.CharField(max_length=32)
    requester: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "concord.Employee", related_name="support_requests", on_delete=fields.NO_ACTION
    )
    requester_id: object
    asset: fields.ForeignKeyNullableRelation[Asset] = fields.ForeignKeyField(
        "concord.Asset", related_name="support_requests", null=True, on_delete=fields.SET_NULL
    )
    asset_id: object
    subject = fields.CharField(max_length=200)
    description = fields.TextField(null=True)
    priority = fields.CharEnumField(RequestPriority, max_length=16, default=RequestPriority.NORMAL)
    status = fields.CharEnumField(SupportRequestStatus, max_length=16, default=SupportRequestStatus.OPEN)
    assignee: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "concord.Employee", related_name="assigned_support_requests", null=True, on_delete=fields.SET_NULL
    )
    assignee_id: object
    resolved_at = fields.DatetimeField(null=True)
    resolution = fields.TextField(null=True)

    class Meta:
        table = "it_support_requests"
        unique_together = (("tenant_id", "number"),)
        indexes = (("tenant_id", "status", "priority"), ("tenant_id", "requester_id"))
