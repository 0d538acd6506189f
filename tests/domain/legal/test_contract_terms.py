"""Contract term arithmetic without a database."""

from __future__ import annotations

from datetime import date

from domain.legal.terms import add_months, notice_deadline, renewal_date


def test_contract_renewal_date_follows_term_and_notice():
    renewal = renewal_date(start_date=date(2024, 1, 15), term_months=12, auto_renew=False)
    assert renewal == date(2025, 1, 15)
    assert notice_deadline(renewal=renewal, notice_period_days=90) == date(2024, 10, 17)


def test_an_auto_renewing_contract_rolls_to_the_next_term():
    start = date(2023, 3, 1)
    assert renewal_date(start_date=start, term_months=12, auto_renew=True, as_of=date(2024, 2, 29)) == date(2024, 3, 1)
    assert renewal_date(start_date=start, term_months=12, auto_renew=True, as_of=date(2024, 3, 1)) == date(2024, 3, 1)
    assert renewal_date(start_date=start, term_months=12, auto_renew=True, as_of=date(2024, 3, 2)) == date(2025, 3, 1)
    assert renewal_date(start_date=start, term_months=12, auto_renew=False, as_of=date(2024, 3, 2)) == date(2024, 3, 1)


def test_month_ends_are_clamped_without_drifting():
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2023, 1, 31), 1) == date(2023, 2, 28)
    assert add_months(date(2024, 11, 30), 3) == date(2025, 2, 28)
    start = date(2024, 1, 31)
    assert [renewal_date(start_date=start, term_months=1, auto_renew=True, as_of=day) for day in (date(2024, 3, 1), date(2024, 4, 1))] == [
        date(2024, 3, 31), date(2024, 4, 30),
    ]
