"""Writing files whole or not at all.

Every file argmap writes (maps, reports, diagrams) goes through :func:`write_atomic`: the bytes go
to a temporary file beside the target, which then replaces it in one rename. A reader never sees
half a file, and a failure or an interrupt leaves any old file as it was.

Examples:
    >>> import pathlib, tempfile
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "note.txt"
    >>> write_atomic(target, b"whole")
    >>> target.read_bytes()
    b'whole'
"""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path

from argmap.exceptions import FileWriteError

__all__ = ["write_atomic"]


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename.

    A symbolic link is followed: the file it points at is replaced and the link stays. The new
    file gets the mode of the file it replaces, or else the mode a plain ``open()`` would give.

    Raises:
        FileWriteError: The folder does not exist or cannot be written, or ``path`` names
            something other than a regular file (a folder, a device such as /dev/stdout).
    """
    target = Path(path).resolve()  # write where a symlink points, not over the link
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
        raise FileWriteError(f"{path}: cannot write: {exc.strerror}", path=str(path)) from None
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        raise FileWriteError(
            f"{path}: not a regular file (a folder or a device); name a file to write",
            path=str(path),
        )
    tmp = folder / f".{target.name}.{secrets.token_hex(8)}.tmp"
    created = False
    try:
        # Created like a plain open() would (mode 0o666 less the umask), unlike mkstemp's 0o600.
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        created = True
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
            tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise FileWriteError(f"{path}: cannot write: {exc.strerror}", path=str(path)) from None
        raise


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
