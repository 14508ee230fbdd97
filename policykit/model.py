"""The domain model: jurisdictions, instruments, provisions, dated versions, penalties and sources.

All classes are frozen attrs classes. They hold law as data and never format it; queries live in
`policykit.queries` and text in `policykit.rendering`.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from fractions import Fraction

import attrs


class Liability(enum.Enum):
    """The kind of legal consequence a provision attaches."""

    CRIMINAL = "criminal"
    ADMINISTRATIVE = "administrative"
    CIVIL = "civil"


class Reach(enum.Enum):
    """Whether a provision targets a conduct specifically or is a general offence that reaches it."""

    SPECIFIC = "specific"
    GENERAL = "general"


class InstrumentKind(enum.Enum):
    STATUTE = "statute"
    CODE = "code"
    REGULATION = "regulation"
    JUDICIAL_INTERPRETATION = "judicial_interpretation"


class FactorKind(enum.Enum):
    """Aggravating and mitigating factors raise or lower a penalty; elements narrow where a provision applies."""

    AGGRAVATING = "aggravating"
    SERIOUSNESS = "seriousness"
    MITIGATING = "mitigating"
    ELEMENT = "element"


class Unit(enum.Enum):
    YEARS = "years"
    MONTHS = "months"
    DAYS = "days"


class Combination(enum.Enum):
    """How the sanctions of a penalty combine."""

    SINGLE = "single"
    EITHER = "either"
    CUMULATIVE = "cumulative"
    FINE_MAY_BE_ADDED = "fine_may_be_added"
    FINE_MUST_BE_ADDED = "fine_must_be_added"
    EITHER_OR_BOTH = "either_or_both"
    """The custodial sanction, the fine, or both (并处或者单处, 科或併科, 又はこれを併科する)."""


class Trial(enum.Enum):
    """How a common-law offence is tried, which sets the maximum a court can impose (England and Wales, Canada)."""

    SUMMARY_ONLY = "summary_only"
    """Tried only summarily (a magistrates' court; Canada's summary conviction offences)."""
    EITHER_WAY = "either_way"
    """Tried on indictment or summarily, each with its own maximum (Canada: a hybrid offence)."""
    INDICTMENT_ONLY = "indictment_only"


class FineUnit(enum.Enum):
    """A fine counted in units whose value the law sets apart from the offence."""

    DAILY = "daily"
    """Day fines: a number of daily units, each worth an amount set from the offender's income (StGB § 40)."""
    PENALTY = "penalty"
    """Penalty units, each worth an amount the legislature updates (Australia's Crimes Act 1914 s. 4AA)."""


class Measure(enum.Enum):
    """Ancillary measures that accompany a penalty."""

    SEX_OFFENDER_REGISTRATION = "sex_offender_registration"
    CONFISCATION = "confiscation"
    CONFISCATION_OF_PROPERTY = "confiscation_of_property"
    DISCLOSURE_OF_IDENTITY = "disclosure_of_identity"
    TREATMENT_OR_EDUCATION_ORDER = "treatment_or_education_order"
    EMPLOYMENT_RESTRICTION = "employment_restriction"
    DELETION_OR_BLOCKING = "deletion_or_blocking"
    PROTECTION_ORDER = "protection_order"


class Prosecution(enum.Enum):
    """Procedural conditions on prosecution."""

    EX_OFFICIO = "ex_officio"
    VICTIM_COMPLAINT = "victim_complaint"
    NOT_AGAINST_VICTIM_WISHES = "not_against_victim_wishes"


class ThresholdMeasure(enum.Enum):
    """What a judicial-interpretation threshold counts."""

    VIDEO_FILES = "video_files"
    AUDIO_FILES = "audio_files"
    IMAGES = "images"
    TEXTS = "texts"
    CLICKS = "clicks"
    MEMBERS = "members"
    ILLEGAL_GAIN = "illegal_gain"
    RECORDS = "records"


