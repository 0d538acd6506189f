"""The transactional outbox."""

from domain.outbox.service import record_event

__all__ = ["record_event"]
