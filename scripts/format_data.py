"""Rewrite data folders canonically, converting the older layout: `python scripts/format_data.py [--check] [PATH ...]`.

With no PATH, the checkout's data folder (`jurisdictions/` beside `scripts/`). An instrument file
`instruments/<slug>.yaml` becomes a folder `instruments/<slug>/` with `index.yaml` and one file per provision;
sources written out in versions and events move to `<cc>/sources.yaml` under a short id; every file is written by
`policykit.writing` (see docs/data-format.md). Running it again changes nothing, so it can be re-run on data
merged later in the older layout. `--replace-folders`: where an instrument is both a file and a folder (after
merging a branch that edited the file in the older layout), the file wins and the folder is rewritten from it.
`--check` writes nothing and exits 1 if a file would change. Exits 2, writing nothing, if a folder does not load
cleanly (fix the problems it lists first).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import policykit
from policykit.writing import format_data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="data folders (default: the checkout's jurisdictions/)")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file would change")
    parser.add_argument(
        "--replace-folders",
        action="store_true",
        help="an instrument that is both <slug>.yaml and <slug>/ is taken from the file",
    )
    args = parser.parse_args(argv)
    status = 0
    # The checkout's folder, not policykit.bundled_data_path(): in an installed copy that is the installed data.
    for path in args.paths or [str(Path(__file__).resolve().parent.parent / "jurisdictions")]:
        try:
            changed = format_data(path, check=args.check, replace_folders=args.replace_folders)
        except policykit.DataError as error:
            print(error, file=sys.stderr)
            return 2
        for file in changed:
            print(f"{'would change' if args.check else 'changed'}: {file}")
        if changed and args.check:
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
