"""Setting up the operations area through the graph, as a client would."""

from __future__ import annotations

CREATE_PRODUCT = """
mutation($input: CreateProductInput!) {
  createProduct(input: $input) { product { id sku onHand reorderPoint } userErrors { field message code } }
}
"""
CREATE_WAREHOUSE = "mutation($input: CreateWarehouseInput!) { createWarehouse(input: $input) { warehouse { id } } }"
CREATE_SUPPLIER = "mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { supplier { id } } }"
ADJUST = """
mutation($input: AdjustStockInput!) {
  adjustStock(input: $input) { movement { kind quantityChange quantityAfter reason } userErrors { field message code } }
}
"""


async def product(graphql, tenant, sku: str, reorder_point: str = "0") -> str:
    variables = {"input": {"sku": sku, "name": f"Product {sku}", "reorderPoint": reorder_point}}
    return (await graphql.execute(CREATE_PRODUCT, variables, api_key=tenant.api_key))["createProduct"]["product"]["id"]


async def warehouse(graphql, tenant, code: str) -> str:
    variables = {"input": {"code": code, "name": f"Warehouse {code}"}}
    return (await graphql.execute(CREATE_WAREHOUSE, variables, api_key=tenant.api_key))["createWarehouse"]["warehouse"]["id"]


async def supplier(graphql, tenant, name: str) -> str:
    return (await graphql.execute(CREATE_SUPPLIER, {"input": {"name": name}}, api_key=tenant.api_key))["createSupplier"]["supplier"]["id"]


async def adjust(graphql, tenant, product_id: str, warehouse_id: str, change: str, reason: str = "count") -> dict:
    variables = {"input": {"productId": product_id, "warehouseId": warehouse_id, "quantityChange": change, "reason": reason}}
    return (await graphql.execute(ADJUST, variables, api_key=tenant.api_key))["adjustStock"]
