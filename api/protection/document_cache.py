"""Parse and validate a document once per process, not once per request.

Clients send the same few documents over and over (persisted queries, an app's fixed operations), and
parsing plus validating one costs more than running a simple one. The limits that validation applies
(depth, aliases, introspection) are fixed per schema, and the cost, which depends on the variables,
is checked after validation (api.protection.cost), so a document's validation errors depend on its
text alone. This keeps, per schema, the parsed document and its validation errors by text, bounded
and least-recently-used first out, so unique texts from a client cannot grow it without limit.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from threading import Lock

from graphql import DocumentNode, GraphQLError
from strawberry.extensions import SchemaExtension
from strawberry.schema.schema import validate_document

DEFAULT_MAX_DOCUMENTS = 1024


@dataclass(frozen=True)
class CheckedDocument:
    document: DocumentNode
    errors: tuple[GraphQLError, ...]  # empty: valid


class CheckedDocuments:
    """A bounded LRU map from a document's text to its parsed, validated form."""

    def __init__(self, max_documents: int = DEFAULT_MAX_DOCUMENTS) -> None:
        self.max_documents = max_documents
        self._entries: OrderedDict[str, CheckedDocument] = OrderedDict()
        self._lock = Lock()  # the worker's threads and the server's loop may share a schema

    def get(self, text: str) -> CheckedDocument | None:
        with self._lock:
            entry = self._entries.get(text)
            if entry is not None:
                self._entries.move_to_end(text)
            return entry

    def put(self, text: str, entry: CheckedDocument) -> None:
        with self._lock:
            self._entries[text] = entry
            self._entries.move_to_end(text)
            while len(self._entries) > self.max_documents:
                self._entries.popitem(last=False)

    def __len__(self) -> int:
        return len(self._entries)


class DocumentCache(SchemaExtension):
    """Serves a known text's document and validation result from `documents`, and remembers new ones.

    Put it after the extensions that add validation rules (they add them when the operation starts) and
    before the cost check, which looks at the validation errors this sets.
    """

    def __init__(self, *, documents: CheckedDocuments) -> None:
        self.documents = documents
        self._known: CheckedDocument | None = None

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        self._known = self.documents.get(context.query) if context.query else None
        if self._known is not None:
            context.graphql_document = self._known.document  # Strawberry then skips parsing
        yield

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        known = self._known
        if known is None and context.query and context.graphql_document is not None:
            # Validated here rather than by Strawberry, so that the cost check after this extension
            # sees the result before it: Strawberry decides to stop before its hooks' ends run.
            errors = validate_document(context.schema._schema, context.graphql_document, tuple(context.validation_rules))
            known = CheckedDocument(document=context.graphql_document, errors=tuple(errors))
            self.documents.put(context.query, known)
        if known is not None:
            context.pre_execution_errors = list(known.errors)  # not None: Strawberry does not validate again
        yield


def document_cache(max_documents: int = DEFAULT_MAX_DOCUMENTS) -> Callable[[], DocumentCache]:
    """A factory of DocumentCache extensions sharing one store: one per schema, built with it."""
    documents = CheckedDocuments(max_documents)

    def extension() -> DocumentCache:
        return DocumentCache(documents=documents)

    return extension
