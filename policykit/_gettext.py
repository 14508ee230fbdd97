"""The gettext catalogs of policykit's own sentences (briefings), compiled `.mo` files shipped in the package.

English is the source language: its messages are the catalog ids, so it needs no catalog. The catalogs live in
`policykit/locale/<lang>/LC_MESSAGES/policykit.po`, extracted and compiled with Babel (see `scripts/catalogs.py`, which
reads `babel.cfg`).
"""

from __future__ import annotations

import gettext
from collections.abc import Callable
from functools import cache
from pathlib import Path

from policykit.errors import ArgumentTypeError

DOMAIN = "policykit"
LOCALE_DIR = Path(__file__).parent / "locale"
#: The languages a briefing can be written in: English and every language with a shipped catalog.
BRIEFING_LANGUAGES = ("en", "fr")


@cache
def translator(lang: str) -> Callable[[str], str]:
    """The `gettext` function of `lang`: message in, translation out.

    >>> translator("fr")("Key findings")
    'Principaux constats'
    """
    if lang not in BRIEFING_LANGUAGES:
        raise ArgumentTypeError(f"lang: expected one of {', '.join(BRIEFING_LANGUAGES)}, found {lang!r}")
    if lang == "en":
        return gettext.NullTranslations().gettext
    return gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[lang]).gettext
