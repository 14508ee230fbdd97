"""Reading data folders into a `Dataset`, reporting every problem with its `file:line:column`.

A data folder holds `vocabulary.yaml` (optional in a user's folder: the bundled one is used) and one
folder per jurisdiction (`kr/jurisdiction.yaml`, `kr/events.yaml`, `kr/instruments/<slug>.yaml`).
See docs/data-format.md for the format.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from policykit import _cache
from policykit.errors import ArgumentTypeError, DataError, Problem
from policykit.queries import DateLike, as_date

if TYPE_CHECKING:
    from policykit.model import Dataset, Source

#: Files larger than this are refused before parsing: policykit data files are a few kilobytes.
MAX_FILE_BYTES = 2 * 1024 * 1024

_JURISDICTION_FOLDER = re.compile(r"[a-z]{2}(-[a-z0-9]{1,3})?")


def bundled_data_path() -> Path:
    """The folder of the data shipped with policykit."""
    packaged = Path(__file__).parent / "_bundled" / "jurisdictions"
    if packaged.is_dir():
        return packaged
    return Path(__file__).parent.parent / "jurisdictions"  # a source checkout or editable install


def load(path: str | os.PathLike[str] | None = None, *, merge: bool = False) -> Dataset:
    """Load and check a data folder; with no `path`, the bundled data.

    With `merge=True`, the files of `path` are laid over the bundled data: a file at the same relative
    path replaces the bundled one, other files are added. Raises `DataError` listing every problem.

    >>> import policykit
    >>> data = policykit.load()
    >>> "KR" in data.jurisdictions, data.conducts["covert_filming"].en
    (True, 'Covert filming')
    """
    roots = [bundled_data_path()]
    if path is not None:
        user_root = _as_path(path, "path")
        found, problem = _path_kind(user_root)
        if problem is not None:
            raise DataError([problem])
        if found != "folder":
            raise DataError([Problem(str(path), 1, 1, "not a folder; expected a data folder")])
        roots = [bundled_data_path(), user_root] if merge else [user_root]
    # The checked dataset is kept in a cache keyed by the bytes of every file (see policykit._cache), so a
    # repeated load skips parsing and checking; on any doubt the files are loaded in full.
    files, listing_problems, _ = gather(roots)
    key = None
    if not listing_problems:
        _, key = _cache.contents_and_key(files.values(), read_bytes)
        if key is not None:
            cached = _cache.read(key)
            if cached is not None:
                return cached
    from policykit._building import _load_roots  # only on a cache miss: parsing and checking

    with _cache.paused_gc():
        dataset, problems = _load_roots(roots)
    if problems or dataset is None:
        raise DataError(problems)
    if key is not None:
        _cache.write(key, dataset)
    return dataset


def validate(paths: Iterable[str | os.PathLike[str]], *, today: DateLike | None = None) -> list[Problem]:
    """Check data folders or single data files and return every problem found (empty when clean).

    Coverage must have no gap up to `today` if given, otherwise up to the latest date each jurisdiction's data
    was verified or its sources checked: without `today`, the result depends only on the data.

    A folder is checked as a whole data folder, or, when it holds a `jurisdiction.yaml`, as one jurisdiction's
    folder. A single file is checked on its own, with the bundled
    vocabulary, as the kind of file its name says (`vocabulary.yaml`, `jurisdiction.yaml`, `events.yaml`,
    otherwise an instrument).
    """
    if today is not None:
        today = as_date(today, "today")
    if isinstance(paths, str | bytes | os.PathLike):
        raise ArgumentTypeError(f"paths: expected a list of paths, found the single path {str(paths)!r}; write [path]")
    from policykit._building import _check_single_file, _load_roots

    problems: list[Problem] = []
    for path in paths:
        target = _as_path(path, "paths")
        found, problem = _path_kind(target)
        if problem is not None:
            problems.append(problem)
        elif found == "folder" and _path_kind(target / "jurisdiction.yaml")[0] == "file":
            # One jurisdiction's folder, checked with the vocabulary of the data folder it sits in.
            problems.extend(_load_roots([target.parent], only=target.name, today=today)[1])
        elif found == "folder":
            problems.extend(_load_roots([target], today=today)[1])
        else:
            problems.extend(_check_single_file(target))
    return sorted(problems)


def _as_path(value: Any, name: str) -> Path:
    if isinstance(value, str) or (isinstance(value, os.PathLike) and isinstance(os.fspath(value), str)):
        return Path(value)
    raise ArgumentTypeError(f"{name}: expected a path (str or pathlib.Path), found {type(value).__name__}")


def _path_kind(path: Path) -> tuple[str | None, Problem | None]:
    """'file' or 'folder' for a path named by the caller (links followed); otherwise a problem naming it."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return None, Problem(str(path), 1, 1, "no such file or folder")
    except ValueError:  # a NUL character: no file can have this name
        return None, Problem(str(path), 1, 1, "not a valid path: it contains a NUL character")
    except (OSError, RuntimeError) as error:
        return None, Problem(str(path), 1, 1, f"cannot read: {getattr(error, 'strerror', None) or error}")
    if stat.S_ISDIR(mode):
        return "folder", None
    if stat.S_ISREG(mode):
        return "file", None
    return None, Problem(str(path), 1, 1, "not a regular file or folder (a FIFO, socket or device); nothing was read")


