from tortoise import migrations
from tortoise.migrations import operations as ops
from domain.operations.models import MovementKind, PurchaseOrderStatus, ShipmentStatus
from domain.sales.models import DealStatus, LeadStatus, QuoteStatus, SalesOrderStatus
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields
from tortoise.indexes import Index

from infra.db.rls import tenant_tables_protected

STOCK_NEVER_NEGATIVE = {
    "postgres": [
        'ALTER TABLE "operations_stock_levels" ADD CONSTRAINT "operations_stock_never_negative" CHECK (quantity >= 0)',
    ],
    # SQLite cannot add a CHECK to an existing table: triggers refuse the same rows.
    "sqlite": [
        f"""CREATE TRIGGER IF NOT EXISTS "operations_stock_never_negative_{operation.lower()}"
BEFORE {operation} ON "operations_stock_levels" FOR EACH ROW WHEN CAST(NEW.quantity AS NUMERIC) < 0
BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: operations_stock_never_negative'); END"""
        for operation in ("INSERT", "UPDATE")
    ],
}


async def stock_never_negative(apps, schema_editor) -> None:
    """The database's own refusal of a negative stock level, behind the service's check."""
    for statement in STOCK_NEVER_NEGATIVE.get(schema_editor.client.capabilities.dialect, []):
        await schema_editor.client.execute_script(statement)


