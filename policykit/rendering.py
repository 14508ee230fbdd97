"""Text: penalties in words, money and dates by locale, and comparison tables.

Rendering never decides law: it only words what `policykit.comparison` and the model hold.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from babel.core import Locale
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

from policykit.comparison import Cell, severity
from policykit.model import (
    Combination,
    CoverageStatus,
    Dataset,
    Fine,
    Liability,
    Penalty,
    Provision,
    Reach,
    Term,
    TermRange,
)
from policykit.queries import InForce

LANGUAGES = ("en", "fr")

_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "conduct": "Conduct",
        "jurisdiction": "Jurisdiction",
        "date": "Date",
        "provision": "Provision",
        "article": "Article",
        "act": "Act",
        "change": "Change",
        "change_enacted": "enacted",
        "change_renumbered": "renumbered",
        "change_raised": "penalty raised",
        "change_lowered": "penalty lowered",
        "change_amended": "amended (same base penalty)",
        "change_repealed": "repealed",
        "change_added": "added",
        "change_removed": "removed",
        "event": "event (context, not law): {name}",
        "diff_between": "Changes in {code} between {start} and {end}.",
        "no_changes": "No change.",
        "imprisonment": "imprisonment",
        "life": "life imprisonment",
        "criminal_detention": "criminal detention",
        "public_surveillance": "public surveillance",
        "detention": "detention",
        "warning": "warning",
        "fine": "fine",
        "fine_unspecified": "fine (amount not fixed by statute)",
        "or": "or",
        "and": "and",
        "plus_optional": "optionally with",
        "plus": "with",
        "increase": "base penalty raised by up to {fraction}",
        "art": "art.",
        "criminal_specific": "Offence",
        "criminal_general": "General offence",
        "administrative": "Administrative",
        "civil": "Civil",
        "not_covered": "Not covered",
        "unknown": "Unknown (not researched)",
        "civil_remedy": "civil remedy",
        "only_if": "only if",
        "as_of": "As of {date}.",
        "verified": "Data last verified: {dates}.",
        "verified_one": "{code} on {date}",
        "colon": ": ",
        "stale": "Warning: the date asked is after the data was verified; the law may have changed since.",
        "sources": "Sources",
        "no_penalty_tier": "no such tier",
        "years": "years",
        "year": "year",
        "months": "months",
        "month": "month",
        "days": "days",
        "day": "day",
        "up_to": "up to",
        "at_least": "at least",
    },
    "fr": {
        "conduct": "Comportement",
        "jurisdiction": "Juridiction",
        "date": "Date",
        "provision": "Disposition",
        "article": "Article",
        "act": "Texte",
        "change": "Changement",
        "change_enacted": "créée",
        "change_renumbered": "renumérotée",
        "change_raised": "peine aggravée",
        "change_lowered": "peine allégée",
        "change_amended": "modifiée (même peine de base)",
        "change_repealed": "abrogée",
        "change_added": "ajoutée",
        "change_removed": "supprimée",
        "event": "événement (contexte, pas une règle de droit) : {name}",
        "diff_between": "Changements pour {code} entre le {start} et le {end}.",
        "no_changes": "Aucun changement.",
        "imprisonment": "emprisonnement",
        "life": "réclusion à perpétuité",
        "criminal_detention": "détention criminelle (拘役)",
        "public_surveillance": "surveillance publique (管制)",
        "detention": "détention administrative",
        "warning": "avertissement",
        "fine": "amende",
        "fine_unspecified": "amende (montant non fixé par la loi)",
        "or": "ou",
        "and": "et",
        "plus_optional": "avec, le cas échéant,",
        "plus": "avec",
        "increase": "peine de base augmentée jusqu'à {fraction}",
        "art": "art.",
        "criminal_specific": "Infraction",
        "criminal_general": "Infraction générale",
        "administrative": "Administratif",
        "civil": "Civil",
        "not_covered": "Non couvert",
        "unknown": "Inconnu (non étudié)",
        "civil_remedy": "action civile",
        "only_if": "seulement si",
        "as_of": "Au {date}.",
        "verified": "Dernière vérification des données : {dates}.",
        "verified_one": "{code} le {date}",
        "colon": "\u00a0: ",
        "stale": "Attention : la date demandée est postérieure à la vérification des données ; le droit a pu changer.",
        "sources": "Sources",
        "no_penalty_tier": "pas de tel palier",
        "years": "ans",
        "year": "an",
        "months": "mois",
        "month": "mois",
        "days": "jours",
        "day": "jour",
        "up_to": "jusqu'à",
        "at_least": "au moins",
    },
}


def labels(lang: str) -> dict[str, str]:
    return _LABELS[lang if lang in _LABELS else "en"]


@cache
def _money_pattern(lang: str) -> str:
    pattern: str = Locale.parse(lang).currency_formats["standard"].pattern
    return pattern.replace(".00", "").replace(",00", "")


def format_money(amount: int, currency: str, lang: str = "en") -> str:
    """`50000000, "KRW"` -> `₩50,000,000` (en) or `50 000 000 ₩` (fr): grouped, no decimals."""
    text: str = format_currency(amount, currency, format=_money_pattern(lang), locale=lang, currency_digits=False)
    return text


def format_day(day: dt.date, lang: str = "en") -> str:
    """ISO 8601 in English output (unambiguous for researchers); the long French form in French."""
    if lang == "fr":
        return format_date(day, format="long", locale="fr")
    return day.isoformat()


def format_term(term: Term, lang: str = "en") -> str:
    words = labels(lang)
    unit = term.unit.value if term.amount != 1 else term.unit.value[:-1]
    return f"{format_decimal(term.amount, locale=lang)} {words[unit]}"


def _range(term_range: TermRange, lang: str) -> str:
    words = labels(lang)
    low, high = term_range.min, term_range.max
    if low is not None and high is not None:
        if low.unit is high.unit:
            return f"{format_decimal(low.amount, locale=lang)}–{format_term(high, lang)}"
        return f"{format_term(low, lang)}–{format_term(high, lang)}"
    if high is not None:
        return f"{words['up_to']} {format_term(high, lang)}"
    assert low is not None
    return f"{words['at_least']} {format_term(low, lang)}"


def _fine(fine: Fine, lang: str) -> str:
    words = labels(lang)
    if fine.unspecified:
        return words["fine_unspecified"]
    if fine.min is not None and fine.max is not None:
        low, high = format_money(fine.min, fine.currency, lang), format_money(fine.max, fine.currency, lang)
        return f"{words['fine']} {low}–{high}"
    if fine.max is not None:
        return f"{words['fine']} {words['up_to']} {format_money(fine.max, fine.currency, lang)}"
    assert fine.min is not None
    return f"{words['fine']} {words['at_least']} {format_money(fine.min, fine.currency, lang)}"


def describe_penalty(penalty: Penalty, lang: str = "en") -> str:
    """A penalty in compact words, e.g. `up to 7 years imprisonment or fine up to ₩50,000,000`."""
    words = labels(lang)
    custodial: list[str] = []
    if penalty.imprisonment is not None:
        custodial.append(f"{words['imprisonment']} {_range(penalty.imprisonment, lang)}")
    if penalty.life_imprisonment:
        custodial.append(words["life"])
    if penalty.criminal_detention:
        custodial.append(words["criminal_detention"])
    if penalty.public_surveillance:
        custodial.append(words["public_surveillance"])
    if penalty.administrative_detention is not None:
        custodial.append(f"{words['detention']} {_range(penalty.administrative_detention, lang)}")
    if penalty.warning:
        custodial.append(words["warning"])
    fine = _fine(penalty.fine, lang) if penalty.fine is not None else None
    joiner = f" {words['or']} "
    main = joiner.join(custodial)
    combination = penalty.combination
    if fine is None:
        text = main
    elif not main:
        text = fine
    elif combination is Combination.CUMULATIVE:
        text = f"{main} {words['and']} {fine}"
    elif combination is Combination.FINE_MAY_BE_ADDED:
        text = f"{main}, {words['plus_optional']} {fine}"
    elif combination is Combination.FINE_MUST_BE_ADDED:
        text = f"{main}, {words['plus']} {fine}"
    else:
        text = f"{main}{joiner}{fine}"
    if penalty.increase is not None:
        increase = words["increase"].format(fraction=f"{penalty.increase.numerator}/{penalty.increase.denominator}")
        text = f"{text}; {increase}" if text else increase
    return text


def cite(dataset: Dataset, provision: Provision, lang: str = "en") -> str:
    """`SCA art. 14(1)`: the instrument's abbreviation and the article as the source numbers it."""
    instrument = dataset.instruments.get(provision.instrument_id)
    short = instrument.abbreviation if instrument is not None and instrument.abbreviation else provision.instrument_id
    return f"{short} {labels(lang)['art']} {provision.article}"


