"""The ledger through the graph: a journal is posted only when it balances, never changes once posted,
and is corrected by exactly one reversal."""

from __future__ import annotations

CREATE_ACCOUNT = "mutation($input: CreateAccountInput!) { createAccount(input: $input) { account { id code } userErrors { field code } } }"
CREATE_JOURNAL = """
mutation($input: CreateJournalInput!) {
  createJournal(input: $input) { journal { id number status totalDebit { amount } totalCredit { amount } } userErrors { field message code } }
}
"""
ADD_ENTRIES = """
mutation($input: AddJournalEntriesInput!) {
  addJournalEntries(input: $input) { journal { totalDebit { amount } totalCredit { amount } } userErrors { field message code } }
}
"""
POST = """
mutation($input: PostJournalInput!) { postJournal(input: $input) { journal { status postedBy } userErrors { field message code } } }
"""
REVERSE = """
mutation($input: ReverseJournalInput!) {
  reverseJournal(input: $input) {
    reversal { status entryDate reversalOf { number } entries { edges { node { debit { amount } credit { amount } account { code } } } } }
    userErrors { field message code }
  }
}
"""
JOURNAL = "query($id: ID!) { journal(id: $id) { status description entries { totalCount } reversedBy { number } } }"


async def accounts(graphql, tenant) -> tuple[str, str]:
    cash = await graphql.execute(CREATE_ACCOUNT, {"input": {"code": "1000", "name": "Cash", "type": "ASSET"}}, api_key=tenant.api_key)
    rent = await graphql.execute(CREATE_ACCOUNT, {"input": {"code": "6100", "name": "Rent", "type": "EXPENSE"}}, api_key=tenant.api_key)
    return cash["createAccount"]["account"]["id"], rent["createAccount"]["account"]["id"]


async def journal(graphql, tenant, entries: list[dict]) -> dict:
    variables = {"input": {"entryDate": "2024-03-01", "description": "March rent", "currency": "EUR", "entries": entries}}
    return (await graphql.execute(CREATE_JOURNAL, variables, api_key=tenant.api_key))["createJournal"]


async def test_an_unbalanced_journal_is_not_posted_until_it_balances(graphql, tenant):
    cash, rent = await accounts(graphql, tenant)
    created = (await journal(graphql, tenant, [{"accountId": rent, "debit": "800"}, {"accountId": cash, "credit": "750"}]))["journal"]

    refused = await graphql.execute(POST, {"input": {"journalId": created["id"]}}, api_key=tenant.api_key)
    still = await graphql.execute(JOURNAL, {"id": created["id"]}, api_key=tenant.api_key)
    added = await graphql.execute(ADD_ENTRIES, {"input": {"journalId": created["id"], "entries": [{"accountId": cash, "credit": "50"}]}}, api_key=tenant.api_key)
    posted = await graphql.execute(POST, {"input": {"journalId": created["id"]}}, api_key=tenant.api_key)

    assert created["status"] == "DRAFT" and (created["totalDebit"], created["totalCredit"]) == ({"amount": "800.00"}, {"amount": "750.00"})
    assert refused["postJournal"] == {"journal": None, "userErrors": [{
        "field": ["input", "entries"], "code": "JOURNAL_UNBALANCED",
        "message": refused["postJournal"]["userErrors"][0]["message"],
    }]}
    assert still["journal"]["status"] == "DRAFT"
    assert added["addJournalEntries"]["journal"] == {"totalDebit": {"amount": "800.00"}, "totalCredit": {"amount": "800.00"}}
    assert posted["postJournal"]["journal"]["status"] == "POSTED"
    assert posted["postJournal"]["journal"]["postedBy"].startswith("api_key:")


async def test_a_posted_journal_is_immutable(graphql, tenant):
    cash, rent = await accounts(graphql, tenant)
    created = (await journal(graphql, tenant, [{"accountId": rent, "debit": "800"}, {"accountId": cash, "credit": "800"}]))["journal"]
    await graphql.execute(POST, {"input": {"journalId": created["id"]}}, api_key=tenant.api_key)

    added = await graphql.execute(ADD_ENTRIES, {"input": {"journalId": created["id"], "entries": [{"accountId": cash, "credit": "1"}]}}, api_key=tenant.api_key)
    renamed = await graphql.execute(
        "mutation($input: UpdateJournalInput!) { updateJournal(input: $input) { journal { description } userErrors { field code } } }",
        {"input": {"journalId": created["id"], "description": "Changed"}}, api_key=tenant.api_key,
    )
    after = await graphql.execute(JOURNAL, {"id": created["id"]}, api_key=tenant.api_key)

    assert [(error["field"], error["code"]) for error in added["addJournalEntries"]["userErrors"]] == [(["input", "journalId"], "JOURNAL_POSTED")]
    assert renamed["updateJournal"] == {"journal": None, "userErrors": [{"field": ["input", "journalId"], "code": "JOURNAL_POSTED"}]}
    assert after["journal"] == {"status": "POSTED", "description": "March rent", "entries": {"totalCount": 2}, "reversedBy": None}


