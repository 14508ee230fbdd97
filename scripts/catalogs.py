"""Extract, update and compile the gettext catalogs of policykit's words (Babel).

    python scripts/catalogs.py    # extract policykit/locale/policykit.pot, update every .po, compile every .mo

A new language: `pybabel init -i policykit/locale/policykit.pot -d policykit/locale -D policykit -l LANG`, then
add LANG to `policykit._gettext.CATALOGS`.

A translator edits `policykit/locale/<lang>/LC_MESSAGES/policykit.po` and runs the script again; the compiled `.mo`
files are committed so that the wheel ships them. `tests/test_briefing.py` fails when a message is untranslated.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.frontend import CommandLineInterface

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "policykit" / "locale"
POT = LOCALE / "policykit.pot"


def run(*arguments: str) -> None:
    CommandLineInterface().run(["pybabel", "-q", *arguments])


def main() -> int:
    run(
        "extract",
        "-F",
        str(ROOT / "babel.cfg"),
        "-o",
        str(POT),
        "--no-location",
        "--sort-output",
        "--keyword",
        "NP_:1c,2",
        "--add-comments",
        "TRANSLATORS:",
        "--project",
        "policykit",
        str(ROOT),
    )
    run("update", "-i", str(POT), "-d", str(LOCALE), "-D", "policykit", "--no-fuzzy-matching", "--ignore-obsolete")
    run("compile", "-d", str(LOCALE), "-D", "policykit", "--statistics")
    return 0


if __name__ == "__main__":
    sys.exit(main())