class Migration(migrations.Migration):
    dependencies = [('concord', '0004_hr')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Pipeline',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('name', fields.CharField(max_length=120)),
            ],
            options={'table': 'sales_pipelines', 'app': 'concord', 'unique_together': (('tenant_id', 'name'),), 'pk_attr': 'id', 'table_description': 'A sales process: an ordered list of stages deals move through.'},
            bases=['TenantOwnedModel'],
        ),
        ops.CreateModel(
            name='PipelineStage',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('pipeline', fields.ForeignKeyField('concord.Pipeline', source_field='pipeline_id', db_constraint=True, to_field='id', related_name='stages', on_delete=OnDelete.CASCADE)),
                ('name', fields.CharField(max_length=80)),
                ('position', fields.IntField()),
                ('probability', fields.IntField(default=0)),
            ],
            options={'table': 'sales_pipeline_stages', 'app': 'concord', 'unique_together': (('tenant_id', 'pipeline_id', 'position'), ('tenant_id', 'pipeline_id', 'name')), 'pk_attr': 'id', 'table_description': 'One step of a pipeline, at a position, with the win probability in percent.'},
            bases=['TenantOwnedModel'],
        ),
        ops.CreateModel(
            name='Deal',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('name', fields.CharField(max_length=200)),
                ('customer', fields.ForeignKeyField('concord.Customer', source_field='customer_id', db_constraint=True, to_field='id', related_name='deals', on_delete=OnDelete.NO_ACTION)),
                ('pipeline', fields.ForeignKeyField('concord.Pipeline', source_field='pipeline_id', db_constraint=True, to_field='id', related_name='deals', on_delete=OnDelete.NO_ACTION)),
                ('stage', fields.ForeignKeyField('concord.PipelineStage', source_field='stage_id', db_constraint=True, to_field='id', related_name='deals', on_delete=OnDelete.NO_ACTION)),
                ('amount', fields.DecimalField(max_digits=18, decimal_places=4)),
                ('currency', fields.CharField(max_length=3)),
                ('status', fields.CharEnumField(default=DealStatus.OPEN, description='OPEN: open\nWON: won\nLOST: lost', enum_type=DealStatus, max_length=16)),
                ('expected_close_on', fields.DateField(null=True)),
                ('closed_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('lost_reason', fields.CharField(null=True, max_length=200)),
                ('owner', fields.CharField(null=True, max_length=80)),
            ],
            options={'table': 'sales_deals', 'app': 'concord', 'indexes': [Index(fields=['tenant_id', 'pipeline_id', 'status', 'stage_id']), Index(fields=['tenant_id', 'customer_id', 'status'])], 'pk_attr': 'id', 'table_description': 'A sales opportunity with a customer, in one stage of its pipeline until won or lost.'},
            bases=['TenantOwnedModel'],
        ),
        ops.CreateModel(
            name='DealStageChange',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('deal', fields.ForeignKeyField('concord.Deal', source_field='deal_id', db_constraint=True, to_field='id', related_name='stage_changes', on_delete=OnDelete.CASCADE)),
                ('from_stage', fields.ForeignKeyField('concord.PipelineStage', source_field='from_stage_id', null=True, db_constraint=True, to_field='id', related_name='changes_from', on_delete=OnDelete.NO_ACTION)),
                ('to_stage', fields.ForeignKeyField('concord.PipelineStage', source_field='to_stage_id', db_constraint=True, to_field='id', related_name='changes_to', on_delete=OnDelete.NO_ACTION)),
                ('status', fields.CharEnumField(description='OPEN: open\nWON: won\nLOST: lost', enum_type=DealStatus, max_length=16)),
                ('changed_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('changed_by', fields.CharField(max_length=80)),
            ],
            options={'table': 'sales_deal_stage_changes', 'app': 'concord', 'indexes': [Index(fields=['tenant_id', 'deal_id', 'changed_at'])], 'pk_attr': 'id', 'table_description': 'A deal entering a stage (or being won or lost), when and by whom. Never edited.'},
            bases=['TenantOwnedModel'],
        ),
        ops.CreateModel(
            name='Lead',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('company_name', fields.CharField(max_length=200)),
                ('contact_name', fields.CharField(null=True, max_length=200)),
                ('email', fields.CharField(null=True, max_length=254)),
                ('source', fields.CharField(null=True, max_length=60)),
                ('status', fields.CharEnumField(default=LeadStatus.NEW, description='NEW: new\nQUALIFIED: qualified\nDISQUALIFIED: disqualified\nCONVERTED: converted', enum_type=LeadStatus, max_length=16)),
                ('owner', fields.CharField(null=True, max_length=80)),
                ('customer', fields.ForeignKeyField('concord.Customer', source_field='customer_id', null=True, db_constraint=True, to_field='id', related_name='leads', on_delete=OnDelete.NO_ACTION)),
                ('deal', fields.ForeignKeyField('concord.Deal', source_field='deal_id', null=True, db_constraint=True, to_field='id', related_name='leads', on_delete=OnDelete.NO_ACTION)),
            ],
            options={'table': 'sales_leads', 'app': 'concord', 'indexes': [Index(fields=['tenant_id', 'status', 'created_at'])], 'pk_attr': 'id', 'table_description': 'A prospect not yet a customer, qualified and then converted into a deal.'},
            bases=['TenantOwnedModel'],
        ),
        ops.CreateModel(
            name='Quote',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('number', fields.CharField(max_length=32)),
                ('customer', fields.ForeignKeyField('concord.Customer', source_field='customer_id', db_constraint=True, to_field='id', related_name='quotes', on_delete=OnDelete.NO_ACTION)),
                ('deal', fields.ForeignKeyField('concord.Deal', source_field='deal_id', null=True, db_constraint=True, to_field='id', related_name='quotes', on_delete=OnDelete.NO_ACTION)),
                ('currency', fields.CharField(max_length=3)),
                ('total', fields.DecimalField(default=0, max_digits=18, decimal_places=4)),
                ('status', fields.CharEnumField(default=QuoteStatus.DRAFT, description='DRAFT: draft\nSENT: sent\nACCEPTED: accepted\nREJECTED: rejected', enum_type=QuoteStatus, max_length=16)),
                ('valid_until', fields.DateField(null=True)),
            ],
            options={'table': 'sales_quotes', 'app': 'concord', 'unique_together': (('tenant_id', 'number'),), 'indexes': [Index(fields=['tenant_id', 'customer_id', 'status'])], 'pk_attr': 'id', 'table_description': 'An offer to a customer, priced in one currency.'},
            bases=['TenantOwnedModel'],
        ),
        ops.CreateModel(
            name='SalesOrder',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('number', fields.CharField(max_length=32)),
                ('customer', fields.ForeignKeyField('concord.Customer', source_field='customer_id', db_constraint=True, to_field='id', related_name='sales_orders', on_delete=OnDelete.NO_ACTION)),
                ('deal', fields.ForeignKeyField('concord.Deal', source_field='deal_id', null=True, db_constraint=True, to_field='id', related_name='sales_orders', on_delete=OnDelete.NO_ACTION)),
                ('quote', fields.ForeignKeyField('concord.Quote', source_field='quote_id', null=True, db_constraint=True, to_field='id', related_name='sales_orders', on_delete=OnDelete.NO_ACTION)),
                ('currency', fields.CharField(max_length=3)),
                ('total', fields.DecimalField(default=0, max_digits=18, decimal_places=4)),
                ('status', fields.CharEnumField(default=SalesOrderStatus.OPEN, description='OPEN: open\nFULFILLED: fulfilled\nCANCELLED: cancelled', enum_type=SalesOrderStatus, max_length=16)),
                ('ordered_on', fields.DateField()),
            ],
            options={'table': 'sales_orders', 'app': 'concord', 'unique_together': (('tenant_id', 'number'),), 'indexes': [Index(fields=['tenant_id', 'customer_id', 'ordered_on']), Index(fields=['tenant_id', 'status'])], 'pk_attr': 'id', 'table_description': "A customer's confirmed order, from a won deal or an accepted quote or entered directly."},
            bases=['TenantOwnedModel'],
        ),
        ops.CreateModel(
            name='Supplier',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('name', fields.CharField(max_length=200)),
                ('email', fields.CharField(null=True, max_length=254)),
            ],
            options={'table': 'operations_suppliers', 'app': 'concord', 'unique_together': (('tenant_id', 'name'),), 'pk_attr': 'id', 'table_description': 'A company the tenant buys from.'},
            bases=['TenantOwnedModel'],
        ),
        ops.CreateModel(
            name='Product',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('sku', fields.CharField(max_length=64)),
                ('name', fields.CharField(max_length=200)),
                ('unit', fields.CharField(default='pcs', max_length=16)),
                ('reorder_point', fields.DecimalField(default=0, max_digits=18, decimal_places=4)),
                ('reorder_quantity', fields.DecimalField(default=0, max_digits=18, decimal_places=4)),
                ('preferred_supplier', fields.ForeignKeyField('concord.Supplier', source_field='preferred_supplier_id', null=True, db_constraint=True, to_field='id', related_name='preferred_for', on_delete=OnDelete.SET_NULL)),
                ('active', fields.BooleanField(default=True)),
            ],
            options={'table': 'operations_products', 'app': 'concord', 'unique_together': (('tenant_id', 'sku'),), 'indexes': [Index(fields=['tenant_id', 'name'])], 'pk_attr': 'id', 'table_description': 'Something the tenant stocks and sells, reordered when stock falls below its reorder point.'},
            bases=['TenantOwnedModel'],
        ),
        ops.CreateModel(
            name='QuoteLine',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('quote', fields.ForeignKeyField('concord.Quote', source_field='quote_id', db_constraint=True, to_field='id', related_name='lines', on_delete=OnDelete.CASCADE)),
                ('position', fields.IntField()),
                ('product', fields.ForeignKeyField('concord.Product', source_field='product_id', null=True, db_constraint=True, to_field='id', related_name='quote_lines', on_delete=OnDelete.NO_ACTION)),
                ('description', fields.CharField(max_length=200)),
                ('quantity', fields.DecimalField(max_digits=18, decimal_places=4)),
                ('unit_price', fields.DecimalField(max_digits=18, decimal_places=4)),
                ('line_total', fields.DecimalField(max_digits=18, decimal_places=4)),
            ],
            options={'table': 'sales_quote_lines', 'app': 'concord', 'unique_together': (('tenant_id', 'quote_id', 'position'),), 'pk_attr': 'id', 'table_description': 'An item offered on a quote.'},
            bases=['TenantOwnedModel'],
        ),
        ops.CreateModel(
            name='SalesOrderLine',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('sales_order', fields.ForeignKeyField('concord.SalesOrder', source_field='sales_order_id', db_constraint=True, to_field='id', related_name='lines', on_delete=OnDelete.CASCADE)),
                ('position', fields.IntField()),
                ('product', fields.ForeignKeyField('concord.Product', source_field='product_id', null=True, db_constraint=True, to_field='id', related_name='sales_order_lines', on_delete=OnDelete.NO_ACTION)),
                ('description', fields.CharField(max_length=200)),
                ('quantity', fields.DecimalField(max_digits=18, decimal_places=4)),
                ('unit_price', fields.DecimalField(max_digits=18, decimal_places=4)),
                ('line_total', fields.DecimalField(max_digits=18, decimal_places=4)),
            ],
            options={'table': 'sales_order_lines', 'app': 'concord', 'unique_together': (('tenant_id', 'sales_order_id', 'position'),), 'indexes': [Index(fields=['tenant_id', 'product_id'])], 'pk_attr': 'id', 'table_description': 'An item ordered on a sales order.'},
            bases=['TenantOwnedModel'],
        ),
        ops.CreateModel(
            name='Warehouse',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('code', fields.CharField(max_length=20)),
                ('name', fields.CharField(max_length=200)),
            ],
            options={'table': 'operations_warehouses', 'app': 'concord', 'unique_together': (('tenant_id', 'code'),), 'pk_attr': 'id', 'table_description': 'A place where stock is kept.'},
            bases=['TenantOwnedModel'],
        ),
        ops.CreateModel(
            name='PurchaseOrder',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('number', fields.CharField(max_length=32)),
                ('supplier', fields.ForeignKeyField('concord.Supplier', source_field='supplier_id', db_constraint=True, to_field='id', related_name='purchase_orders', on_delete=OnDelete.NO_ACTION)),
                ('warehouse', fields.ForeignKeyField('concord.Warehouse', source_field='warehouse_id', db_constraint=True, to_field='id', related_name='purchase_orders', on_delete=OnDelete.NO_ACTION)),
                ('currency', fields.CharField(max_length=3)),
                ('total', fields.DecimalField(default=0, max_digits=18, decimal_places=4)),
                ('status', fields.CharEnumField(default=PurchaseOrderStatus.ORDERED, description='ORDERED: ordered\nPARTIALLY_RECEIVED: partially_received\nRECEIVED: received\nCANCELLED: cancelled', enum_type=PurchaseOrderStatus, max_length=24)),
                ('ordered_on', fields.DateField()),
                ('expected_on', fields.DateField(null=True)),
            ],
            options={'table': 'operations_purchase_orders', 'app': 'concord', 'unique_together': (('tenant_id', 'number'),), 'indexes': [Index(fields=['tenant_id', 'supplier_id', 'status']), Index(fields=['tenant_id', 'status', 'ordered_on'])], 'pk_attr': 'id', 'table_description': 'An order placed with a supplier, received into one warehouse.'},
            bases=['TenantOwnedModel'],
        ),
        ops.CreateModel(
            name='GoodsReceipt',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('number', fields.CharField(max_length=32)),
                ('purchase_order', fields.ForeignKeyField('concord.PurchaseOrder', source_field='purchase_order_id', db_constraint=True, to_field='id', related_name='receipts', on_delete=OnDelete.NO_ACTION)),
                ('warehouse', fields.ForeignKeyField('concord.Warehouse', source_field='warehouse_id', db_constraint=True, to_field='id', related_name='receipts', on_delete=OnDelete.NO_ACTION)),
                ('received_on', fields.DateField()),
                ('received_by', fields.CharField(null=True, max_length=80)),
            ],
            options={'table': 'operations_goods_receipts', 'app': 'concord', 'unique_together': (('tenant_id', 'number'),), 'indexes': [Index(fields=['tenant_id', 'purchase_order_id'])], 'pk_attr': 'id', 'table_description': 'Goods that arrived against a purchase order.'},
            bases=['TenantOwnedModel'],
        ),
        ops.CreateModel(
            name='PurchaseOrderLine',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('purchase_order', fields.ForeignKeyField('concord.PurchaseOrder', source_field='purchase_order_id', db_constraint=True, to_field='id', related_name='lines', on_delete=OnDelete.CASCADE)),
                ('position', fields.IntField()),
                ('product', fields.ForeignKeyField('concord.Product', source_field='product_id', db_constraint=True, to_field='id', related_name='purchase_order_lines', on_delete=OnDelete.NO_ACTION)),
                ('quantity', fields.DecimalField(max_digits=18, decimal_places=4)),
                ('quantity_received', fields.DecimalField(default=0, max_digits=18, decimal_places=4)),
                ('unit_price', fields.DecimalField(max_digits=18, decimal_places=4)),
                ('line_total', fields.DecimalField(max_digits=18, decimal_places=4)),
            ],
            options={'table': 'operations_purchase_order_lines', 'app': 'concord', 'unique_together': (('tenant_id', 'purchase_order_id', 'position'),), 'indexes': [Index(fields=['tenant_id', 'product_id'])], 'pk_attr': 'id', 'table_description': 'A product, quantity and price on a purchase order, and how much of it has arrived.'},
            bases=['TenantOwnedModel'],
        ),
        ops.CreateModel(
            name='GoodsReceiptLine',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('receipt', fields.ForeignKeyField('concord.GoodsReceipt', source_field='receipt_id', db_constraint=True, to_field='id', related_name='lines', on_delete=OnDelete.CASCADE)),
                ('purchase_order_line', fields.ForeignKeyField('concord.PurchaseOrderLine', source_field='purchase_order_line_id', db_constraint=True, to_field='id', related_name='receipt_lines', on_delete=OnDelete.NO_ACTION)),
                ('product', fields.ForeignKeyField('concord.Product', source_field='product_id', db_constraint=True, to_field='id', related_name='receipt_lines', on_delete=OnDelete.NO_ACTION)),
                ('quantity', fields.DecimalField(max_digits=18, decimal_places=4)),
            ],
            options={'table': 'operations_goods_receipt_lines', 'app': 'concord', 'indexes': [Index(fields=['tenant_id', 'receipt_id'])], 'pk_attr': 'id', 'table_description': 'How much of one purchase order line a receipt brought in.'},
            bases=['TenantOwnedModel'],
        ),
        ops.CreateModel(
            name='Shipment',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('number', fields.CharField(max_length=32)),
                ('warehouse', fields.ForeignKeyField('concord.Warehouse', source_field='warehouse_id', db_constraint=True, to_field='id', related_name='shipments', on_delete=OnDelete.NO_ACTION)),
                ('customer', fields.ForeignKeyField('concord.Customer', source_field='customer_id', null=True, db_constraint=True, to_field='id', related_name='shipments', on_delete=OnDelete.NO_ACTION)),
                ('sales_order', fields.ForeignKeyField('concord.SalesOrder', source_field='sales_order_id', null=True, db_constraint=True, to_field='id', related_name='shipments', on_delete=OnDelete.NO_ACTION)),
                ('status', fields.CharEnumField(default=ShipmentStatus.PENDING, description='PENDING: pending\nSHIPPED: shipped\nDELIVERED: delivered\nCANCELLED: cancelled', enum_type=ShipmentStatus, max_length=16)),
                ('carrier', fields.CharField(null=True, max_length=80)),
                ('tracking_number', fields.CharField(null=True, max_length=80)),
                ('shipped_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('delivered_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'operations_shipments', 'app': 'concord', 'unique_together': (('tenant_id', 'number'),), 'indexes': [Index(fields=['tenant_id', 'status']), Index(fields=['tenant_id', 'customer_id']), Index(fields=['tenant_id', 'sales_order_id'])], 'pk_attr': 'id', 'table_description': 'Goods leaving a warehouse for a customer, usually for a sales order.'},
            bases=['TenantOwnedModel'],
        ),
        ops.CreateModel(
            name='ShipmentLine',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('shipment', fields.ForeignKeyField('concord.Shipment', source_field='shipment_id', db_constraint=True, to_field='id', related_name='lines', on_delete=OnDelete.CASCADE)),
                ('position', fields.IntField()),
                ('product', fields.ForeignKeyField('concord.Product', source_field='product_id', db_constraint=True, to_field='id', related_name='shipment_lines', on_delete=OnDelete.NO_ACTION)),
                ('quantity', fields.DecimalField(max_digits=18, decimal_places=4)),
            ],
            options={'table': 'operations_shipment_lines', 'app': 'concord', 'unique_together': (('tenant_id', 'shipment_id', 'position'),), 'pk_attr': 'id', 'table_description': 'A product and quantity in a shipment.'},
            bases=['TenantOwnedModel'],
        ),
        ops.CreateModel(
            name='StockLevel',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('product', fields.ForeignKeyField('concord.Product', source_field='product_id', db_constraint=True, to_field='id', related_name='stock_levels', on_delete=OnDelete.NO_ACTION)),
                ('warehouse', fields.ForeignKeyField('concord.Warehouse', source_field='warehouse_id', db_constraint=True, to_field='id', related_name='stock_levels', on_delete=OnDelete.NO_ACTION)),
                ('quantity', fields.DecimalField(default=0, max_digits=18, decimal_places=4)),
            ],
            options={'table': 'operations_stock_levels', 'app': 'concord', 'unique_together': (('tenant_id', 'product_id', 'warehouse_id'),), 'indexes': [Index(fields=['tenant_id', 'warehouse_id'])], 'pk_attr': 'id', 'table_description': 'How much of a product a warehouse holds, changed only together with a StockMovement.'},
            bases=['TenantOwnedModel'],
        ),
        ops.CreateModel(
            name='StockMovement',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('product', fields.ForeignKeyField('concord.Product', source_field='product_id', db_constraint=True, to_field='id', related_name='movements', on_delete=OnDelete.NO_ACTION)),
                ('warehouse', fields.ForeignKeyField('concord.Warehouse', source_field='warehouse_id', db_constraint=True, to_field='id', related_name='movements', on_delete=OnDelete.NO_ACTION)),
                ('kind', fields.CharEnumField(description='RECEIPT: receipt\nSHIPMENT: shipment\nADJUSTMENT: adjustment\nTRANSFER: transfer', enum_type=MovementKind, max_length=16)),
                ('quantity_change', fields.DecimalField(max_digits=18, decimal_places=4)),
                ('quantity_after', fields.DecimalField(max_digits=18, decimal_places=4)),
                ('reference', fields.CharField(null=True, max_length=120)),
                ('reason', fields.CharField(null=True, max_length=200)),
                ('moved_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('moved_by', fields.CharField(null=True, max_length=80)),
            ],
            options={'table': 'operations_stock_movements', 'app': 'concord', 'indexes': [Index(fields=['tenant_id', 'product_id', 'moved_at']), Index(fields=['tenant_id', 'warehouse_id', 'moved_at'])], 'pk_attr': 'id', 'table_description': 'One change of a stock level (signed), with the level it left behind. Never edited.'},
            bases=['TenantOwnedModel'],
        ),
        ops.RunPython(tenant_tables_protected(["operations_goods_receipt_lines", "operations_goods_receipts", "operations_products", "operations_purchase_order_lines", "operations_purchase_orders", "operations_shipment_lines", "operations_shipments", "operations_stock_levels", "operations_stock_movements", "operations_suppliers", "operations_warehouses", "sales_deal_stage_changes", "sales_deals", "sales_leads", "sales_order_lines", "sales_orders", "sales_pipeline_stages", "sales_pipelines", "sales_quote_lines", "sales_quotes"])),
        ops.RunPython(stock_never_negative),
    ]