async def test_a_posted_journal_is_corrected_by_one_mirrored_reversal(graphql, tenant):
    cash, rent = await accounts(graphql, tenant)
    created = (await journal(graphql, tenant, [{"accountId": rent, "debit": "800"}, {"accountId": cash, "credit": "800"}]))["journal"]
    draft = (await journal(graphql, tenant, [{"accountId": rent, "debit": "1"}, {"accountId": cash, "credit": "1"}]))["journal"]
    await graphql.execute(POST, {"input": {"journalId": created["id"]}}, api_key=tenant.api_key)
    reverse = {"input": {"journalId": created["id"], "entryDate": "2024-03-31", "reason": "wrong month"}}

    reversed_ = await graphql.execute(REVERSE, reverse, api_key=tenant.api_key)
    again = await graphql.execute(REVERSE, reverse, api_key=tenant.api_key)
    of_draft = await graphql.execute(REVERSE, {"input": {**reverse["input"], "journalId": draft["id"]}}, api_key=tenant.api_key)
    original = await graphql.execute(JOURNAL, {"id": created["id"]}, api_key=tenant.api_key)

    reversal = reversed_["reverseJournal"]["reversal"]
    assert reversal["status"] == "POSTED" and reversal["entryDate"] == "2024-03-31"
    assert reversal["reversalOf"] == {"number": created["number"]}
    assert [(edge["node"]["account"]["code"], edge["node"]["debit"]["amount"], edge["node"]["credit"]["amount"]) for edge in reversal["entries"]["edges"]] == [
        ("6100", "0.00", "800.00"), ("1000", "800.00", "0.00")
    ]
    assert again["reverseJournal"]["userErrors"][0]["code"] == "JOURNAL_ALREADY_REVERSED"
    assert of_draft["reverseJournal"]["userErrors"][0]["code"] == "JOURNAL_NOT_POSTED"
    assert original["journal"]["reversedBy"] is not None


async def test_each_entry_is_a_debit_or_a_credit_on_an_account_of_this_tenant(graphql, tenant, other_tenant):
    cash, rent = await accounts(graphql, tenant)
    foreign, _ = await accounts(graphql, other_tenant)

    both_sides = await journal(graphql, tenant, [{"accountId": rent, "debit": "1"}, {"accountId": cash, "debit": "1", "credit": "1"}])
    foreign_account = await journal(graphql, tenant, [{"accountId": foreign, "debit": "1"}, {"accountId": cash, "credit": "1"}])
    listed = await graphql.execute("{ journals { totalCount } }", api_key=tenant.api_key)

    assert [(error["field"], error["code"]) for error in both_sides["userErrors"]] == [(["input", "entries", "1"], "ENTRY_NEEDS_ONE_SIDE")]
    assert [(error["field"], error["code"]) for error in foreign_account["userErrors"]] == [(["input", "entries", "0", "accountId"], "NOT_FOUND")]
    assert listed["journals"]["totalCount"] == 0


async def test_journals_filter_by_status_and_order_by_number(graphql, tenant):
    cash, rent = await accounts(graphql, tenant)
    numbers = []
    for _ in range(3):
        created = (await journal(graphql, tenant, [{"accountId": rent, "debit": "5"}, {"accountId": cash, "credit": "5"}]))["journal"]
        numbers.append(created["number"])
    first_id = (await graphql.execute('{ journals(orderBy: {field: NUMBER}) { edges { node { id } } } }', api_key=tenant.api_key))
    await graphql.execute(POST, {"input": {"journalId": first_id["journals"]["edges"][0]["node"]["id"]}}, api_key=tenant.api_key)

    drafts = await graphql.execute(
        '{ journals(filter: {status: DRAFT}, orderBy: {field: NUMBER, direction: DESC}) { edges { node { number } } } }', api_key=tenant.api_key
    )

    assert [edge["node"]["number"] for edge in drafts["journals"]["edges"]] == [numbers[2], numbers[1]]
