"""The bot registry: names are API, params are checked up front with errors that name the param."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from bots import BotRegistry, default_registry
from bots.errors import ErrorCode, InvalidParams
from bots.redaction import MASK, Redactor

BOT_NAMES = ["bank.download_statements", "bank.submit_payment", "supplier.submit_purchase_order", "tax.file_vat_return"]
CANARY_NAMES = ["bank.canary", "supplier.canary", "tax.canary"]


def test_the_registry_holds_the_four_bots_and_a_canary_per_portal_under_their_api_names():
    registry = default_registry()

    assert registry.names() == sorted(BOT_NAMES + CANARY_NAMES)
    assert {registry.get(name).portal for name in BOT_NAMES} == {"tax", "bank", "supplier"}
    assert [name for name in registry.names() if registry.get(name).canary] == CANARY_NAMES


def test_the_bots_that_write_describe_their_write_for_the_exactly_once_ledger():
    registry = default_registry()
    writers = [name for name in registry.names() if registry.get(name).makes_writes]
    payment = registry.get("bank.submit_payment").validate(
        {"beneficiary": "M", "iban": "NL91 ABNA 0417 1643 00", "amount": "5", "currency": "EUR", "idempotency_key": "key-00001"}
    )

    assert writers == ["bank.submit_payment", "supplier.submit_purchase_order", "tax.file_vat_return"]
    intent = payment.write_intent()
    assert (intent.scope, intent.key, intent.summary["amount"]) == ("bank.payment", "key-00001", "5.00")
    assert intent.digest != payment.model_copy(update={"amount": 6}).write_intent().digest


def test_each_bot_publishes_a_json_schema_of_its_params():
    schema = default_registry().get("bank.submit_payment").params_schema()

    assert set(schema["required"]) == {"beneficiary", "iban", "amount", "currency", "idempotency_key"}


def test_bad_params_are_refused_naming_each_param_and_why():
    bot = default_registry().get("bank.submit_payment")

    with pytest.raises(InvalidParams) as refused:
        bot.validate(
            {
                "beneficiary": "",
                "iban": "NL91ABNA0417164301",
                "amount": "-5",
                "currency": "EUR",
                "idempotency_key": "k",
                "colour": "red",
            }
        )

    errors = refused.value.details["errors"]
    assert set(errors) == {"beneficiary", "iban", "amount", "idempotency_key", "colour"}
    assert errors["iban"] == "not a valid IBAN (check digits do not match)"
    assert refused.value.code is ErrorCode.INVALID_PARAMS and "amount" in refused.value.message


def test_nested_params_are_named_by_their_path():
    bot = default_registry().get("supplier.submit_purchase_order")

    with pytest.raises(InvalidParams) as refused:
        bot.validate({"po_reference": "PO-1", "lines": [{"sku": "MIS-10001", "quantity": 0}]})

    assert list(refused.value.details["errors"]) == ["lines.0.quantity"]


def test_the_statement_dates_must_be_in_order():
    bot = default_registry().get("bank.download_statements")

    with pytest.raises(InvalidParams, match="date_from must not be after date_to"):
        bot.validate({"date_from": "2026-05-01", "date_to": "2026-04-01"})


def test_without_dates_the_statement_covers_the_last_30_days_and_a_bad_date_is_named_alone():
    bot = default_registry().get("bank.download_statements")
    today = datetime.now(UTC).date()

    default = bot.validate({})
    only_end = bot.validate({"date_to": "2026-01-31"})
    with pytest.raises(InvalidParams) as refused:
        bot.validate({"date_to": "soon"})

    assert (default.date_from, default.date_to) == (today - timedelta(days=30), today)
    assert (only_end.date_from, only_end.date_to) == (date(2026, 1, 1), date(2026, 1, 31))
    assert list(refused.value.details["errors"]) == ["date_to"]


def test_an_unknown_bot_is_refused_naming_the_known_ones():
    with pytest.raises(InvalidParams, match=r"tax\.file_vat_return"):
        BotRegistry(default_registry().get(name) for name in ["tax.file_vat_return"]).get("tax.pay_taxes")


def test_secrets_are_masked_in_every_form_a_trace_records_them():
    redactor = Redactor(["Bank-3f9c0a+61 d2"])

    assert (
        redactor.text('password=Bank-3f9c0a%2B61+d2&x={"v":"Bank-3f9c0a+61 d2"}')
        == f'password={MASK}&x={{"v":"{MASK}"}}'
    )
