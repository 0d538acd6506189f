"""Segments and campaigns through the graph: a launch targets the segment's contacts, responses only move forward."""

from __future__ import annotations

from tests.api.crm.keys import api_key_with
from tests.api.sales.builders import create_customer

CREATE_CONTACT = "mutation($input: CreateContactInput!) { createContact(input: $input) { contact { id } } }"
CREATE_SEGMENT = "mutation($input: CreateSegmentInput!) { createSegment(input: $input) { segment { id name } userErrors { field code } } }"
ADD_CUSTOMERS = """
mutation($input: AddCustomersToSegmentInput!) {
  addCustomersToSegment(input: $input) { segment { customers { totalCount edges { node { name } } } } addedCount userErrors { field code } }
}
"""
CREATE_CAMPAIGN = """
mutation($input: CreateCampaignInput!) {
  createCampaign(input: $input) { campaign { id name status channel budget { amount currency } segment { name } } userErrors { field message code } }
}
"""
LAUNCH = "mutation($input: LaunchCampaignInput!) { launchCampaign(input: $input) { campaign { status launchedAt } userErrors { field code } } }"
COMPLETE = "mutation($input: CompleteCampaignInput!) { completeCampaign(input: $input) { campaign { status } userErrors { field code } } }"
RESPOND = """
mutation($input: RecordCampaignResponseInput!) {
  recordCampaignResponse(input: $input) { member { response respondedAt contact { firstName } } userErrors { field message code } }
}
"""
CAMPAIGN = """
query($id: ID!) {
  node(id: $id) {
    ... on Campaign {
      status
      members { totalCount edges { node { response customer { name } contact { firstName } } } }
      clicked: members(response: CLICKED) { totalCount }
      responseSummary { response count }
    }
  }
}
"""


async def contact(graphql, tenant, customer: dict, name: str) -> str:
    data = await graphql.execute(CREATE_CONTACT, {"input": {"customerId": customer["id"], "firstName": name, "lastName": "X"}}, api_key=tenant.api_key)
    return data["createContact"]["contact"]["id"]


async def segment_with(graphql, tenant, *customers: dict, name: str = "Retail") -> dict:
    segment = (await graphql.execute(CREATE_SEGMENT, {"input": {"name": name}}, api_key=tenant.api_key))["createSegment"]["segment"]
    await graphql.execute(ADD_CUSTOMERS, {"input": {"segmentId": segment["id"], "customerIds": [c["id"] for c in customers]}}, api_key=tenant.api_key)
    return segment


async def test_a_launched_campaign_targets_every_contact_in_its_segment_and_counts_responses(graphql, tenant):
    northwind = await create_customer(graphql, tenant, "Northwind")
    globex = await create_customer(graphql, tenant, "Globex")
    ann = await contact(graphql, tenant, northwind, "Ann")
    await contact(graphql, tenant, northwind, "Bob")
    await contact(graphql, tenant, globex, "Cid")
    segment = await segment_with(graphql, tenant, northwind, globex)
    created = await graphql.execute(
        CREATE_CAMPAIGN,
        {"input": {"name": "Spring promo", "channel": "EMAIL", "segmentId": segment["id"], "budget": "2500", "currency": "EUR"}},
        api_key=tenant.api_key,
    )
    campaign = created["createCampaign"]["campaign"]

    launched = await graphql.execute(LAUNCH, {"input": {"campaignId": campaign["id"]}}, api_key=tenant.api_key)
    clicked = await graphql.execute(RESPOND, {"input": {"campaignId": campaign["id"], "contactId": ann, "response": "CLICKED"}}, api_key=tenant.api_key)
    backwards = await graphql.execute(RESPOND, {"input": {"campaignId": campaign["id"], "contactId": ann, "response": "OPENED"}}, api_key=tenant.api_key)
    node = (await graphql.execute(CAMPAIGN, {"id": campaign["id"]}, api_key=tenant.api_key))["node"]

    assert campaign == {
        "id": campaign["id"], "name": "Spring promo", "status": "DRAFT", "channel": "EMAIL",
        "budget": {"amount": "2500.00", "currency": "EUR"}, "segment": {"name": "Retail"},
    }
    assert launched["launchCampaign"]["campaign"]["status"] == "ACTIVE" and launched["launchCampaign"]["campaign"]["launchedAt"]
    assert clicked["recordCampaignResponse"]["member"]["response"] == "CLICKED"
    assert backwards["recordCampaignResponse"] == {
        "member": None, "userErrors": [{"field": ["input", "response"], "message": "the member already clicked", "code": "RESPONSE_GOES_BACKWARDS"}],
    }
    assert node["members"]["totalCount"] == 3 and node["clicked"] == {"totalCount": 1}
    assert sorted((edge["node"]["customer"]["name"], edge["node"]["contact"]["firstName"]) for edge in node["members"]["edges"]) == [
        ("Globex", "Cid"), ("Northwind", "Ann"), ("Northwind", "Bob")
    ]
    summary = {row["response"]: row["count"] for row in node["responseSummary"]}
    assert summary["TARGETED"] == 2 and summary["CLICKED"] == 1 and sum(summary.values()) == 3


