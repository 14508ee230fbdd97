"""Rewrite data folders canonically, converting the older layout: `python scripts/format_data.py [--check] [PATH ...]`.

With no PATH, the bundled data (`jurisdictions/`). An instrument file `instruments/<slug>.yaml` becomes a folder
`instruments/<slug>/` with `index.yaml` and one file per provision; sources written out in versions and events
move to `<cc>/sources.yaml` under a short id; every file is written by `policykit.writing` (see
docs/data-format.md). Running it again changes nothing, so it can be re-run on data merged later in the older
layout. `--check` writes nothing and exits 1 if a file would change. Exits 2 if a folder does not load cleanly
(fix the problems it lists first).
"""

from __future__ import annotations

import argparse
import sys

import policykit
from policykit.writing import format_data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="data folders (default: the bundled data)")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file would change")
    args = parser.parse_args(argv)
    status = 0
    for path in args.paths or [str(policykit.bundled_data_path())]:
        try:
            changed = format_data(path, check=args.check)
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
