"""Building sales data through the graph, as a client would."""

from __future__ import annotations

CREATE_CUSTOMER = "mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id name } userErrors { field code } } }"
CREATE_PIPELINE = """
mutation($input: CreatePipelineInput!) {
  createPipeline(input: $input) {
    pipeline { id name stages { edges { node { id name position probability } } } }
    userErrors { field message code }
  }
}
"""
DEAL_FIELDS = "id name status amount { amount currency } stage { id name } pipeline { id }"
CREATE_DEAL = f"""
mutation($input: CreateDealInput!) {{
  createDeal(input: $input) {{ deal {{ {DEAL_FIELDS} }} userErrors {{ field message code }} }}
}}
"""
MOVE_DEAL = f"""
mutation($input: MoveDealToStageInput!) {{
  moveDealToStage(input: $input) {{
    deal {{ {DEAL_FIELDS} }}
    stageChange {{ id fromStage {{ name }} toStage {{ name }} status changedBy }}
    userErrors {{ field message code }}
  }}
}}
"""


async def create_customer(graphql, tenant, name: str = "Northwind Foods") -> dict:
    data = await graphql.execute(CREATE_CUSTOMER, {"input": {"name": name}}, api_key=tenant.api_key)
    return data["createCustomer"]["customer"]


async def create_pipeline(graphql, tenant, name: str = "New business", stages=(("Qualify", 10), ("Proposal", 50), ("Negotiation", 80))) -> dict:
    data = await graphql.execute(
        CREATE_PIPELINE,
        {"input": {"name": name, "stages": [{"name": stage, "probability": chance} for stage, chance in stages]}},
        api_key=tenant.api_key,
    )
    payload = data["createPipeline"]
    assert payload["userErrors"] == [], payload
    pipeline = payload["pipeline"]
    pipeline["stage_ids"] = {edge["node"]["name"]: edge["node"]["id"] for edge in pipeline["stages"]["edges"]}
    return pipeline


async def create_deal(graphql, tenant, *, customer: dict, pipeline: dict, name: str = "Pallets 2027", amount: str = "1000", currency: str = "EUR", **extra) -> dict:
    variables = {"input": {"customerId": customer["id"], "pipelineId": pipeline["id"], "name": name, "amount": amount, "currency": currency, **extra}}
    data = await graphql.execute(CREATE_DEAL, variables, api_key=tenant.api_key)
    payload = data["createDeal"]
    assert payload["userErrors"] == [], payload
    return payload["deal"]


async def move_deal(graphql, api_key: str, deal_id: str, stage_id: str) -> dict:
    data = await graphql.execute(MOVE_DEAL, {"input": {"dealId": deal_id, "stageId": stage_id}}, api_key=api_key)
    return data["moveDealToStage"]
