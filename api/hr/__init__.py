"""HR in the graph."""

from api.hr.mutations import HrMutation
from api.hr.queries import HrQuery
from api.hr.types import (
    CandidateNode,
    DepartmentAssignmentNode,
    DepartmentNode,
    EmployeeNode,
    PositionNode,
    SalaryNode,
    TrainingEnrolmentNode,
    TrainingNode,
)

NODE_TYPES = [
    DepartmentNode, PositionNode, EmployeeNode, DepartmentAssignmentNode, SalaryNode, CandidateNode, TrainingNode, TrainingEnrolmentNode,
]

__all__ = ["NODE_TYPES", "EmployeeNode", "HrMutation", "HrQuery"]
