"""Shared rounded scores: the value of ``round`` as one float object per value."""

from __future__ import annotations

import random

import pytest

from pipeline.records import rounded


@pytest.mark.parametrize("digits", [3, 4])
def test_rounded_equals_round_and_shares_the_object(digits: int) -> None:
    values = [random.Random(digits).random() for _ in range(2_000)] + [0.0, 1.0, 0.5, 0.0005, 0.99995]
    for value in values:
        expected = round(value, digits)
        first, second = rounded(value, digits), rounded(float(f"{value!r}"), digits)
        assert first == expected and type(first) is float
        assert first is second  # one object per value, however the value was computed


def test_values_outside_the_shared_range_are_rounded_as_usual() -> None:
    assert rounded(1.23456, 3) == 1.235 and rounded(-0.25, 4) == -0.25 and rounded(0.123456, 2) == 0.12