async def test_campaign_rules_are_user_errors_that_name_their_field(graphql, tenant):
    budget_alone = await graphql.execute(CREATE_CAMPAIGN, {"input": {"name": "A", "channel": "ADS", "budget": "10"}}, api_key=tenant.api_key)
    backwards_dates = await graphql.execute(
        CREATE_CAMPAIGN, {"input": {"name": "B", "channel": "EVENT", "startsOn": "2026-05-10", "endsOn": "2026-05-01"}}, api_key=tenant.api_key
    )
    no_segment = (await graphql.execute(CREATE_CAMPAIGN, {"input": {"name": "C", "channel": "WEBINAR"}}, api_key=tenant.api_key))["createCampaign"]["campaign"]
    duplicate = await graphql.execute(CREATE_CAMPAIGN, {"input": {"name": "C", "channel": "WEBINAR"}}, api_key=tenant.api_key)
    launch = await graphql.execute(LAUNCH, {"input": {"campaignId": no_segment["id"]}}, api_key=tenant.api_key)
    complete = await graphql.execute(COMPLETE, {"input": {"campaignId": no_segment["id"]}}, api_key=tenant.api_key)
    listed = await graphql.execute("{ campaigns { totalCount } }", api_key=tenant.api_key)

    assert budget_alone["createCampaign"]["userErrors"] == [{"field": ["input", "currency"], "message": "a budget needs a currency", "code": "BUDGET_NEEDS_CURRENCY"}]
    assert backwards_dates["createCampaign"]["userErrors"][0]["field"] == ["input", "endsOn"]
    assert duplicate["createCampaign"]["userErrors"][0] == {"field": ["input", "name"], "message": "a campaign named 'C' exists", "code": "DUPLICATE"}
    assert launch["launchCampaign"] == {"campaign": None, "userErrors": [{"field": ["input", "campaignId"], "code": "NO_SEGMENT"}]}
    assert complete["completeCampaign"]["userErrors"] == [{"field": ["input", "campaignId"], "code": "CAMPAIGN_NOT_ACTIVE"}]
    assert listed == {"campaigns": {"totalCount": 1}}


async def test_a_segment_refuses_an_unknown_customer_whole_and_skips_those_already_in(graphql, tenant, other_tenant):
    northwind = await create_customer(graphql, tenant, "Northwind")
    foreign = await create_customer(graphql, other_tenant, "Foreign")
    segment = await segment_with(graphql, tenant, northwind)

    refused = await graphql.execute(
        ADD_CUSTOMERS, {"input": {"segmentId": segment["id"], "customerIds": [northwind["id"], foreign["id"]]}}, api_key=tenant.api_key
    )
    again = await graphql.execute(ADD_CUSTOMERS, {"input": {"segmentId": segment["id"], "customerIds": [northwind["id"]]}}, api_key=tenant.api_key)

    assert refused["addCustomersToSegment"]["userErrors"] == [{"field": ["input", "customerIds", "1"], "code": "NOT_FOUND"}]
    assert again["addCustomersToSegment"]["addedCount"] == 0
    assert again["addCustomersToSegment"]["segment"]["customers"] == {"totalCount": 1, "edges": [{"node": {"name": "Northwind"}}]}


async def test_campaigns_filter_and_order(graphql, tenant):
    for name, channel, starts in (("Fair", "EVENT", "2026-04-01"), ("Mailer", "EMAIL", "2026-02-01"), ("Webcast", "WEBINAR", "2026-03-01")):
        await graphql.execute(CREATE_CAMPAIGN, {"input": {"name": name, "channel": channel, "startsOn": starts}}, api_key=tenant.api_key)

    async def names(filter=None, order=None):
        data = await graphql.execute(
            "query($f: CampaignFilter, $o: CampaignOrder) { campaigns(filter: $f, orderBy: $o) { edges { node { name } } } }",
            {"f": filter, "o": order}, api_key=tenant.api_key,
        )
        return [edge["node"]["name"] for edge in data["campaigns"]["edges"]]

    assert await names() == ["Webcast", "Mailer", "Fair"]
    assert await names(order={"field": "STARTS_ON"}) == ["Mailer", "Webcast", "Fair"]
    assert await names({"channel": "EMAIL"}) == ["Mailer"]
    assert await names({"startsAfter": "2026-03-01"}, {"field": "NAME", "direction": "DESC"}) == ["Webcast", "Fair"]
    assert await names({"status": "ACTIVE"}) == []


async def test_marketing_needs_its_scopes_and_another_tenants_campaign_is_not_found(graphql, tenant, other_tenant):
    customer = await create_customer(graphql, tenant, "Northwind")
    ann = await contact(graphql, tenant, customer, "Ann")
    campaign = (await graphql.execute(CREATE_CAMPAIGN, {"input": {"name": "Private", "channel": "EMAIL"}}, api_key=tenant.api_key))["createCampaign"]["campaign"]
    crm_only = await api_key_with(graphql, tenant, "crm:read", "crm:write")

    listed = (await graphql.post("{ campaigns { totalCount } }", api_key=crm_only)).json()
    added = (await graphql.post(
        "mutation($input: AddCampaignMemberInput!) { addCampaignMember(input: $input) { member { id } } }",
        {"input": {"campaignId": campaign["id"], "contactId": ann}}, api_key=crm_only,
    )).json()
    foreign = await graphql.execute(LAUNCH, {"input": {"campaignId": campaign["id"]}}, api_key=other_tenant.api_key)

    assert listed["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert added["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert foreign["launchCampaign"] == {"campaign": None, "userErrors": [{"field": ["input", "campaignId"], "code": "NOT_FOUND"}]}
    node = await graphql.execute(CAMPAIGN, {"id": campaign["id"]}, api_key=tenant.api_key)
    assert node["node"]["members"]["totalCount"] == 0
