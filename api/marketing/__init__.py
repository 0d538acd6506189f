"""Marketing in the graph."""

from api.marketing.mutations import MarketingMutation
from api.marketing.queries import MarketingQuery
from api.marketing.types import CampaignMemberNode, CampaignNode, SegmentNode

NODE_TYPES = [SegmentNode, CampaignNode, CampaignMemberNode]

__all__ = ["NODE_TYPES", "MarketingMutation", "MarketingQuery"]
