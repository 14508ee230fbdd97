"""Measure policykit's speed and memory; prints a Markdown report for README's Performance section.

Usage: python benchmarks/run.py [--sizes 10,100,1000] [--repeat 3] [--pairs 20]

Whole commands are timed as processes, from start to exit, each run paired with a bare `python -c pass` run just
before it: the ratio is taken pair by pair and the median reported, so a machine whose speed drifts (other work
on it) moves both sides of a pair alike. In-process figures are the best of --repeat runs. Peak memory is the
peak resident size of a process that does only that load, as it reports it, so measuring it slows no timing.
Nothing here asserts a speed: the figures are for reading, not for a test to fail on.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path

import yaml

import policykit
from policykit.loading import bundled_data_path

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate

PYTHON = sys.executable
POLICYKIT = Path(PYTHON).parent / "policykit"


def best(function: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def _environment(cache: Path | None) -> dict[str, str]:
    """The environment of a measured process: bytecode files used as an installed package has them, and the
    dataset cache in a folder of the benchmark's own (or off)."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    if cache is None:
        env["POLICYKIT_CACHE"] = "0"
    else:
        env.pop("POLICYKIT_CACHE", None)
        env["POLICYKIT_CACHE_DIR"] = str(cache)
    return env


def _run(command: Sequence[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def paired(command: Sequence[str], env: dict[str, str], pairs: int) -> tuple[float, float, float]:
    """Median time of `command`, of `python -c pass`, and median of the ratios pair by pair."""
    bare = [PYTHON, "-c", "pass"]
    _run(command, env)  # warm-up: bytecode files and the dataset cache written, files in the page cache
    _run(bare, env)
    times, bares, ratios = [], [], []
    for _ in range(pairs):
        base = _run(bare, env)
        took = _run(command, env)
        times.append(took)
        bares.append(base)
        ratios.append(took / base)
    return statistics.median(times), statistics.median(bares), statistics.median(ratios)


_PEAK = """
import resource, sys
def peak():
    try:  # Linux: the high-water mark of this process's own memory, reset by exec
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    # Elsewhere ru_maxrss (bytes on macOS, kilobytes on Linux); it may include the parent's size before exec.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * (1 if sys.platform == "darwin" else 1024)
"""


def peak_rss(code: str, env: dict[str, str]) -> int:
    """Peak resident size in bytes of a fresh interpreter running `code`, as the process itself reports it
    (what the parent's wait4 reports would include this benchmark's own size, copied at fork)."""
    result = subprocess.run(
        [PYTHON, "-c", f"{_PEAK}\n{code}\nprint(peak())"], env=env, capture_output=True, text=True, check=True
    )
    return int(result.stdout.split()[-1])


def raw_parse(root: Path) -> None:
    for path in sorted(root.rglob("*.yaml")):
        yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)


def compare_all(data: policykit.Dataset) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", policykit.StaleDataWarning)
        policykit.compare(data, on="2026-01-01")


def _load_without_cache(root: Path | None) -> policykit.Dataset:
    os.environ["POLICYKIT_CACHE"] = "0"
    try:
        return policykit.load(root) if root is not None else policykit.load()
    finally:
        del os.environ["POLICYKIT_CACHE"]


def processes(pairs: int, cache: Path) -> None:
    warm, off = _environment(cache), _environment(None)
    computed = {**warm, "POLICYKIT_REPLAY": "0"}  # the dataset cache only: the answer is computed every time
    compare = [str(POLICYKIT), "compare", "--as-of", "2026-11-30"]
    rows = [
        ("`policykit compare`, repeated (answer replayed)", compare, warm),
        ("`policykit compare --format csv`, repeated (answer replayed)", [*compare, "--format", "csv"], warm),
        (
            "`policykit export --format csv`, repeated (answer replayed)",
            [str(POLICYKIT), "export", "--format", "csv"],
            warm,
        ),
        ("`policykit compare` (`POLICYKIT_REPLAY=0`: cached dataset, answer computed)", compare, computed),
        ("`policykit compare --format csv` (`POLICYKIT_REPLAY=0`)", [*compare, "--format", "csv"], computed),
        ("`policykit compare` (`POLICYKIT_CACHE=0`: parse and check)", compare, off),
        ('`python -c "import policykit"`', [PYTHON, "-c", "import policykit"], warm),
    ]
    print(f"Whole processes, median of {pairs} runs, each paired with a `python -c pass` run:\n")
    print("| command | time | `python -c pass` | ratio (pair by pair) |")
    print("|---|---:|---:|---:|")
    for name, command, env in rows:
        took, bare, ratio = paired(command, env, pairs)
        print(f"| {name} | {took * 1000:.0f} ms | {bare * 1000:.0f} ms | {ratio:.1f}x |")
    print()


def bundled(repeat: int, cache: Path) -> None:
    root = bundled_data_path()
    os.environ["POLICYKIT_CACHE_DIR"] = str(cache)
    full = best(lambda: _load_without_cache(None), repeat)
    policykit.load()  # writes the cache entry
    cached = best(policykit.load, repeat)
    parse = best(lambda: raw_parse(root), repeat)
    files = len(list(root.rglob("*.yaml")))
    data = policykit.load()
    print(
        f"- bundled data ({files} files): parse, build and check {full * 1000:.1f} ms (a bare "
        f"`yaml.load(CSafeLoader)` of the same files: {parse * 1000:.1f} ms); from the cache {cached * 1000:.1f} ms"
    )
    print(f"- compare every conduct across the bundled data: {best(lambda: compare_all(data), repeat) * 1000:.1f} ms\n")


def scale(sizes: list[int], repeat: int, cache: Path) -> None:
    print(
        "| jurisdictions | files | parse, build and check | per jurisdiction | bare YAML parse | ratio "
        "| from the cache | per jurisdiction | compare (all conducts) | peak memory (load) |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    baseline = peak_rss("import policykit._building, babel.numbers", _environment(None))  # all a load imports
    for size in sizes:
        runs = repeat if size <= 1000 else 1  # 10,000 jurisdictions take about a minute a load
        with tempfile.TemporaryDirectory() as folder:
            root = generate(size, Path(folder))
            full = best(lambda root=root: _load_without_cache(root), runs)
            parsed = best(lambda root=root: raw_parse(root), runs)
            os.environ["POLICYKIT_CACHE_DIR"] = str(cache)
            synthetic = policykit.load(root)  # writes the cache entry
            cached = best(lambda root=root: policykit.load(root), runs)
            compared = best(lambda synthetic=synthetic: compare_all(synthetic), runs)
            del synthetic
            memory = peak_rss(f"import policykit; policykit.load({str(root)!r})", _environment(None))
            count = len(list(root.rglob("*.yaml")))
            print(
                f"| {size:,} | {count:,} | {full * 1000:,.0f} ms | {full / size * 1000:.2f} ms "
                f"| {parsed * 1000:,.0f} ms | {full / parsed:.2f}x | {cached * 1000:,.0f} ms "
                f"| {cached / size * 1000:.3f} ms | {compared * 1000:,.0f} ms "
                f"| {memory / 2**20:,.0f} MiB ({(memory - baseline) / size / 1024:,.0f} KiB each) |"
            )
    print(
        f"\nPeak memory is the process's peak resident size; a process that only imports what a load imports peaks at "
        f"{baseline / 2**20:.0f} MiB, and 'each' is the rest divided by the number of jurisdictions."
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,1000", help="synthetic dataset sizes (jurisdictions)")
    parser.add_argument("--repeat", type=int, default=3, help="in-process runs; the best is kept")
    parser.add_argument("--pairs", type=int, default=20, help="paired process runs; the median is kept")
    parser.add_argument("--skip-processes", action="store_true", help="only the in-process figures")
    args = parser.parse_args()
    print(
        f"policykit {policykit.__version__}, Python {platform.python_version()}, {platform.machine()}, "
        f"{os.cpu_count()} cores, PyYAML {yaml.__version__} (libyaml: {yaml.__with_libyaml__})\n"
    )
    with tempfile.TemporaryDirectory() as cache:
        if not args.skip_processes:
            processes(args.pairs, Path(cache))
        bundled(args.repeat, Path(cache))
        scale([int(size) for size in args.sizes.split(",")], args.repeat, Path(cache))


if __name__ == "__main__":
    main()
