"""The gettext catalogs of policykit's own words (briefings, comparison tables, penalties), compiled `.mo` files
shipped in the package.

English is the source language: its messages are the catalog ids, so it needs no catalog. The catalogs live in
`policykit/locale/<catalog>/LC_MESSAGES/policykit.po`, extracted and compiled with Babel (see `scripts/catalogs.py`,
which reads `babel.cfg`).

A language has three names: the code users type (`--lang zh`), which is also the Babel locale that formats numbers
and dates; the catalog's folder (`zh_Hans`: Simplified Chinese is a script, not a country, and `zh_Hans` is what
CLDR and Babel call it); and the BCP 47 tag of HTML `lang` attributes (`zh-Hans`).
"""

from __future__ import annotations

import gettext
from collections.abc import Callable
from functools import cache
from pathlib import Path

from policykit.errors import ArgumentTypeError

DOMAIN = "policykit"
LOCALE_DIR = Path(__file__).parent / "locale"
#: The folder of each shipped catalog, by the code users type.
CATALOGS = {"fr": "fr", "zh": "zh_Hans", "ko": "ko"}
#: The languages policykit writes in: English and every language with a shipped catalog.
LANGUAGES = ("en", *CATALOGS)
#: Kept for the briefing command and scripts written before every command spoke every language.
BRIEFING_LANGUAGES = LANGUAGES
_HTML_TAGS = {"zh": "zh-Hans"}


def N_(message: str) -> str:
    """Marks `message` for extraction into the catalogs; it is translated where it is used (`translator`)."""
    return message


def NP_(context: str, message: str) -> str:
    """Marks `message`, in `context`, for extraction (`pgettext` translates it where it is used)."""
    return message


def html_lang(lang: str) -> str:
    """The BCP 47 tag of `lang` for HTML `lang` attributes.

    >>> html_lang("zh"), html_lang("ko")
    ('zh-Hans', 'ko')
    """
    return _HTML_TAGS.get(lang, lang)


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """The catalog of `lang` (`gettext`, `ngettext` and `pgettext`); English is the messages themselves."""
    if lang not in LANGUAGES:
        raise ArgumentTypeError(f"lang: expected one of {', '.join(LANGUAGES)}, found {lang!r}")
    if lang == "en":
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[CATALOGS[lang]])


def translator(lang: str) -> Callable[[str], str]:
    """The `gettext` function of `lang`: message in, translation out.

    >>> translator("fr")("Key findings")
    'Principaux constats'
    >>> translator("ko")("Key findings")
    '주요 결론'
    """
    return translations(lang).gettext
