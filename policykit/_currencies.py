"""ISO 4217 currency codes, from Babel's copy of the Unicode CLDR: current codes and the historical ones that
data about past law needs (FRF before 2002, DEM, ...), with no hand-kept list to fall out of date."""

from __future__ import annotations

import functools

from babel.numbers import list_currencies

#: ISO 4217's codes for "no currency" and for tests: policykit uses XXX for a fine whose currency is unknown.
_NOT_MONEY = frozenset({"XXX", "XTS"})


@functools.cache
def _codes() -> frozenset[str]:
    return frozenset(list_currencies()) - _NOT_MONEY


def is_known(code: str) -> bool:
    """True for an ISO 4217 alphabetic currency code (upper case), current or historical."""
    return code in _codes()
