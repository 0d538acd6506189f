"""Pipelines and deals through the graph: a deal moves only through its own pipeline's stages, and its
stage history shows every move."""

from __future__ import annotations

from tests.api.crm.keys import api_key_with
from tests.api.sales.builders import create_customer, create_deal, create_pipeline, move_deal

DEAL = """
query($id: ID!) {
  node(id: $id) {
    ... on Deal {
      status stage { name } lostReason closedAt
      stageHistory { totalCount edges { node { fromStage { name } toStage { name } status changedBy } } }
    }
  }
}
"""
WON = "mutation($input: MarkDealWonInput!) { markDealWon(input: $input) { deal { status } userErrors { field code } } }"
LOST = "mutation($input: MarkDealLostInput!) { markDealLost(input: $input) { deal { status lostReason } userErrors { field message code } } }"
DEALS = """
query($filter: DealFilter, $orderBy: DealOrder) {
  deals(filter: $filter, orderBy: $orderBy, first: 10) { totalCount edges { node { name amount { amount currency } status } } }
}
"""


def history(node: dict) -> list[tuple]:
    return [
        ((edge["node"]["fromStage"] or {}).get("name"), edge["node"]["toStage"]["name"], edge["node"]["status"])
        for edge in node["stageHistory"]["edges"]
    ]


async def test_a_deal_moves_through_its_stages_and_its_stage_history_shows_every_move(graphql, tenant):
    customer = await create_customer(graphql, tenant)
    pipeline = await create_pipeline(graphql, tenant)
    deal = await create_deal(graphql, tenant, customer=customer, pipeline=pipeline)

    moved = await move_deal(graphql, tenant.api_key, deal["id"], pipeline["stage_ids"]["Negotiation"])
    back = await move_deal(graphql, tenant.api_key, deal["id"], pipeline["stage_ids"]["Proposal"])
    won = await graphql.execute(WON, {"input": {"dealId": deal["id"]}}, api_key=tenant.api_key)
    node = (await graphql.execute(DEAL, {"id": deal["id"]}, api_key=tenant.api_key))["node"]

    assert deal["stage"]["name"] == "Qualify" and deal["status"] == "OPEN"
    assert deal["amount"] == {"amount": "1000.00", "currency": "EUR"}
    assert moved["userErrors"] == [] and moved["deal"]["stage"]["name"] == "Negotiation"
    assert moved["stageChange"]["fromStage"] == {"name": "Qualify"} and moved["stageChange"]["changedBy"]
    assert back["deal"]["stage"]["name"] == "Proposal"
    assert won["markDealWon"] == {"deal": {"status": "WON"}, "userErrors": []}
    assert node["status"] == "WON" and node["stage"] == {"name": "Proposal"} and node["closedAt"]
    assert history(node) == [
        (None, "Qualify", "OPEN"),
        ("Qualify", "Negotiation", "OPEN"),
        ("Negotiation", "Proposal", "OPEN"),
        ("Proposal", "Proposal", "WON"),
    ]


async def test_a_stage_of_another_pipeline_is_refused_and_the_deal_stays_where_it_was(graphql, tenant):
    customer = await create_customer(graphql, tenant)
    pipeline = await create_pipeline(graphql, tenant)
    renewals = await create_pipeline(graphql, tenant, name="Renewals", stages=(("Notice", 30), ("Signed", 90)))
    deal = await create_deal(graphql, tenant, customer=customer, pipeline=pipeline)

    refused = await move_deal(graphql, tenant.api_key, deal["id"], renewals["stage_ids"]["Signed"])
    same = await move_deal(graphql, tenant.api_key, deal["id"], pipeline["stage_ids"]["Qualify"])
    node = (await graphql.execute(DEAL, {"id": deal["id"]}, api_key=tenant.api_key))["node"]

    assert refused["deal"] is None and refused["stageChange"] is None
    assert refused["userErrors"] == [
        {"field": ["input", "stageId"], "message": "the stage belongs to another pipeline", "code": "STAGE_OF_ANOTHER_PIPELINE"}
    ]
    assert same["userErrors"][0]["code"] == "ALREADY_IN_STAGE"
    assert node["stage"] == {"name": "Qualify"} and history(node) == [(None, "Qualify", "OPEN")]