# ----------------------------------------------------------------------------------------------------------
# Files


@attrs.frozen
class _DataFile:
    name: str  # shown in messages
    relative: str  # path relative to its data root, with '/'
    path: Path


def _entries(folder: Path) -> tuple[list[Path], Problem | None]:
    """The entries of `folder` not hidden by a leading '.', sorted; or a problem saying why it cannot be read."""
    try:
        return sorted(entry for entry in folder.iterdir() if not entry.name.startswith(".")), None
    except OSError as error:
        return [], Problem(str(folder), 1, 1, f"cannot read folder: {error.strerror or error}")


def _kind(path: Path, root: Path) -> tuple[str | None, Problem | None]:
    """'file' or 'folder' for what `path` is, following a link only when it stays inside `root` (resolved).

    Anything else (a broken link, a link loop, a link out of the data folder, a FIFO, a socket, a device, an
    entry that cannot be examined) is a problem naming `path`; nothing is read from it.
    """
    try:
        if path.is_symlink():
            try:
                target = path.resolve(strict=True)
            except (OSError, RuntimeError):
                return None, Problem(str(path), 1, 1, "broken link or link loop; expected a file or folder")
            if not target.is_relative_to(root):
                return None, Problem(
                    str(path), 1, 1, "link to a place outside the data folder; links must stay inside the data folder"
                )
        mode = path.stat().st_mode
    except OSError as error:
        return None, Problem(str(path), 1, 1, f"cannot read: {error.strerror or error}")
    if stat.S_ISDIR(mode):
        return "folder", None
    if stat.S_ISREG(mode):
        return "file", None
    return None, Problem(str(path), 1, 1, "not a regular file or folder (a FIFO, socket or device); nothing was read")


def _collect(root: Path) -> tuple[list[_DataFile], list[Problem]]:
    files: list[_DataFile] = []
    problems: list[Problem] = []
    shown = str(root)
    try:
        real_root = root.resolve(strict=True)
    except (OSError, RuntimeError) as error:
        return [], [Problem(shown, 1, 1, f"cannot read folder: {getattr(error, 'strerror', None) or error}")]

    def add(path: Path) -> None:
        relative = path.relative_to(root).as_posix()
        files.append(_DataFile(os.path.join(shown, *relative.split("/")), relative, path))

    def kind(path: Path) -> str | None:
        found, problem = _kind(path, real_root)
        if problem is not None:
            problems.append(problem)
        return found

    def entries(folder: Path) -> list[Path]:
        found, problem = _entries(folder)
        if problem is not None:
            problems.append(problem)
        return found

    top, problem = _entries(root)
    if problem is not None:
        return [], [problem]
    for entry in top:
        entry_kind = kind(entry)
        if entry_kind is None:
            continue
        if entry_kind == "file":
            if entry.name == "vocabulary.yaml":
                add(entry)
            elif entry.suffix in (".yaml", ".yml"):
                problems.append(Problem(str(entry), 1, 1, "unexpected data file; expected vocabulary.yaml or <cc>/..."))
            continue
        if not _JURISDICTION_FOLDER.fullmatch(entry.name):
            problems.append(
                Problem(
                    str(entry),
                    1,
                    1,
                    "unexpected folder; a jurisdiction folder is an ISO 3166-1 code (or an ISO 3166-2 subdivision) "
                    "in lower case",
                )
            )
            continue
        for item in entries(entry):
            item_kind = kind(item)
            if item_kind is None:
                continue
            if item.name in ("jurisdiction.yaml", "events.yaml", "sources.yaml") and item_kind == "file":
                add(item)
            elif item.name == "instruments" and item_kind == "folder":
                instruments = entries(item)
                names = {instrument.name for instrument in instruments}
                for instrument in instruments:
                    instrument_kind = kind(instrument)
                    if instrument_kind is None:
                        continue
                    if instrument.suffix == ".yaml" and instrument_kind == "file":
                        if instrument.stem in names:
                            problems.append(
                                Problem(
                                    str(instrument),
                                    1,
                                    1,
                                    f"instrument {instrument.stem!r} is also a folder; keep one of "
                                    f"{instrument.name} and {instrument.stem}/",
                                )
                            )
                        else:
                            add(instrument)
                    elif instrument_kind == "folder":
                        for part in entries(instrument):
                            part_kind = kind(part)
                            if part_kind == "file" and part.suffix == ".yaml":
                                add(part)
                            elif part_kind is not None:
                                problems.append(
                                    Problem(
                                        str(part),
                                        1,
                                        1,
                                        "unexpected file; expected index.yaml and one <provision-slug>.yaml per "
                                        "provision",
                                    )
                                )
                    else:
                        problems.append(
                            Problem(
                                str(instrument),
                                1,
                                1,
                                "unexpected file; expected <instrument-slug>/ (a folder) or <instrument-slug>.yaml",
                            )
                        )
            else:
                problems.append(
                    Problem(
                        str(item),
                        1,
                        1,
                        "unexpected file; expected jurisdiction.yaml, sources.yaml, events.yaml or instruments/",
                    )
                )
    return files, problems


