"""Text: penalties in words, money and dates by locale, and comparison tables.

Rendering never decides law: it only words what `policykit.comparison` and the model hold.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from fractions import Fraction
from functools import cache
from typing import TypeVar

from policykit._babel import Locale, format_currency, format_date, format_decimal
from policykit._gettext import LANGUAGES as LANGUAGES
from policykit._gettext import N_, NP_, html_lang, translations, translator
from policykit.applying import Raise
from policykit.cases import Case
from policykit.comparison import Cell
from policykit.model import (
    Combination,
    Conduct,
    CoverageStatus,
    Dataset,
    DatePrecision,
    Factor,
    Fine,
    FineUnit,
    FineUnits,
    Liability,
    NamedCase,
    Names,
    Penalty,
    Provision,
    Reach,
    SourceKind,
    Status,
    Term,
    TermRange,
    Threshold,
    Trial,
    Unit,
    Version,
)

#: Keys of the words tables and reports use, with their English text: the gettext message id, translated by the
#: catalogs in `policykit/locale` (`labels(lang)`).
_LABELS: dict[str, str] = {
    "conduct": N_("Conduct"),
    "jurisdiction": N_("Jurisdiction"),
    "date": N_("Date"),
    "provision": N_("Provision"),
    "article": N_("Article"),
    "act": N_("Act"),
    "change": N_("Change"),
    "change_enacted": N_("enacted"),
    "change_first_coded": N_("first version in the data (already in force when the data begins)"),
    "aspect_penalty_terms": N_("penalty terms changed, same severity"),
    "aspect_tiers": N_("aggravated tiers"),
    "aspect_thresholds": N_("thresholds"),
    "aspect_conducts": N_("conducts covered"),
    "aspect_conditions": N_("conditions of application"),
    "aspect_ancillary": N_("ancillary measures"),
    "aspect_prosecution": N_("prosecution"),
    "aspect_wording": N_("wording only (no coded term changed; see the version's summary)"),
    "discretionary": N_("discretionary"),
    "ancillary_sex_offender_registration": N_("sex-offender registration"),
    "ancillary_confiscation": N_("confiscation"),
    "ancillary_confiscation_of_property": N_("confiscation of property"),
    "ancillary_disclosure_of_identity": N_("disclosure of identity"),
    "ancillary_treatment_or_education_order": N_("treatment or education order"),
    "ancillary_employment_restriction": N_("employment restriction"),
    "ancillary_deletion_or_blocking": N_("deletion or blocking"),
    "ancillary_protection_order": N_("protection order"),
    "change_renumbered": N_("renumbered"),
    "change_raised": N_("penalty raised"),
    "change_lowered": N_("penalty lowered"),
    "change_amended": N_("amended (same base penalty)"),
    "change_thresholds": N_("thresholds set by judicial interpretation (same penalty)"),
    "change_repealed": N_("repealed"),
    "change_added": N_("added"),
    "change_removed": N_("removed"),
    "event": N_("event (context, not law): {name}"),
    "diff_between": N_("Changes in {code} between {start} and {end}."),
    "no_changes": N_("No change."),
    "life": N_("life imprisonment"),
    "criminal_detention": N_("criminal detention"),
    "public_surveillance": N_("public surveillance"),
    "warning": N_("warning"),
    "art": N_("art."),
    "criminal_specific": N_("Offence"),
    "criminal_general": N_("General offence"),
    "administrative": N_("Administrative"),
    "civil": N_("Civil"),
    "not_covered": N_("Not covered"),
    "unknown": N_("Unknown (not researched)"),
    "unknown_unclear": N_("Unknown (researched, unclear; the reason is in the note)"),
    "unknown_before_coverage": N_("Unknown (before the data begins on {date})"),
    "unverified_note": N_(
        "† Unverified figure: it rests on one source only or its sources disagree; the version's note says why"
        " (policykit show, or the status column of the export)."
    ),
    "abbreviations": N_("Abbreviations: {items}."),
    # TRANSLATORS: a source's kind, its language code and when it was checked, after its title in a note.
    "source_about": N_("[{kind}, {language}, checked {date}]"),
    # TRANSLATORS: the data's word for an official text, as English output shows it.
    "source_official_text": N_("official_text"),
    # TRANSLATORS: the data's word for an official translation, as English output shows it.
    "source_official_translation": N_("official_translation"),
    # TRANSLATORS: the data's word for a secondary source, as English output shows it.
    "source_secondary": N_("secondary"),
    "read_via": N_("(read via {url})"),
    "statement_checked": N_("(checked {date})"),
    "before_coverage": N_("Warning: the data for {code} begins on {date}; law in force before then is not in it."),
    "civil_remedy": N_("civil remedy"),
    "as_of": N_("As of {date}."),
    "verified": N_("Data last verified: {dates}."),
    "verified_one": N_("{code} on {date}"),
    # TRANSLATORS: the colon between a label and what it introduces, spaces included.
    "colon": N_(": "),
    # TRANSLATORS: the separator between the items of a list whose items hold commas, spaces included.
    "semicolon": N_("; "),
    "stale": N_("Warning: the date asked is after the data was verified; the law may have changed since."),
    "heavier_if": N_("heavier if {condition}"),
    "e_g": N_("e.g."),
    "increase_short": N_("up to {fraction} more ({cite})"),
    "undecided_fact": N_("{fact}: the data does not say whether {cite} reaches it"),
    "case": N_("Case"),
    "case_of": N_("Case ({conducts})"),
    "adult_victim": N_("adult victim"),
    "not": N_("not: {fact}"),
    "no_fact": N_("no particular fact"),
    "added_rows": N_("A row marked with a fact adds that one fact to its case."),
    "measure_video_files": N_("video files"),
    "measure_audio_files": N_("audio files"),
    "measure_images": N_("images"),
    "measure_texts": N_("texts"),
    "measure_clicks": N_("clicks"),
    "measure_members": N_("group members"),
    "measure_illegal_gain": N_("yuan of illegal gain"),
    "measure_records": N_("records"),
}
#: The dagger after an unverified figure: a sign, the same in every language.
UNVERIFIED_MARK = "†"

# How a term range of each sanction reads: up to a maximum, at least a minimum, between two terms in one unit (the
# English `3-10 years` names the unit once: {min_number} is the minimum without its unit), and between two terms in
# different units. Whole phrases with placeholders, so that a language can put the sanction after its term (Chinese
# `3年以下有期徒刑`, Korean `3년 이하의 징역`).
_IMPRISONMENT = (
    N_("imprisonment up to {max}"),
    N_("imprisonment at least {min}"),
    N_("imprisonment {min_number}–{max}"),
    N_("imprisonment {min}–{max}"),
)
_DETENTION = (
    N_("detention up to {max}"),
    N_("detention at least {min}"),
    N_("detention {min_number}–{max}"),
    N_("detention {min}–{max}"),
)
_T = TypeVar("_T")
_BARE = (N_("up to {max}"), N_("at least {min}"), N_("{min_number}–{max}"), N_("{min}–{max}"))
# A fine's amount; administrative fines have their own words in some languages (Chinese 罚款 beside the criminal
# 罚金, Korean 과태료 beside 벌금), so they are asked with the context "administrative".
_FINE = (N_("fine up to {max}"), N_("fine at least {min}"), N_("fine {min}–{max}"))
_FINE_UNSPECIFIED = N_("fine (amount not fixed by statute)")
# A fine counted in units (day fines, penalty units): how many units (`{units}`: `5-360 daily units`), and what one
# unit is worth when the law says.
_FINE_UNITS = (N_("fine of {units}"), N_("fine of {units} of {value} each"))
# An offence's mode of trial (England and Wales, Canada), around the words of its penalty.
_TRIALS = {
    Trial.SUMMARY_ONLY: N_("{penalty} (summary conviction only)"),
    Trial.INDICTMENT_ONLY: N_("{penalty} (indictment only)"),
}
_EITHER_WAY = N_("on indictment: {penalty}; on summary conviction: {summary}")
_ADMINISTRATIVE = "administrative"
# The same messages in the context "administrative", spelt out for extraction (`_fine` asks them with `pgettext`).
_ADMINISTRATIVE_FINE = (
    NP_("administrative", "fine up to {max}"),
    NP_("administrative", "fine at least {min}"),
    NP_("administrative", "fine {min}–{max}"),
    NP_("administrative", "fine (amount not fixed by statute)"),
)
_COMBINATIONS = {
    Combination.CUMULATIVE: N_("{main} and {fine}"),
    Combination.FINE_MAY_BE_ADDED: N_("{main}, optionally with {fine}"),
    Combination.FINE_MUST_BE_ADDED: N_("{main}, with {fine}"),
    Combination.EITHER_OR_BOTH: N_("{main} or {fine}, or both"),
}
#: Where statutes in a language write an amount of their own currency as a number and a unit word (`500元`,
#: `5천만원`) rather than with the sign Babel's currency pattern puts first (`¥500`, `₩50,000,000`).
_UNIT_WORDS = {("zh", "CNY"): "元", ("ko", "KRW"): "원"}


def labels(lang: str) -> dict[str, str]:
    """The words of tables and reports in `lang`, by key.

    >>> labels("fr")["criminal_specific"], labels("zh")["not_covered"], labels("ko")["civil"]
    ('Infraction', '未作规定', '민사')
    """
    return _labels(lang)


@cache
def _labels(lang: str) -> dict[str, str]:
    _ = translator(lang)
    return {key: _(message) for key, message in _LABELS.items()}


@cache
def _money_pattern(lang: str) -> str:
    pattern: str = Locale.parse(lang).currency_formats["standard"].pattern
    return pattern.replace(".00", "").replace(",00", "")


def format_money(amount: int, currency: str, lang: str = "en") -> str:
    """An amount grouped as `lang` groups digits, without decimals, with the currency as Babel writes it in `lang`;
    in Chinese and Korean, their own currency as their statutes write it.

    >>> format_money(50_000_000, "KRW"), format_money(45_000, "EUR", "fr") == "45\u202f000\u00a0€"
    ('₩50,000,000', True)
    >>> format_money(30_000_000, "KRW", "ko"), format_money(500, "CNY", "zh"), format_money(45_000, "EUR", "zh")
    ('3천만원', '500元', '€45,000')
    """
    unit = _UNIT_WORDS.get((lang, currency))
    if unit is not None:
        number = _korean_amount(amount) if lang == "ko" else format_decimal(amount, locale=lang)
        return f"{number}{unit}"
    text: str = format_currency(amount, currency, format=_money_pattern(lang), locale=lang, currency_digits=False)
    return text


def _korean_amount(amount: int) -> str:
    """Won as Korean statutes count them, in 만 (10,000) and 억 (100,000,000): `5천만`, `1천500만`, `3억`; an amount
    that is not a whole number of 만 keeps Babel's grouping."""
    if amount < 10_000 or amount % 10_000:
        return format_decimal(amount, locale="ko")
    eok, man = divmod(amount // 10_000, 10_000)
    parts = [f"{format_decimal(eok, locale='ko')}억"] if eok else []
    if man:
        thousands, rest = divmod(man, 1000)
        parts.append(f"{f'{thousands}천' if thousands else ''}{rest or ''}만")
    return " ".join(parts)


def format_day(day: dt.date, lang: str = "en", precision: DatePrecision = DatePrecision.DAY) -> str:
    """A date by the pattern the catalog of `lang` gives (CLDR syntax, formatted by Babel): ISO 8601 in English
    (unambiguous for researchers), `1er janvier 2026` in French, `2026年1月1日`, `2026년 1월 1일`. A date known only
    to the month or year prints as such (`2025-07`, `juillet 2025`).

    >>> [format_day(dt.date(2026, 1, 1), lang) for lang in ("en", "fr", "zh", "ko")]
    ['2026-01-01', '1er\xa0janvier 2026', '2026年1月1日', '2026년 1월 1일']
    """
    catalog = translations(lang)
    if precision is DatePrecision.YEAR:
        # TRANSLATORS: a CLDR date pattern (Babel's format_date) for a year alone.
        pattern = catalog.gettext("yyyy")
    elif precision is DatePrecision.MONTH:
        # TRANSLATORS: a CLDR date pattern (Babel's format_date) for a month and year.
        pattern = catalog.gettext("yyyy-MM")
    elif day.day == 1:
        # TRANSLATORS: a CLDR date pattern for the first day of a month (French writes `1er janvier`).
        pattern = catalog.pgettext("first day of a month", "yyyy-MM-dd")
    else:
        # TRANSLATORS: a CLDR date pattern (Babel's format_date) for a full date; quote literal text ('1er').
        pattern = catalog.gettext("yyyy-MM-dd")
    return format_date(day, format=pattern, locale=lang)


def format_term(term: Term, lang: str = "en") -> str:
    """`3 years`, `3 ans`, `3年`, `3년`."""
    catalog = translations(lang)
    if term.unit is Unit.YEARS:
        text = catalog.ngettext("{count} year", "{count} years", term.amount)
    elif term.unit is Unit.MONTHS:
        text = catalog.ngettext("{count} month", "{count} months", term.amount)
    else:
        text = catalog.ngettext("{count} day", "{count} days", term.amount)
    text = text.format(count=format_decimal(term.amount, locale=lang))
    # TRANSLATORS: Canada's "two years less a day" ({term} is "2 years").
    return catalog.gettext("{term} less a day").format(term=text) if term.less_a_day else text


def _span(
    low: _T | None,
    high: _T | None,
    write: Callable[[_T], str],
    lang: str,
    messages: tuple[str, str, str, str],
    between: str,
    min_number: str = "",
) -> str:
    """`up to {max}`, `at least {min}` or the `between` message of `messages`, with bounds written by `write`."""
    _ = translator(lang)
    up_to, at_least = messages[0], messages[1]
    if low is not None and high is not None:
        return _(between).format(min=write(low), max=write(high), min_number=min_number)
    if high is not None:
        return _(up_to).format(max=write(high))
    assert low is not None
    return _(at_least).format(min=write(low))


def _range(term_range: TermRange, lang: str, messages: tuple[str, str, str, str] = _BARE) -> str:
    low, high = term_range.min, term_range.max
    one_unit = low is not None and high is not None and low.unit is high.unit
    between = messages[2] if one_unit else messages[3]
    number = format_decimal(low.amount, locale=lang) if low is not None else ""
    return _span(low, high, lambda term: format_term(term, lang), lang, messages, between, number)


def _fine(fine: Fine, lang: str, administrative: bool = False) -> str:
    catalog = translations(lang)

    def _(message: str) -> str:
        return catalog.pgettext(_ADMINISTRATIVE, message) if administrative else catalog.gettext(message)

    up_to, at_least, between = _FINE
    if fine.unspecified:
        return _(_FINE_UNSPECIFIED)
    if fine.units is not None:
        return _fine_units(fine, fine.units, lang)
    if fine.min is not None and fine.max is not None:
        low, high = format_money(fine.min, fine.currency, lang), format_money(fine.max, fine.currency, lang)
        return _(between).format(min=low, max=high)
    if fine.max is not None:
        return _(up_to).format(max=format_money(fine.max, fine.currency, lang))
    assert fine.min is not None
    return _(at_least).format(min=format_money(fine.min, fine.currency, lang))


def _unit_count(count: int, kind: FineUnit, lang: str) -> str:
    """`360 daily units`, `120 penalty units`."""
    catalog = translations(lang)
    if kind is FineUnit.DAILY:
        text = catalog.ngettext("{count} daily unit", "{count} daily units", count)
    else:
        text = catalog.ngettext("{count} penalty unit", "{count} penalty units", count)
    return text.format(count=format_decimal(count, locale=lang))


def _fine_units(fine: Fine, units: FineUnits, lang: str) -> str:
    """`fine of 5-360 daily units of €1-€30,000 each`: the units as a range of terms, the value as a range of
    amounts."""
    _ = translator(lang)
    number = format_decimal(units.min, locale=lang) if units.min is not None else ""
    count = _span(
        units.min, units.max, lambda count: _unit_count(count, units.kind, lang), lang, _BARE, _BARE[2], number
    )
    bare, valued = _FINE_UNITS
    if units.per_unit_min is None and units.per_unit_max is None:
        return _(bare).format(units=count)
    value = _span(
        units.per_unit_min, units.per_unit_max, lambda amount: format_money(amount, fine.currency, lang), lang,
        _BARE, _BARE[3],
    )  # fmt: skip
    return _(valued).format(units=count, value=value)


def _with_trial(text: str, penalty: Penalty, lang: str, liability: Liability | None) -> str:
    """A penalty's words with its mode of trial: both maxima of an offence triable either way."""
    _ = translator(lang)
    if penalty.trial is None:
        return text
    if penalty.trial is Trial.EITHER_WAY and penalty.summary is not None:
        summary = penalty.summary
        on_summary = Penalty(imprisonment=summary.imprisonment, fine=summary.fine, combination=summary.combination)
        return _(_EITHER_WAY).format(penalty=text, summary=describe_penalty(on_summary, lang, liability))
    if penalty.trial in _TRIALS:
        return _(_TRIALS[penalty.trial]).format(penalty=text)
    return text


def _either(items: list[str], lang: str) -> str:
    """`A or B or C`: alternative sanctions."""
    _ = translator(lang)
    text = items[0] if items else ""
    for item in items[1:]:
        text = _("{left} or {right}").format(left=text, right=item)
    return text


def _fraction(fraction: Fraction, lang: str) -> str:
    _ = translator(lang)
    # TRANSLATORS: a fraction of a penalty (`1/2`); Korean statutes write `2분의 1`.
    return _("{numerator}/{denominator}").format(numerator=fraction.numerator, denominator=fraction.denominator)


def describe_penalty(penalty: Penalty, lang: str = "en", liability: Liability | None = None) -> str:
    """A penalty in compact words, e.g. `up to 7 years imprisonment or fine up to ₩50,000,000`; an administrative
    penalty's fine (by `liability`, or with administrative detention) in the words for administrative fines.

    >>> from policykit.model import Unit
    >>> penalty = Penalty(
    ...     imprisonment=TermRange(max=Term(3, Unit.YEARS)), fine=Fine("KRW", max=30_000_000),
    ...     combination=Combination.EITHER)
    >>> describe_penalty(penalty, "ko")
    '3년 이하의 징역 또는 3천만원 이하의 벌금'
    >>> describe_penalty(penalty, "zh")
    '3年以下有期徒刑或者₩30,000,000以下罚金'
    """
    _ = translator(lang)
    words = labels(lang)
    custodial: list[str] = []
    if penalty.imprisonment is not None:
        custodial.append(_range(penalty.imprisonment, lang, _IMPRISONMENT))
    if penalty.life_imprisonment:
        custodial.append(words["life"])
    if penalty.criminal_detention:
        custodial.append(words["criminal_detention"])
    if penalty.public_surveillance:
        custodial.append(words["public_surveillance"])
    if penalty.administrative_detention is not None:
        custodial.append(_range(penalty.administrative_detention, lang, _DETENTION))
    if penalty.warning:
        custodial.append(words["warning"])
    administrative = (
        liability is Liability.ADMINISTRATIVE
        if liability is not None
        else penalty.administrative_detention is not None or penalty.warning
    )
    fine = _fine(penalty.fine, lang, administrative) if penalty.fine is not None else None
    main = _either(custodial, lang)
    combination = penalty.combination
    if fine is None:
        text = main
    elif not main:
        text = fine
    elif combination in _COMBINATIONS:
        text = _(_COMBINATIONS[combination]).format(main=main, fine=fine)
    else:
        text = _either([main, fine], lang)
    if penalty.increase is not None:
        increase = _("base penalty raised by up to {fraction}").format(fraction=_fraction(penalty.increase, lang))
        text = f"{text}{words['semicolon']}{increase}" if text else increase
    return _with_trial(text, penalty, lang, liability)


def cite(dataset: Dataset, provision: Provision, lang: str = "en") -> str:
    """`SCA art. 14(1)`: the instrument's abbreviation and the article as the source numbers it."""
    instrument = dataset.instruments.get(provision.instrument_id)
    short = instrument.abbreviation if instrument is not None and instrument.abbreviation else provision.instrument_id
    label = instrument.article_label if instrument is not None and instrument.article_label else labels(lang)["art"]
    return f"{short} {label} {provision.article}"


def _kind_word(provision: Provision, lang: str) -> str:
    """Offence, general offence, administrative or civil: the kind of a provision, in words."""
    words = labels(lang)
    liability = provision.liability
    if liability is Liability.CRIMINAL:
        return words["criminal_general"] if provision.reach is Reach.GENERAL else words["criminal_specific"]
    if liability is Liability.ADMINISTRATIVE:
        return words["administrative"]
    return words["civil"]


def _penalty_words(penalty: Penalty | None, lang: str, liability: Liability | None = None) -> str:
    if penalty is not None and not penalty.is_empty:
        return describe_penalty(penalty, lang, liability)
    return labels(lang)["civil_remedy"]


def brief_penalty(penalty: Penalty | None, lang: str = "en") -> str:
    """A penalty's ceiling in a few words, for "what raises it": `up to 5 years / €75,000`."""
    words = labels(lang)
    if penalty is None or penalty.is_empty:
        return words["civil_remedy"]
    parts: list[str] = []
    if penalty.imprisonment is not None and penalty.life_imprisonment:
        parts.append(_either([_range(penalty.imprisonment, lang), words["life"]], lang))
    elif penalty.life_imprisonment:
        parts.append(words["life"])
    elif penalty.imprisonment is not None:
        parts.append(_range(penalty.imprisonment, lang))
    elif penalty.criminal_detention:
        parts.append(words["criminal_detention"])
    if penalty.administrative_detention is not None:
        parts.append(_range(penalty.administrative_detention, lang, _DETENTION))
    if penalty.fine is not None:
        fine = penalty.fine
        if fine.max is not None:
            parts.append(format_money(fine.max, fine.currency, lang))
        elif not parts:
            parts.append(_fine(fine, lang, penalty.administrative_detention is not None or penalty.warning))
    if not parts and penalty.warning:
        parts.append(words["warning"])
    return " / ".join(parts)


def describe_cell(dataset: Dataset, cell: Cell, lang: str = "en", raises: int = 3) -> str:
    """A cell in compact words: what applies to the case (status, penalty, article), then what one more fact
    would make heavier (at most `raises` of them).

    `Offence: imprisonment up to 2 years and fine up to €60,000 (C. pén. art. 226-8-1); heavier if victim is a
    minor: up to 5 years / €75,000 (C. pén. art. 227-23(2))`
    """
    words = labels(lang)
    answer = cell.answer
    best = answer.most_severe
    if best is None:
        text = status_words(dataset, cell, lang)
    else:
        text = (
            f"{_kind_word(best.provision, lang)}{words['colon']}"
            f"{_penalty_words(best.penalty, lang, best.provision.liability)}"
            f" ({cite(dataset, best.provision, lang)}){unverified_mark(best.version, lang)}"
        )
    for increase in answer.increases:
        fraction = increase.penalty.increase if increase.penalty is not None else None
        if fraction is None:  # pragma: no cover - the answer holds only increases here
            continue
        text += words["semicolon"] + words["increase_short"].format(
            fraction=_fraction(fraction, lang), cite=cite(dataset, increase.provision, lang)
        )
        text += unverified_mark(increase.version, lang)
    by_fact: dict[str, list[str]] = {}
    for undecided in answer.undecided:
        by_fact.setdefault(undecided.fact, []).append(cite(dataset, undecided.provision, lang))
    for fact, cites in by_fact.items():
        text += words["semicolon"] + words["undecided_fact"].format(
            fact=factor_name(dataset, fact, lang), cite=", ".join(cites)
        )
    for found in answer.raises[:raises]:
        text += words["semicolon"] + describe_raise(dataset, found, lang)
    return text


def describe_raise(dataset: Dataset, found: Raise, lang: str = "en") -> str:
    """`heavier if victim is a minor: up to 5 years / €75,000 (C. pén. art. 227-23(2))`."""
    words = labels(lang)
    condition = factor_name(dataset, found.fact, lang)
    if found.thresholds:
        shown = [describe_threshold(threshold, lang) for threshold in found.thresholds[:2]]
        more = ", …" if len(found.thresholds) > 2 else ""
        condition = f"{condition} ({words['e_g']} {_either(shown, lang)}{more})"
    return (
        f"{words['heavier_if'].format(condition=condition)}{words['colon']}{brief_penalty(found.penalty, lang)}"
        f" ({cite(dataset, found.provision, lang)}){unverified_mark(found.version, lang)}"
    )


def unverified_mark(version: Version, lang: str = "en") -> str:
    """A dagger after a figure whose version is unverified (the legend under the table explains it)."""
    return UNVERIFIED_MARK if version.status is Status.UNVERIFIED else ""


def status_words(dataset: Dataset, cell: Cell, lang: str = "en") -> str:
    """What a cell says when no provision applies, from what the data records: not covered; unknown because a
    statement says the research was inconclusive (its reason is in the note); unknown because the date is
    before the data begins; or unknown because nothing was recorded (not researched)."""
    words = labels(lang)
    answer = cell.answer
    if answer.status is not CoverageStatus.UNKNOWN:
        return words[answer.status.value]
    if answer.statement is not None:
        return words["unknown_unclear"]
    jurisdiction = dataset.jurisdictions.get(cell.jurisdiction)
    if jurisdiction is not None and answer.on < jurisdiction.coverage_from:
        return words["unknown_before_coverage"].format(date=format_day(jurisdiction.coverage_from, lang))
    return words["unknown"]


def describe_threshold(threshold: Threshold, lang: str = "en") -> str:
    """`≥ 30 group members`."""
    measure = labels(lang)[f"measure_{threshold.measure.value}"]
    return f"≥ {format_decimal(threshold.minimum, locale=lang)} {measure}"


def describe_case(dataset: Dataset, case: Case, lang: str = "en") -> str:
    """The facts of a case in words: `adult victim, the images are of a sexual nature, 100,000 group members`."""
    words = labels(lang)
    parts: list[str] = []
    if not case.has("minor_victim"):
        parts.append(words["adult_victim"])
    parts.extend(factor_name(dataset, fact, lang) for fact in dataset.factors if case.has(fact))
    parts.extend(
        f"{format_decimal(amount, locale=lang)} {words[f'measure_{measure.value}']}"
        for measure, amount in case.quantities
    )
    parts.extend(words["not"].format(fact=factor_name(dataset, fact, lang)) for fact in case.removed)
    return ", ".join(parts) if parts else words["no_fact"]


def factor_name(dataset: Dataset, factor: str, lang: str) -> str:
    """A factor's label in `lang`, lower case, for use inside a sentence (the id if unknown)."""
    known = dataset.factors.get(factor)
    if known is None:
        return factor
    text = vocabulary_text(known, lang)
    return text[:1].lower() + text[1:]


def vocabulary_text(term: Conduct | Factor | NamedCase, lang: str) -> str:
    """A vocabulary term's label in `lang` where the data has one, else in English."""
    return text_in(term, lang)[0]


def text_in(term: Conduct | Factor | NamedCase | Names, lang: str, original: str | None = None) -> tuple[str, str]:
    """A data text in `lang` and the BCP 47 tag of the language it is actually in (for HTML `lang` attributes).

    The data writes names in English and French, vocabulary terms optionally in Chinese and Korean too (`zh`, `ko`),
    and `Names` in their original language, which is `original`: the language of the jurisdiction's official texts.
    A language the term has no label in takes the original when it is in that language (a Chinese jurisdiction's
    name in a Chinese text), else the English.

    >>> text_in(Names(original="대한민국", en="South Korea", fr="Corée du Sud"), "ko", "ko")
    ('대한민국', 'ko')
    >>> text_in(Names(original="日本", en="Japan", fr="Japon"), "zh", "ja")
    ('Japan', 'en')
    """
    translated = getattr(term, lang, None)
    if isinstance(translated, str) and translated:
        return translated, html_lang(lang)
    if isinstance(term, Names):
        if term.original and original is not None and original.split("-")[0] == lang:
            return term.original, original
        if term.en:
            return term.en, "en"
        return term.best(), original or "und"
    return term.en, "en"


def name_in(dataset: Dataset, names: Names, jurisdiction: str, lang: str) -> str:
    """A jurisdiction's (or its event's) name in `lang`: `text_in` with the language of its official texts."""
    return text_in(names, lang, original_language(dataset, f"{jurisdiction.lower()}/"))[0]


def original_language(dataset: Dataset, prefix: str) -> str | None:
    """The language most of the official texts cited by the provisions whose id starts with `prefix` are in (`kr/`:
    Korea's; `kr/sca/`: one instrument's): the language the data's original names there are in."""
    counts: dict[str, int] = {}
    for provision_id, provision in dataset.provisions.items():
        if provision_id.startswith(prefix):
            for version in provision.versions:
                for source in version.sources:
                    if source.kind is SourceKind.OFFICIAL_TEXT:
                        counts[source.language] = counts.get(source.language, 0) + 1
    return max(sorted(counts), key=counts.__getitem__) if counts else None
