"""Finding unscoped queries: a tenant-owned model queried directly instead of through `scoped()`."""

from __future__ import annotations

import ast
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

QUERY_METHODS = frozenset({
    "all", "annotate", "bulk_create", "bulk_update", "count", "create", "delete", "exclude", "exists", "filter",
    "first", "get", "get_or_create", "get_or_none", "in_bulk", "raw", "select_for_update", "update_or_create",
    "values", "values_list",
})


@dataclass(frozen=True)
class UnscopedQuery:
    path: str
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.text}"


def unscoped_queries(source: str, path: str, model_names: Iterable[str]) -> list[UnscopedQuery]:
    """Calls like `Customer.filter(...)` on a tenant-owned model, in one module's source."""
    names = set(model_names)
    aliases = _aliases(ast.parse(source), names)
    found = []
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in QUERY_METHODS
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id in names | aliases
        ):
            found.append(UnscopedQuery(path, node.lineno, ast.unparse(node)[:120]))
    return found


def _aliases(tree: ast.AST, names: set[str]) -> set[str]:
    """Names a module imported a model under (`from … import Customer as CustomerModel`)."""
    return {
        alias.asname
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
        if alias.name in names and alias.asname
    }


def scan(directories: Iterable[Path], model_names: Iterable[str], root: Path) -> list[UnscopedQuery]:
    names = list(model_names)
    return [
        finding
        for directory in directories
        for path in sorted(directory.rglob("*.py"))
        for finding in unscoped_queries(path.read_text(), str(path.relative_to(root)), names)
    ]
