"""Marketing enums in the graph, mirroring the domain's."""

from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum(description="Draft until launched at its segment, then active until completed.")
class CampaignStatus(Enum):
    DRAFT = "draft"
    ACTIVE = "active"
    COMPLETED = "completed"


@strawberry.enum
class CampaignChannel(Enum):
    EMAIL = "email"
    EVENT = "event"
    WEBINAR = "webinar"
    SOCIAL = "social"
    ADS = "ads"
    DIRECT_MAIL = "direct_mail"


@strawberry.enum(description="A member's furthest reaction, in increasing engagement; an unsubscribe or bounce is final.")
class MemberResponse(Enum):
    TARGETED = "targeted"
    SENT = "sent"
    OPENED = "opened"
    CLICKED = "clicked"
    RESPONDED = "responded"
    CONVERTED = "converted"
    UNSUBSCRIBED = "unsubscribed"
    BOUNCED = "bounced"
