from tortoise import migrations
from tortoise.migrations import operations as ops
from domain.finance.models import AccountType, InvoiceStatus, JournalStatus, StatementLineStatus, SupplierInvoiceStatus, SystemAccount, VatReturnStatus
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields
from tortoise.indexes import Index

from infra.db.rls import tenant_tables_protected

# A posted journal and its entries never change: corrections are reversal journals. The service
# refuses first, these triggers are the last word. On PostgreSQL a tenant being purged
# (app.purging_tenant_id) may still delete its rows. SQLite has no such flag, so there only
# updates and inserts are refused.
_REFUSE = "RAISE EXCEPTION 'posted journal entries are immutable: % refused, post a reversal instead', TG_OP USING ERRCODE = 'integrity_constraint_violation'"
POSTED_JOURNALS_IMMUTABLE = {
    "postgres": [
        f"""CREATE OR REPLACE FUNCTION finance_posted_journal_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND OLD.tenant_id::text = current_setting('app.purging_tenant_id', true) THEN
    RETURN OLD;
  END IF;
  IF OLD.status = 'posted' THEN
    {_REFUSE};
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END $$""",
        'CREATE TRIGGER finance_posted_journal_immutable BEFORE UPDATE OR DELETE ON "finance_journals" '
        "FOR EACH ROW EXECUTE FUNCTION finance_posted_journal_immutable()",
        f"""CREATE OR REPLACE FUNCTION finance_posted_entry_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  journal_ids uuid[];
BEGIN
  IF TG_OP = 'DELETE' AND OLD.tenant_id::text = current_setting('app.purging_tenant_id', true) THEN
    RETURN OLD;
  END IF;
  IF TG_OP = 'INSERT' THEN
    journal_ids := ARRAY[NEW.journal_id];
  ELSIF TG_OP = 'UPDATE' THEN
    journal_ids := ARRAY[OLD.journal_id, NEW.journal_id];
  ELSE
    journal_ids := ARRAY[OLD.journal_id];
  END IF;
  IF EXISTS (SELECT 1 FROM finance_journals WHERE id = ANY(journal_ids) AND status = 'posted') THEN
    {_REFUSE};
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END $$""",
        'CREATE TRIGGER finance_posted_entry_immutable BEFORE INSERT OR UPDATE OR DELETE ON "finance_journal_entries" '
        "FOR EACH ROW EXECUTE FUNCTION finance_posted_entry_immutable()",
    ],
    "sqlite": [
        """CREATE TRIGGER IF NOT EXISTS finance_posted_journal_immutable BEFORE UPDATE ON "finance_journals"
FOR EACH ROW WHEN OLD.status = 'posted'
BEGIN SELECT RAISE(ABORT, 'posted journals are immutable: post a reversal instead'); END""",
        """CREATE TRIGGER IF NOT EXISTS finance_posted_entry_immutable_update BEFORE UPDATE ON "finance_journal_entries"
FOR EACH ROW WHEN EXISTS (SELECT 1 FROM finance_journals WHERE id IN (OLD.journal_id, NEW.journal_id) AND status = 'posted')
BEGIN SELECT RAISE(ABORT, 'posted journal entries are immutable: post a reversal instead'); END""",
        """CREATE TRIGGER IF NOT EXISTS finance_posted_entry_immutable_insert BEFORE INSERT ON "finance_journal_entries"
FOR EACH ROW WHEN EXISTS (SELECT 1 FROM finance_journals WHERE id = NEW.journal_id AND status = 'posted')
BEGIN SELECT RAISE(ABORT, 'posted journal entries are immutable: post a reversal instead'); END""",
    ],
}


async def posted_journals_immutable(apps, schema_editor) -> None:
    for statement in POSTED_JOURNALS_IMMUTABLE.get(schema_editor.client.capabilities.dialect, []):
        await schema_editor.client.execute_script(statement)