def read_bytes(file: _DataFile) -> tuple[bytes, Problem | None]:
    """Read one file's bytes: refused by its size before any of it is read, and never a FIFO or device."""
    try:
        # O_NONBLOCK: opening a FIFO that slipped in (a race, or the bundled path) must not wait for a writer.
        descriptor = os.open(file.path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(descriptor, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                return b"", Problem(file.name, 1, 1, "not a regular file (a FIFO, socket or device); nothing was read")
            if info.st_size > MAX_FILE_BYTES:
                return b"", _too_large(file, f"{info.st_size:,} bytes")
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        return b"", Problem(file.name, 1, 1, f"cannot read file: {error.strerror or error}")
    if len(data) > MAX_FILE_BYTES:  # it grew after it was measured
        return b"", _too_large(file, f"more than {MAX_FILE_BYTES:,} bytes")
    return data, None


def _too_large(file: _DataFile, size: str) -> Problem:
    return Problem(file.name, 1, 1, f"file is {size}; data files are limited to {MAX_FILE_BYTES:,} bytes")


def _instrument_of(relative: str) -> tuple[str, str, bool] | None:
    """(jurisdiction folder, slug, in a folder?) for an instrument's file, else None."""
    parts = relative.split("/")
    if len(parts) == 3 and parts[1] == "instruments":
        return parts[0], parts[2][: -len(".yaml")], False
    if len(parts) == 4 and parts[1] == "instruments":
        return parts[0], parts[2], True
    return None


def gather(roots: list[Path], only: str | None = None) -> tuple[dict[str, _DataFile], list[Problem], set[str]]:
    """The data files of roots laid over each other, by relative path, with the bundled vocabulary when none has
    its own; the problems found while listing them; and the relative paths of the last root's files. With `only`,
    just that jurisdiction folder (and the vocabulary)."""
    by_relative: dict[str, _DataFile] = {}
    problems: list[Problem] = []
    last_root: set[str] = set()
    for root in roots:
        files, found = _collect(root)
        if only is not None:
            found = [problem for problem in found if Path(problem.file).is_relative_to(root / only)]
            files = [
                file for file in files if file.relative.startswith(f"{only}/") or file.relative == "vocabulary.yaml"
            ]
        problems.extend(found)
        # An instrument given by a later root replaces the earlier one whole when its form differs (one file
        # against a folder); within the same form, file by file.
        shapes = [_instrument_of(file.relative) for file in files]
        forms = {shape[:2]: shape[2] for shape in shapes if shape is not None}
        for relative in list(by_relative):
            earlier = _instrument_of(relative)
            if earlier is not None and forms.get(earlier[:2], earlier[2]) != earlier[2]:
                del by_relative[relative]
        for file in files:
            by_relative[file.relative] = file
        last_root = {file.relative for file in files}
    if "vocabulary.yaml" not in by_relative:
        bundled = bundled_data_path() / "vocabulary.yaml"
        by_relative["vocabulary.yaml"] = _DataFile(str(bundled), "vocabulary.yaml", bundled)
    return by_relative, problems, last_root


def load_with_sources(
    path: str | os.PathLike[str], *, unused_sources_ok: bool = False
) -> tuple[Dataset, dict[str, dict[str, Source]]]:
    """Load data folder `path` on its own, with each jurisdiction's listed sources by id (for the writer).

    The sources are those of `<cc>/sources.yaml`, without pinpoints. With `unused_sources_ok`, a listed source
    that nothing cites is not a problem (the writer leaves it out). Raises `DataError` listing every problem.
    """
    root = _as_path(path, "path")
    found, problem = _path_kind(root)
    if problem is not None:
        raise DataError([problem])
    if found != "folder":
        raise DataError([Problem(str(path), 1, 1, "not a folder; expected a data folder")])
    from policykit._building import _read_roots

    builder, dataset, problems = _read_roots([root], unused_sources_ok=unused_sources_ok)
    if problems:
        raise DataError(problems)
    return dataset, builder.registries
