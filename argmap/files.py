"""Reading map files safely, and writing files whole or not at all.

Every file argmap reads as text goes through :func:`read_text`: it refuses anything but a regular
file (a folder, a device such as /dev/zero that never ends, a FIFO that would block) and any file
larger than :func:`max_file_size` (256 MB unless the environment variable ``ARGMAP_MAX_FILE_SIZE``
says otherwise: a map file is read whole, and its map takes several times its size in memory),
and reads UTF-8, a leading byte order mark dropped.

Every file argmap writes (maps, reports, diagrams) goes through :func:`write_atomic`: the bytes go
to a temporary file beside the target, which then replaces it in one rename. A reader never sees
half a file, and a failure, an interrupt or a SIGTERM leaves any old file as it was and no
temporary file behind. Only a SIGKILL (or a power cut) during the write can leave the temporary
file, named ``.NAME.<16 hex digits>.tmp`` beside the target; the target itself is still whole,
and the leftover can be deleted.

Examples:
    >>> import pathlib, tempfile
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "note.txt"
    >>> write_atomic(target, b"whole")
    >>> target.read_bytes()
    b'whole'
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import signal
import stat
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from argmap.exceptions import ArgmapError, FileFormatError, FileWriteError

__all__ = [
    "MAX_FILE_SIZE_VARIABLE",
    "max_file_size",
    "read_stream",
    "read_text",
    "same_file",
    "write_atomic",
]

MAX_FILE_SIZE_VARIABLE = "ARGMAP_MAX_FILE_SIZE"
"""The environment variable that sets the largest file argmap reads: bytes, or ``500M``, ``2G``."""

_DEFAULT_MAX_FILE_SIZE = 256 * 1024**2
_UNITS = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3, "T": 1024**4}

_BOM = "\ufeff"


def read_text(path: str | os.PathLike[str], *, expected: str) -> str:
    r"""Return the UTF-8 text of the regular file at ``path``, without a leading byte order mark.

    The file is opened without blocking and checked before a byte is read, so a FIFO cannot
    hang the reader and a device such as /dev/zero cannot feed it forever.

    Args:
        path: The file.
        expected: What kind of file the caller reads, as the message names it when ``path`` is
            no regular file: ``"a map file"``, ``"a framework file"``, ``"a text to draft"``.

    Raises:
        ArgmapError: ``path`` is not a path (``None``, a number, ...).
        FileFormatError: The file is missing, is not a regular file, cannot be read, or is not
            UTF-8 text; the message names the path (and the line of a bad byte).

    Examples:
        >>> import pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "note.yaml"
        >>> _ = path.write_bytes(b"\xef\xbb\xbfargmap: 2\n")
        >>> read_text(path, expected="a map file")
        'argmap: 2\n'
        >>> read_text("/dev/zero", expected="an AF")
        Traceback (most recent call last):
        argmap.exceptions.FileFormatError: /dev/zero: not a regular file (a device); name an AF
    """
    name = _checked_path(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise FileFormatError("no such file", path=name) from None
    except OSError as exc:
        raise FileFormatError(f"cannot read: {exc.strerror}", path=name) from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise FileFormatError(
            f"not a regular file ({_kind(info.st_mode)}); name {expected}", path=name
        )
    try:
        limit = max_file_size()
    except ArgmapError:
        os.close(fd)
        raise
    if info.st_size > limit:
        os.close(fd)
        raise _too_large(name, info.st_size, limit)
    try:
        with os.fdopen(fd, "rb") as fh:
            raw = fh.read(limit + 1)  # the file may have grown since fstat
    except OSError as exc:
        raise FileFormatError(f"cannot read: {exc.strerror}", path=name) from None
    except MemoryError:
        raise FileFormatError(
            f"not enough memory to read this file of {_size(info.st_size)}", path=name
        ) from None
    if len(raw) > limit:
        raise _too_large(name, len(raw), limit)
    return _decoded(raw, name)


def read_stream(stream: BinaryIO, *, name: str) -> str:
    r"""Return the UTF-8 text a binary stream (standard input) holds, as :func:`read_text` reads
    a file: at most the size it reads, without a leading byte order mark.

    Raises:
        FileFormatError: The stream holds more than :func:`max_file_size`, cannot be read, or
            is not UTF-8 text; the message names it ``name`` (and the line of a bad byte).

    Examples:
        >>> import io
        >>> read_stream(io.BytesIO(b"\xef\xbb\xbf[A]: a"), name="<stdin>")
        '[A]: a'
        >>> read_stream(io.BytesIO(b"ok\n\xff"), name="-")
        Traceback (most recent call last):
        argmap.exceptions.FileFormatError: -:2: not UTF-8 text (byte 3); save the file as UTF-8
    """
    limit = max_file_size()
    try:
        raw = stream.read(limit + 1)
    except OSError as exc:
        raise FileFormatError(f"cannot read: {exc.strerror}", path=name) from None
    if len(raw) > limit:
        raise _too_large(name, len(raw), limit)
    return _decoded(raw, name)


def _decoded(raw: bytes, name: str) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FileFormatError(
            f"not UTF-8 text (byte {exc.start}); save the file as UTF-8",
            path=name,
            line=raw.count(b"\n", 0, exc.start) + 1,
        ) from None
    return text.removeprefix(_BOM)


def max_file_size() -> int:
    """The largest file, in bytes, that :func:`read_text` reads: 256 MB, or the environment's.

    Set ``ARGMAP_MAX_FILE_SIZE`` to a number of bytes, or a number with a unit (``K``, ``M``,
    ``G``, ``T``: powers of 1024), to read larger files.

    Raises:
        ArgmapError: The variable holds something else; the message says what it may hold.

    Examples:
        >>> import os
        >>> max_file_size() == 256 * 1024**2 or MAX_FILE_SIZE_VARIABLE in os.environ
        True
    """
    value = os.environ.get(MAX_FILE_SIZE_VARIABLE, "").strip()
    if not value:
        return _DEFAULT_MAX_FILE_SIZE
    number, unit = value.rstrip("KMGTkmgtBb"), value[len(value.rstrip("KMGTkmgtBb")) :]
    unit = unit.upper().removesuffix("B")
    try:
        size = int(float(number) * _UNITS[unit]) if number.strip() else -1
    except (KeyError, ValueError, OverflowError):
        size = -1
    if size <= 0:
        raise ArgmapError(
            f"{MAX_FILE_SIZE_VARIABLE}={value!r} is not a size; set it to a number of bytes "
            "or a number with a unit, such as 500M or 2G"
        )
    return size


def _size(n: int) -> str:
    for unit in ("T", "G", "M", "K"):
        if n >= _UNITS[unit]:
            return f"{n / _UNITS[unit]:.1f} {unit}B"
    return f"{n} bytes"


def _too_large(name: str, size: int, limit: int) -> FileFormatError:
    return FileFormatError(
        f"the file is {_size(size)}, more than the {_size(limit)} argmap reads; to read it, "
        f"set the environment variable {MAX_FILE_SIZE_VARIABLE} higher (such as "
        f"{MAX_FILE_SIZE_VARIABLE}={max(2, -(-size // _UNITS['G']) * 2)}G), with memory to spare",
        path=name,
    )


def _checked_path(path: object) -> str:
    if not isinstance(path, str | os.PathLike) or isinstance(path, bytes):
        raise ArgmapError(
            f"expected a file path (a str or a pathlib.Path), got {type(path).__name__}"
        )
    name = os.fspath(path)
    if not isinstance(name, str):
        raise ArgmapError(f"expected a text file path, got {type(name).__name__}")
    if not name or "\0" in name:
        raise ArgmapError(f"{name!r} is not a file path: it is empty or holds a NUL character")
    return name


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device"


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Tell whether two paths name the same file: one inode, through links, or one resolved path.

    Examples:
        >>> import pathlib, tempfile
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> same_file(folder / "a.json", folder / "." / "a.json")
        True
        >>> same_file(folder / "a.json", folder / "b.json")
        False
    """
    try:
        return os.path.samefile(a, b)
    except OSError:
        pass  # one of them does not exist (yet): compare where they would be
    try:
        return Path(a).resolve() == Path(b).resolve()
    except (OSError, RuntimeError):  # a symlink loop names no file at all
        return False


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename.

    A symbolic link is followed: the file it points at is replaced and the link stays. The new
    file gets the mode of the file it replaces, or else the mode a plain ``open()`` would give.

    A SIGTERM during the write removes the temporary file and then acts as it would have (by
    default it ends the process); the handler is installed only around the write, in the main
    thread, and the previous one restored after.

    Raises:
        FileWriteError: The folder does not exist or cannot be written, or ``path`` names
            something other than a regular file (a folder, a device such as /dev/stdout), or a
            symbolic link that points at itself.
    """
    _checked_path(path)
    try:
        target = Path(path).resolve()  # write where a symlink points, not over the link
    except (OSError, RuntimeError) as exc:  # RuntimeError before Python 3.13: a symlink loop
        raise FileWriteError(
            f"{path}: cannot follow the symbolic link ({exc}); it may point at itself",
            path=str(path),
        ) from None
    folder = target.parent
    if not folder.is_dir():
        raise FileWriteError(
            f"{path}: folder {str(folder)!r} does not exist; create it first", path=str(path)
        )
    try:
        existing = target.stat()
    except FileNotFoundError:
        existing = None
    except OSError as exc:
        raise FileWriteError(f"{path}: {_write_problem(exc)}", path=str(path)) from None
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        raise FileWriteError(
            f"{path}: not a regular file (a folder or a device); name a file to write",
            path=str(path),
        )
    tmp = folder / _temporary_name(target.name)
    created = False
    try:
        with _cleanup_on_sigterm():
            # Set first, so that a signal just after the open still removes the file; the
            # random name makes it ours alone. When the open itself fails, the clean-up below
            # finds nothing to remove and says nothing.
            created = True
            # Created like a plain open() would (mode 0o666 less the umask), unlike mkstemp's.
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            if existing is not None:
                os.chmod(tmp, stat.S_IMODE(existing.st_mode))
            os.replace(tmp, target)
            created = False
        _sync_folder(folder)
    except BaseException as exc:
        if created:
            with contextlib.suppress(OSError):  # never created, or the folder went read-only
                tmp.unlink(missing_ok=True)
        if isinstance(exc, _Terminated):
            # The temporary file is gone and the old handler is back: let it act on the signal.
            signal.raise_signal(signal.SIGTERM)
            raise FileWriteError(
                f"{path}: interrupted by SIGTERM; the old file is as it was",
                path=str(path),
            ) from None
        if isinstance(exc, OSError):
            raise FileWriteError(f"{path}: {_write_problem(exc)}", path=str(path)) from None
        raise


_NAME_MAX = 255
"""The longest file name, in bytes, that common file systems (ext4, APFS, NTFS) take."""


def _temporary_name(name: str) -> str:
    """``.NAME.<16 hex digits>.tmp``, NAME shortened so the whole fits in :data:`_NAME_MAX` bytes.

    A target whose name is 231 to 255 bytes long is a valid file name, so its temporary file
    must be one too.

    Examples:
        >>> len(_temporary_name("a" * 255).encode())
        255
        >>> _temporary_name("m.json")[:8], _temporary_name("m.json")[-4:]
        ('.m.json.', '.tmp')
    """
    room = _NAME_MAX - len(".") - len(".0123456789abcdef.tmp")
    short = name.encode("utf-8")[:room].decode("utf-8", "ignore")
    return f".{short}.{secrets.token_hex(8)}.tmp"


def _write_problem(exc: OSError) -> str:
    """What went wrong in a write, and what to do about it, in words."""
    advice = {
        errno.EROFS: "the file system is read-only; write somewhere else",
        errno.EACCES: "permission denied; write to a folder you may write to",
        errno.EPERM: "operation not permitted; write to a folder you may write to",
        errno.ENOSPC: "no space left on the device; free some space or write elsewhere",
        errno.EDQUOT: "the disk quota is exceeded; free some space or write elsewhere",
        errno.ENAMETOOLONG: "the file name is too long; choose a shorter name",
        errno.EFBIG: "the file is too large for this file system; write elsewhere",
    }.get(exc.errno or 0)
    reason = exc.strerror or type(exc).__name__
    if advice is None:
        return f"cannot write: {reason}; the old file, if any, is as it was"
    return f"cannot write ({reason}): {advice}; the old file, if any, is as it was"


class _Terminated(BaseException):
    """Raised by the SIGTERM handler to unwind a write, like KeyboardInterrupt does for SIGINT."""


@contextlib.contextmanager
def _cleanup_on_sigterm() -> Iterator[None]:
    """Turn a SIGTERM into :class:`_Terminated` while the block runs, then restore the handler.

    Only the main thread can set handlers; elsewhere, or when SIGTERM is ignored, or when the
    previous handler was not set from Python (then it cannot be restored), nothing changes.
    """
    previous = signal.getsignal(signal.SIGTERM) if hasattr(signal, "SIGTERM") else None
    if (
        previous is None
        or previous is signal.SIG_IGN
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return

    def terminated(signum: int, frame: object) -> None:
        raise _Terminated

    signal.signal(signal.SIGTERM, terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; not every system can open a folder, which is fine."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