async def test_a_closed_deal_neither_moves_nor_closes_again(graphql, tenant):
    customer = await create_customer(graphql, tenant)
    pipeline = await create_pipeline(graphql, tenant)
    deal = await create_deal(graphql, tenant, customer=customer, pipeline=pipeline)

    blank = await graphql.execute(LOST, {"input": {"dealId": deal["id"], "reason": "  "}}, api_key=tenant.api_key)
    lost = await graphql.execute(LOST, {"input": {"dealId": deal["id"], "reason": "Went with a competitor"}}, api_key=tenant.api_key)
    moved = await move_deal(graphql, tenant.api_key, deal["id"], pipeline["stage_ids"]["Proposal"])
    won = await graphql.execute(WON, {"input": {"dealId": deal["id"]}}, api_key=tenant.api_key)
    node = (await graphql.execute(DEAL, {"id": deal["id"]}, api_key=tenant.api_key))["node"]

    assert blank["markDealLost"]["userErrors"][0]["field"] == ["input", "reason"]
    assert lost["markDealLost"] == {"deal": {"status": "LOST", "lostReason": "Went with a competitor"}, "userErrors": []}
    assert moved["userErrors"] == [{"field": ["input", "dealId"], "message": "the deal is already lost", "code": "DEAL_CLOSED"}]
    assert won["markDealWon"]["userErrors"][0]["code"] == "DEAL_CLOSED"
    assert history(node) == [(None, "Qualify", "OPEN"), ("Qualify", "Qualify", "LOST")]


async def test_invalid_deal_and_pipeline_inputs_name_their_field_and_write_nothing(graphql, tenant):
    customer = await create_customer(graphql, tenant)
    pipeline = await create_pipeline(graphql, tenant)
    bad_pipeline = await graphql.post(
        "mutation($input: CreatePipelineInput!) { createPipeline(input: $input) { pipeline { id } userErrors { field code } } }",
        {"input": {"name": "Odd", "stages": [{"name": "A", "probability": 10}, {"name": "B", "probability": 150}]}},
        api_key=tenant.api_key,
    )
    base = {"customerId": customer["id"], "pipelineId": pipeline["id"], "name": "Deal", "amount": "10", "currency": "EUR"}
    answers = {}
    for field, change in {"amount": {"amount": "-5"}, "currency": {"currency": "XXX"}, "name": {"name": " "}}.items():
        response = await graphql.post(
            "mutation($input: CreateDealInput!) { createDeal(input: $input) { deal { id } userErrors { field code } } }",
            {"input": {**base, **change}}, api_key=tenant.api_key,
        )
        answers[field] = response.json()["data"]["createDeal"]
    listed = await graphql.execute("{ deals { totalCount } pipelines { totalCount } }", api_key=tenant.api_key)

    assert bad_pipeline.json()["data"]["createPipeline"] == {
        "pipeline": None, "userErrors": [{"field": ["input", "stages", "1", "probability"], "code": "INVALID_PROBABILITY"}],
    }
    for field, payload in answers.items():
        assert payload["deal"] is None and payload["userErrors"][0]["field"] == ["input", field], (field, payload)
    assert listed == {"deals": {"totalCount": 0}, "pipelines": {"totalCount": 1}}


async def test_deals_filter_by_status_pipeline_and_customer_and_order_by_amount(graphql, tenant):
    northwind = await create_customer(graphql, tenant, "Northwind")
    globex = await create_customer(graphql, tenant, "Globex")
    pipeline = await create_pipeline(graphql, tenant)
    other = await create_pipeline(graphql, tenant, name="Partners", stages=(("Intro", 10),))
    small = await create_deal(graphql, tenant, customer=northwind, pipeline=pipeline, name="Small", amount="100")
    await create_deal(graphql, tenant, customer=northwind, pipeline=pipeline, name="Large", amount="9000.5")
    await create_deal(graphql, tenant, customer=globex, pipeline=other, name="Partner", amount="500", currency="USD")
    await graphql.execute(WON, {"input": {"dealId": small["id"]}}, api_key=tenant.api_key)

    async def names(filter=None, order=None):
        data = await graphql.execute(DEALS, {"filter": filter, "orderBy": order}, api_key=tenant.api_key)
        return [edge["node"]["name"] for edge in data["deals"]["edges"]]

    assert await names(order={"field": "AMOUNT", "direction": "DESC"}) == ["Large", "Partner", "Small"]
    assert await names({"status": "OPEN"}, {"field": "NAME"}) == ["Large", "Partner"]
    assert await names({"pipelineId": pipeline["id"]}, {"field": "AMOUNT"}) == ["Small", "Large"]
    assert await names({"customerId": globex["id"]}) == ["Partner"]
    assert await names({"nameContains": "lar"}) == ["Large"]


