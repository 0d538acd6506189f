"""HR enums in the graph: the domain's own enums, so a value means the same on both sides."""

from __future__ import annotations

import strawberry

from domain.hr import models

EmployeeStatus = strawberry.enum(models.EmployeeStatus, name="EmployeeStatus", description="Whether a person still works here.")
SalaryPeriod = strawberry.enum(models.SalaryPeriod, name="SalaryPeriod", description="What a salary amount is paid per.")
RecruitmentStage = strawberry.enum(
    models.RecruitmentStage, name="RecruitmentStage", description="Where a candidate stands; forward only, REJECTED from any open stage."
)
EnrolmentStatus = strawberry.enum(models.EnrolmentStatus, name="EnrolmentStatus", description="An employee's place in a training.")
