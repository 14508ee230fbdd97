"""Replaying the answer of a repeated command, so that asking the same question twice costs almost nothing.

A command that only reads the bundled data and prints (`compare`, `show`, `export`, `timeline`, `diff`, `assess`,
`list`, `schema`) gives the same text for the same question. Its answer is kept in the cache folder
(`policykit._cache`), under a key that is a SHA-256 of everything the text can depend on:

- the command line, the working folder, today's date and the whole environment (but the shell's own counters
  `PWD`, `OLDPWD`, `SHLVL` and `_`), whether standard output and error are terminals, and the terminal's size;
- the bytes of every file of the package (its code, templates and catalogs) and of the bundled data and
  standards;
- the Python that runs it, and where and when its import paths and the libraries policykit uses were installed.

A changed data file, a new policykit or library, another day or another option gives another key, so an answer
is never stale; it is only ever looked up by its key. Only a run that exits 0, writes nothing to standard error
and writes its whole output to standard output is kept. A command given `--data`, `--merge` or `--output` (or an
abbreviation of them), `--help` or any short option is never replayed: it runs as usual, and its loads still use
the dataset cache. `POLICYKIT_REPLAY=0` turns replaying off (the dataset cache stays on); `POLICYKIT_CACHE=0` turns
it off with the rest of the cache.

This module imports only the standard library, so a replayed command never imports attrs, Babel or the model.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from policykit import _cache
from policykit._version import __version__

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import TextIO

_FORMAT = b"policykit-answer 1\n"
_SUFFIX = ".answer"
#: Commands whose output depends only on the question, the data and the code (not `validate`, which is given
#: paths, nor `brief`, which writes documents).
_COMMANDS = frozenset({"compare", "show", "export", "timeline", "diff", "assess", "list", "schema"})
#: Options that name files or change what is read or where the answer goes: argparse accepts any unambiguous
#: abbreviation of them, so a token that could be one is enough to run the command as usual.
_UNSAFE_OPTIONS = ("--data", "--merge", "--output", "--help", "--template", "--today")
#: Environment variables that shells change between commands without changing any answer.
_SHELL_COUNTERS = frozenset({"PWD", "OLDPWD", "SHLVL", "_"})
#: Libraries whose installed copy can change an answer.
_LIBRARIES = ("attr", "attrs", "babel", "tabulate", "yaml", "jinja2")
#: An answer larger than this is not kept.
_MAX_ANSWER = 64 * 1024 * 1024


def eligible(argv: Sequence[str]) -> bool:
    """Whether the answer to `argv` (the arguments after `policykit`) may be kept and replayed."""
    if not argv or argv[0] not in _COMMANDS:
        return False
    for token in argv[1:]:
        if token.startswith("--"):
            name = token.split("=", 1)[0]
            if len(name) > 2 and any(option.startswith(name) for option in _UNSAFE_OPTIONS):
                return False
        elif token.startswith("-") and token != "-":
            return False
    return True


def _package_roots() -> list[Path]:
    """The package folder, and the bundled data and standards when they lie outside it (a source checkout)."""
    package = Path(__file__).parent
    roots = [package]
    packaged = package / "_bundled"
    if not packaged.is_dir():
        roots += [package.parent / "jurisdictions", package.parent / "standards"]
    return roots


def _hash_tree(digest: Any, root: Path) -> None:
    """Every file under `root` (but compiled bytecode), by relative path and bytes, in a fixed order."""
    for folder, folders, files in os.walk(root, onerror=_raise):
        folders[:] = sorted(name for name in folders if name != "__pycache__")
        for name in sorted(files):
            path = os.path.join(folder, name)
            with open(path, "rb") as handle:
                data = handle.read()
            relative = os.path.relpath(path, root).encode("utf-8", "surrogateescape")
            digest.update(b"%d\0%s\0%d\0" % (len(relative), relative, len(data)))
            digest.update(data)


def _raise(error: OSError) -> None:
    raise error


def _stamp(path: str) -> bytes:
    info = os.stat(path)
    return f"{path}\0{info.st_size}\0{info.st_mtime_ns}\0".encode("utf-8", "surrogateescape")


def key(argv: Sequence[str], roots: Sequence[Path] | None = None) -> str | None:
    """The key of the answer to `argv`, or None when it must not be replayed (not eligible, the cache is off,
    or something it depends on cannot be read)."""
    if not eligible(argv) or _cache.folder() is None or _cache.switched_off("POLICYKIT_REPLAY"):
        return None
    digest = hashlib.sha256(_FORMAT + __version__.encode() + b"\0" + sys.version.encode() + b"\0")
    try:
        digest.update(sys.executable.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(b"\0".join(token.encode("utf-8", "surrogateescape") for token in argv) + b"\0\0")
        digest.update(os.getcwd().encode("utf-8", "surrogateescape") + b"\0")
        digest.update(time.strftime("%Y-%m-%d").encode() + b"\0")
        for name, value in sorted(os.environ.items()):
            if name not in _SHELL_COUNTERS:
                digest.update(f"{name}={value}\0".encode("utf-8", "surrogateescape"))
        for stream in (sys.stdout, sys.stderr):
            terminal = stream is not None and stream.isatty()
            digest.update(b"tty\0" if terminal else b"pipe\0")
            if terminal:
                columns, lines = os.get_terminal_size(stream.fileno())
                digest.update(b"%d\0%d\0" % (columns, lines))
        for entry in sys.path:
            if entry and os.path.isdir(entry):
                digest.update(_stamp(entry))
        from importlib.util import find_spec

        for library in _LIBRARIES:
            spec = find_spec(library)
            digest.update(_stamp(spec.origin) if spec is not None and spec.origin else b"absent\0")
        for root in roots if roots is not None else _package_roots():
            digest.update(str(root).encode("utf-8", "surrogateescape") + b"\0")
            _hash_tree(digest, root)
    except (OSError, ValueError, ImportError, AttributeError):
        return None
    return digest.hexdigest()


def replay(answer_key: str, stdout: TextIO) -> bool:
    """Write the answer kept under `answer_key` to `stdout`; False when there is none (or it cannot be read)."""
    payload = _cache.fetch(answer_key, _SUFFIX, _FORMAT)
    if payload is None:
        return False
    try:
        text = payload.decode("utf-8", "surrogateescape")
    except UnicodeDecodeError:  # pragma: no cover - surrogateescape decodes any bytes
        return False
    stdout.write(text)
    stdout.flush()
    return True


class _Recorder(io.TextIOBase):
    """A text stream that passes everything on to `stream` and keeps what was written successfully."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.stream = stream
        self.parts: list[str] = []
        self.size = 0
        self.failed = False

    def write(self, text: str) -> int:
        try:
            written = self.stream.write(text)
        except BaseException:
            self.failed = True
            raise
        self.parts.append(text)
        self.size += len(text)
        return written

    def flush(self) -> None:
        try:
            self.stream.flush()
        except BaseException:
            self.failed = True
            raise

    def fileno(self) -> int:
        return self.stream.fileno()

    def isatty(self) -> bool:
        return self.stream.isatty()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self.stream.encoding

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return self.stream.errors