class Status(enum.Enum):
    """Whether a version's figures have been confirmed in two independent sources."""

    VERIFIED = "verified"
    UNVERIFIED = "unverified"


class SourceKind(enum.Enum):
    OFFICIAL_TEXT = "official_text"
    OFFICIAL_TRANSLATION = "official_translation"
    SECONDARY = "secondary"


class PublisherKind(enum.Enum):
    """Who publishes a source, in a closed vocabulary: a reader must be able to name the publisher."""

    OFFICIAL_DATABASE = "official_database"
    OFFICIAL_MIRROR = "official_mirror"
    """A faithful copy of an official database (a public git mirror of Légifrance's LEGI or of law.go.kr)."""
    COURT = "court"
    LEGISLATURE = "legislature"
    GOVERNMENT = "government"
    NEWS = "news"
    ACADEMIC = "academic"
    LAW_FIRM = "law_firm"
    """A bar association or a named law firm."""
    NGO = "ngo"
    ENCYCLOPEDIA = "encyclopedia"
    BLOG = "blog"


class StatementStatus(enum.Enum):
    """What a coverage statement says when no provision covers a conduct."""

    NOT_COVERED = "not_covered"
    UNKNOWN = "unknown"


class CoverageStatus(enum.Enum):
    """How a jurisdiction treats a conduct on a date; never blank (see "Coverage" in docs/data-format.md)."""

    SPECIFIC_OFFENCE = "specific_offence"
    GENERAL_OFFENCE = "general_offence"
    ADMINISTRATIVE_SANCTION = "administrative_sanction"
    CIVIL_REMEDY = "civil_remedy"
    NOT_COVERED = "not_covered"
    UNKNOWN = "unknown"


_MONTHS_PER_UNIT = {Unit.YEARS: Fraction(12), Unit.MONTHS: Fraction(1), Unit.DAYS: Fraction(12, 365)}


@attrs.frozen
class Term:
    """A length of time as the statute states it (7 years, 6 months, 10 days, 2 years less a day)."""

    amount: int
    unit: Unit
    less_a_day: bool = False
    """Canada's "two years less a day": the longest term served in a provincial jail, not a federal penitentiary."""

    @property
    def months(self) -> Fraction:
        """The term in months, for comparison (a day counts as 12/365 of a month)."""
        months = self.amount * _MONTHS_PER_UNIT[self.unit]
        return months - _MONTHS_PER_UNIT[Unit.DAYS] if self.less_a_day else months

    @property
    def days(self) -> int:
        """The term in whole days (a year is 365 days, a month 30), for administrative detention."""
        per_unit = {Unit.YEARS: 365, Unit.MONTHS: 30, Unit.DAYS: 1}
        return self.amount * per_unit[self.unit] - (1 if self.less_a_day else 0)

    def __str__(self) -> str:
        unit = self.unit.value if self.amount != 1 else self.unit.value[:-1]
        return f"{self.amount} {unit}" + (" less a day" if self.less_a_day else "")


@attrs.frozen
class TermRange:
    """A minimum and/or a maximum term."""

    min: Term | None = None
    max: Term | None = None


@attrs.frozen
class FineUnits:
    """A fine counted in units: how many units, and what one unit is worth in that period (in the fine's currency).

    Germany's day fines are `FineUnits(FineUnit.DAILY, 5, 360, 1, 30000)`: 5 to 360 daily units of 1 to 30,000
    euros each.
    """

    kind: FineUnit
    min: int | None = None
    max: int | None = None
    per_unit_min: int | None = None
    per_unit_max: int | None = None


@attrs.frozen
class Fine:
    """A fine: amounts in the currency's unit, a number of units, or a fine whose amount no statute fixes."""

    currency: str
    min: int | None = None
    max: int | None = None
    unspecified: bool = False
    units: FineUnits | None = None

    @property
    def ceiling(self) -> int | None:
        """The highest amount the law allows: `max`, or the most units at the highest value of a unit."""
        if self.max is not None:
            return self.max
        if self.units is not None and self.units.max is not None and self.units.per_unit_max is not None:
            return self.units.max * self.units.per_unit_max
        return None


