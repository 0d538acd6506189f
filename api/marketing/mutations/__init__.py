"""Marketing mutations, one per module."""

import strawberry

from api.marketing.mutations.add_campaign_member import AddCampaignMemberPayload, add_campaign_member
from api.marketing.mutations.add_customers_to_segment import AddCustomersToSegmentPayload, add_customers_to_segment
from api.marketing.mutations.complete_campaign import CompleteCampaignPayload, complete_campaign
from api.marketing.mutations.create_campaign import CreateCampaignPayload, create_campaign
from api.marketing.mutations.create_segment import CreateSegmentPayload, create_segment
from api.marketing.mutations.launch_campaign import LaunchCampaignPayload, launch_campaign
from api.marketing.mutations.record_campaign_response import RecordCampaignResponsePayload, record_campaign_response
from api.marketing.mutations.remove_customer_from_segment import RemoveCustomerFromSegmentPayload, remove_customer_from_segment
from api.permissions import Requires
from tenants.permissions import Scope

MARKETING_WRITE = [Requires(Scope.MARKETING_WRITE)]


def _mutation(resolver, description: str):
    return strawberry.mutation(resolver=resolver, permission_classes=MARKETING_WRITE, description=description)


@strawberry.type
class MarketingMutation:
    create_segment: CreateSegmentPayload = _mutation(create_segment, "Create an empty segment; names are unique.")
    add_customers_to_segment: AddCustomersToSegmentPayload = _mutation(
        add_customers_to_segment, "Add customers to a segment; those already in it are skipped."
    )
    remove_customer_from_segment: RemoveCustomerFromSegmentPayload = _mutation(
        remove_customer_from_segment, "Take a customer out of a segment."
    )
    create_campaign: CreateCampaignPayload = _mutation(create_campaign, "Draft a campaign, optionally aimed at a segment with a budget.")
    add_campaign_member: AddCampaignMemberPayload = _mutation(add_campaign_member, "Target one contact with a draft or active campaign.")
    launch_campaign: LaunchCampaignPayload = _mutation(
        launch_campaign, "Activate a draft campaign, targeting every contact of every customer in its segment."
    )
    complete_campaign: CompleteCampaignPayload = _mutation(complete_campaign, "Close an active campaign.")
    record_campaign_response: RecordCampaignResponsePayload = _mutation(
        record_campaign_response, "Record how a member responded; engagement only moves forward and an opt-out is final."
    )