def run_and_keep(answer_key: str, run: Callable[[], int]) -> int:
    """Run the command (`run`), passing its output through, and keep its answer under `answer_key` when it
    succeeded cleanly: status 0, nothing on standard error, every write to standard output done."""
    stdout, stderr = _Recorder(sys.stdout), _Recorder(sys.stderr)
    sys.stdout, sys.stderr = stdout, stderr
    try:
        status = run()
    finally:
        sys.stdout, sys.stderr = stdout.stream, stderr.stream
    if status == 0 and not stdout.failed and not stderr.parts and not stderr.failed and stdout.size <= _MAX_ANSWER:
        with contextlib.suppress(UnicodeEncodeError):
            _cache.store(answer_key, "".join(stdout.parts).encode("utf-8", "surrogateescape"), _SUFFIX, _FORMAT)
    return status


def drop_stdout() -> None:
    """Point standard output at the null device, so that Python's final flush of what is still buffered does
    not fail again on a closed pipe (which would print a warning and exit with status 120)."""
    with contextlib.suppress(OSError, ValueError, AttributeError, io.UnsupportedOperation):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)


def entry_point() -> None:
    """The console script: replay the answer to a repeated question, or run the command line (and keep its
    answer when it may be replayed); exit with the command's status."""
    argv = sys.argv[1:]
    answer_key = key(argv)
    if answer_key is not None:
        try:
            if replay(answer_key, sys.stdout):
                sys.exit(0)
        except BrokenPipeError:  # the reader stopped early (`| head`): the answer was a success
            drop_stdout()
            sys.exit(0)
        except OSError as error:  # standard output itself failed (`> /dev/full`)
            drop_stdout()
            with contextlib.suppress(OSError):
                sys.stderr.write(f"policykit: error: cannot write the output: {error.strerror or error}\n")
            sys.exit(1)
    from policykit.cli import main

    if answer_key is None:
        sys.exit(main(argv))
    sys.exit(run_and_keep(answer_key, lambda: main(argv)))