_FINE_COLUMNS = (
    *("fine_min", "fine_max", "fine_unspecified", "currency"),
    *("fine_unit", "fine_units_min", "fine_units_max", "fine_per_unit_min", "fine_per_unit_max"),
)


@attrs.frozen
class Penalty:
    """The sanctions a provision (or one of its tiers) provides, and how they combine."""

    # Each field names its export columns once, here; `policykit._penalty_fields` derives the export, its JSON
    # Schema, the JSON of reports and the YAML writer from these declarations.
    imprisonment: TermRange | None = attrs.field(
        default=None, metadata={"columns": ("imprisonment_min_months", "imprisonment_max_months"), "unit": "months"}
    )
    life_imprisonment: bool = attrs.field(default=False, metadata={"columns": ("life_imprisonment",)})
    criminal_detention: bool = attrs.field(default=False, metadata={"columns": ("criminal_detention",)})
    public_surveillance: bool = attrs.field(default=False, metadata={"columns": ("public_surveillance",)})
    administrative_detention: TermRange | None = attrs.field(
        default=None, metadata={"columns": ("detention_min_days", "detention_max_days"), "unit": "days"}
    )
    warning: bool = attrs.field(default=False, metadata={"columns": ("warning",)})
    fine: Fine | None = attrs.field(default=None, metadata={"columns": _FINE_COLUMNS})
    combination: Combination | None = attrs.field(default=None, metadata={"columns": ("combination",)})
    increase: Fraction | None = attrs.field(default=None, metadata={"columns": ("increase_up_to",)})
    """A raise of the base penalty by up to this fraction (habitual offending: 1/2)."""
    trial: Trial | None = attrs.field(default=None, metadata={"columns": ("trial",)})
    """How the offence is tried, where the legal system distinguishes; the fields above are then the maxima on
    indictment (for an offence tried only summarily, on summary conviction)."""
    summary: SummaryPenalty | None = attrs.field(
        default=None,
        metadata={
            "columns": (
                "summary_imprisonment_max_months",
                "summary_fine_max",
                "summary_fine_unspecified",
                "summary_combination",
            )
        },
    )
    """What summary conviction carries, for an offence triable either way."""

    @property
    def is_empty(self) -> bool:
        return self == Penalty()


@attrs.frozen
class SummaryPenalty:
    """The maxima on summary conviction of an offence triable either way (a hybrid offence)."""

    imprisonment: TermRange | None = None
    fine: Fine | None = None
    combination: Combination | None = None


@attrs.frozen
class Tier:
    """An aggravated or mitigated form: when all `factors` hold, `penalty` applies instead of the base."""

    factors: tuple[str, ...]
    penalty: Penalty


@attrs.frozen
class Ancillary:
    measure: Measure
    mandatory: bool
    provision: str | None = None


@attrs.frozen
class Threshold:
    """A numeric threshold set by a judicial interpretation, above which a tier applies."""

    tier: str
    measure: ThresholdMeasure
    minimum: int
    set_by: str


@attrs.frozen
class Names:
    """A name in the original language, with English and French renderings where known."""

    original: str | None = None
    en: str | None = None
    fr: str | None = None

    def best(self, lang: str = "en") -> str:
        """The name in `lang`, else English, else the original."""
        preferred = getattr(self, lang, None) if lang != "original" else None
        return preferred or self.en or self.original or ""


@attrs.frozen
class Source:
    """A document that supports a version's figures."""

    url: str
    title: str
    publisher: str
    language: str
    kind: SourceKind
    checked_on: dt.date
    pinpoint: str | None = None
    read_via: str | None = None
    publisher_kind: PublisherKind | None = None

    @property
    def is_official(self) -> bool:
        return self.kind is SourceKind.OFFICIAL_TEXT


