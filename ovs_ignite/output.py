"""Writing output: a failed run leaves an existing file as it was, and no partial file.

- ``-`` is standard output; no file named ``-`` is ever made.
- A regular file (or a new one) is replaced atomically: a temporary file next to it, then a
  rename. A symlink is written through: its target is replaced, the link stays. An existing
  file keeps its mode and its owner.
- Anything else that exists (a device such as /dev/full or /dev/stdout, a FIFO) is written
  directly, never replaced by a regular file.
- Every write error (ENOSPC, EPIPE, EACCES, ...) is an OutputError: exit status 1, one line.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from pathlib import Path

from .errors import OutputError

STDIO = "-"  # as SPEC: standard input; as -o: standard output


def write_stdout(text: str) -> None:
    """Write text to standard output now, unbuffered: a full disk or a closed pipe is an
    OutputError here, not a traceback when Python flushes at exit."""
    data = text.encode("utf-8")
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # replaced, as by a test runner
        sys.stdout.write(text)
        return
    try:
        sys.stdout.flush()
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    except OSError as exc:
        raise OutputError(f"(standard output): cannot write: {exc.strerror or exc}") from None


def write_output(path: str | Path, text: str) -> None:
    """Write text to path: standard output for ``-``, else as the module says."""
    if str(path) == STDIO:
        write_stdout(text)
        return
    try:
        existing: os.stat_result | None = Path(path).stat()  # through symlinks
    except FileNotFoundError:
        existing = None
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        _write_directly(path, text)
        return
    _replace(Path(os.path.realpath(path)), text, existing, shown=str(path))


def _file_id(path: Path) -> tuple[int, int, bool] | None:
    """(device, inode, whether a regular file) of what path names, links followed; None
    for standard output or a path that names nothing."""
    if str(path) == STDIO:
        return None
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_dev, info.st_ino, stat.S_ISREG(info.st_mode)


def check_not_inputs(outputs: list[Path], inputs: list[Path]) -> None:
    """Refuse an output that is one of this run's inputs (the spec, an EXTRA, the inventory),
    through any link or hard link: writing it would destroy the input."""
    seen = {found[:2]: path for path in inputs if (found := _file_id(path))}
    for out in outputs:
        found = _file_id(out)
        if found is not None and found[2] and found[:2] in seen:
            raise OutputError(
                f"{out}: is {seen[found[:2]]}, an input of this command: write the output elsewhere"
            )


def write_all(files: list[tuple[Path, str]], inputs: list[Path]) -> None:
    """Write every file or none, none of them over one of inputs (check_not_inputs): each
    goes to a temporary file beside its target first, and only when all are written are
    they renamed into place (a failed rename puts back the files already replaced). Folders
    are made as needed; every error is an OutputError."""
    check_not_inputs([path for path, _ in files], inputs)
    staged: list[tuple[Path, str, os.stat_result | None]] = []
    try:
        for path, text in files:
            staged.append(_stage(path, text))
        _to_disk([(tmp, str(path)) for (_, tmp, _), (path, _) in zip(staged, files, strict=True)])
        _commit(staged, [path for path, _ in files])
    finally:
        for _, tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)


def _stage(path: Path, text: str) -> tuple[Path, str, os.stat_result | None]:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        existing: os.stat_result | None = path.stat()
    except FileNotFoundError:
        existing = None
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        raise OutputError(f"{path}: is not a regular file; several files are written only to files")
    target = Path(os.path.realpath(path))
    return target, _temporary_copy(target, text, existing, str(path), sync=False), existing


def _to_disk(files: list[tuple[str, str]]) -> None:
    """Each of files (path, name shown) written to the disk before any is renamed into
    place: several fsyncs at once (a fleet's thousand, one by one, took a third of its
    render), which the file system commits together."""
    from concurrent.futures import ThreadPoolExecutor

    def sync(file: tuple[str, str]) -> None:
        try:
            fd = os.open(file[0], os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        except OSError as exc:
            raise OutputError(f"{file[1]}: cannot write: {exc.strerror or exc}") from None

    with ThreadPoolExecutor(max_workers=min(16, len(files) or 1)) as pool:
        list(pool.map(sync, files))


def _commit(staged: list[tuple[Path, str, os.stat_result | None]], shown: list[Path]) -> None:
    done: list[tuple[Path, str | None]] = []  # (target, a link to its old contents)
    index = 0
    try:
        for i, (target, tmp, existing) in enumerate(staged):
            index = i
            backup = None
            if existing is not None:
                backup = f"{tmp}.old"
                os.link(target, backup)
            done.append((target, backup))
            Path(tmp).replace(target)
    except OSError as exc:
        for target, backup in reversed(done):
            if backup is not None:
                Path(backup).replace(target)
            else:
                target.unlink(missing_ok=True)
        raise OutputError(f"{shown[index]}: cannot write: {exc.strerror or exc}") from None
    for _, backup in done:
        if backup is not None:
            Path(backup).unlink(missing_ok=True)


def _set_mode(tmp: Path, existing: os.stat_result | None) -> None:
    if existing is None:
        umask = os.umask(0)
        os.umask(umask)
        tmp.chmod(0o666 & ~umask)
    else:
        tmp.chmod(stat.S_IMODE(existing.st_mode))
        if (existing.st_uid, existing.st_gid) != (os.getuid(), os.getgid()):
            os.chown(tmp, existing.st_uid, existing.st_gid)


def _write_directly(path: str | Path, text: str) -> None:
    try:
        with Path(path).open("w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None


def _replace(target: Path, text: str, existing: os.stat_result | None, shown: str) -> None:
    tmp = _temporary_copy(target, text, existing, shown)
    try:
        Path(tmp).replace(target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{shown}: cannot write: {exc.strerror or exc}") from None


def _temporary_copy(
    target: Path, text: str, existing: os.stat_result | None, shown: str, sync: bool = True
) -> str:
    """A temporary file beside target that holds text, written to the disk (unless not
    sync: the caller does it), with the mode and owner of existing (target as it is, or
    None); its path. Nothing is left behind when that fails."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise OutputError(f"{shown}: cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            if sync:
                os.fsync(handle.fileno())
        _set_mode(Path(tmp), existing)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{shown}: cannot write: {exc.strerror or exc}") from None
    return tmp
