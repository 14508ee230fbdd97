"""Text: penalties in words, money and dates by locale, and comparison tables.

Rendering never decides law: it only words what `policykit.comparison` and the model hold.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from policykit._babel import Locale, format_currency, format_date, format_decimal
from policykit.applying import Raise
from policykit.cases import Case
from policykit.comparison import Cell
from policykit.model import (
    Combination,
    CoverageStatus,
    Dataset,
    DatePrecision,
    Fine,
    FineUnits,
    Liability,
    Penalty,
    Provision,
    Reach,
    Status,
    Term,
    TermRange,
    Threshold,
    Trial,
    Version,
)

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
        "change_first_coded": "first version in the data (already in force when the data begins)",
        "aspect_penalty_terms": "penalty terms changed, same severity",
        "aspect_tiers": "aggravated tiers",
        "aspect_thresholds": "thresholds",
        "aspect_conducts": "conducts covered",
        "aspect_conditions": "conditions of application",
        "aspect_ancillary": "ancillary measures",
        "aspect_prosecution": "prosecution",
        "aspect_wording": "wording only (no coded term changed; see the version's summary)",
        "discretionary": "discretionary",
        "ancillary_sex_offender_registration": "sex-offender registration",
        "ancillary_confiscation": "confiscation",
        "ancillary_confiscation_of_property": "confiscation of property",
        "ancillary_disclosure_of_identity": "disclosure of identity",
        "ancillary_treatment_or_education_order": "treatment or education order",
        "ancillary_employment_restriction": "employment restriction",
        "ancillary_deletion_or_blocking": "deletion or blocking",
        "ancillary_protection_order": "protection order",
        "change_renumbered": "renumbered",
        "change_raised": "penalty raised",
        "change_lowered": "penalty lowered",
        "change_amended": "amended (same base penalty)",
        "change_thresholds": "thresholds set by judicial interpretation (same penalty)",
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
        "or_both": ", or both",
        "less_a_day": "less a day",
        "on_indictment": "on indictment: {penalty}",
        "on_summary_conviction": "on summary conviction: {penalty}",
        "fine_of": "fine of",
        "summary_only": "summary conviction only",
        "indictment_only": "indictment only",
        "daily_units": "daily units",
        "penalty_units": "penalty units",
        "each": "each",
        "increase": "base penalty raised by up to {fraction}",
        "art": "art.",
        "criminal_specific": "Offence",
        "criminal_general": "General offence",
        "administrative": "Administrative",
        "civil": "Civil",
        "not_covered": "Not covered",
        "unknown": "Unknown (not researched)",
        "unknown_unclear": "Unknown (researched, unclear; the reason is in the note)",
        "unknown_before_coverage": "Unknown (before the data begins on {date})",
        "unverified_mark": "†",
        "unverified_note": "† Unverified figure: it rests on one source only or its sources disagree; the version's"
        " note says why (policykit show, or the status column of the export).",
        "abbreviations": "Abbreviations: {items}.",
        "before_coverage": "Warning: the data for {code} begins on {date}; law in force before then is not in it.",
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
        "heavier_if": "heavier if",
        "e_g": "e.g.",
        "increase_short": "up to {fraction} more ({cite})",
        "undecided_fact": "{fact}: the data does not say whether {cite} reaches it",
        "case": "Case",
        "case_of": "Case ({conducts})",
        "adult_victim": "adult victim",
        "not": "not:",
        "no_fact": "no particular fact",
        "added_rows": "A row marked with a fact adds that one fact to its case.",
        "measure_video_files": "video files",
        "measure_audio_files": "audio files",
        "measure_images": "images",
        "measure_texts": "texts",
        "measure_clicks": "clicks",
        "measure_members": "group members",
        "measure_illegal_gain": "yuan of illegal gain",
        "measure_records": "records",
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
        "change_first_coded": "première version des données (déjà en vigueur à leur début)",
        "aspect_penalty_terms": "termes de la peine modifiés, même sévérité",
        "aspect_tiers": "circonstances aggravantes",
        "aspect_thresholds": "seuils",
        "aspect_conducts": "comportements visés",
        "aspect_conditions": "conditions d'application",
        "aspect_ancillary": "mesures accessoires",
        "aspect_prosecution": "poursuites",
        "aspect_wording": "rédaction seule (aucun terme codé ne change ; voir le résumé de la version)",
        "discretionary": "facultative",
        "ancillary_sex_offender_registration": "inscription au fichier des auteurs d'infractions sexuelles",
        "ancillary_confiscation": "confiscation",
        "ancillary_confiscation_of_property": "confiscation de patrimoine",
        "ancillary_disclosure_of_identity": "publication de l'identité",
        "ancillary_treatment_or_education_order": "obligation de soins ou de stage",
        "ancillary_employment_restriction": "interdiction d'exercer",
        "ancillary_deletion_or_blocking": "suppression ou blocage",
        "ancillary_protection_order": "ordonnance de protection",
        "change_renumbered": "renumérotée",
        "change_raised": "peine aggravée",
        "change_lowered": "peine allégée",
        "change_amended": "modifiée (même peine de base)",
        "change_thresholds": "seuils fixés par interprétation judiciaire (même peine)",
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
        "or_both": ", ou les deux",
        "less_a_day": "moins un jour",
        "on_indictment": "sur mise en accusation\u00a0: {penalty}",
        "on_summary_conviction": "en procédure sommaire\u00a0: {penalty}",
        "fine_of": "amende de",
        "summary_only": "procédure sommaire uniquement",
        "indictment_only": "sur mise en accusation uniquement",
        "daily_units": "jours-amende",
        "penalty_units": "unités de pénalité",
        "each": "chacun",
        "increase": "peine de base augmentée jusqu'à {fraction}",
        "art": "art.",
        "criminal_specific": "Infraction",
        "criminal_general": "Infraction générale",
        "administrative": "Administratif",
        "civil": "Civil",
        "not_covered": "Non couvert",
        "unknown": "Inconnu (non étudié)",
        "unknown_unclear": "Inconnu (étudié, incertain ; la raison est en note)",
        "unknown_before_coverage": "Inconnu (avant le début des données, le {date})",
        "unverified_mark": "†",
        "unverified_note": "† Chiffre non vérifié : il ne repose que sur une source ou ses sources divergent ; la note"
        " de la version dit pourquoi (policykit show, ou la colonne status de l'export).",
        "abbreviations": "Abréviations : {items}.",
        "before_coverage": "Attention : les données pour {code} commencent le {date} ; le droit antérieur n'y figure"
        " pas.",
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
        "heavier_if": "plus lourd si",
        "e_g": "p. ex.",
        "increase_short": "jusqu'à {fraction} de plus ({cite})",
        "undecided_fact": "{fact}\u00a0: les données ne disent pas si {cite} l'atteint",
        "case": "Cas",
        "case_of": "Cas ({conducts})",
        "adult_victim": "victime majeure",
        "not": "non\u00a0:",
        "no_fact": "aucun fait particulier",
        "added_rows": "Une ligne qui nomme un fait ajoute ce seul fait au cas.",
        "measure_video_files": "fichiers vidéo",
        "measure_audio_files": "fichiers audio",
        "measure_images": "images",
        "measure_texts": "textes",
        "measure_clicks": "clics",
        "measure_members": "membres du groupe",
        "measure_illegal_gain": "yuans de gain illicite",
        "measure_records": "données",
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


def format_day(day: dt.date, lang: str = "en", precision: DatePrecision = DatePrecision.DAY) -> str:
    """ISO 8601 in English output (unambiguous for researchers); the long French form in French. A date known
    only to the month or year prints as such (`2025-07`, `juillet 2025`)."""
    if precision is DatePrecision.YEAR:
        return str(day.year)
    if precision is DatePrecision.MONTH:
        return format_date(day, format="LLLL y", locale="fr") if lang == "fr" else f"{day.year:04d}-{day.month:02d}"
    if lang == "fr":
        return format_date(day, format="long", locale="fr")
    return day.isoformat()


def format_term(term: Term, lang: str = "en") -> str:
    words = labels(lang)
    unit = term.unit.value if term.amount != 1 else term.unit.value[:-1]
    text = f"{format_decimal(term.amount, locale=lang)} {words[unit]}"
    return f"{text} {words['less_a_day']}" if term.less_a_day else text


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


def _amounts(low: int | None, high: int | None, currency: str, lang: str) -> str:
    """`€1-€30,000`, `up to €330` or `at least €10`."""
    words = labels(lang)
    if low is not None and high is not None:
        return f"{format_money(low, currency, lang)}–{format_money(high, currency, lang)}"
    if high is not None:
        return f"{words['up_to']} {format_money(high, currency, lang)}"
    assert low is not None
    return f"{words['at_least']} {format_money(low, currency, lang)}"


def _fine_units(fine: Fine, units: FineUnits, lang: str) -> str:
    """`fine of 5-360 daily units (€1-€30,000 each)`."""
    words = labels(lang)
    low, high = units.min, units.max
    if low is not None and high is not None:
        count = f"{format_decimal(low, locale=lang)}–{format_decimal(high, locale=lang)}"
    elif high is not None:
        count = f"{words['up_to']} {format_decimal(high, locale=lang)}"
    else:
        assert low is not None
        count = f"{words['at_least']} {format_decimal(low, locale=lang)}"
    text = f"{words['fine_of']} {count} {words[units.kind.value + '_units']}"
    if units.per_unit_min is None and units.per_unit_max is None:
        return text
    return f"{text} ({_amounts(units.per_unit_min, units.per_unit_max, fine.currency, lang)} {words['each']})"


def _fine(fine: Fine, lang: str) -> str:
    words = labels(lang)
    if fine.unspecified:
        return words["fine_unspecified"]
    if fine.units is not None:
        return _fine_units(fine, fine.units, lang)
    return f"{words['fine']} {_amounts(fine.min, fine.max, fine.currency, lang)}"


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
    elif combination is Combination.EITHER_OR_BOTH:
        text = f"{main}{joiner}{fine}{words['or_both']}"
    else:
        text = f"{main}{joiner}{fine}"
    if penalty.increase is not None:
        increase = words["increase"].format(fraction=f"{penalty.increase.numerator}/{penalty.increase.denominator}")
        text = f"{text}; {increase}" if text else increase
    return _with_trial(text, penalty, lang)


def _with_trial(text: str, penalty: Penalty, lang: str) -> str:
    """A penalty's words with its mode of trial: `... on indictment; ... on summary conviction`."""
    words = labels(lang)
    if penalty.trial is None:
        return text
    if penalty.trial is Trial.EITHER_WAY and penalty.summary is not None:
        summary = penalty.summary
        summary_text = describe_penalty(
            Penalty(imprisonment=summary.imprisonment, fine=summary.fine, combination=summary.combination), lang
        )
        indictment = words["on_indictment"].format(penalty=text)
        return f"{indictment}; {words['on_summary_conviction'].format(penalty=summary_text)}"
    return f"{text} ({words[penalty.trial.value]})"


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


