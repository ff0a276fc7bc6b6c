"""write_atomic: whole files or nothing, through links, never over devices or folders, and no
temporary file left by a SIGTERM; read_text: regular files only; same_file."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import signal
import stat
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import argmap
import argmap.io.argdown
import argmap.io.carneades
from argmap.cli import main
from argmap.draft.model import load_model
from argmap.exceptions import ArgmapError, FileFormatError, FileWriteError
from argmap.files import MAX_FILE_SIZE_VARIABLE, max_file_size, read_text, same_file, write_atomic
from argmap.semantics.iccma import read_framework


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
    with pytest.raises(argmap.FileWriteError, match="no space left on the device"):
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


# -- symbolic link loops, SIGTERM, reading, same_file ------------------------------------------


def test_an_output_that_is_a_symlink_loop_is_a_file_write_error(tmp_path: Path) -> None:
    """Path.resolve() raised RuntimeError('Symlink loop') out of dump and render."""
    loop = tmp_path / "map.json"
    loop.symlink_to(loop)
    with pytest.raises(argmap.FileWriteError, match="it may point at itself") as info:
        write_atomic(loop, b"x")
    assert info.value.path == str(loop)
    with pytest.raises(argmap.FileWriteError, match="it may point at itself"):
        argmap.dump(argmap.ArgumentMap(), loop)
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("path", [None, 3, b"out.json", "", "a\0b"])
def test_write_atomic_refuses_what_is_not_a_path(path: object) -> None:
    with pytest.raises(argmap.ArgmapError, match="path"):
        write_atomic(path, b"x")  # type: ignore[arg-type]


_WRITER = """
import os, signal, sys, time
from pathlib import Path
from argmap.files import write_atomic

target = Path(sys.argv[1])
if sys.argv[2] == "handler":
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(3))
real_fsync = os.fsync

def stalled(fd):
    real_fsync(fd)
    print("writing", flush=True)  # the temporary file exists now: the test sends SIGTERM
    time.sleep(120)  # the signal ends this sleep

