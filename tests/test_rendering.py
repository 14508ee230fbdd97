"""Words, money and dates."""

from __future__ import annotations

from fractions import Fraction

import attrs
import pytest

from policykit.model import (
    Combination,
    Fine,
    FineUnit,
    FineUnits,
    Penalty,
    SummaryPenalty,
    Term,
    TermRange,
    Trial,
    Unit,
)
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


# -- modes of trial and fines in units ---------------------------------------------------------------------------

_HYBRID = Penalty(
    imprisonment=TermRange(max=Term(5, Unit.YEARS)),
    trial=Trial.EITHER_WAY,
    summary=SummaryPenalty(
        TermRange(max=Term(2, Unit.YEARS, less_a_day=True)), Fine("CAD", max=5000), Combination.EITHER_OR_BOTH
    ),
)
_DAY_FINES = Penalty(
    imprisonment=TermRange(max=Term(2, Unit.YEARS)),
    fine=Fine("EUR", units=FineUnits(FineUnit.DAILY, 5, 360, 1, 30000)),
    combination=Combination.EITHER,
)


def test_an_offence_triable_either_way_names_both_maxima() -> None:
    assert describe_penalty(_HYBRID) == (
        "on indictment: imprisonment up to 5 years; on summary conviction: imprisonment up to 2 years less a day"
        " or fine up to CA$5,000, or both"
    )
    assert describe_penalty(_HYBRID, "fr") == (
        "sur mise en accusation\u00a0: emprisonnement jusqu'à 5 ans; en procédure sommaire\u00a0: emprisonnement"
        " jusqu'à 2 ans moins un jour ou amende jusqu'à 5\u202f000\u00a0$CA, ou les deux"
    )
    summary_only = attrs.evolve(_HYBRID, trial=Trial.SUMMARY_ONLY, summary=None)
    assert describe_penalty(summary_only) == "imprisonment up to 5 years (summary conviction only)"


def test_two_years_less_a_day_is_a_day_short_of_two_years() -> None:
    term = Term(2, Unit.YEARS, less_a_day=True)
    assert term.months == 24 - Fraction(12, 365)
    assert term.days == 729
    assert str(term) == "2 years less a day"


def test_day_fines_state_the_units_and_the_value_of_one() -> None:
    assert describe_penalty(_DAY_FINES) == "imprisonment up to 2 years or fine of 5–360 daily units (€1–€30,000 each)"
    assert _DAY_FINES.fine is not None
    assert _DAY_FINES.fine.ceiling == 360 * 30000
    penalty_units = Fine("AUD", units=FineUnits(FineUnit.PENALTY, max=120, per_unit_max=330))
    assert describe_penalty(Penalty(fine=penalty_units)) == "fine of up to 120 penalty units (up to A$330 each)"
    assert Fine("AUD", units=FineUnits(FineUnit.PENALTY, max=120)).ceiling is None
