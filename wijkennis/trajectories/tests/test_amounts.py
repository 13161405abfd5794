"""Amounts written the Dutch way are read back exactly; anything doubtful is refused."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from wijkennis.trajectories.amounts import MAX_AMOUNT, format_amount, format_plain, parse_amount


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1.234,56", "1234.56"),
        ("1234,56", "1234.56"),
        ("€ 12,50", "12.50"),
        ("€12,5", "12.50"),
        ("12", "12.00"),
        ("12,-", "12.00"),
        ("1.000.000", "1000000.00"),
        ("  80 ", "80.00"),
        ("0,05", "0.05"),
    ],
)
def test_dutch_amounts_are_read(text, expected):
    assert parse_amount(text) == Decimal(expected)


@pytest.mark.parametrize(
    "text, code",
    [
        ("12.34.5", "invalid"),
        ("abc", "invalid"),
        ("-12,50", "negative"),
        ("12,345", "decimals"),
        ("1.5", "invalid"),  # one and a half, or fifteen hundred? Refused, not guessed.
        ("12.3456", "invalid"),
        ("", "required"),
        ("99999999999", "too_large"),
    ],
)
def test_bad_amounts_are_refused_with_a_message(text, code):
    with pytest.raises(ValidationError) as refused:
        parse_amount(text)
    assert refused.value.code == code
    assert refused.value.messages[0]


def test_amounts_are_written_the_dutch_way():
    assert format_amount(Decimal("1234.56")) == "€ 1.234,56"
    assert format_amount(Decimal("80")) == "€ 80,00"
    assert format_plain(Decimal("1234567.5")) == "1.234.567,50"


@given(st.decimals(min_value=0, max_value=MAX_AMOUNT, places=2, allow_nan=False))
def test_an_amount_written_the_dutch_way_reads_back_the_same(amount):
    assert parse_amount(format_plain(amount)) == amount
    assert parse_amount(format_amount(amount)) == amount
    assert parse_amount(format_plain(amount).replace(".", "")) == amount