os.fsync = stalled
write_atomic(target, b"new")
print("not reached", flush=True)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGTERM") or os.name != "posix", reason="needs POSIX")
@pytest.mark.parametrize(
    ("previous", "returncode"),
    [("default", -signal.SIGTERM), ("handler", 3)],
    ids=["default action: the process ends by SIGTERM", "a Python handler runs"],
)
def test_sigterm_during_a_write_removes_the_temporary_file(
    tmp_path: Path, previous: str, returncode: int
) -> None:
    target = tmp_path / "map.json"
    target.write_bytes(b"old")
    script = tmp_path / "writer.py"
    script.write_text(_WRITER)
    child = subprocess.Popen(  # noqa: S603  # this interpreter, a script the test wrote
        [sys.executable, str(script), str(target), previous],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline() == "writing\n"
    assert len(_leftovers(tmp_path)) == 1  # the temporary file is there mid-write
    child.send_signal(signal.SIGTERM)
    out, err = child.communicate(timeout=120)
    assert child.returncode == returncode, err
    assert "not reached" not in out
    assert target.read_bytes() == b"old"
    assert _leftovers(tmp_path) == []


def test_the_sigterm_handler_is_restored_after_a_write(tmp_path: Path) -> None:
    def mine(signum: int, frame: object) -> None:
        raise AssertionError("not called")

    before = signal.signal(signal.SIGTERM, mine)
    try:
        write_atomic(tmp_path / "a", b"x")
        assert signal.getsignal(signal.SIGTERM) is mine
        with pytest.raises(argmap.FileWriteError):
            write_atomic(tmp_path / "missing" / "a", b"x")
        assert signal.getsignal(signal.SIGTERM) is mine
    finally:
        signal.signal(signal.SIGTERM, before)


def test_writes_from_another_thread_leave_the_handler_alone(tmp_path: Path) -> None:
    seen: list[object] = []

    def write() -> None:
        write_atomic(tmp_path / "a", b"x")
        seen.append(signal.getsignal(signal.SIGTERM))

    before = signal.getsignal(signal.SIGTERM)
    thread = threading.Thread(target=write)
    thread.start()
    thread.join()
    assert seen == [before]
    assert (tmp_path / "a").read_bytes() == b"x"


def test_read_text_drops_a_leading_byte_order_mark_only(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_bytes(b"\xef\xbb\xbfa\xef\xbb\xbfb")
    assert read_text(path, expected="a map file") == "a\ufeffb"


def test_read_text_names_the_line_of_a_bad_byte(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_bytes(b"one\ntwo\nth\xffree\n")
    with pytest.raises(argmap.FileFormatError, match=r"not UTF-8 text \(byte 10\)") as info:
        read_text(path, expected="a map file")
    assert info.value.line == 3


def test_same_file_sees_through_links_and_spellings(tmp_path: Path) -> None:
    a = tmp_path / "a.json"
    a.write_text("{}")
    (tmp_path / "link.json").symlink_to(a)
    os.link(a, tmp_path / "hard.json")
    assert same_file(a, tmp_path / "link.json")
    assert same_file(a, tmp_path / "hard.json")
    assert not same_file(tmp_path / "b.json", a)
    assert same_file(tmp_path / "." / "new.svg", tmp_path / "new.svg")  # neither exists yet
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    assert same_file(loop, a) is False


# -- writes that fail: a clean FileWriteError naming the path and what to do, nothing left -----


@pytest.mark.parametrize(
    ("code", "advice"),
    [
        (errno.EROFS, "the file system is read-only; write somewhere else"),
        (errno.EACCES, "permission denied; write to a folder you may write to"),
        (errno.ENOSPC, "no space left on the device; free some space or write elsewhere"),
        (errno.ENAMETOOLONG, "the file name is too long; choose a shorter name"),
    ],
)
def test_a_failed_open_is_one_clean_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, advice: str
) -> None:
    # The clean-up used to unlink a temporary file that was never created; on a read-only
    # mount that raised a second, raw OSError.
    target = tmp_path / "m.json"
    target.write_bytes(b"old")
    real_open = os.open

    def refused(path: object, flags: int, *args: int) -> int:
        if str(path).endswith(".tmp"):
            raise OSError(code, os.strerror(code), str(path))
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    def unlink_refused(self: Path, missing_ok: bool = False) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(os, "open", refused)
    monkeypatch.setattr(Path, "unlink", unlink_refused)
    with pytest.raises(FileWriteError) as caught:
        write_atomic(target, b"new")
    assert str(caught.value) == (
        f"{target}: cannot write ({os.strerror(code)}): {advice}; "
        "the old file, if any, is as it was"
    )
    assert caught.value.path == str(target)
    monkeypatch.undo()
    assert target.read_bytes() == b"old"
    assert _leftovers(tmp_path) == []


def test_a_full_disk_during_the_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "m.json"
    target.write_bytes(b"old")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(FileWriteError, match="no space left on the device"):
        write_atomic(target, b"new")
    monkeypatch.undo()
    assert target.read_bytes() == b"old"
    assert _leftovers(tmp_path) == []


def test_a_folder_under_a_file_is_refused_cleanly(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_bytes(b"")
    with pytest.raises(FileWriteError, match="does not exist; create it first"):
        write_atomic(blocker / "m.json", b"x")


@pytest.mark.parametrize("length", [230, 231, 240, 255])
def test_names_up_to_255_bytes_are_written(tmp_path: Path, length: int) -> None:
    # The temporary name adds 22 characters; it is shortened so that it is a valid name too.
    target = tmp_path / ("é" * (length // 2) + "a" * (length % 2))
    assert len(target.name.encode()) == length
    write_atomic(target, b"whole")
    assert target.read_bytes() == b"whole"
    assert _leftovers(tmp_path) == []


def test_a_name_too_long_for_the_file_system_is_a_clean_error(tmp_path: Path) -> None:
    target = tmp_path / ("a" * 256)
    with pytest.raises(FileWriteError, match="the file name is too long; choose a shorter name"):
        write_atomic(target, b"x")
    assert _leftovers(tmp_path) == []


# -- a size cap on what is read whole ------------------------------------------------------------


def test_a_file_larger_than_the_cap_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.json"
    path.write_bytes(b" " * 3000)
    monkeypatch.setenv(MAX_FILE_SIZE_VARIABLE, "2K")
    reads: list[int] = []
    real_fdopen = os.fdopen
    monkeypatch.setattr(os, "fdopen", lambda *a, **k: reads.append(1) or real_fdopen(*a, **k))
    with pytest.raises(FileFormatError) as caught:
        read_text(path, expected="a map file")
    assert str(caught.value) == (
        f"{path}: the file is 2.9 KB, more than the 2.0 KB argmap reads; to read it, set the "
        "environment variable ARGMAP_MAX_FILE_SIZE higher (such as ARGMAP_MAX_FILE_SIZE=2G), "
        "with memory to spare"
    )
    assert reads == []
    monkeypatch.setenv(MAX_FILE_SIZE_VARIABLE, "3000")
    assert read_text(path, expected="a map file") == " " * 3000


def test_the_default_cap_is_256_mb(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(MAX_FILE_SIZE_VARIABLE, raising=False)
    assert max_file_size() == 256 * 1024**2
    monkeypatch.setenv(MAX_FILE_SIZE_VARIABLE, "1.5G")
    assert max_file_size() == 3 * 1024**3 // 2


@pytest.mark.parametrize("value", ["zz", "-1", "0", "12Q", "M"])
def test_a_bad_cap_says_what_it_may_be(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv(MAX_FILE_SIZE_VARIABLE, value)
    with pytest.raises(ArgmapError, match="is not a size; set it to a number of bytes"):
        read_text(__file__, expected="a map file")


def test_running_out_of_memory_while_reading_is_said_in_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "m.json"
    path.write_bytes(b"{}")

    def exhausted(*args: object, **kwargs: object) -> None:
        raise MemoryError

    monkeypatch.setattr(os, "fdopen", exhausted)
    with pytest.raises(FileFormatError, match="not enough memory to read this file of 2 bytes"):
        read_text(path, expected="a map file")


# -- every route by which argmap reads a user's file goes through read_text ------------------------


def _via_include(path: Path) -> object:
    main = path.parent / "main.argdown"
    main.write_text(f"[A]: a\n\n@include({path.name})\n", encoding="utf-8")
    return argmap.load(main)


def _via_cli(*args: str) -> Callable[[Path], object]:
    def run(path: Path) -> object:
        small = path.parent / "small.txt"
        small.write_text("We should act. Because it helps.", encoding="utf-8")
        named = [a.replace("PATH", str(path)).replace("SMALL", str(small)) for a in args]
        result = CliRunner().invoke(main, named)
        assert result.exit_code == 2, result.output
        assert result.stderr.count("\n") == 1
        raise FileFormatError(result.stderr.removeprefix("Error: ").strip())

    return run


_ROUTES: dict[str, tuple[str, Callable[[Path], object]]] = {
    "argmap.load": ("m.json", argmap.load),
    "carneades.load": ("m.yaml", argmap.io.carneades.load),
    "argdown.load": ("m.argdown", argmap.io.argdown.load),
    "argdown @include": ("part.argdown", _via_include),
    "read_framework .i23": ("f.i23", read_framework),
    "read_framework .apx": ("f.apx", read_framework),
    "read_framework .tgf": ("f.tgf", read_framework),
    "load_model": ("model.json", load_model),
    "cli evaluate --task": ("f.apx", _via_cli("evaluate", "PATH", "--task", "SE-GR")),
    "cli draft TEXT": ("article.txt", _via_cli("draft", "PATH", "-o", "PATH.json")),
    "cli draft --model": (
        "model.json",
        _via_cli("draft", "SMALL", "-o", "PATH.out.json", "--model", "PATH"),
    ),
}


@pytest.fixture
def unblocked_fifo(tmp_path: Path) -> Iterator[Callable[[str], Path]]:
    """Make a FIFO; should a reader block on it, a writer opens it after 10 s and closes it at
    once, so the reader sees an empty file and the test fails instead of hanging."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this system")
    made: list[Path] = []

    def make(name: str) -> Path:
        path = tmp_path / name
        os.mkfifo(path)
        made.append(path)
        return path

    def unblock() -> None:
        for path in made:
            with contextlib.suppress(OSError):  # ENXIO: nobody is reading, nothing to free
                os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))

    timer = threading.Timer(10, unblock)
    timer.start()
    yield make
    timer.cancel()


@pytest.mark.parametrize("route", list(_ROUTES))
def test_every_read_route_refuses_a_fifo_at_once(
    unblocked_fifo: Callable[[str], Path], route: str
) -> None:
    name, read = _ROUTES[route]
    path = unblocked_fifo(name)
    with pytest.raises(FileFormatError, match=r"not a regular file \(a FIFO\)"):
        read(path)


@pytest.mark.parametrize("route", list(_ROUTES))
def test_every_read_route_keeps_the_size_cap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, route: str
) -> None:
    name, read = _ROUTES[route]
    path = tmp_path / name
    path.write_bytes(b" " * 3000)
    monkeypatch.setenv(MAX_FILE_SIZE_VARIABLE, "2K")
    with pytest.raises(FileFormatError, match=r"the file is 2\.9 KB, more than the 2\.0 KB"):
        read(path)


def test_argmap_opens_files_for_reading_only_in_read_text() -> None:
    """The class, not the instances: a new reader that opens a file itself fails here."""
    package = Path(argmap.__file__).parent
    opening = re.compile(r"\bopen\(|\.read_text\(|\.read_bytes\(|\.open\(")
    resources = re.compile(r"files\(\"argmap[.\w]*\"\)|_CATALOGUE|_EXTERNAL|>>> |\.\.\. ")
    found = [
        f"{path.relative_to(package)}:{number}: {line.strip()}"
        for path in sorted(package.rglob("*.py"))
        if path.name != "files.py"
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if opening.search(line) and not resources.search(line)
    ]
    assert found == []


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["check", "{zero}.json"], "name a map file"),
        (["evaluate", "{zero}.af", "--task", "SE-PR"], "name a framework file (.i23, .af, .apx"),
        (["draft", "{zero}.txt", "-o", "{out}"], "name a text file to draft"),
        (["draft", "{text}", "--model", "{zero}.json", "-o", "{out}"], "name a draft model"),
        (["check", "{main}"], "@include(zero.argdown): not a regular file (a device); name an "),
    ],
    ids=["map", "framework", "text to draft", "draft model", "Argdown include"],
)
def test_a_file_that_is_not_regular_is_named_as_the_kind_the_command_reads(
    tmp_path: Path, argv: list[str], named: str
) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("needs a /dev/zero device")
    for suffix in (".json", ".af", ".txt", ".argdown"):
        (tmp_path / f"zero{suffix}").symlink_to("/dev/zero")
    (tmp_path / "t.txt").write_text("Talks failed, so pressure works.\n", encoding="utf-8")
    (tmp_path / "main.argdown").write_text("@include(zero.argdown)\n[c]: C.\n", encoding="utf-8")
    places = {
        "zero": str(tmp_path / "zero"),
        "out": str(tmp_path / "out.argdown"),
        "text": str(tmp_path / "t.txt"),
        "main": str(tmp_path / "main.argdown"),
    }
    result = CliRunner().invoke(main, [arg.format(**places) for arg in argv])
    assert result.exit_code == 2, result.output
    (line,) = result.stderr.splitlines()
    assert "not a regular file (a device)" in line
    assert named in line
