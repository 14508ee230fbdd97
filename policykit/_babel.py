"""Babel's formatting functions, imported on first use: importing Babel and its locale data is a large share of
a short command's time, and `policykit export`, `schema`, `list` and `validate` format no money or date.

Results are memoised: a comparison formats the same few numbers, amounts and dates hundreds of times, and each of
Babel's calls looks its locale up again (the functions are pure, so a cached result is always the right one)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import babel.core


class Locale:
    """`Locale.parse` as in `babel.core`, importing Babel when first called."""

    @staticmethod
    def parse(identifier: str) -> babel.core.Locale:
        from babel.core import Locale as BabelLocale

        return BabelLocale.parse(identifier)


@lru_cache(maxsize=4096)
def format_decimal(number: int, *, locale: str) -> str:
    from babel.numbers import format_decimal as babel_format_decimal

    return babel_format_decimal(number, locale=locale)


@lru_cache(maxsize=4096)
def format_currency(number: int, currency: str, *, format: str, locale: str, currency_digits: bool) -> str:
    from babel.numbers import format_currency as babel_format_currency

    return babel_format_currency(number, currency, format=format, locale=locale, currency_digits=currency_digits)


@lru_cache(maxsize=4096)
def format_date(date: dt.date, *, format: str, locale: str) -> str:
    from babel.dates import format_date as babel_format_date

    return babel_format_date(date, format=format, locale=locale)
