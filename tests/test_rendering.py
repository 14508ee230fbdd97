"""Words, money and dates."""

from __future__ import annotations

from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from policykit.model import (
    Combination,
    Factor,
    FactorKind,
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
from policykit.rendering import describe_penalty, format_money, text_in, vocabulary_text
from policykit.tables import Table, display_width, escape_markdown, render, wrap_cells


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


@pytest.mark.parametrize(
    ("amount", "currency", "lang", "expected"),
    [
        (30_000_000, "KRW", "ko", "3천만원"),
        (15_000_000, "KRW", "ko", "1천500만원"),
        (5_000_000, "KRW", "ko", "500만원"),
        (300_000_000, "KRW", "ko", "3억원"),
        (12_345, "KRW", "ko", "12,345원"),
        (45_000, "EUR", "ko", "€45,000"),
        (500, "CNY", "zh", "500元"),
        (100_000, "CNY", "zh", "100,000元"),
        (45_000, "EUR", "zh", "€45,000"),
    ],
)
def test_money_as_chinese_and_korean_statutes_write_it(amount: int, currency: str, lang: str, expected: str) -> None:
    assert format_money(amount, currency, lang) == expected


_ABOUT = {
    "plain": Penalty(
        imprisonment=TermRange(max=Term(3, YEARS)), fine=Fine("KRW", max=30_000_000), combination=Combination.EITHER
    ),
    "range with fine added": Penalty(
        imprisonment=TermRange(min=Term(3, YEARS), max=Term(10, YEARS)),
        fine=Fine("CNY", unspecified=True),
        combination=Combination.FINE_MUST_BE_ADDED,
    ),
    "minimum": Penalty(imprisonment=TermRange(min=Term(1, YEARS))),
    "either or both": Penalty(
        imprisonment=TermRange(max=Term(6, Unit.MONTHS)),
        criminal_detention=True,
        fine=Fine("CNY", unspecified=True),
        combination=Combination.EITHER_OR_BOTH,
    ),
    "administrative": Penalty(
        administrative_detention=TermRange(min=Term(5, Unit.DAYS), max=Term(10, Unit.DAYS)),
        fine=Fine("CNY", max=500),
        combination=Combination.FINE_MAY_BE_ADDED,
    ),
    "increase": Penalty(imprisonment=TermRange(max=Term(7, YEARS)), increase=Fraction(1, 2)),
}


@pytest.mark.parametrize(
    ("about", "lang", "expected"),
    [
        ("plain", "ko", "3년 이하의 징역 또는 3천만원 이하의 벌금"),
        ("plain", "zh", "3年以下有期徒刑或者₩30,000,000以下罚金"),
        ("plain", "fr", "emprisonnement de 3\u00a0ans au plus ou amende de 30\u202f000\u202f000\u00a0₩ au plus"),
        ("range with fine added", "zh", "3年以上10年以下有期徒刑，并处罚金（法律未规定数额）"),
        ("range with fine added", "ko", "3년 이상 10년 이하의 징역, 벌금(법률에 액수가 정해져 있지 않음) 필요적 병과"),
        ("range with fine added", "fr", "emprisonnement de 3 à 10 ans, avec amende (montant non fixé par la loi)"),
        ("minimum", "ko", "1년 이상의 유기징역"),
        ("minimum", "zh", "1年以上有期徒刑"),
        ("minimum", "fr", "emprisonnement de 1 an au moins"),
        ("either or both", "zh", "6个月以下有期徒刑或者拘役，并处或者单处罚金（法律未规定数额）"),
        ("administrative", "zh", "5日以上10日以下行政拘留，可以并处500元以下罚款"),
        ("administrative", "ko", "5일 이상 10일 이하의 행정구류, CN¥500 이하의 과태료 임의적 병과"),
        (
            "administrative",
            "fr",
            "détention administrative de 5 à 10 jours, avec, le cas échéant, amende administrative de 500 CNY au plus",
        ),
        ("increase", "ko", "7년 이하의 징역; 기본 법정형의 2분의 1까지 가중"),
        ("increase", "zh", "7年以下有期徒刑；基本刑罚最多加重1/2"),
    ],
)
def test_penalties_read_as_each_language_writes_them(about: str, lang: str, expected: str) -> None:
    """Whole phrases from the catalogs, so the term comes before the sanction where the language puts it there."""
    assert describe_penalty(_ABOUT[about], lang).replace("\u00a0", " ").replace("\u202f", " ") == expected.replace(
        "\u00a0", " "
    ).replace("\u202f", " ")


def test_names_fall_back_to_the_original_in_its_language_else_english() -> None:
    import policykit
    from policykit.rendering import name_in

    data = policykit.load()
    names = {code: data.jurisdictions[code].name for code in ("CN", "KR", "JP", "FR") if code in data.jurisdictions}
    assert name_in(data, names["CN"], "CN", "zh") == names["CN"].original
    assert name_in(data, names["KR"], "KR", "ko") == names["KR"].original
    assert name_in(data, names["KR"], "KR", "zh") == names["KR"].en
    assert name_in(data, names["CN"], "CN", "ko") == names["CN"].en
    assert name_in(data, names["FR"], "FR", "fr") == names["FR"].fr
    if "JP" in names:  # Japanese is not Chinese, though its name is written in kanji
        assert name_in(data, names["JP"], "JP", "zh") == names["JP"].en


def test_docstring_examples() -> None:
    import doctest

    from policykit import _gettext, rendering

    for module in (rendering, _gettext):
        assert doctest.testmod(module, raise_on_error=False, verbose=False).failed == 0, module.__name__


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
        "sur mise en accusation\u00a0: emprisonnement de 5\u00a0ans au plus\u00a0; en procédure sommaire\u00a0:"
        " emprisonnement de 2\u00a0ans moins un jour au plus ou amende de 5\u202f000\u00a0$CA au plus, ou les deux"
    )
    assert describe_penalty(_HYBRID, "zh").startswith("依公诉程序：5年以下有期徒刑；依简易程序：2年减一日以下有期徒刑")
    summary_only = attrs.evolve(_HYBRID, trial=Trial.SUMMARY_ONLY, summary=None)
    assert describe_penalty(summary_only) == "imprisonment up to 5 years (summary conviction only)"