class Migration(migrations.Migration):
    dependencies = [('concord', '0005_operations_sales')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Account',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('code', fields.CharField(max_length=20)),
                ('name', fields.CharField(max_length=120)),
                ('type', fields.CharEnumField(description='ASSET: asset\nLIABILITY: liability\nEQUITY: equity\nINCOME: income\nEXPENSE: expense', enum_type=AccountType, max_length=16)),
                ('system_role', fields.CharEnumField(null=True, description='ACCOUNTS_RECEIVABLE: accounts_receivable\nBANK: bank\nVAT_INPUT: vat_input\nACCOUNTS_PAYABLE: accounts_payable\nVAT_OUTPUT: vat_output\nREVENUE: revenue\nEXPENSE: expense', enum_type=SystemAccount, max_length=32)),
                ('active', fields.BooleanField(default=True)),
            ],
            options={'table': 'finance_accounts', 'app': 'concord', 'unique_together': (('tenant_id', 'code'), ('tenant_id', 'system_role')), 'pk_attr': 'id', 'table_description': "An account of the tenant's chart of accounts."},
            bases=['TenantOwnedModel'],
        ),
        ops.CreateModel(
            name='BankStatement',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('bank_account', fields.CharField(max_length=64)),
                ('reference', fields.CharField(max_length=64)),
                ('currency', fields.CharField(max_length=3)),
                ('statement_date', fields.DateField()),
                ('opening_balance', fields.DecimalField(max_digits=18, decimal_places=4)),
                ('closing_balance', fields.DecimalField(max_digits=18, decimal_places=4)),
            ],
            options={'table': 'finance_bank_statements', 'app': 'concord', 'unique_together': (('tenant_id', 'bank_account', 'reference'),), 'indexes': [Index(fields=['tenant_id', 'statement_date'])], 'pk_attr': 'id', 'table_description': 'A statement of one bank account, imported once, whose lines are matched to payments.'},
            bases=['TenantOwnedModel'],
        ),
        ops.CreateModel(
            name='Journal',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('number', fields.CharField(max_length=32)),
                ('entry_date', fields.DateField()),
                ('description', fields.CharField(max_length=200)),
                ('currency', fields.CharField(max_length=3)),
                ('status', fields.CharEnumField(default=JournalStatus.DRAFT, description='DRAFT: draft\nPOSTED: posted', enum_type=JournalStatus, max_length=16)),
                ('source', fields.CharField(null=True, max_length=80)),
                ('posted_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('posted_by', fields.CharField(null=True, max_length=80)),
                ('reversal_of', fields.ForeignKeyField('concord.Journal', source_field='reversal_of_id', null=True, db_constraint=True, to_field='id', related_name='reversals', on_delete=OnDelete.NO_ACTION)),
            ],
            options={'table': 'finance_journals', 'app': 'concord', 'unique_together': (('tenant_id', 'number'), ('tenant_id', 'reversal_of_id')), 'indexes': [Index(fields=['tenant_id', 'status', 'entry_date'])], 'pk_attr': 'id', 'table_description': 'A set of ledger entries in one currency. Once posted it balances and never changes, a'},
            bases=['TenantOwnedModel'],
        ),
        ops.CreateModel(
            name='Invoice',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('number', fields.CharField(max_length=32)),
                ('customer', fields.ForeignKeyField('concord.Customer', source_field='customer_id', db_constraint=True, to_field='id', related_name='invoices', on_delete=OnDelete.NO_ACTION)),
                ('sales_order', fields.ForeignKeyField('concord.SalesOrder', source_field='sales_order_id', null=True, db_constraint=True, to_field='id', related_name='invoices', on_delete=OnDelete.NO_ACTION)),
                ('currency', fields.CharField(max_length=3)),
                ('status', fields.CharEnumField(default=InvoiceStatus.DRAFT, description='DRAFT: draft\nISSUED: issued\nPAID: paid\nVOID: void', enum_type=InvoiceStatus, max_length=16)),
                ('issue_date', fields.DateField(null=True)),
                ('due_date', fields.DateField(null=True)),
                ('subtotal', fields.DecimalField(default=0, max_digits=18, decimal_places=4)),
                ('tax_total', fields.DecimalField(default=0, max_digits=18, decimal_places=4)),
                ('total', fields.DecimalField(default=0, max_digits=18, decimal_places=4)),
                ('amount_due', fields.DecimalField(default=0, max_digits=18, decimal_places=4)),
                ('journal', fields.ForeignKeyField('concord.Journal', source_field='journal_id', null=True, db_constraint=True, to_field='id', related_name='invoices', on_delete=OnDelete.NO_ACTION)),
                ('voided_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('void_reason', fields.CharField(null=True, max_length=200)),
            ],
            options={'table': 'finance_invoices', 'app': 'concord', 'unique_together': (('tenant_id', 'number'),), 'indexes': [Index(fields=['tenant_id', 'customer_id', 'status']), Index(fields=['tenant_id', 'status', 'due_date'])], 'pk_attr': 'id', 'table_description': 'A bill to a customer: total = sum of line amounts + tax, rounded per currency.'},
            bases=['TenantOwnedModel'],
        ),
        ops.CreateModel(
            name='InvoiceLine',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('invoice', fields.ForeignKeyField('concord.Invoice', source_field='invoice_id', db_constraint=True, to_field='id', related_name='lines', on_delete=OnDelete.CASCADE)),
                ('position', fields.IntField()),
                ('description', fields.CharField(max_length=200)),
                ('quantity', fields.DecimalField(max_digits=18, decimal_places=4)),
                ('unit_price', fields.DecimalField(max_digits=18, decimal_places=4)),
                ('tax_rate', fields.DecimalField(default=0, max_digits=5, decimal_places=4)),
                ('net_amount', fields.DecimalField(max_digits=18, decimal_places=4)),
            ],
            options={'table': 'finance_invoice_lines', 'app': 'concord', 'unique_together': (('tenant_id', 'invoice_id', 'position'),), 'pk_attr': 'id', 'table_description': 'A priced line of an invoice, with its VAT rate as a fraction (0.2 is 20 percent).'},
            bases=['TenantOwnedModel'],
        ),
        ops.CreateModel(
            name='JournalEntry',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('journal', fields.ForeignKeyField('concord.Journal', source_field='journal_id', db_constraint=True, to_field='id', related_name='entries', on_delete=OnDelete.CASCADE)),
                ('position', fields.IntField()),
                ('account', fields.ForeignKeyField('concord.Account', source_field='account_id', db_constraint=True, to_field='id', related_name='entries', on_delete=OnDelete.NO_ACTION)),
                ('debit', fields.DecimalField(default=0, max_digits=18, decimal_places=4)),
                ('credit', fields.DecimalField(default=0, max_digits=18, decimal_places=4)),
                ('description', fields.CharField(null=True, max_length=200)),
            ],
            options={'table': 'finance_journal_entries', 'app': 'concord', 'unique_together': (('tenant_id', 'journal_id', 'position'),), 'indexes': [Index(fields=['tenant_id', 'account_id'])], 'pk_attr': 'id', 'table_description': 'A debit or a credit to one account within a journal.'},
            bases=['TenantOwnedModel'],
        ),
        ops.CreateModel(
            name='Payment',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('invoice', fields.ForeignKeyField('concord.Invoice', source_field='invoice_id', db_constraint=True, to_field='id', related_name='payments', on_delete=OnDelete.NO_ACTION)),
                ('customer', fields.ForeignKeyField('concord.Customer', source_field='customer_id', db_constraint=True, to_field='id', related_name='payments', on_delete=OnDelete.NO_ACTION)),
                ('amount', fields.DecimalField(max_digits=18, decimal_places=4)),
                ('currency', fields.CharField(max_length=3)),
                ('paid_on', fields.DateField()),
                ('reference', fields.CharField(null=True, max_length=140)),
                ('journal', fields.ForeignKeyField('concord.Journal', source_field='journal_id', db_constraint=True, to_field='id', related_name='payments', on_delete=OnDelete.NO_ACTION)),
            ],
            options={'table': 'finance_payments', 'app': 'concord', 'indexes': [Index(fields=['tenant_id', 'invoice_id']), Index(fields=['tenant_id', 'customer_id', 'paid_on'])], 'pk_attr': 'id', 'table_description': "Money received from a customer against one invoice, in the invoice's currency."},
            bases=['TenantOwnedModel'],
        ),
        ops.CreateModel(
            name='BankStatementLine',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('statement', fields.ForeignKeyField('concord.BankStatement', source_field='statement_id', db_constraint=True, to_field='id', related_name='lines', on_delete=OnDelete.CASCADE)),
                ('position', fields.IntField()),
                ('booked_on', fields.DateField()),
                ('amount', fields.DecimalField(max_digits=18, decimal_places=4)),
                ('counterparty', fields.CharField(null=True, max_length=200)),
                ('remittance', fields.CharField(null=True, max_length=200)),
                ('status', fields.CharEnumField(default=StatementLineStatus.UNMATCHED, description='UNMATCHED: unmatched\nMATCHED: matched', enum_type=StatementLineStatus, max_length=16)),
                ('payment', fields.ForeignKeyField('concord.Payment', source_field='payment_id', null=True, db_constraint=True, to_field='id', related_name='statement_lines', on_delete=OnDelete.NO_ACTION)),
            ],
            options={'table': 'finance_bank_statement_lines', 'app': 'concord', 'unique_together': (('tenant_id', 'statement_id', 'position'),), 'indexes': [Index(fields=['tenant_id', 'status'])], 'pk_attr': 'id', 'table_description': 'One booking on a bank statement (positive money in, negative money out).'},
            bases=['TenantOwnedModel'],
        ),
        ops.CreateModel(
            name='SupplierInvoice',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('supplier', fields.ForeignKeyField('concord.Supplier', source_field='supplier_id', db_constraint=True, to_field='id', related_name='supplier_invoices', on_delete=OnDelete.NO_ACTION)),
                ('purchase_order', fields.ForeignKeyField('concord.PurchaseOrder', source_field='purchase_order_id', null=True, db_constraint=True, to_field='id', related_name='supplier_invoices', on_delete=OnDelete.NO_ACTION)),
                ('supplier_reference', fields.CharField(max_length=64)),
                ('currency', fields.CharField(max_length=3)),
                ('issue_date', fields.DateField()),
                ('due_date', fields.DateField()),
                ('net_amount', fields.DecimalField(max_digits=18, decimal_places=4)),
                ('tax_amount', fields.DecimalField(max_digits=18, decimal_places=4)),
                ('total', fields.DecimalField(max_digits=18, decimal_places=4)),
                ('status', fields.CharEnumField(default=SupplierInvoiceStatus.RECEIVED, description='RECEIVED: received\nPAID: paid', enum_type=SupplierInvoiceStatus, max_length=16)),
                ('journal', fields.ForeignKeyField('concord.Journal', source_field='journal_id', db_constraint=True, to_field='id', related_name='supplier_invoices', on_delete=OnDelete.NO_ACTION)),
                ('payment_journal', fields.ForeignKeyField('concord.Journal', source_field='payment_journal_id', null=True, db_constraint=True, to_field='id', related_name='supplier_payments', on_delete=OnDelete.NO_ACTION)),
            ],
            options={'table': 'finance_supplier_invoices', 'app': 'concord', 'unique_together': (('tenant_id', 'supplier_id', 'supplier_reference'),), 'indexes': [Index(fields=['tenant_id', 'status', 'due_date'])], 'pk_attr': 'id', 'table_description': 'A bill received from a supplier, booked as expense, input VAT and a payable.'},
            bases=['TenantOwnedModel'],
        ),
        ops.CreateModel(
            name='VatReturn',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('period_start', fields.DateField()),
                ('period_end', fields.DateField()),
                ('currency', fields.CharField(max_length=3)),
                ('output_vat', fields.DecimalField(max_digits=18, decimal_places=4)),
                ('input_vat', fields.DecimalField(max_digits=18, decimal_places=4)),
                ('net_vat', fields.DecimalField(max_digits=18, decimal_places=4)),
                ('status', fields.CharEnumField(default=VatReturnStatus.DRAFT, description='DRAFT: draft\nFILED: filed', enum_type=VatReturnStatus, max_length=16)),
                ('filed_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('filing_reference', fields.CharField(null=True, max_length=64)),
            ],
            options={'table': 'finance_vat_returns', 'app': 'concord', 'unique_together': (('tenant_id', 'period_start', 'period_end', 'currency'),), 'pk_attr': 'id', 'table_description': 'VAT owed for a period in one currency, computed from the ledger and frozen when filed.'},
            bases=['TenantOwnedModel'],
        ),
        ops.RunPython(tenant_tables_protected(["finance_accounts", "finance_bank_statement_lines", "finance_bank_statements", "finance_invoice_lines", "finance_invoices", "finance_journal_entries", "finance_journals", "finance_payments", "finance_supplier_invoices", "finance_vat_returns"])),
        ops.RunPython(posted_journals_immutable),
    ]
