"""The cross-office read models, under `reports`: each report asks for the read scope of the area it reads."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry

from api.errors import CodedError, ErrorCode, bad_argument, not_found
from api.node_ids import decode_global_id
from api.ordering import sort_rows
from api.pagination import Connection, connection_from_list
from api.permissions import Requires
from api.reports.filters import (
    AgeingFilter,
    AgeingOrder,
    ExpiringContractFilter,
    ExpiringContractOrder,
    ReorderFilter,
    ReorderOrder,
)
from api.reports.types import (
    CustomerAgeing,
    DepartmentHeadcount,
    ExpiringContract,
    PipelineStageValue,
    ProductBelowReorderPoint,
    ProfitAndLoss,
)
from domain.errors import DomainError
from domain.finance import service as finance_service
from domain.hr import service as hr_service
from domain.legal import service as legal_service
from domain.money import currency_code
from domain.operations import service as operations_service
from domain.sales import service as sales_service
from tenants.permissions import Scope


@strawberry.type(name="Reports", description="Read models across both offices. Each field needs the read scope of its area.")
class Reports:
    @strawberry.field(
        permission_classes=[Requires(Scope.FINANCE_READ)],
        description="What each customer owes per currency on `asOf` (today by default), in buckets of days past due.",
    )
    async def ar_ageing(
        self,
        as_of: date | None = None,
        filter: AgeingFilter | None = None,
        order_by: AgeingOrder | None = None,
        customer_ids: Annotated[
            list[strawberry.ID] | None, strawberry.argument(deprecation_reason="Use `filter.customerIds`; ignored when `filter` is given.")
        ] = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[CustomerAgeing] | None:
        filter = filter or AgeingFilter(customer_ids=customer_ids)
        try:
            rows = await finance_service.ar_ageing(as_of=as_of, **filter.as_arguments())
        except DomainError as error:
            raise bad_argument(error, argument="filter") from None
        rows = sort_rows(rows, order_by, tie_break=lambda row: (row.customer_name, row.currency, str(row.customer_id)))
        return connection_from_list(rows, CustomerAgeing.from_row, first=first, after=after, last=last, before=before)

    @strawberry.field(
        permission_classes=[Requires(Scope.SALES_READ)], description="Open deals per stage of a pipeline, every stage listed in order."
    )
    async def pipeline_by_stage(self, pipeline_id: strawberry.ID) -> list[PipelineStageValue] | None:
        try:
            rows = await sales_service.pipeline_value_by_stage(pipeline_id=decode_global_id(pipeline_id, expected_type="Pipeline"))
        except DomainError:
            raise not_found("Pipeline") from None
        return [PipelineStageValue.from_row(row) for row in rows]

    @strawberry.field(
        permission_classes=[Requires(Scope.OPERATIONS_READ)],
        description="Active products below their reorder point, with the open purchase orders already bringing more (in catalogue order unless ordered).",
    )
    async def products_below_reorder_point(
        self,
        filter: ReorderFilter | None = None,
        order_by: ReorderOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[ProductBelowReorderPoint] | None:
        rows = await operations_service.products_below_reorder_point(**(filter or ReorderFilter()).as_arguments())
        rows = sort_rows(rows, order_by, tie_break=lambda row: row.sku)
        return connection_from_list(rows, ProductBelowReorderPoint.from_row, first=first, after=after, last=last, before=before)

    @strawberry.field(
        permission_classes=[Requires(Scope.HR_READ)], description="Employees per department on `on` (today by default), every department listed."
    )
    async def headcount_by_department(self, on: date | None = None) -> list[DepartmentHeadcount] | None:
        return [DepartmentHeadcount.from_row(row) for row in await hr_service.headcount_by_department(on=on)]

    @strawberry.field(
        permission_classes=[Requires(Scope.LEGAL_READ)],
        description="Live contracts whose current term ends within `withinDays` of `asOf` (today by default), soonest first.",
    )
    async def contracts_expiring(
        self,
        within_days: int,
        as_of: date | None = None,
        filter: ExpiringContractFilter | None = None,
        order_by: ExpiringContractOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[ExpiringContract] | None:
        rows = await legal_service.contracts_expiring_within(days=within_days, as_of=as_of, **(filter or ExpiringContractFilter()).as_arguments())
        rows = sort_rows(rows, order_by, tie_break=lambda row: row.number)
        return connection_from_list(rows, ExpiringContract.from_row, first=first, after=after, last=last, before=before)

    # One currency per call: a statement per currency in a list would be priced by the cost limit as a
    # page of 100 statements of 100 accounts each, though a tenant has a handful.
    @strawberry.field(
        permission_classes=[Requires(Scope.FINANCE_READ)],
        description="Income and expenses per account for journals in `currency` posted in the period (inclusive).",
    )
    async def profit_and_loss(self, period_start: date, period_end: date, currency: str) -> ProfitAndLoss | None:
        try:
            currency = currency_code(currency)
        except DomainError as error:
            raise CodedError(ErrorCode.BAD_USER_INPUT, f"currency: {error.message}") from None
        statements = await finance_service.profit_and_loss(period_start=period_start, period_end=period_end)
        statement = next((row for row in statements if row.currency == currency), None)
        return ProfitAndLoss.from_row(statement or finance_service.ProfitAndLoss(currency=currency, income=(), expenses=()))


@strawberry.type
class ReportsQuery:
    @strawberry.field(description="Read models across both offices; each report needs its area's read scope.")
    def reports(self) -> Reports:
        return Reports()
