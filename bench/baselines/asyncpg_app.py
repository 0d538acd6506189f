"""The hand-written HTTP baseline: bare Starlette and asyncpg, with Concord's API-key check and RLS.

Every endpoint authenticates the bearer key as Concord does (the prefix finds the key and its tenant,
the secret's SHA-256 must match, the key must be neither revoked nor expired, the tenant not
suspended, and `last_used_at` is stamped), then reads tenant data inside a transaction that first
runs `set_config('app.tenant_id', …, true)`, as `concord_bench_app`, a role without BYPASSRLS.
The answers are the very JSON Concord gives for the same GraphQL documents (bench/customer_360.py
checks the bytes), so the two do the same work for the client.

    CONCORD_BENCH_DATABASE_URL=postgres://concord_bench_app@127.0.0.1/… uvicorn --factory bench.baselines.asyncpg_app:create_app
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import uuid
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from decimal import Decimal

import asyncpg
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

POOL_SIZE = int(os.environ.get("CONCORD_DATABASE_POOL_SIZE", "10"))
UNAUTHENTICATED = {"errors": [{"message": "authentication required", "extensions": {"code": "UNAUTHENTICATED"}}], "data": None}

KEY_SQL = """
SELECT k.id, k.secret_hash, k.revoked_at, k.expires_at, t.id AS tenant_id, t.slug, t.status
FROM api_keys k JOIN tenants t ON t.id = k.tenant_id WHERE k.prefix = $1
"""

CUSTOMERS_SQL = """
SELECT id, name, email, count(*) OVER () AS total FROM crm_customers ORDER BY name, id LIMIT $1
"""

# Each nested list: the first rows per customer in the order Concord shows them, and the customer's total.
LISTS = {
    "deals": ("Deal", """
        SELECT * FROM (SELECT id, customer_id, name, status, amount, currency,
            row_number() OVER w AS position, count(*) OVER (PARTITION BY customer_id) AS total
          FROM sales_deals WHERE customer_id = ANY($1) WINDOW w AS (PARTITION BY customer_id ORDER BY created_at DESC, id DESC)) s
        WHERE position <= $2 ORDER BY customer_id, position"""),
    "orders": ("SalesOrder", """
        SELECT * FROM (SELECT id, customer_id, number, status, total AS amount, currency,
            row_number() OVER w AS position, count(*) OVER (PARTITION BY customer_id) AS total
          FROM sales_orders WHERE customer_id = ANY($1) WINDOW w AS (PARTITION BY customer_id ORDER BY ordered_on DESC, created_at DESC)) s
        WHERE position <= $2 ORDER BY customer_id, position"""),
    "invoices": ("Invoice", """
        SELECT * FROM (SELECT id, customer_id, number, status, total AS amount, currency, due_date,
            row_number() OVER w AS position, count(*) OVER (PARTITION BY customer_id) AS total
          FROM finance_invoices WHERE customer_id = ANY($1) WINDOW w AS (PARTITION BY customer_id ORDER BY created_at DESC, id DESC)) s
        WHERE position <= $2 ORDER BY customer_id, position"""),
    "tickets": ("Ticket", """
        SELECT * FROM (SELECT id, customer_id, number, status, priority,
            row_number() OVER w AS position, count(*) OVER (PARTITION BY customer_id) AS total
          FROM service_tickets WHERE customer_id = ANY($1) WINDOW w AS (PARTITION BY customer_id ORDER BY sla_due_at, created_at)) s
        WHERE position <= $2 ORDER BY customer_id, position"""),
    "contracts": ("Contract", """
        SELECT * FROM (SELECT c.id, p.customer_id, c.number, c.title, c.status,
            row_number() OVER w AS position, count(*) OVER (PARTITION BY p.customer_id) AS total
          FROM legal_contract_parties p JOIN legal_contracts c ON c.id = p.contract_id
          WHERE p.customer_id = ANY($1) WINDOW w AS (PARTITION BY p.customer_id ORDER BY p.created_at, p.id)) s
        WHERE position <= $2 ORDER BY customer_id, position"""),
}


def global_id(type_name: str, row_id: uuid.UUID) -> str:
    return base64.b64encode(f"{type_name}:{row_id}".encode()).decode()


def money(amount: Decimal, currency: str) -> dict[str, str]:
    rounded = amount.quantize(Decimal("0.01"))
    return {"amount": str(rounded if rounded == amount else amount.normalize()), "currency": currency}


NODES = {
    "deals": lambda row: {"id": global_id("Deal", row["id"]), "name": row["name"], "status": row["status"].upper(),
                          "amount": money(row["amount"], row["currency"])},
    "orders": lambda row: {"id": global_id("SalesOrder", row["id"]), "number": row["number"], "status": row["status"].upper(),
                           "total": money(row["amount"], row["currency"])},
    "invoices": lambda row: {"id": global_id("Invoice", row["id"]), "number": row["number"], "status": row["status"].upper(),
                             "total": money(row["amount"], row["currency"]), "dueDate": row["due_date"].isoformat()},
    "tickets": lambda row: {"id": global_id("Ticket", row["id"]), "number": row["number"], "status": row["status"].upper(),
                            "priority": row["priority"].upper()},
    "contracts": lambda row: {"id": global_id("Contract", row["id"]), "number": row["number"], "title": row["title"],
                              "status": row["status"].upper()},
}


async def authenticate(pool: asyncpg.Pool, request: Request) -> asyncpg.Record | None:
    """The key's row with its tenant, or None: Concord's API-key rules, in one lookup and one update."""
    token = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
    marker, _, rest = token.partition("_")
    prefix, _, secret = rest.partition("_")
    if marker != "cnk" or len(prefix) != 12 or not secret:
        return None
    async with pool.acquire() as connection:
        key = await connection.fetchrow(KEY_SQL, prefix)
        now = datetime.now(UTC)
        if (
            key is None
            or not hmac.compare_digest(hashlib.sha256(secret.encode()).hexdigest(), key["secret_hash"])
            or key["revoked_at"] is not None
            or (key["expires_at"] is not None and key["expires_at"] <= now)
            or key["status"] == "suspended"
        ):
            return None
        await connection.execute("UPDATE api_keys SET last_used_at = $1 WHERE id = $2", now, key["id"])
    return key


@asynccontextmanager
async def tenant_transaction(pool: asyncpg.Pool, tenant_id: uuid.UUID):
    async with pool.acquire() as connection, connection.transaction():
        await connection.execute("SELECT set_config('app.tenant_id', $1, true)", str(tenant_id))
        yield connection


def answer(data: dict) -> Response:
    return Response(json.dumps({"data": data}, separators=(",", ":")), media_type="application/json")


async def customer_360(request: Request) -> Response:
    pool = request.app.state.pool
    key = await authenticate(pool, request)
    if key is None:
        return JSONResponse(UNAUTHENTICATED)
    first = int((await request.json())["variables"]["first"])
    async with tenant_transaction(pool, key["tenant_id"]) as connection:
        customers = await connection.fetch(CUSTOMERS_SQL, first)
        ids = [row["id"] for row in customers]
        lists = {name: await connection.fetch(sql, ids, 5) for name, (_, sql) in LISTS.items()}
    grouped: dict[str, dict[uuid.UUID, list]] = {name: {} for name in LISTS}
    for name, rows in lists.items():
        for row in rows:
            grouped[name].setdefault(row["customer_id"], []).append(row)
    edges = []
    for customer in customers:
        node = {"id": global_id("Customer", customer["id"]), "name": customer["name"], "email": customer["email"]}
        for name in LISTS:
            rows = grouped[name].get(customer["id"], [])
            node[name] = {"totalCount": rows[0]["total"] if rows else 0, "edges": [{"node": NODES[name](row)} for row in rows]}
        edges.append({"node": node})
    total = customers[0]["total"] if customers else 0
    return answer({"customers": {"totalCount": total, "edges": edges}})


async def viewer_tenant(request: Request) -> Response:
    key = await authenticate(request.app.state.pool, request)
    if key is None:
        return JSONResponse(UNAUTHENTICATED)
    return answer({"viewer": {"tenant": {"slug": key["slug"]}}})


async def customer(request: Request) -> Response:
    pool = request.app.state.pool
    key = await authenticate(pool, request)
    if key is None:
        return JSONResponse(UNAUTHENTICATED)
    encoded = (await request.json())["variables"]["id"]
    type_name, _, row_id = base64.b64decode(encoded).decode().partition(":")
    async with tenant_transaction(pool, key["tenant_id"]) as connection:
        row = await connection.fetchrow("SELECT id, name, email FROM crm_customers WHERE id = $1", uuid.UUID(row_id)) if type_name == "Customer" else None
    node = {"id": global_id("Customer", row["id"]), "name": row["name"], "email": row["email"]} if row else None
    return answer({"customer": node})


async def customers_page(request: Request) -> Response:
    """One tenant's customer list (the tenant-scale pair): a page of 20, newest first."""
    pool = request.app.state.pool
    key = await authenticate(pool, request)
    if key is None:
        return JSONResponse(UNAUTHENTICATED)
    async with tenant_transaction(pool, key["tenant_id"]) as connection:
        rows = await connection.fetch("SELECT id, name FROM crm_customers ORDER BY created_at DESC, id DESC LIMIT 20")
    return answer({"customers": {"edges": [{"node": {"id": global_id("Customer", row["id"]), "name": row["name"]}} for row in rows]}})


async def healthz(request: Request) -> Response:
    return JSONResponse({"status": "ok"})


def create_app() -> Starlette:
    url = os.environ["CONCORD_BENCH_DATABASE_URL"].replace("postgres://", "postgresql://", 1)

    @asynccontextmanager
    async def lifespan(app: Starlette):
        app.state.pool = await asyncpg.create_pool(url, min_size=1, max_size=POOL_SIZE)
        try:
            yield
        finally:
            await app.state.pool.close()

    return Starlette(
        routes=[
            Route("/customer-360", customer_360, methods=["POST"]),
            Route("/viewer", viewer_tenant, methods=["POST"]),
            Route("/customer", customer, methods=["POST"]),
            Route("/customers", customers_page, methods=["POST"]),
            Route("/healthz", healthz),
        ],
        lifespan=lifespan,
    )
