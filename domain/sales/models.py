"""Sales: prospects, the pipeline deals move through, and what customers are offered and order."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields

from tenants.ownership import TenantOwnedModel


class LeadStatus(StrEnum):
    NEW = "new"
    QUALIFIED = "qualified"
    DISQUALIFIED = "disqualified"
    CONVERTED = "converted"


class DealStatus(StrEnum):
    OPEN = "open"
    WON = "won"
    LOST = "lost"


class QuoteStatus(StrEnum):
    DRAFT = "draft"
    SENT = "sent"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class SalesOrderStatus(StrEnum):
    OPEN = "open"
    FULFILLED = "fulfilled"
    CANCELLED = "cancelled"


def decimal_field(**kwargs: object) -> fields.DecimalField:
    """Amounts and quantities: Decimal with 4 places, never float."""
    return fields.DecimalField(max_digits=18, decimal_places=4, **kwargs)


class Lead(TenantOwnedModel):
    """A prospect not yet a customer, qualified and then converted into a deal."""

    company_name = fields.CharField(max_length=200)
    contact_name = fields.CharField(max_length=200, null=True)
    email = fields.CharField(max_length=254, null=True)
    source = fields.CharField(max_length=60, null=True)
    status = fields.CharEnumField(LeadStatus, max_length=16, default=LeadStatus.NEW)
    owner = fields.CharField(max_length=80, null=True)
    customer: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "concord.Customer", related_name="leads", null=True, on_delete=fields.NO_ACTION
    )
    customer_id: object
    deal: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "concord.Deal", related_name="leads", null=True, on_delete=fields.NO_ACTION
    )
    deal_id: object

    class Meta:
        table = "sales_leads"
        indexes = (("tenant_id", "status", "created_at"),)


class Pipeline(TenantOwnedModel):
    """A sales process: an ordered list of stages deals move through."""

    name = fields.CharField(max_length=120)

    class Meta:
        table = "sales_pipelines"
        unique_together = (("tenant_id", "name"),)


class PipelineStage(TenantOwnedModel):
    """One step of a pipeline, at a position, with the win probability in percent."""

    pipeline: fields.ForeignKeyRelation[Pipeline] = fields.ForeignKeyField(
        "concord.Pipeline", related_name="stages", on_delete=fields.CASCADE
    )
    pipeline_id: object
    name = fields.CharField(max_length=80)
    position = fields.IntField()
    probability = fields.IntField(default=0)

    class Meta:
        table = "sales_pipeline_stages"
        unique_together = (("tenant_id", "pipeline_id", "position"), ("tenant_id", "pipeline_id", "name"))


class Deal(TenantOwnedModel):
    """A sales opportunity with a customer, in one stage of its pipeline until won or lost."""

    name = fields.CharField(max_length=200)
    customer: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "concord.Customer", related_name="deals", on_delete=fields.NO_ACTION
    )
    customer_id: object
    pipeline: fields.ForeignKeyRelation[Pipeline] = fields.ForeignKeyField(
        "concord.Pipeline", related_name="deals", on_delete=fields.NO_ACTION
    )
    pipeline_id: object
    stage: fields.ForeignKeyRelation[PipelineStage] = fields.ForeignKeyField(
        "concord.PipelineStage", related_name="deals", on_delete=fields.NO_ACTION
    )
    stage_id: object
    amount = decimal_field()
    currency = fields.CharField(max_length=3)
    status = fields.CharEnumField(DealStatus, max_length=16, default=DealStatus.OPEN)
    expected_close_on = fields.DateField(null=True)
    closed_at = fields.DatetimeField(null=True)
    lost_reason = fields.CharField(max_length=200, null=True)
    owner = fields.CharField(max_length=80, null=True)

    class Meta:
        table = "sales_deals"
        indexes = (("tenant_id", "pipeline_id", "status", "stage_id"), ("tenant_id", "customer_id", "status"))


class DealStageChange(TenantOwnedModel):
    """A deal entering a stage (or being won or lost), when and by whom. Never edited."""

    deal: fields.ForeignKeyRelation[Deal] = fields.ForeignKeyField(
        "concord.Deal", related_name="stage_changes", on_delete=fields.CASCADE
    )
    deal_id: object
    from_stage: fields.ForeignKeyNullableRelation[PipelineStage] = fields.ForeignKeyField(
        "concord.PipelineStage", related_name="changes_from", null=True, on_delete=fields.NO_ACTION
    )
    from_stage_id: object
    to_stage: fields.ForeignKeyRelation[PipelineStage] = fields.ForeignKeyField(
        "concord.PipelineStage", related_name="changes_to", on_delete=fields.NO_ACTION
    )
    to_stage_id: object
    status = fields.CharEnumField(DealStatus, max_length=16)
    changed_at = fields.DatetimeField()
    changed_by = fields.CharField(max_length=80)

    class Meta:
        table = "sales_deal_stage_changes"
        indexes = (("tenant_id", "deal_id", "changed_at"),)


class Quote(TenantOwnedModel):
    """An offer to a customer, priced in one currency."""

    number = fields.CharField(max_length=32)
    customer: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "concord.Customer", related_name="quotes", on_delete=fields.NO_ACTION
    )
    customer_id: object
    deal: fields.ForeignKeyNullableRelation[Deal] = fields.ForeignKeyField(
        "concord.Deal", related_name="quotes", null=True, on_delete=fields.NO_ACTION
    )
    deal_id: object
    currency = fields.CharField(max_length=3)
    total = decimal_field(default=0)
    status = fields.CharEnumField(QuoteStatus, max_length=16, default=QuoteStatus.DRAFT)
    valid_until = fields.DateField(null=True)

    class Meta:
        table = "sales_quotes"
        unique_together = (("tenant_id", "number"),)
        indexes = (("tenant_id", "customer_id", "status"),)


class QuoteLine(TenantOwnedModel):
    """An item offered on a quote."""

    quote: fields.ForeignKeyRelation[Quote] = fields.ForeignKeyField(
        "concord.Quote", related_name="lines", on_delete=fields.CASCADE
    )
    quote_id: object
    position = fields.IntField()
    product: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "concord.Product", related_name="quote_lines", null=True, on_delete=fields.NO_ACTION
    )
    product_id: object
    description = fields.CharField(max_length=200)
    quantity = decimal_field()
    unit_price = decimal_field()
    line_total = decimal_field()

    class Meta:
        table = "sales_quote_lines"
        unique_together = (("tenant_id", "quote_id", "position"),)


class SalesOrder(TenantOwnedModel):
    """A customer's confirmed order, from a won deal or an accepted quote or entered directly."""

    number = fields.CharField(max_length=32)
    customer: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "concord.Customer", related_name="sales_orders", on_delete=fields.NO_ACTION
    )
    customer_id: object
    deal: fields.ForeignKeyNullableRelation[Deal] = fields.ForeignKeyField(
        "concord.Deal", related_name="sales_orders", null=True, on_delete=fields.NO_ACTION
    )
    deal_id: object
    quote: fields.ForeignKeyNullableRelation[Quote] = fields.ForeignKeyField(
        "concord.Quote", related_name="sales_orders", null=True, on_delete=fields.NO_ACTION
    )
    quote_id: object
    currency = fields.CharField(max_length=3)
    total = decimal_field(default=0)
    status = fields.CharEnumField(SalesOrderStatus, max_length=16, default=SalesOrderStatus.OPEN)
    ordered_on = fields.DateField()

    class Meta:
        table = "sales_orders"
        unique_together = (("tenant_id", "number"),)
        indexes = (("tenant_id", "customer_id", "ordered_on"), ("tenant_id", "status"))


class SalesOrderLine(TenantOwnedModel):
    """An item ordered on a sales order."""

    sales_order: fields.ForeignKeyRelation[SalesOrder] = fields.ForeignKeyField(
        "concord.SalesOrder", related_name="lines", on_delete=fields.CASCADE
    )
    sales_order_id: object
    position = fields.IntField()
    product: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "concord.Product", related_name="sales_order_lines", null=True, on_delete=fields.NO_ACTION
    )
    product_id: object
    description = fields.CharField(max_length=200)
    quantity = decimal_field()
    unit_price = decimal_field()
    line_total = decimal_field()

    class Meta:
        table = "sales_order_lines"
        unique_together = (("tenant_id", "sales_order_id", "position"),)
        indexes = (("tenant_id", "product_id"),)
