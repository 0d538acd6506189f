"""Read-model rows: each is one line of a report computed by a domain read model, not an object with
an id of its own; the object a row is about (customer, product, department, …) is one field away."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

import strawberry

from api.context import Info
from api.crm import loaders as crm_loaders
from api.crm.types import CustomerNode
from api.finance import loaders as finance_loaders
from api.finance.types import AccountNode
from api.hr import loaders as hr_loaders
from api.hr.types import DepartmentNode
from api.legal.types import ContractNode, load_contract
from api.money import Money, exact_decimal
from api.operations.types import ProductNode, PurchaseOrderNode, SupplierNode, load_product, load_purchase_order, load_supplier
from api.permissions import cross_area_field
from api.sales import loaders as sales_loaders
from api.sales.types import PipelineStageNode
from domain.finance.reports import AccountAmount as AccountAmountRow
from domain.finance.reports import CustomerAgeing as CustomerAgeingRow
from domain.finance.reports import ProfitAndLoss as ProfitAndLossRow
from domain.hr.service import DepartmentHeadcount as DepartmentHeadcountRow
from domain.legal.service import ExpiringContract as ExpiringContractRow
from domain.operations.reports import OpenPurchaseOrderLine as OpenPurchaseOrderLineRow
from domain.operations.reports import ProductBelowReorderPoint as ProductBelowReorderPointRow
from domain.sales.reports import StageValue
from tenants.permissions import Scope


@strawberry.type(description="What one customer owes in one currency, by how long past due (AR ageing).")
class CustomerAgeing:
    currency: str
    current: Money = strawberry.field(description="Not yet due.")
    days_1_to_30: Money = strawberry.field(name="days1To30", description="1 to 30 days past due.")
    days_31_to_60: Money = strawberry.field(name="days31To60")
    days_61_to_90: Money = strawberry.field(name="days61To90")
    days_over_90: Money = strawberry.field(name="daysOver90")
    total: Money
    customer_id: strawberry.Private[uuid.UUID]

    @classmethod
    def from_row(cls, row: CustomerAgeingRow) -> CustomerAgeing:
        money = lambda amount: Money.of(amount, row.currency)  # noqa: E731 - six amounts, one currency
        return cls(
            currency=row.currency, current=money(row.current), days_1_to_30=money(row.days_1_30), days_31_to_60=money(row.days_31_60),
            days_61_to_90=money(row.days_61_90), days_over_90=money(row.days_over_90), total=money(row.total), customer_id=row.customer_id,
        )

    @cross_area_field(Scope.CRM_READ, "The customer who owes it.")
    async def customer(self, info: Info) -> CustomerNode | None:
        row = await crm_loaders.customer_by_id(info).load(self.customer_id)
        return CustomerNode.from_model(row) if row else None


@strawberry.type(description="Open deals in one stage of a pipeline: how many, and their value per currency.")
class PipelineStageValue:
    name: str
    position: int
    probability: int = strawberry.field(description="The stage's win probability, in percent.")
    deal_count: int
    values: list[Money] = strawberry.field(description="The open deals' amounts summed, one per currency.")
    weighted_values: list[Money] = strawberry.field(description="Each value times the win probability, rounded per currency.")
    stage_id: strawberry.Private[uuid.UUID]

    @classmethod
    def from_row(cls, row: StageValue) -> PipelineStageValue:
        return cls(
            name=row.name, position=row.position, probability=row.probability, deal_count=row.deal_count,
            values=[Money.from_domain(value) for value in row.values], weighted_values=[Money.from_domain(value) for value in row.weighted_values],
            stage_id=row.stage_id,
        )

    @strawberry.field
    async def stage(self, info: Info) -> PipelineStageNode | None:
        row = await sales_loaders.stage_by_id(info).load(self.stage_id)
        return PipelineStageNode.from_model(row) if row else None


@strawberry.type(description="An open purchase order line already bringing more of a product.")
class OpenPurchaseOrderLine:
    number: str
    expected_on: date | None
    quantity_outstanding: Decimal
    purchase_order_id: strawberry.Private[uuid.UUID]

    @classmethod
    def from_row(cls, row: OpenPurchaseOrderLineRow) -> OpenPurchaseOrderLine:
        return cls(
            number=row.number, expected_on=row.expected_on, quantity_outstanding=exact_decimal(row.quantity_outstanding),
            purchase_order_id=row.purchase_order_id,
        )

    @strawberry.field
    async def purchase_order(self, info: Info) -> PurchaseOrderNode | None:
        return await load_purchase_order(info, self.purchase_order_id)


@strawberry.type(description="An active product whose stock over all warehouses is below its reorder point.")
class ProductBelowReorderPoint:
    on_hand: Decimal
    reorder_point: Decimal
    reorder_quantity: Decimal
    quantity_on_order: Decimal = strawberry.field(description="Still outstanding on the open purchase orders below.")
    open_purchase_orders: list[OpenPurchaseOrderLine]
    product_id: strawberry.Private[uuid.UUID]
    preferred_supplier_id: strawberry.Private[uuid.UUID | None]

    @classmethod
    def from_row(cls, row: ProductBelowReorderPointRow) -> ProductBelowReorderPoint:
        return cls(
            on_hand=exact_decimal(row.on_hand), reorder_point=exact_decimal(row.reorder_point), reorder_quantity=exact_decimal(row.reorder_quantity),
            quantity_on_order=exact_decimal(row.quantity_on_order),
            open_purchase_orders=[OpenPurchaseOrderLine.from_row(line) for line in row.open_purchase_orders],
            product_id=row.product_id, preferred_supplier_id=row.preferred_supplier_id,
        )

    @strawberry.field
    async def product(self, info: Info) -> ProductNode | None:
        return await load_product(info, self.product_id)

    @strawberry.field
    async def preferred_supplier(self, info: Info) -> SupplierNode | None:
        return await load_supplier(info, self.preferred_supplier_id)


@strawberry.type(description="How many employees a department has on a day.")
class DepartmentHeadcount:
    name: str
    headcount: int
    department_id: strawberry.Private[uuid.UUID]

    @classmethod
    def from_row(cls, row: DepartmentHeadcountRow) -> DepartmentHeadcount:
        return cls(name=row.name, headcount=row.headcount, department_id=row.department_id)

    @strawberry.field
    async def department(self, info: Info) -> DepartmentNode | None:
        row = await hr_loaders.department_by_id(info).load(self.department_id)
        return DepartmentNode.from_model(row) if row else None


@strawberry.type(description="A live contract whose current term ends within the window asked for.")
class ExpiringContract:
    number: str
    title: str
    value: Money
    renewal_date: date = strawberry.field(description="The day the current term ends.")
    notice_deadline: date
    auto_renew: bool
    will_end: bool = strawberry.field(description="true: notice was given or it does not renew, so it stops at `renewalDate`.")
    days_left: int
    contract_id: strawberry.Private[uuid.UUID]

    @classmethod
    def from_row(cls, row: ExpiringContractRow) -> ExpiringContract:
        return cls(
            number=row.number, title=row.title, value=Money.from_domain(row.value), renewal_date=row.renewal_date,
            notice_deadline=row.notice_deadline, auto_renew=row.auto_renew, will_end=row.will_end, days_left=row.days_left,
            contract_id=row.contract_id,
        )

    @strawberry.field
    async def contract(self, info: Info) -> ContractNode | None:
        return await load_contract(info, self.contract_id)


@strawberry.type(description="One account's movement over the period, in the statement's currency.")
class AccountAmount:
    code: str
    name: str
    amount: Money
    account_id: strawberry.Private[uuid.UUID]

    @classmethod
    def from_row(cls, row: AccountAmountRow) -> AccountAmount:
        return cls(code=row.code, name=row.name, amount=Money.from_domain(row.amount), account_id=row.account_id)

    @strawberry.field
    async def account(self, info: Info) -> AccountNode | None:
        row = await finance_loaders.account_by_id(info).load(self.account_id)
        return AccountNode.from_model(row) if row else None


@strawberry.type(description="Profit and loss for a period in one currency, from the posted ledger.")
class ProfitAndLoss:
    currency: str
    income: list[AccountAmount] = strawberry.field(description="Income accounts: credits less debits.")
    expenses: list[AccountAmount] = strawberry.field(description="Expense accounts: debits less credits.")
    total_income: Money
    total_expenses: Money
    net_profit: Money

    @classmethod
    def from_row(cls, row: ProfitAndLossRow) -> ProfitAndLoss:
        return cls(
            currency=row.currency, income=[AccountAmount.from_row(line) for line in row.income],
            expenses=[AccountAmount.from_row(line) for line in row.expenses], total_income=Money.from_domain(row.total_income),
            total_expenses=Money.from_domain(row.total_expenses), net_profit=Money.from_domain(row.net_profit),
        )
