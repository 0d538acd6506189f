"""HR mutations, one per module."""

import strawberry

from api.hr.mutations.assign_employee_to_department import AssignEmployeeToDepartmentPayload, assign_employee_to_department
from api.hr.mutations.complete_training import CompleteTrainingPayload, complete_training
from api.hr.mutations.create_candidate import CreateCandidatePayload, create_candidate
from api.hr.mutations.create_department import CreateDepartmentPayload, create_department
from api.hr.mutations.create_position import CreatePositionPayload, create_position
from api.hr.mutations.create_training import CreateTrainingPayload, create_training
from api.hr.mutations.enrol_employee import EnrolEmployeePayload, enrol_employee
from api.hr.mutations.hire_candidate import HireCandidatePayload, hire_candidate
from api.hr.mutations.hire_employee import HireEmployeePayload, hire_employee
from api.hr.mutations.move_candidate_to_stage import MoveCandidateToStagePayload, move_candidate_to_stage
from api.hr.mutations.set_salary import SetSalaryPayload, set_salary
from api.hr.mutations.terminate_employee import TerminateEmployeePayload, terminate_employee
from api.permissions import Requires
from tenants.permissions import Scope

HR_WRITE = [Requires(Scope.HR_WRITE)]
HR_WRITE_SALARIES = [Requires(Scope.HR_WRITE, Scope.HR_SALARIES)]


@strawberry.type
class HrMutation:
    create_department: CreateDepartmentPayload = strawberry.mutation(
        resolver=create_department, permission_classes=HR_WRITE, description="Add a department."
    )
    create_position: CreatePositionPayload = strawberry.mutation(
        resolver=create_position, permission_classes=HR_WRITE, description="Add a job title, optionally in a department."
    )
    hire_employee: HireEmployeePayload = strawberry.mutation(
        resolver=hire_employee, permission_classes=HR_WRITE, description="Hire a person into a department."
    )
    assign_employee_to_department: AssignEmployeeToDepartmentPayload = strawberry.mutation(
        resolver=assign_employee_to_department, permission_classes=HR_WRITE,
        description="Move an employee to another department, closing the current assignment (one department at a time).",
    )
    terminate_employee: TerminateEmployeePayload = strawberry.mutation(
        resolver=terminate_employee, permission_classes=HR_WRITE, description="End an employment."
    )
    set_salary: SetSalaryPayload = strawberry.mutation(
        resolver=set_salary, permission_classes=HR_WRITE_SALARIES, description="Record an employee's pay from a date on (needs hr:salaries)."
    )
    create_candidate: CreateCandidatePayload = strawberry.mutation(
        resolver=create_candidate, permission_classes=HR_WRITE, description="Register an applicant."
    )
    move_candidate_to_stage: MoveCandidateToStagePayload = strawberry.mutation(
        resolver=move_candidate_to_stage, permission_classes=HR_WRITE, description="Move a candidate forward, or reject them."
    )
    hire_candidate: HireCandidatePayload = strawberry.mutation(
        resolver=hire_candidate, permission_classes=HR_WRITE, description="Hire a candidate who has an offer."
    )
    create_training: CreateTrainingPayload = strawberry.mutation(
        resolver=create_training, permission_classes=HR_WRITE, description="Schedule a training."
    )
    enrol_employee: EnrolEmployeePayload = strawberry.mutation(
        resolver=enrol_employee, permission_classes=HR_WRITE, description="Give an employee a place in a training."
    )
    complete_training: CompleteTrainingPayload = strawberry.mutation(
        resolver=complete_training, permission_classes=HR_WRITE, description="Mark a training enrolment completed."
    )