async def test_the_pipeline_report_sums_open_deals_per_stage_and_currency(graphql, tenant):
    customer = await create_customer(graphql, tenant)
    pipeline = await create_pipeline(graphql, tenant)
    await create_deal(graphql, tenant, customer=customer, pipeline=pipeline, amount="100")
    await create_deal(graphql, tenant, customer=customer, pipeline=pipeline, amount="250.50")
    await create_deal(graphql, tenant, customer=customer, pipeline=pipeline, amount="1000", stageId=pipeline["stage_ids"]["Proposal"])

    data = await graphql.execute(
        "query($id: ID!) { pipelineValueByStage(pipelineId: $id) { stage { name } dealCount values { amount currency } weightedValues { amount } } }",
        {"id": pipeline["id"]}, api_key=tenant.api_key,
    )

    assert data["pipelineValueByStage"] == [
        {"stage": {"name": "Qualify"}, "dealCount": 2, "values": [{"amount": "350.50", "currency": "EUR"}], "weightedValues": [{"amount": "35.05"}]},
        {"stage": {"name": "Proposal"}, "dealCount": 1, "values": [{"amount": "1000.00", "currency": "EUR"}], "weightedValues": [{"amount": "500.00"}]},
        {"stage": {"name": "Negotiation"}, "dealCount": 0, "values": [], "weightedValues": []},
    ]


async def test_deals_need_the_sales_scopes_and_the_customer_field_needs_crm_read(graphql, tenant):
    customer = await create_customer(graphql, tenant)
    pipeline = await create_pipeline(graphql, tenant)
    deal = await create_deal(graphql, tenant, customer=customer, pipeline=pipeline)
    crm_only = await api_key_with(graphql, tenant, "crm:read")
    sales_reader = await api_key_with(graphql, tenant, "sales:read")

    listed = (await graphql.post("{ deals { totalCount } }", api_key=crm_only)).json()
    moved = (await graphql.post(
        "mutation($input: MoveDealToStageInput!) { moveDealToStage(input: $input) { deal { id } } }",
        {"input": {"dealId": deal["id"], "stageId": pipeline["stage_ids"]["Proposal"]}}, api_key=sales_reader,
    )).json()
    read = (await graphql.post(
        "query($id: ID!) { node(id: $id) { ... on Deal { name customer { name } } } }", {"id": deal["id"]}, api_key=sales_reader
    )).json()

    assert listed["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert moved["errors"][0]["extensions"]["code"] == "FORBIDDEN" and moved["data"] is None
    assert read["data"]["node"] == {"name": "Pallets 2027", "customer": None}
    assert [(error["path"], error["extensions"]["code"]) for error in read["errors"]] == [(["node", "customer"], "FORBIDDEN")]
    assert "Northwind" not in str(read)
    node = (await graphql.execute(DEAL, {"id": deal["id"]}, api_key=tenant.api_key))["node"]
    assert node["stage"] == {"name": "Qualify"}


async def test_another_tenants_deal_and_stage_are_not_found(graphql, tenant, other_tenant):
    customer = await create_customer(graphql, tenant)
    pipeline = await create_pipeline(graphql, tenant)
    deal = await create_deal(graphql, tenant, customer=customer, pipeline=pipeline)
    own_pipeline = await create_pipeline(graphql, other_tenant)
    own_deal = await create_deal(graphql, other_tenant, customer=await create_customer(graphql, other_tenant), pipeline=own_pipeline)

    foreign_deal = await move_deal(graphql, other_tenant.api_key, deal["id"], own_pipeline["stage_ids"]["Proposal"])
    foreign_stage = await move_deal(graphql, other_tenant.api_key, own_deal["id"], pipeline["stage_ids"]["Proposal"])
    node = (await graphql.post(DEAL, {"id": deal["id"]}, api_key=other_tenant.api_key)).json()

    assert foreign_deal["userErrors"] == [{"field": ["input", "dealId"], "message": "deal not found", "code": "NOT_FOUND"}]
    assert foreign_stage["userErrors"] == [{"field": ["input", "stageId"], "message": "stage not found", "code": "NOT_FOUND"}]
    assert node["data"]["node"] is None and node["errors"][0]["extensions"]["code"] == "NOT_FOUND"
