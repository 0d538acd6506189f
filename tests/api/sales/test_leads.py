"""Leads through the graph: qualified, disqualified, or converted into a customer and a deal in one step."""

from __future__ import annotations

from tests.api.sales.builders import create_customer, create_pipeline

CREATE = "mutation($input: CreateLeadInput!) { createLead(input: $input) { lead { id companyName status } userErrors { field code } } }"
QUALIFY = "mutation($input: QualifyLeadInput!) { qualifyLead(input: $input) { lead { status } userErrors { field code } } }"
DISQUALIFY = "mutation($input: DisqualifyLeadInput!) { disqualifyLead(input: $input) { lead { status } userErrors { field code } } }"
CONVERT = """
mutation($input: ConvertLeadInput!) {
  convertLead(input: $input) {
    lead { status customer { name } deal { name } }
    deal { name amount { amount currency } stage { name } customer { name } }
    userErrors { field message code }
  }
}
"""
LEADS = """
query($filter: LeadFilter, $orderBy: LeadOrder) {
  leads(filter: $filter, orderBy: $orderBy) { totalCount edges { node { companyName status } } }
}
"""


async def create_lead(graphql, tenant, company: str, **extra) -> dict:
    data = await graphql.execute(CREATE, {"input": {"companyName": company, **extra}}, api_key=tenant.api_key)
    return data["createLead"]


async def test_a_qualified_lead_converts_into_a_new_customer_and_a_deal_once(graphql, tenant):
    lead = (await create_lead(graphql, tenant, "Initech", contactName="Bill Lumbergh", source="webinar"))["lead"]
    pipeline = await create_pipeline(graphql, tenant)
    convert = {"leadId": lead["id"], "pipelineId": pipeline["id"], "dealName": "Initech printers", "amount": "4200", "currency": "EUR"}

    qualified = await graphql.execute(QUALIFY, {"input": {"leadId": lead["id"]}}, api_key=tenant.api_key)
    converted = await graphql.execute(CONVERT, {"input": convert}, api_key=tenant.api_key)
    again = await graphql.execute(CONVERT, {"input": convert}, api_key=tenant.api_key)
    customers = await graphql.execute("{ customers { totalCount edges { node { name } } } deals { totalCount } }", api_key=tenant.api_key)

    assert lead["status"] == "NEW" and qualified["qualifyLead"]["lead"]["status"] == "QUALIFIED"
    assert converted["convertLead"] == {
        "lead": {"status": "CONVERTED", "customer": {"name": "Initech"}, "deal": {"name": "Initech printers"}},
        "deal": {
            "name": "Initech printers", "amount": {"amount": "4200.00", "currency": "EUR"}, "stage": {"name": "Qualify"},
            "customer": {"name": "Initech"},
        },
        "userErrors": [],
    }
    assert again["convertLead"]["userErrors"] == [{"field": ["input", "leadId"], "message": "the lead is converted", "code": "LEAD_CLOSED"}]
    assert customers == {"customers": {"totalCount": 1, "edges": [{"node": {"name": "Initech"}}]}, "deals": {"totalCount": 1}}


async def test_a_conversion_refused_halfway_leaves_no_customer_behind(graphql, tenant, other_tenant):
    lead = (await create_lead(graphql, tenant, "Hooli"))["lead"]
    foreign_pipeline = await create_pipeline(graphql, other_tenant)
    customer = await create_customer(graphql, tenant, "Existing")

    refused = await graphql.execute(
        CONVERT,
        {"input": {"leadId": lead["id"], "pipelineId": foreign_pipeline["id"], "dealName": "X", "amount": "1", "currency": "EUR"}},
        api_key=tenant.api_key,
    )
    unknown_currency = await graphql.execute(
        CONVERT,
        {"input": {"leadId": lead["id"], "pipelineId": (await create_pipeline(graphql, tenant))["id"], "dealName": "X",
                   "amount": "1", "currency": "ABC", "customerId": customer["id"]}},
        api_key=tenant.api_key,
    )
    state = await graphql.execute(
        "{ customers { totalCount } deals { totalCount } leads { edges { node { status } } } }", api_key=tenant.api_key
    )

    assert refused["convertLead"]["userErrors"] == [{"field": ["input", "pipelineId"], "message": "pipeline not found", "code": "NOT_FOUND"}]
    assert unknown_currency["convertLead"]["userErrors"][0]["field"] == ["input", "currency"]
    assert state == {"customers": {"totalCount": 1}, "deals": {"totalCount": 0}, "leads": {"edges": [{"node": {"status": "NEW"}}]}}


async def test_a_disqualified_lead_is_closed_and_leads_filter_by_status_and_search(graphql, tenant):
    hooli = (await create_lead(graphql, tenant, "Hooli", contactName="Gavin Belson"))["lead"]
    await create_lead(graphql, tenant, "Pied Piper", contactName="Richard Hendricks")
    await create_lead(graphql, tenant, "Raviga")

    disqualified = await graphql.execute(DISQUALIFY, {"input": {"leadId": hooli["id"]}}, api_key=tenant.api_key)
    requalified = await graphql.execute(QUALIFY, {"input": {"leadId": hooli["id"]}}, api_key=tenant.api_key)

    async def names(filter=None, order=None):
        data = await graphql.execute(LEADS, {"filter": filter, "orderBy": order}, api_key=tenant.api_key)
        return [edge["node"]["companyName"] for edge in data["leads"]["edges"]]

    assert disqualified["disqualifyLead"] == {"lead": {"status": "DISQUALIFIED"}, "userErrors": []}
    assert requalified["qualifyLead"]["userErrors"] == [{"field": ["input", "leadId"], "code": "LEAD_CLOSED"}]
    assert await names() == ["Raviga", "Pied Piper", "Hooli"]
    assert await names(order={"field": "COMPANY_NAME", "direction": "ASC"}) == ["Hooli", "Pied Piper", "Raviga"]
    assert await names({"status": "NEW"}, {"field": "COMPANY_NAME"}) == ["Pied Piper", "Raviga"]
    assert await names({"search": "richard"}) == ["Pied Piper"]


async def test_an_empty_company_name_is_refused_and_another_tenants_lead_is_not_found(graphql, tenant, other_tenant):
    blank = await create_lead(graphql, tenant, "  ")
    lead = (await create_lead(graphql, tenant, "Private Prospect"))["lead"]

    foreign = await graphql.execute(QUALIFY, {"input": {"leadId": lead["id"]}}, api_key=other_tenant.api_key)
    listed = await graphql.execute(LEADS, api_key=other_tenant.api_key)

    assert blank == {"lead": None, "userErrors": [{"field": ["input", "companyName"], "code": "REQUIRED"}]}
    assert foreign["qualifyLead"] == {"lead": None, "userErrors": [{"field": ["input", "leadId"], "code": "NOT_FOUND"}]}
    assert listed["leads"]["totalCount"] == 0
