"""A cache of checked datasets, so that a repeated command skips parsing and checking the data files.

The key is a SHA-256 of everything the checked dataset depends on: every data file's path (the model keeps where
each provision was read) and bytes, policykit's version, the source of the modules that read and check the data,
the Python version, and the installed PyYAML and Babel (whose currency list the checks use). A changed file, a new
policykit or a new PyYAML gives a new key, so a cached dataset is never stale; a cache file is only ever looked up
by its key.

Where: `POLICYKIT_CACHE_DIR` if set, otherwise the user's cache folder (`$XDG_CACHE_HOME/policykit` or
`~/.cache/policykit`; `~/Library/Caches/policykit` on macOS; `%LOCALAPPDATA%\\policykit\\Cache` on Windows).
`POLICYKIT_CACHE=0` turns it off. Every file in it is safe to delete at any time.

Safety: a cache file is written whole or not at all (a temporary file renamed over it), in a folder only its user
can enter. On reading, it must be a regular file owned by the user and writable by no one else, start with the
key asked for, and match the SHA-256 of its payload; the payload is a pickle read by an unpickler that can only
build policykit's own model classes, dates and fractions, so even a forged file cannot run code. Anything wrong,
missing or unreadable is a cache miss: the data is loaded in full, never a traceback.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import io
import os
import pickle
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from policykit._version import __version__

if TYPE_CHECKING:
    from policykit.errors import Problem
    from policykit.model import Dataset

#: Raised when the layout of a cache file changes, so older files are never read.
_FORMAT = b"policykit-dataset-cache 1\n"
#: The modules whose code decides what a checked dataset holds: a change to any of them is a new key.
_LOADER_MODULES = (
    "_building.py",
    "_cache.py",
    "_currencies.py",
    "_fields.py",
    "_yaml.py",
    "_version.py",
    "checks.py",
    "errors.py",
    "loading.py",
    "model.py",
    "queries.py",
)
#: Libraries whose installed copy can change how data is read or checked.
_LIBRARIES = ("yaml", "babel")
_SUFFIX = ".dataset"
#: A cache file larger than this is not read, and older files are removed beyond this in all (the bundled data's
#: file is about 0.5 MB; 10,000 synthetic jurisdictions make about 215 MB).
_MAX_BYTES = 1024 * 1024 * 1024
#: Cache files kept: the oldest beyond this are removed when a new one is written.
_KEEP = 16
_OFF = ("0", "off", "no", "false")
_PICKLE_PROTOCOL = 5


class _File(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def relative(self) -> str: ...


def switched_off(variable: str) -> bool:
    """Whether the environment variable `variable` says off (`0`, `off`, `no`, `false`, in any case)."""
    return os.environ.get(variable, "").strip().lower() in _OFF


def folder() -> Path | None:
    """The cache folder, or None when the cache is turned off (`POLICYKIT_CACHE=0`) or no folder can be named."""
    if switched_off("POLICYKIT_CACHE"):
        return None
    chosen = os.environ.get("POLICYKIT_CACHE_DIR")
    if chosen:
        return Path(chosen)
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA")
        return Path(local, "policykit", "Cache") if local else None
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "policykit"
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):
        return Path(xdg, "policykit")
    try:
        return Path.home() / ".cache" / "policykit"
    except RuntimeError:  # no home folder
        return None


def contents_and_key(
    files: Iterable[_File], reader: Callable[[Any], tuple[bytes, Problem | None]]
) -> tuple[dict[str, bytes], str | None]:
    """Read every file (with `reader`) and return their bytes by relative path, and the cache key; the key is
    None when the cache is off or a file could not be read (the full load then reports why)."""
    contents: dict[str, bytes] = {}
    digest = hashlib.sha256(_FORMAT + __version__.encode() + f"\0{sys.version_info[:2]}\0".encode())
    complete = True
    for file in sorted(files, key=lambda each: each.relative):
        data, problem = reader(file)
        if problem is not None:
            complete = False
            continue
        contents[file.relative] = data
        # The name too: the model keeps where each provision was read (`Location`), for messages.
        relative = file.relative.encode("utf-8", "surrogatepass")
        shown = file.name.encode("utf-8", "surrogatepass")
        digest.update(b"%d\0%s\0%d\0%s\0%d\0" % (len(relative), relative, len(shown), shown, len(data)))
        digest.update(data)
    if not complete or folder() is None:
        return contents, None
    code = _code_fingerprint()
    if code is None:
        return contents, None
    digest.update(code)
    return contents, digest.hexdigest()


def _code_fingerprint() -> bytes | None:
    """The loader's own source and the installed libraries, or None if any cannot be read."""
    digest = hashlib.sha256()
    here = Path(__file__).parent
    try:
        for name in _LOADER_MODULES:
            data = (here / name).read_bytes()
            digest.update(b"%s\0%d\0" % (name.encode(), len(data)))
            digest.update(data)
        for library in _LIBRARIES:
            spec = find_spec(library)
            origin = spec.origin if spec is not None else None
            if origin is None:
                return None
            info = os.stat(origin)
            digest.update(f"{library}\0{origin}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
    except (OSError, ValueError, ImportError):
        return None
    return digest.digest()


def fetch(key: str, suffix: str = _SUFFIX, form: bytes = _FORMAT) -> bytes | None:
    """The payload kept under `key`, or None on any doubt (missing, foreign, tampered with, unreadable)."""
    place = folder()
    if place is None:
        return None
    try:
        descriptor = os.open(place / (key + suffix), os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(descriptor, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not _trusted(info):
                return None
            data = handle.read(_MAX_BYTES + 1)
    except (OSError, ValueError):
        return None
    header = form + key.encode() + b"\n"
    if len(data) > _MAX_BYTES or not data.startswith(header):
        return None
    stated, payload = data[len(header) : len(header) + 64], data[len(header) + 65 :]
    if hashlib.sha256(payload).hexdigest().encode() != stated:
        return None
    return payload


def read(key: str) -> Dataset | None:
    """The cached dataset for `key`, or None on any doubt (missing, foreign, tampered with, unreadable)."""
    payload = fetch(key)
    if payload is None:
        return None
    try:
        with paused_gc():
            dataset = _ModelUnpickler(io.BytesIO(payload)).load()
    except Exception:  # a cache miss, whatever went wrong: the caller loads the files in full
        return None
    from policykit.model import Dataset

    return dataset if isinstance(dataset, Dataset) else None


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection while a dataset is built: it makes hundreds of thousands of small objects,
    none in a cycle, and each collection would walk all those made so far (reading 1,000 synthetic jurisdictions
    from the cache took twice as long with it)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _trusted(info: os.stat_result) -> bool:
    """A regular file that only its owner, the current user, can have written."""
    if not stat.S_ISREG(info.st_mode):
        return False
    if hasattr(os, "geteuid"):
        return info.st_uid == os.geteuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    return True  # Windows: a user's LOCALAPPDATA is private to that user


def write(key: str, dataset: Dataset) -> None:
    """Keep `dataset` under `key`, atomically; a cache that cannot be written is silently skipped."""
    try:
        payload = pickle.dumps(dataset, protocol=_PICKLE_PROTOCOL)
    except Exception:  # pragma: no cover - a model object that cannot be pickled is a bug, not a reason to fail
        return
    store(key, payload)


def store(key: str, payload: bytes, suffix: str = _SUFFIX, form: bytes = _FORMAT) -> None:
    """Keep `payload` under `key`, atomically, with a header `fetch` checks; silently skipped when the cache
    cannot be written."""
    place = folder()
    if place is None:
        return
    temporary: str | None = None
    import tempfile  # only when writing: it imports shutil, random and the compression modules

    try:
        place.mkdir(mode=0o700, parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=place, prefix=".", suffix=".tmp")
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(form + key.encode() + b"\n" + hashlib.sha256(payload).hexdigest().encode() + b"\n")
            handle.write(payload)
        os.replace(temporary, place / (key + suffix))
        temporary = None
        _prune(place, suffix)
    except Exception:  # a cache is an optimisation: a full disk or a read-only home must not stop the command
        pass
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _prune(place: Path, suffix: str) -> None:
    """Remove the least recently written cache files of a kind (`suffix`) beyond the last `_KEEP`, or beyond
    `_MAX_BYTES` in all."""
    entries = []
    for entry in place.iterdir():
        if entry.name.endswith(suffix):
            with contextlib.suppress(OSError):
                info = entry.stat()
                entries.append((info.st_mtime_ns, info.st_size, entry))
    total = 0
    for index, (_, size, entry) in enumerate(sorted(entries, key=lambda each: each[0], reverse=True)):
        total += size
        if index >= _KEEP or (index > 0 and total > _MAX_BYTES):
            with contextlib.suppress(OSError):
                entry.unlink()


_ALLOWED = {("datetime", "date"), ("fractions", "Fraction")}


class _ModelUnpickler(pickle.Unpickler):
    """Builds only policykit's model classes (attrs classes and enums), dates and fractions: no other callable
    can be reached, so a forged payload cannot run code."""

    def find_class(self, module: str, name: str) -> Any:
        if module == "policykit.model":
            from policykit import model

            found = getattr(model, name, None)
            if isinstance(found, type) and found.__module__ == "policykit.model":
                return found
        elif (module, name) in _ALLOWED:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a policykit cache file")