def test_two_years_less_a_day_is_a_day_short_of_two_years() -> None:
    term = Term(2, Unit.YEARS, less_a_day=True)
    assert term.months == 24 - Fraction(12, 365)
    assert term.days == 729
    assert str(term) == "2 years less a day"


def test_day_fines_state_the_units_and_the_value_of_one() -> None:
    assert describe_penalty(_DAY_FINES) == "imprisonment up to 2 years or fine of 5–360 daily units of €1–€30,000 each"
    assert describe_penalty(_DAY_FINES, "fr").endswith(
        "amende de 5 à 360 jours-amende de 1\u00a0€ à 30\u202f000\u00a0€ chacun"
    )
    assert _DAY_FINES.fine is not None
    assert _DAY_FINES.fine.ceiling == 360 * 30000
    penalty_units = Fine("AUD", units=FineUnits(FineUnit.PENALTY, max=120, per_unit_max=330))
    assert describe_penalty(Penalty(fine=penalty_units)) == "fine of up to 120 penalty units of up to A$330 each"
    assert Fine("AUD", units=FineUnits(FineUnit.PENALTY, max=120)).ceiling is None


# -- fitting a terminal ------------------------------------------------------------------------------------------


def test_every_one_column_character_takes_one_column_for_wcwidth_too() -> None:
    from wcwidth import wcwidth

    from policykit.tables import ONE_COLUMN

    assert [hex(ord(character)) for character in sorted(ONE_COLUMN) if wcwidth(character) != 1] == []


@given(
    cells=st.lists(
        st.lists(st.text(alphabet=st.sampled_from("ab 年€–-/:x\u00a0"), max_size=60), min_size=3, max_size=3),
        max_size=4,
    ),
    width=st.integers(min_value=40, max_value=200),
)
def test_a_wrapped_grid_fits_its_width(cells: list[list[str]], width: int) -> None:
    table = Table(("Conduct", "KR", "FR"), tuple(tuple(row) for row in cells))
    lines = render(table, "grid", width).rstrip("\n").split("\n")
    assert max(display_width(line) for line in lines) <= width
    # Nothing is lost: each cell's text is all there, in order, only broken into lines.
    _, wrapped = wrap_cells(["Conduct", "KR", "FR"], cells, width)
    for row, shown in zip(cells, wrapped, strict=True):
        for cell, text in zip(row, shown, strict=True):
            assert "".join(text.split()) == "".join(cell.split())


def test_wrapping_breaks_at_spaces_and_inside_long_words_only() -> None:
    _, rows = wrap_cells(["A", "B"], [["one two three four", "https://example.org/a/very/long/address"]], 50)
    assert rows[0][0] == "one two three four"  # narrower than its share: kept whole
    assert all(display_width(line) <= 25 for line in rows[0][1].split("\n"))
    assert rows[0][1].replace("\n", "") == "https://example.org/a/very/long/address"


def test_chinese_text_wraps_by_the_columns_it_takes() -> None:
    _, rows = wrap_cells(["法律", "处罚"], [["中华人民共和国治安管理处罚法", "5日以下拘留或者1000元以下罚款"]], 40)
    for cell in rows[0]:
        assert all(display_width(line) <= 20 for line in cell.split("\n"))


def test_a_vocabulary_label_in_the_language_asked_else_english_marked_as_such() -> None:
    minor = Factor("minor_victim", FactorKind.AGGRAVATING, "Victim is a minor", "Victime mineure", zh="未成年被害人")
    assert text_in(minor, "zh") == ("未成年被害人", "zh-Hans")
    assert text_in(minor, "fr") == ("Victime mineure", "fr")
    # No Korean label: the English one, tagged English so that HTML marks it.
    assert text_in(minor, "ko") == ("Victim is a minor", "en")
    assert vocabulary_text(attrs.evolve(minor, ko="피해자가 미성년자"), "ko") == "피해자가 미성년자"
