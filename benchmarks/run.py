"""Measure policykit's speed and memory; prints a Markdown report for README's Performance section.

Usage: python benchmarks/run.py [--sizes 10,100,1000] [--repeat 5]
Each figure is the best of --repeat runs (the least disturbed by the rest of the machine).
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import subprocess
import sys
import tempfile
import time
import tracemalloc
import warnings
from collections.abc import Callable
from pathlib import Path

import yaml

import policykit
from policykit.loading import bundled_data_path

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate

ON = dt.date(2026, 1, 1)


def best(function: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def import_time(repeat: int) -> tuple[float, float]:
    def run(code: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        return time.perf_counter() - start

    bare = min(run("pass") for _ in range(repeat))
    full = min(run("import policykit") for _ in range(repeat))
    return full, full - bare


def raw_parse(root: Path) -> None:
    for path in sorted(root.rglob("*.yaml")):
        yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)


def compare_all(data: policykit.Dataset) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", policykit.StaleDataWarning)
        policykit.compare(data, on=ON)


def peak_memory(function: Callable[[], object]) -> int:
    tracemalloc.start()
    function()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,1000", help="synthetic dataset sizes (jurisdictions)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    repeat = args.repeat

    print(
        f"policykit {policykit.__version__}, Python {platform.python_version()}, {platform.machine()}, "
        f"PyYAML {yaml.__version__} (libyaml: {yaml.__with_libyaml__}); best of {repeat} runs\n"
    )
    full, own = import_time(repeat)
    print(f"- import policykit: {full * 1000:.0f} ms in a fresh interpreter ({own * 1000:.0f} ms over a bare start)")

    bundled = bundled_data_path()
    load = best(policykit.load, repeat)
    parse = best(lambda: raw_parse(bundled), repeat)
    files = len(list(bundled.rglob("*.yaml")))
    print(
        f"- bundled data ({files} files): load and check {load * 1000:.1f} ms; bare "
        f"yaml.load(CSafeLoader) of the same files {parse * 1000:.1f} ms; ratio {load / parse:.2f}x"
    )
    data = policykit.load()
    print(f"- compare every conduct across the bundled data: {best(lambda: compare_all(data), repeat) * 1000:.1f} ms\n")

    print(
        "| jurisdictions | files | load and check | bare YAML parse | ratio | compare (all conducts) "
        "| per jurisdiction (load) | peak memory (load) |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in (int(size) for size in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as folder:
            root = generate(size, Path(folder))
            loaded = best(lambda root=root: policykit.load(root), repeat)
            parsed = best(lambda root=root: raw_parse(root), repeat)
            synthetic = policykit.load(root)
            compared = best(lambda synthetic=synthetic: compare_all(synthetic), repeat)
            memory = peak_memory(lambda root=root: policykit.load(root))
            count = len(list(root.rglob("*.yaml")))
            print(
                f"| {size:,} | {count:,} | {loaded * 1000:,.0f} ms | {parsed * 1000:,.0f} ms | "
                f"{loaded / parsed:.2f}x | {compared * 1000:,.0f} ms | {loaded / size * 1000:.2f} ms | "
                f"{memory / 2**20:,.1f} MiB |"
            )


if __name__ == "__main__":
    main()