@attrs.frozen
class Location:
    """Where something was read, for messages."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@attrs.frozen
class Version:
    """The text of a provision in force over a period, with the act that made it and its sources."""

    provision_id: str
    in_force_from: dt.date
    in_force_to: dt.date | None
    """The last day in force (inclusive); None while still in force."""
    amended_by: str
    conducts: tuple[str, ...]
    applies_only_when: tuple[str, ...]
    summary: str
    penalty: Penalty | None
    tiers: tuple[Tier, ...]
    ancillary: tuple[Ancillary, ...]
    prosecution: Prosecution
    thresholds: tuple[Threshold, ...]
    status: Status
    verified_on: dt.date
    note: str | None
    sources: tuple[Source, ...]
    location: Location | None = attrs.field(default=None, eq=False, repr=False)
    applies_when_any: tuple[tuple[str, ...], ...] = ()
    """Groups of facts of which at least one must hold, each (a demand of money or of sexual acts): with
    `applies_only_when`, whose facts must all hold, the conditions of the provision."""

    @property
    def conditions(self) -> tuple[str, ...]:
        """Every fact a condition names: those that must all hold, then those of the groups."""
        return (*self.applies_only_when, *(fact for group in self.applies_when_any for fact in group))

    def conditions_met_by(self, facts: frozenset[str] | set[str]) -> bool:
        """Whether `facts` meet every condition: all of `applies_only_when`, one of each `applies_when_any` group."""
        return set(self.applies_only_when) <= facts and all(set(group) & facts for group in self.applies_when_any)

    @property
    def id(self) -> str:
        """`<provision id>@<in force from>`, e.g. `kr/sca/art_14__para_1@2020-05-19`."""
        return f"{self.provision_id}@{self.in_force_from.isoformat()}"

    def in_force_on(self, on: dt.date) -> bool:
        return self.in_force_from <= on and (self.in_force_to is None or on <= self.in_force_to)


@attrs.frozen
class Provision:
    """An article (or paragraph, or item) of an instrument, with all its dated versions, oldest first."""

    id: str
    instrument_id: str
    article: str
    heading: Names | None
    liability: Liability
    reach: Reach
    versions: tuple[Version, ...]
    successor: str | None = None
    location: Location | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def jurisdiction(self) -> str:
        return self.id.split("/", 1)[0].upper()

    @property
    def conducts(self) -> tuple[str, ...]:
        """Every conduct any version covers, in first-seen order."""
        return tuple(dict.fromkeys(c for version in self.versions for c in version.conducts))

    def version_on(self, on: dt.date) -> Version | None:
        """The version in force on `on`, or None (before the first version, or after repeal)."""
        for version in self.versions:
            if version.in_force_on(on):
                return version
        return None


@attrs.frozen
class Instrument:
    """An act, code, regulation or judicial interpretation."""

    id: str
    title: Names
    kind: InstrumentKind
    official_url: str
    provision_ids: tuple[str, ...]
    abbreviation: str | None = None
    """A short name for citations (`SCA`, `CL`, `C. pén.`)."""
    article_label: str | None = None
    """How the instrument names its units in a citation when not "art." (`§` for the United States Code, `s.`
    for an Australian section); None for the language's word for article."""


@attrs.frozen
class Act:
    """A law that enacted or amended provisions."""

    id: str
    title: Names
    reference: str
    adopted_on: dt.date
    in_force_on: dt.date | None = None
    url: str | None = None


@attrs.frozen
class CoverageStatement:
    """What holds for a conduct over a period in which no provision covers it."""

    conduct: str
    status: StatementStatus
    start: dt.date
    end: dt.date | None
    reason: str
    verified_on: dt.date
    location: Location | None = attrs.field(default=None, eq=False, repr=False)

    def applies_on(self, on: dt.date) -> bool:
        return self.start <= on and (self.end is None or on <= self.end)


