from tortoise import migrations
from tortoise.migrations import operations as ops
from domain.hr.models import EmployeeStatus, EnrolmentStatus, RecruitmentStage, SalaryPeriod
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields
from tortoise.indexes import Index

from infra.db.rls import tenant_tables_protected

from tortoise.migrations.constraints import UniqueConstraint

class Migration(migrations.Migration):
    dependencies = [('concord', '0003_crm')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Department',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('name', fields.CharField(max_length=120)),
                ('code', fields.CharField(null=True, max_length=20)),
            ],
            options={'table': 'hr_departments', 'app': 'concord', 'unique_together': (('tenant_id', 'name'),), 'pk_attr': 'id', 'table_description': 'A unit of the organisation that employees belong to.'},
            bases=['TenantOwnedModel'],
        ),
        ops.CreateModel(
            name='Position',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('title', fields.CharField(max_length=120)),
                ('department', fields.ForeignKeyField('concord.Department', source_field='department_id', null=True, db_constraint=True, to_field='id', related_name='positions', on_delete=OnDelete.SET_NULL)),
            ],
            options={'table': 'hr_positions', 'app': 'concord', 'unique_together': (('tenant_id', 'title'),), 'pk_attr': 'id', 'table_description': 'A job title, optionally tied to a department.'},
            bases=['TenantOwnedModel'],
        ),
        ops.CreateModel(
            name='Employee',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('employee_number', fields.CharField(max_length=20)),
                ('first_name', fields.CharField(max_length=100)),
                ('last_name', fields.CharField(max_length=100)),
                ('email', fields.CharField(null=True, max_length=254)),
                ('status', fields.CharEnumField(default=EmployeeStatus.ACTIVE, description='ACTIVE: active\nTERMINATED: terminated', enum_type=EmployeeStatus, max_length=16)),
                ('hired_on', fields.DateField()),
                ('terminated_on', fields.DateField(null=True)),
                ('department', fields.ForeignKeyField('concord.Department', source_field='department_id', null=True, db_constraint=True, to_field='id', related_name='employees', on_delete=OnDelete.NO_ACTION)),
                ('position', fields.ForeignKeyField('concord.Position', source_field='position_id', null=True, db_constraint=True, to_field='id', related_name='employees', on_delete=OnDelete.SET_NULL)),
            ],
            options={'table': 'hr_employees', 'app': 'concord', 'unique_together': (('tenant_id', 'employee_number'),), 'indexes': [Index(fields=['tenant_id', 'department_id', 'status']), Index(fields=['tenant_id', 'last_name', 'first_name'])], 'pk_attr': 'id', 'table_description': 'A person employed by the tenant, in one department at a time.'},
            bases=['TenantOwnedModel'],
        ),
        ops.CreateModel(
            name='Candidate',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('first_name', fields.CharField(max_length=100)),
                ('last_name', fields.CharField(max_length=100)),
                ('email', fields.CharField(null=True, max_length=254)),
                ('position', fields.ForeignKeyField('concord.Position', source_field='position_id', null=True, db_constraint=True, to_field='id', related_name='candidates', on_delete=OnDelete.SET_NULL)),
                ('stage', fields.CharEnumField(default=RecruitmentStage.APPLIED, description='APPLIED: applied\nSCREENING: screening\nINTERVIEW: interview\nOFFER: offer\nHIRED: hired\nREJECTED: rejected', enum_type=RecruitmentStage, max_length=16)),
                ('applied_on', fields.DateField()),
                ('stage_changed_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('hired_employee', fields.ForeignKeyField('concord.Employee', source_field='hired_employee_id', null=True, db_constraint=True, to_field='id', related_name='candidacies', on_delete=OnDelete.SET_NULL)),
            ],
            options={'table': 'hr_candidates', 'app': 'concord', 'indexes': [Index(fields=['tenant_id', 'stage']), Index(fields=['tenant_id', 'position_id'])], 'pk_attr': 'id', 'table_description': 'A person in recruitment, moving forward through the recruitment stages.'},
            bases=['TenantOwnedModel'],
        ),
        ops.CreateModel(
            name='DepartmentAssignment',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('employee', fields.ForeignKeyField('concord.Employee', source_field='employee_id', db_constraint=True, to_field='id', related_name='department_assignments', on_delete=OnDelete.CASCADE)),
                ('department', fields.ForeignKeyField('concord.Department', source_field='department_id', db_constraint=True, to_field='id', related_name='assignments', on_delete=OnDelete.NO_ACTION)),
                ('started_on', fields.DateField()),
                ('ended_on', fields.DateField(null=True)),
                ('assigned_by', fields.CharField(null=True, max_length=80)),
            ],
            options={'table': 'hr_department_assignments', 'app': 'concord', 'constraints': [UniqueConstraint(fields=('tenant_id', 'employee_id'), name='hr_one_open_department_assignment', condition='ended_on IS NULL')], 'indexes': [Index(fields=['tenant_id', 'employee_id', 'started_on']), Index(fields=['tenant_id', 'department_id', 'started_on'])], 'pk_attr': 'id', 'table_description': 'A period an employee spent in a department (open while `ended_on` is empty).'},
            bases=['TenantOwnedModel'],
        ),
        ops.CreateModel(
            name='Salary',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('employee', fields.ForeignKeyField('concord.Employee', source_field='employee_id', db_constraint=True, to_field='id', related_name='salaries', on_delete=OnDelete.CASCADE)),
                ('amount', fields.DecimalField(max_digits=18, decimal_places=4)),
                ('currency', fields.CharField(max_length=3)),
                ('period', fields.CharEnumField(description='MONTHLY: monthly\nYEARLY: yearly', enum_type=SalaryPeriod, max_length=16)),
                ('effective_from', fields.DateField()),
            ],
            options={'table': 'hr_salaries', 'app': 'concord', 'unique_together': (('tenant_id', 'employee_id', 'effective_from'),), 'pk_attr': 'id', 'table_description': "An employee's pay from a date on, until the next salary row takes over."},
            bases=['TenantOwnedModel'],
        ),
        ops.CreateModel(
            name='Training',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('title', fields.CharField(max_length=200)),
                ('starts_on', fields.DateField()),
                ('ends_on', fields.DateField(null=True)),
                ('capacity', fields.IntField(null=True)),
            ],
            options={'table': 'hr_trainings', 'app': 'concord', 'indexes': [Index(fields=['tenant_id', 'starts_on'])], 'pk_attr': 'id', 'table_description': 'A course employees can enrol in, with an optional capacity.'},
            bases=['TenantOwnedModel'],
        ),
        ops.CreateModel(
            name='TrainingEnrolment',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('tenant', fields.ForeignKeyField('concord.Tenant', source_field='tenant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('training', fields.ForeignKeyField('concord.Training', source_field='training_id', db_constraint=True, to_field='id', related_name='enrolments', on_delete=OnDelete.CASCADE)),
                ('employee', fields.ForeignKeyField('concord.Employee', source_field='employee_id', db_constraint=True, to_field='id', related_name='training_enrolments', on_delete=OnDelete.CASCADE)),
                ('status', fields.CharEnumField(default=EnrolmentStatus.ENROLLED, description='ENROLLED: enrolled\nCOMPLETED: completed\nCANCELLED: cancelled', enum_type=EnrolmentStatus, max_length=16)),
                ('completed_on', fields.DateField(null=True)),
            ],
            options={'table': 'hr_training_enrolments', 'app': 'concord', 'unique_together': (('tenant_id', 'training_id', 'employee_id'),), 'indexes': [Index(fields=['tenant_id', 'employee_id'])], 'pk_attr': 'id', 'table_description': "An employee's place in a training, and whether they completed it."},
            bases=['TenantOwnedModel'],
        ),
        ops.RunPython(tenant_tables_protected(["hr_candidates", "hr_department_assignments", "hr_departments", "hr_employees", "hr_positions", "hr_salaries", "hr_training_enrolments", "hr_trainings"])),
        # CreateModel does not emit conditional unique constraints (Tortoise 1.1): create the index here.
        ops.RunSQL(
            'CREATE UNIQUE INDEX IF NOT EXISTS "hr_one_open_department_assignment" '
            'ON "hr_department_assignments" ("tenant_id", "employee_id") WHERE ended_on IS NULL'
        ),
    ]
