"""Seeded draws the generators share: weighted choices, amounts of money and quantities."""

from __future__ import annotations

import random
from collections.abc import Sequence
from decimal import Decimal
from typing import TypeVar

T = TypeVar("T")
CENT = Decimal("0.01")


def weighted(rng: random.Random, options: Sequence[tuple[T, float]]) -> T:
    """One of the options, each as likely as its weight."""
    values, weights = zip(*options, strict=True)
    return rng.choices(values, weights=weights)[0]


def chance(rng: random.Random, probability: float) -> bool:
    return rng.random() < probability


def money(rng: random.Random, low: float, high: float, *, step: int = 1) -> Decimal:
    """An amount from `low` to `high`, a multiple of `step` (in whole currency units) when step > 1."""
    if step > 1:
        return Decimal(rng.randint(int(low) // step, int(high) // step) * step)
    return (Decimal(rng.randint(int(low * 100), int(high * 100))) * CENT).quantize(CENT)


def share(amount: Decimal, low: float, high: float, rng: random.Random) -> Decimal:
    """A part of `amount` between the fractions `low` and `high`, in cents."""
    return (amount * Decimal(rng.randint(int(low * 100), int(high * 100))) / 100).quantize(CENT)


def scaled(size: int, ratio: float, *, minimum: int, maximum: int | None = None) -> int:
    """`size` x `ratio`, at least `minimum` (and at most `maximum`)."""
    count = max(minimum, round(size * ratio))
    return min(count, maximum) if maximum is not None else count