@attrs.frozen
class Jurisdiction:
    code: str
    name: Names
    currency: str
    coverage_from: dt.date
    acts: Mapping[str, Act]
    coverage: tuple[CoverageStatement, ...]
    instrument_ids: tuple[str, ...]


@attrs.frozen
class Conduct:
    id: str
    en: str
    fr: str
    description: str
    plain_case: tuple[str, ...] = ()
    """The facts every instance of the conduct has (a sexual deepfake is sexual): the plain case's facts."""
    zh: str | None = None
    """The label in Simplified Chinese, where the data has one (else texts in Chinese fall back to English)."""
    ko: str | None = None
    """The label in Korean, where the data has one."""


@attrs.frozen
class Factor:
    id: str
    kind: FactorKind
    en: str
    fr: str
    implies: tuple[str, ...] = ()
    """Facts that hold whenever this one does (a victim under 15 is a minor)."""
    replaces_base: bool = False
    """When this fact holds, a provision's base penalty does not apply, only its tiers that name the fact (an
    attempt is not the completed offence)."""
    zh: str | None = None
    """The label in Simplified Chinese, where the data has one (else texts in Chinese fall back to English)."""
    ko: str | None = None
    """The label in Korean, where the data has one."""


@attrs.frozen
class NamedCase:
    """A case worth a name (`maskpark`): a conduct, facts and quantities, declared in `vocabulary.yaml`."""

    id: str
    en: str
    fr: str
    description: str
    conduct: str
    facts: tuple[str, ...]
    quantities: tuple[tuple[ThresholdMeasure, int], ...]
    zh: str | None = None
    """The label in Simplified Chinese, where the data has one (else texts in Chinese fall back to English)."""
    ko: str | None = None
    """The label in Korean, where the data has one."""


@attrs.frozen
class EventFact:
    label: str
    value: int | dt.date
    sources: tuple[Source, ...]


class DatePrecision(enum.Enum):
    """How much of a date is known: `2025-07-01` may stand for "July 2025"."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


@attrs.frozen
class Event:
    """An incident that gives context (not law): the Nth Room case, the MaskPark groups."""

    id: str
    jurisdiction: str
    name: Names
    started_on: dt.date
    ended_on: dt.date | None
    summary: str
    facts: tuple[EventFact, ...]
    responses: tuple[str, ...]
    precision: DatePrecision = DatePrecision.DAY
    """How precise `started_on` and `ended_on` are (a month-precise date is the first of its month)."""


@attrs.frozen
class Dataset:
    """Everything loaded: the vocabulary, the jurisdictions and their law, and events."""

    conducts: Mapping[str, Conduct]
    factors: Mapping[str, Factor]
    jurisdictions: Mapping[str, Jurisdiction]
    instruments: Mapping[str, Instrument]
    provisions: Mapping[str, Provision]
    events: Mapping[str, Event]
    cases: Mapping[str, NamedCase] = attrs.field(factory=dict)

    def provisions_of(self, jurisdiction: str) -> list[Provision]:
        """The provisions of one jurisdiction, in id order (through its instruments: no scan of the rest)."""
        found = self.jurisdictions.get(jurisdiction)
        if found is None:
            return []
        return sorted(
            (
                self.provisions[provision_id]
                for instrument_id in found.instrument_ids
                for provision_id in self.instruments[instrument_id].provision_ids
            ),
            key=lambda provision: provision.id,
        )

    def verified_on(self, jurisdiction: str | None = None) -> dt.date | None:
        """The oldest `verified_on` among the versions (of one jurisdiction, or all): the data's knowledge date."""
        provisions = self.provisions.values() if jurisdiction is None else self.provisions_of(jurisdiction)
        dates = [version.verified_on for provision in provisions for version in provision.versions]
        return min(dates) if dates else None
