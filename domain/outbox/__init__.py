"""The transactional outbox."""

from domain.outbox.service import EventCursor, events_after, record_event, stream_position

__all__ = ["EventCursor", "events_after", "record_event", "stream_position"]
