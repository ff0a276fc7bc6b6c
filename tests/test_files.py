"""write_atomic: whole files or nothing, through links, never over devices or folders."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

import argmap
from argmap.files import write_atomic


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_writes_the_bytes_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    write_atomic(target, b"first")
    write_atomic(target, b"second")
    assert target.read_bytes() == b"second"
    assert _leftovers(tmp_path) == []


def test_follows_a_symlink_and_keeps_it(tmp_path: Path) -> None:
    real = tmp_path / "real.svg"
    real.write_bytes(b"old")
    link = tmp_path / "link.svg"
    link.symlink_to(real)
    write_atomic(link, b"new")
    assert link.is_symlink()
    assert real.read_bytes() == b"new"


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="needs a /dev/null device")
def test_refuses_to_replace_a_device() -> None:
    with pytest.raises(argmap.FileWriteError, match="not a regular file") as info:
        write_atomic(Path("/dev/null"), b"x")
    assert info.value.path == "/dev/null"
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_refuses_a_folder(tmp_path: Path) -> None:
    (tmp_path / "dir.json").mkdir()
    with pytest.raises(argmap.FileWriteError, match=r"dir\.json: not a regular file"):
        write_atomic(tmp_path / "dir.json", b"x")


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(argmap.FileWriteError, match="does not exist; create it first"):
        write_atomic(tmp_path / "nope" / "out.json", b"x")


def test_an_interrupt_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "map.json"
    target.write_bytes(b"old")

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert _leftovers(tmp_path) == []


def test_a_failed_write_is_a_file_write_error_and_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "map.json"
    target.write_bytes(b"old")

    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(argmap.FileWriteError, match="cannot write: No space left on device"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert _leftovers(tmp_path) == []


def test_keeps_the_mode_of_the_file_it_replaces(tmp_path: Path) -> None:
    target = tmp_path / "map.json"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_atomic(target, b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_new_file_gets_the_umask_mode(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        write_atomic(tmp_path / "new.json", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o640


def test_file_write_error_is_an_argmap_error_and_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(argmap.ArgmapError, match="does not exist"):
        write_atomic(tmp_path / "missing" / "x", b"")
    with pytest.raises(OSError, match="does not exist"):
        write_atomic(tmp_path / "missing" / "x", b"")