def _kind_word(item: InForce, lang: str) -> str:
    """Offence, general offence, administrative or civil: the kind of a provision, in words."""
    words = labels(lang)
    liability = item.provision.liability
    if liability is Liability.CRIMINAL:
        return words["criminal_general"] if item.provision.reach is Reach.GENERAL else words["criminal_specific"]
    if liability is Liability.ADMINISTRATIVE:
        return words["administrative"]
    return words["civil"]


def _penalty_words(cell_penalty: Penalty | None, lang: str) -> str:
    if cell_penalty is not None and not cell_penalty.is_empty:
        return describe_penalty(cell_penalty, lang)
    return labels(lang)["civil_remedy"]


def describe_cell(dataset: Dataset, cell: Cell, lang: str = "en") -> str:
    """A cell in compact words: status, penalty and article, and any narrower provision that punishes harder.

    `Not covered; offence only if victim is a minor: imprisonment at least 1 year (YPA art. 11(5))`
    """
    words = labels(lang)
    status = cell.coverage.status
    if status in (CoverageStatus.NOT_COVERED, CoverageStatus.UNKNOWN):
        text = words[status.value]
        if cell.applied is not None:
            text = f"{text}; {_narrower(dataset, cell.applied, cell.penalty, lang)}"
        return text
    if cell.applied is None:
        return words["no_penalty_tier"]
    text = (
        f"{_kind_word(cell.applied, lang)}{words['colon']}{_penalty_words(cell.penalty, lang)}"
        f" ({cite(dataset, cell.applied.provision, lang)})"
    )
    if cell.applied.version.applies_only_when:
        text = f"{text}, {words['only_if']} {_factor_names(dataset, cell.applied.version.applies_only_when, lang)}"
    heavier = _heavier_conditional(cell)
    if heavier is not None:
        # A narrower provision that punishes harder must not be hidden behind the general case.
        conditions = _factor_names(dataset, heavier.version.applies_only_when, lang)
        text = (
            f"{text}; {_kind_word(heavier, lang).lower()} {words['only_if']} {conditions}"
            f" ({cite(dataset, heavier.provision, lang)})"
        )
    return text