def _penalty_words(penalty: Penalty | None, lang: str) -> str:
    if penalty is not None and not penalty.is_empty:
        return describe_penalty(penalty, lang)
    return labels(lang)["civil_remedy"]


def brief_penalty(penalty: Penalty | None, lang: str = "en") -> str:
    """A penalty's ceiling in a few words, for "what raises it": `up to 5 years / €75,000`."""
    words = labels(lang)
    if penalty is None or penalty.is_empty:
        return words["civil_remedy"]
    parts: list[str] = []
    if penalty.imprisonment is not None and penalty.life_imprisonment:
        parts.append(f"{_range(penalty.imprisonment, lang)} {words['or']} {words['life']}")
    elif penalty.life_imprisonment:
        parts.append(words["life"])
    elif penalty.imprisonment is not None:
        parts.append(_range(penalty.imprisonment, lang))
    elif penalty.criminal_detention:
        parts.append(words["criminal_detention"])
    if penalty.administrative_detention is not None:
        parts.append(f"{words['detention']} {_range(penalty.administrative_detention, lang)}")
    if penalty.fine is not None:
        fine = penalty.fine
        if fine.max is not None:
            parts.append(format_money(fine.max, fine.currency, lang))
        elif not parts:
            parts.append(_fine(fine, lang))
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
            f"{_kind_word(best.provision, lang)}{words['colon']}{_penalty_words(best.penalty, lang)}"
            f" ({cite(dataset, best.provision, lang)}){unverified_mark(best.version, lang)}"
        )
    for increase in answer.increases:
        fraction = increase.penalty.increase if increase.penalty is not None else None
        if fraction is None:  # pragma: no cover - the answer holds only increases here
            continue
        text += "; " + words["increase_short"].format(
            fraction=f"{fraction.numerator}/{fraction.denominator}", cite=cite(dataset, increase.provision, lang)
        )
        text += unverified_mark(increase.version, lang)
    by_fact: dict[str, list[str]] = {}
    for undecided in answer.undecided:
        by_fact.setdefault(undecided.fact, []).append(cite(dataset, undecided.provision, lang))
    for fact, cites in by_fact.items():
        text += "; " + words["undecided_fact"].format(fact=factor_name(dataset, fact, lang), cite=", ".join(cites))
    for found in answer.raises[:raises]:
        text += "; " + describe_raise(dataset, found, lang)
    return text


