"""The cross-office read models in the graph."""

from api.reports.queries import ReportsQuery

__all__ = ["ReportsQuery"]
