"""Report filter and order inputs. Reports are computed rows, so they are narrowed by the read model and
sorted in memory (`sort_rows`), always ending with a unique key so pages stay stable."""

from __future__ import annotations

from enum import Enum

import strawberry

from api.legal.enums import ContractStatus
from api.node_ids import decode_global_id
from api.ordering import OrderDirection


@strawberry.enum(description="A bucket of AR ageing: how long past its due date an amount is.")
class AgeingBucket(Enum):
    CURRENT = "current"
    DAYS_1_TO_30 = "days_1_30"
    DAYS_31_TO_60 = "days_31_60"
    DAYS_61_TO_90 = "days_61_90"
    DAYS_OVER_90 = "days_over_90"


@strawberry.input(description="Narrow the AR ageing; every given field must match.")
class AgeingFilter:
    customer_ids: list[strawberry.ID] | None = None
    currency: str | None = strawberry.field(default=None, description="An ISO 4217 code, e.g. EUR.")
    bucket: AgeingBucket | None = strawberry.field(default=None, description="Only customers owing something in this bucket.")

    def as_arguments(self) -> dict:
        return {
            "customer_ids": [decode_global_id(value, expected_type="Customer") for value in self.customer_ids] if self.customer_ids is not None else None,
            "currency": self.currency,
            "bucket": self.bucket.value if self.bucket else None,
        }


@strawberry.enum
class AgeingOrderField(Enum):
    CUSTOMER_NAME = "customer_name"
    CURRENCY = "currency"
    TOTAL = "total"
    DAYS_OVER_90 = "days_over_90"


@strawberry.input
class AgeingOrder:
    field: AgeingOrderField
    direction: OrderDirection = OrderDirection.DESC


@strawberry.input(description="Narrow the products below their reorder point; every given field must match.")
class ReorderFilter:
    warehouse_id: strawberry.ID | None = strawberry.field(
        default=None, description="Only products this warehouse keeps stock of (stock is still counted over all warehouses)."
    )
    supplier_id: strawberry.ID | None = strawberry.field(default=None, description="Only products this supplier is the preferred supplier of.")

    def as_arguments(self) -> dict:
        return {
            "warehouse_id": decode_global_id(self.warehouse_id, expected_type="Warehouse") if self.warehouse_id else None,
            "supplier_id": decode_global_id(self.supplier_id, expected_type="Supplier") if self.supplier_id else None,
        }


@strawberry.enum
class ReorderOrderField(Enum):
    SKU = "sku"
    NAME = "name"
    ON_HAND = "on_hand"
    SHORTFALL = "shortfall"


@strawberry.input
class ReorderOrder:
    field: ReorderOrderField
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="Narrow the expiring contracts; every given field must match.")
class ExpiringContractFilter:
    status: ContractStatus | None = strawberry.field(default=None, description="ACTIVE or NOTICE_GIVEN (only live contracts expire).")
    will_end: bool | None = strawberry.field(default=None, description="True: only those that stop at their renewal date; false: only those that renew.")

    def as_arguments(self) -> dict:
        return {"status": self.status, "will_end": self.will_end}


@strawberry.enum
class ExpiringContractOrderField(Enum):
    RENEWAL_DATE = "renewal_date"
    NOTICE_DEADLINE = "notice_deadline"
    NUMBER = "number"
    TITLE = "title"


@strawberry.input
class ExpiringContractOrder:
    field: ExpiringContractOrderField
    direction: OrderDirection = OrderDirection.ASC
