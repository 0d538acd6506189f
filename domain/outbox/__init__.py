"""The transactional outbox."""

from domain.outbox.service import (
    EventBatch,
    EventCursor,
    events_after,
    mark_publish_failed,
    mark_published,
    oldest_pending_age_seconds,
    pending_events,
    record_event,
    record_event_once,
    stream_position,
)

__all__ = [
    "EventBatch",
    "EventCursor",
    "events_after",
    "mark_publish_failed",
    "mark_published",
    "oldest_pending_age_seconds",
    "pending_events",
    "record_event",
    "record_event_once",
    "stream_position",
]