def _narrower(dataset: Dataset, item: InForce, penalty: Penalty | None, lang: str) -> str:
    words = labels(lang)
    conditions = _factor_names(dataset, item.version.applies_only_when, lang)
    return (
        f"{_kind_word(item, lang).lower()} {words['only_if']} {conditions}{words['colon']}"
        f"{_penalty_words(penalty, lang)} ({cite(dataset, item.provision, lang)})"
    )


def _heavier_conditional(cell: Cell) -> InForce | None:
    if cell.applied is None or cell.tier != "base":
        return None
    shown = severity(cell.applied.provision.liability, cell.penalty)
    best: InForce | None = None
    for item in cell.coverage.conditional:
        if item is cell.applied or item.provision.liability is Liability.CIVIL:
            continue
        key = severity(item.provision.liability, item.version.penalty)
        if key[0] > shown[0] and (best is None or key > severity(best.provision.liability, best.version.penalty)):
            best = item
    return best


def _factor_names(dataset: Dataset, factors: tuple[str, ...], lang: str) -> str:
    return f" {labels(lang)['and']} ".join(factor_name(dataset, factor, lang) for factor in factors)


def factor_name(dataset: Dataset, factor: str, lang: str) -> str:
    """A factor's label in `lang`, lower case, for use inside a sentence (the id if unknown)."""
    known = dataset.factors.get(factor)
    if known is None:
        return factor
    return (known.fr if lang == "fr" else known.en).lower()
