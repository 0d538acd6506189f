"""HR: the organisation, the people in it, what they are paid, who is joining, what they learn."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.migrations.constraints import UniqueConstraint

from tenants.ownership import TenantOwnedModel


class EmployeeStatus(StrEnum):
    ACTIVE = "active"
    TERMINATED = "terminated"


class SalaryPeriod(StrEnum):
    MONTHLY = "monthly"
    YEARLY = "yearly"


class RecruitmentStage(StrEnum):
    APPLIED = "applied"
    SCREENING = "screening"
    INTERVIEW = "interview"
    OFFER = "offer"
    HIRED = "hired"
    REJECTED = "rejected"


class EnrolmentStatus(StrEnum):
    ENROLLED = "enrolled"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class Department(TenantOwnedModel):
    """A unit of the organisation that employees belong to."""

    name = fields.CharField(max_length=120)
    code = fields.CharField(max_length=20, null=True)

    class Meta:
        table = "hr_departments"
        unique_together = (("tenant_id", "name"),)


class Position(TenantOwnedModel):
    """A job title, optionally tied to a department."""

    title = fields.CharField(max_length=120)
    department: fields.ForeignKeyNullableRelation[Department] = fields.ForeignKeyField(
        "concord.Department", related_name="positions", null=True, on_delete=fields.SET_NULL
    )
    department_id: object

    class Meta:
        table = "hr_positions"
        unique_together = (("tenant_id", "title"),)


class Employee(TenantOwnedModel):
    """A person employed by the tenant, in one department at a time."""

    employee_number = fields.CharField(max_length=20)
    first_name = fields.CharField(max_length=100)
    last_name = fields.CharField(max_length=100)
    email = fields.CharField(max_length=254, null=True)
    status = fields.CharEnumField(EmployeeStatus, max_length=16, default=EmployeeStatus.ACTIVE)
    hired_on = fields.DateField()
    terminated_on = fields.DateField(null=True)
    department: fields.ForeignKeyNullableRelation[Department] = fields.ForeignKeyField(
        "concord.Department", related_name="employees", null=True, on_delete=fields.NO_ACTION
    )
    department_id: object
    position: fields.ForeignKeyNullableRelation[Position] = fields.ForeignKeyField(
        "concord.Position", related_name="employees", null=True, on_delete=fields.SET_NULL
    )
    position_id: object

    class Meta:
        table = "hr_employees"
        unique_together = (("tenant_id", "employee_number"),)
        indexes = (("tenant_id", "department_id", "status"), ("tenant_id", "last_name", "first_name"))


class DepartmentAssignment(TenantOwnedModel):
    """A period an employee spent in a department (open while `ended_on` is empty)."""

    employee: fields.ForeignKeyRelation[Employee] = fields.ForeignKeyField(
        "concord.Employee", related_name="department_assignments", on_delete=fields.CASCADE
    )
    employee_id: object
    department: fields.ForeignKeyRelation[Department] = fields.ForeignKeyField(
        "concord.Department", related_name="assignments", on_delete=fields.NO_ACTION
    )
    department_id: object
    started_on = fields.DateField()
    ended_on = fields.DateField(null=True)
    assigned_by = fields.CharField(max_length=80, null=True)

    class Meta:
        table = "hr_department_assignments"
        indexes = (("tenant_id", "employee_id", "started_on"), ("tenant_id", "department_id", "started_on"))
        constraints = (
            UniqueConstraint(
                fields=("tenant_id", "employee_id"), name="hr_one_open_department_assignment", condition="ended_on IS NULL"
            ),
        )


class Salary(TenantOwnedModel):
    """An employee's pay from a date on, until the next salary row takes over."""

    employee: fields.ForeignKeyRelation[Employee] = fields.ForeignKeyField(
        "concord.Employee", related_name="salaries", on_delete=fields.CASCADE
    )
    employee_id: object
    amount = fields.DecimalField(max_digits=18, decimal_places=4)
    currency = fields.CharField(max_length=3)
    period = fields.CharEnumField(SalaryPeriod, max_length=16)
    effective_from = fields.DateField()

    class Meta:
        table = "hr_salaries"
        unique_together = (("tenant_id", "employee_id", "effective_from"),)


class Candidate(TenantOwnedModel):
    """A person in recruitment, moving forward through the recruitment stages."""

    first_name = fields.CharField(max_length=100)
    last_name = fields.CharField(max_length=100)
    email = fields.CharField(max_length=254, null=True)
    position: fields.ForeignKeyNullableRelation[Position] = fields.ForeignKeyField(
        "concord.Position", related_name="candidates", null=True, on_delete=fields.SET_NULL
    )
    position_id: object
    stage = fields.CharEnumField(RecruitmentStage, max_length=16, default=RecruitmentStage.APPLIED)
    applied_on = fields.DateField()
    stage_changed_at = fields.DatetimeField(null=True)
    hired_employee: fields.ForeignKeyNullableRelation[Employee] = fields.ForeignKeyField(
        "concord.Employee", related_name="candidacies", null=True, on_delete=fields.SET_NULL
    )
    hired_employee_id: object

    class Meta:
        table = "hr_candidates"
        indexes = (("tenant_id", "stage"), ("tenant_id", "position_id"))


class Training(TenantOwnedModel):
    """A course employees can enrol in, with an optional capacity."""

    title = fields.CharField(max_length=200)
    starts_on = fields.DateField()
    ends_on = fields.DateField(null=True)
    capacity = fields.IntField(null=True)

    class Meta:
        table = "hr_trainings"
        indexes = (("tenant_id", "starts_on"),)


class TrainingEnrolment(TenantOwnedModel):
    """An employee's place in a training, and whether they completed it."""

    training: fields.ForeignKeyRelation[Training] = fields.ForeignKeyField(
        "concord.Training", related_name="enrolments", on_delete=fields.CASCADE
    )
    training_id: object
    employee: fields.ForeignKeyRelation[Employee] = fields.ForeignKeyField(
        "concord.Employee", related_name="training_enrolments", on_delete=fields.CASCADE
    )
    employee_id: object
    status = fields.CharEnumField(EnrolmentStatus, max_length=16, default=EnrolmentStatus.ENROLLED)
    completed_on = fields.DateField(null=True)

    class Meta:
        table = "hr_training_enrolments"
        unique_together = (("tenant_id", "training_id", "employee_id"),)
        indexes = (("tenant_id", "employee_id"),)