def describe_raise(dataset: Dataset, found: Raise, lang: str = "en") -> str:
    """`heavier if victim is a minor: up to 5 years / €75,000 (C. pén. art. 227-23(2))`."""
    words = labels(lang)
    condition = factor_name(dataset, found.fact, lang)
    if found.thresholds:
        shown = [describe_threshold(threshold, lang) for threshold in found.thresholds[:2]]
        more = ", …" if len(found.thresholds) > 2 else ""
        joiner = f" {words['or']} "
        condition = f"{condition} ({words['e_g']} {joiner.join(shown)}{more})"
    return (
        f"{words['heavier_if']} {condition}{words['colon']}{brief_penalty(found.penalty, lang)}"
        f" ({cite(dataset, found.provision, lang)}){unverified_mark(found.version, lang)}"
    )


def unverified_mark(version: Version, lang: str = "en") -> str:
    """A dagger after a figure whose version is unverified (the legend under the table explains it)."""
    return labels(lang)["unverified_mark"] if version.status is Status.UNVERIFIED else ""


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
    parts.extend(f"{words['not']} {factor_name(dataset, fact, lang)}" for fact in case.removed)
    return ", ".join(parts) if parts else words["no_fact"]


def _factor_names(dataset: Dataset, factors: tuple[str, ...], lang: str) -> str:
    return f" {labels(lang)['and']} ".join(factor_name(dataset, factor, lang) for factor in factors)


def factor_name(dataset: Dataset, factor: str, lang: str) -> str:
    """A factor's label in `lang`, lower case, for use inside a sentence (the id if unknown)."""
    known = dataset.factors.get(factor)
    if known is None:
        return factor
    text = known.fr if lang == "fr" else known.en
    return text[:1].lower() + text[1:]
