"""Words, money and dates."""

from __future__ import annotations

from fractions import Fraction

import pytest

from policykit.model import Combination, Fine, Penalty, Term, TermRange, Unit
from policykit.rendering import describe_penalty, format_money
from policykit.tables import escape_markdown


@pytest.mark.parametrize(
    ("amount", "currency", "lang", "expected"),
    [
        (50_000_000, "KRW", "en", "₩50,000,000"),
        (45_000, "EUR", "en", "€45,000"),
        (500, "CNY", "en", "CN¥500"),
        (45_000, "EUR", "fr", "45\u202f000\u00a0€"),
    ],
)
def test_money(amount: int, currency: str, lang: str, expected: str) -> None:
    assert format_money(amount, currency, lang) == expected


YEARS = Unit.YEARS


@pytest.mark.parametrize(
    ("penalty", "expected"),
    [
        (
            Penalty(
                imprisonment=TermRange(max=Term(7, YEARS)),
                fine=Fine("KRW", max=50_000_000),
                combination=Combination.EITHER,
            ),
            "imprisonment up to 7 years or fine up to ₩50,000,000",
        ),
        (
            Penalty(
                imprisonment=TermRange(max=Term(1, YEARS)),
                fine=Fine("EUR", max=45_000),
                combination=Combination.CUMULATIVE,
            ),
            "imprisonment up to 1 year and fine up to €45,000",
        ),
        (Penalty(imprisonment=TermRange(min=Term(3, YEARS))), "imprisonment at least 3 years"),
        (
            Penalty(
                imprisonment=TermRange(min=Term(3, YEARS), max=Term(10, YEARS)),
                fine=Fine("CNY", unspecified=True),
                combination=Combination.FINE_MUST_BE_ADDED,
            ),
            "imprisonment 3–10 years, with fine (amount not fixed by statute)",
        ),
        (
            Penalty(
                administrative_detention=TermRange(min=Term(5, Unit.DAYS), max=Term(10, Unit.DAYS)),
                fine=Fine("CNY", max=500),
                combination=Combination.FINE_MAY_BE_ADDED,
            ),
            "detention 5–10 days, optionally with fine up to CN¥500",
        ),
        (
            Penalty(imprisonment=TermRange(min=Term(10, YEARS)), life_imprisonment=True),
            "imprisonment at least 10 years or life imprisonment",
        ),
        (Penalty(increase=Fraction(1, 2)), "base penalty raised by up to 1/2"),
    ],
)
def test_describe_penalty(penalty: Penalty, expected: str) -> None:
    assert describe_penalty(penalty) == expected


def test_markdown_escaping() -> None:
    assert escape_markdown("a | b\nc \\ d") == "a \\| b c \\\\ d"
