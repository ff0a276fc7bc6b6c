"""argmap.batch: a whole corpus in one call, in input order, through any executor."""

from __future__ import annotations

import csv
import io
import json
import os
import warnings
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap.corpus import BatchError, BatchResult, batch, corpus_summary, expand_paths
from argmap.examples import north_korea
from argmap.map import ArgumentMap

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
MICROTEXTS = SHARED / "microtexts"


def _generated(n: int) -> list[ArgumentMap]:
    """Small maps of different shapes: some with gaps, some clean, some with attacks."""
    maps = []
    for i in range(n):
        m = ArgumentMap(title=f"generated {i}")
        m.claim("c", f"Claim {i}.")
        if i % 3:
            m.case("k", f"Case {i}.")
            m.support("k", "c", id="s")
        if i % 4 == 0:
            m.rebuttal("r", f"Objection {i}.")
            m.attack("r", "c", id="a")
        if i % 5 == 0:
            m.premise("p", "A bare premise.")
            m.support("p", "c", id="s2")
        m.central = "c"
        maps.append(m)
    return maps


@pytest.fixture
def corpus(tmp_path: Path) -> list[str]:
    """Twelve map files with a corrupt one in the middle."""
    paths = []
    for i, m in enumerate(_generated(12)):
        path = tmp_path / f"m{i:02d}.json"
        argmap.dump(m, path)
        paths.append(str(path))
    paths[5] = str(tmp_path / "m05-broken.json")
    Path(paths[5]).write_text('{"argmap": 2, "nodes": [', encoding="utf-8")
    return paths


def _plain_loop(paths: list[str]) -> list[dict[str, Any] | str]:
    out: list[dict[str, Any] | str] = []
    for path in paths:
        try:
            out.append(argmap.check(argmap.load(path)).to_dict())
        except argmap.ArgmapError as exc:
            out.append(str(exc))
    return out


def _comparable(results: list[BatchResult]) -> list[dict[str, Any] | str]:
    return [r.result.to_dict() if r.ok else str(r.error) for r in results]


def test_the_default_pool_gives_what_a_plain_loop_gives_in_input_order(corpus: list[str]) -> None:
    results = list(batch(corpus, "check", jobs=2, window=3))
    assert [r.item for r in results] == corpus
    assert [r.index for r in results] == list(range(len(corpus)))
    assert _comparable(results) == _plain_loop(corpus)


def test_a_corrupt_file_is_a_reported_result_and_the_run_goes_on(corpus: list[str]) -> None:
    results = list(batch(corpus, "check", jobs=2))
    broken = results[5]
    assert not broken.ok
    assert broken.result is None
    # The error crossed the process boundary as itself, not as a string.
    assert isinstance(broken.error, argmap.FileFormatError)
    assert "m05-broken.json" in str(broken.error)
    assert str(broken).startswith(f"{corpus[5]}: Error: ")
    assert all(r.ok for i, r in enumerate(results) if i != 5)


def test_maps_as_items_cross_the_process_boundary() -> None:
    maps = _generated(6)
    with ProcessPoolExecutor(2) as pool:
        results = list(batch(maps, "check", executor=pool))
    assert [r.item for r in results] == maps
    assert [r.result.to_dict() for r in results] == [argmap.check(m).to_dict() for m in maps]
    assert results[0].name == "generated 0"


def _central_label(m: ArgumentMap) -> str:
    return argmap.evaluate(m)[m.central or ""]


def _explode(m: ArgumentMap) -> int:
    if m.title == "generated 2":
        raise ValueError("a bug in my own task")
    return len(m)


def _die(m: ArgumentMap) -> int:
    if m.title == "generated 1":
        os._exit(3)  # a worker that dies, as one killed for memory would
    return len(m)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_function_of_a_map_is_a_task(jobs: int) -> None:
    maps = _generated(5)
    results = list(batch(maps, _central_label, jobs=jobs))
    assert [r.result for r in results] == [_central_label(m) for m in maps]


def test_a_failing_function_is_reported_with_its_exception_and_the_rest_run() -> None:
    results = list(batch(_generated(5), _explode, jobs=2))
    assert [r.ok for r in results] == [True, True, False, True, True]
    assert results[2].error == "ValueError: a bug in my own task"
    assert results[3].result == len(_generated(5)[3])


def test_a_dead_worker_is_reported_and_a_fresh_pool_goes_on() -> None:
    maps = _generated(8)
    results = list(batch(maps, _die, jobs=2, window=1, chunksize=1))
    assert len(results) == 8
    assert not results[1].ok
    assert "died" in str(results[1].error)
    # With one item in flight at a time, only the one that killed its worker fails.
    assert [r.result for i, r in enumerate(results) if i != 1] == [
        len(m) for i, m in enumerate(maps) if i != 1
    ]


def test_evaluate_and_its_semantics_option() -> None:
    maps = _generated(4)
    results = list(batch(maps, "evaluate", jobs=1, options={"semantics": "preferred"}))
    assert [r.result.semantics for r in results] == ["preferred"] * 4
    assert results[0].result.labels == argmap.evaluate(maps[0], "preferred").labels


def test_check_options_select_rules(corpus: list[str]) -> None:
    results = list(batch(corpus[:3], "check", jobs=1, options={"select": ["AM101"]}))
    assert {f.rule for r in results for f in r.result} <= {"AM101"}


def test_convert_writes_each_map_and_returns_its_path(corpus: list[str], tmp_path: Path) -> None:
    out = tmp_path / "converted"
    results = list(batch(corpus, "convert", jobs=2, options={"to": "yaml", "out": out}))
    assert not results[5].ok
    for path, r in zip(corpus, results, strict=True):
        if r.ok:
            assert r.result == str(out / (Path(path).stem + ".yaml"))
            assert argmap.load(r.result) == argmap.load(path)
    assert not (out / "m05-broken.yaml").exists()


def test_convert_refuses_to_write_over_its_input(corpus: list[str], tmp_path: Path) -> None:
    [r] = batch(corpus[:1], "convert", jobs=1, options={"to": "json", "out": tmp_path})
    assert not r.ok
    assert "write over it" in str(r.error)


@pytest.mark.parametrize(
    ("task", "options", "message"),
    [
        ("lint", {}, "unknown task 'lint'; use one of check, evaluate, convert"),
        ("check", {"semantics": "grounded"}, "task 'check' takes no option semantics"),
        ("convert", {"to": "yaml"}, "needs options to=FORMAT and out=FOLDER"),
        (len, {"select": ["AM1"]}, "options are for the named tasks"),
        (42, {}, "task must be a name or a function of a map"),
    ],
)
def test_bad_tasks_are_refused_before_any_work(
    task: Any, options: dict[str, Any], message: str
) -> None:
    with pytest.raises(BatchError, match=message):
        next(batch([north_korea()], task, options=options))


@pytest.mark.parametrize("option", ["jobs", "window", "chunksize"])
def test_counts_must_be_positive(option: str) -> None:
    with pytest.raises(BatchError, match=f"{option} must be a whole number of at least 1, not 0"):
        next(batch([north_korea()], "check", **{option: 0}))


@pytest.mark.parametrize("chunksize", [1, 3, 5, 100])
def test_any_chunk_size_gives_the_same_results_in_order(corpus: list[str], chunksize: int) -> None:
    results = list(batch(corpus, "check", jobs=2, chunksize=chunksize, window=2))
    assert [r.index for r in results] == list(range(len(corpus)))
    assert _comparable(results) == _plain_loop(corpus)


def test_a_dead_worker_takes_its_chunk_and_says_so() -> None:
    maps = _generated(6)
    results = list(batch(maps, _die, jobs=2, chunksize=3))
    assert [r.ok for r in results] == [False, False, False, True, True, True]
    assert all("died" in str(r.error) for r in results[:3])


def test_any_executor_runs_the_same_job() -> None:
    maps = _generated(6)
    expected = [argmap.check(m).to_dict() for m in maps]
    pool: Executor
    with ThreadPoolExecutor(3) as pool:
        assert [r.result.to_dict() for r in batch(maps, "check", executor=pool)] == expected
        # A caller's executor is theirs: still usable after the batch.
        assert pool.submit(len, "abc").result() == 3


def test_a_dask_cluster_runs_the_same_job(corpus: list[str]) -> None:
    distributed = pytest.importorskip("distributed", reason="dask.distributed is not installed")
    with (
        distributed.LocalCluster(n_workers=2, processes=False, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        results = list(batch(corpus, "check", executor=client.get_executor()))
    assert _comparable(results) == _plain_loop(corpus)
    assert isinstance(results[5].error, argmap.FileFormatError)


@pytest.mark.skipif(not MICROTEXTS.is_dir(), reason=f"shared data not beside the repo ({SHARED})")
def test_the_microtexts_corpus_through_a_pool_and_dask() -> None:
    paths = expand_paths([MICROTEXTS])
    assert len(paths) == 112
    looped = _plain_loop(paths)
    assert all(isinstance(r, dict) for r in looped)  # every microtext loads
    assert _comparable(list(batch(paths, "check", jobs=2))) == looped
    distributed = pytest.importorskip("distributed", reason="dask.distributed is not installed")
    with (
        distributed.LocalCluster(n_workers=2, processes=False, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        assert _comparable(list(batch(paths, "check", executor=client.get_executor()))) == looped


# -- paths -----------------------------------------------------------------------------------


def test_expand_paths_takes_folders_globs_and_files_once(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for name in ("b.json", "a.yaml", "sub/c.yml", "notes.txt"):
        (tmp_path / name).write_text("{}", encoding="utf-8")
    assert expand_paths([tmp_path]) == [
        str(tmp_path / "a.yaml"),
        str(tmp_path / "b.json"),
        str(tmp_path / "sub" / "c.yml"),
    ]
    assert expand_paths([str(tmp_path / "*.json"), str(tmp_path / "b.json")]) == [
        str(tmp_path / "b.json")
    ]
    # A named file is kept whatever its suffix: loading it says what is wrong.
    assert expand_paths([tmp_path / "notes.txt"]) == [str(tmp_path / "notes.txt")]


def test_expand_paths_says_what_matched_nothing(tmp_path: Path) -> None:
    with pytest.raises(BatchError, match=r"the pattern matches no file"):
        expand_paths([str(tmp_path / "*.json")])
    (tmp_path / "empty").mkdir()
    with pytest.raises(BatchError, match=r"empty: the folder holds no map files"):
        expand_paths([tmp_path / "empty"])


# -- the corpus summary ----------------------------------------------------------------------


def test_the_corpus_summary_counts_by_rule_and_by_map(corpus: list[str], tmp_path: Path) -> None:
    results = list(batch(corpus, "check", jobs=2))
    summary = corpus_summary(results)
    reports = {r.item: r.result for r in results if r.ok}
    by_rule = {row["rule"]: row for row in summary.by_rule()}
    for code in summary.rules:
        found = [f for report in reports.values() for f in report if f.rule == code]
        assert by_rule[code]["findings"] == len(found)
        assert by_rule[code]["maps"] == sum(
            1 for report in reports.values() if any(f.rule == code for f in report)
        )
    assert [row["path"] for row in summary.failed] == [corpus[5]]

    def severity_counts(report: argmap.Report) -> tuple[int, int, int]:
        severities = [f.severity for f in report]
        return severities.count("error"), severities.count("warning"), len(severities)

    top = summary.most_gaps(3)
    assert len(top) == 3
    assert (top[0]["error_findings"], top[0]["warning"], top[0]["total"]) == max(
        severity_counts(report) for report in reports.values()
    )

    csv_path = tmp_path / "summary.csv"
    text = summary.to_csv(csv_path)
    assert csv_path.read_bytes().decode("utf-8") == text
    header, *rows = text.splitlines()
    assert header.split(",")[:6] == ["path", "error", "total", "error_findings", "warning", "info"]
    assert len(rows) == len(corpus)
    assert "12 maps: 11 checked, 1 failed" in str(summary)


def test_the_corpus_summary_as_a_dataframe(corpus: list[str]) -> None:
    pytest.importorskip("pandas", reason="pandas is not installed")
    frame = corpus_summary(batch(corpus, "check", jobs=1)).to_dataframe()
    assert len(frame) == len(corpus)
    assert frame["total"].sum() == sum(
        len(r.result.findings) for r in batch(corpus, "check", jobs=1) if r.ok
    )


def test_results_and_summaries_pickle(corpus: list[str]) -> None:
    import pickle

    results = list(batch(corpus[:6], "check", jobs=1))
    again = pickle.loads(pickle.dumps(results))
    # Exceptions compare by identity, so compare what they say.
    assert [(r.item, r.result, str(r.error), type(r.error)) for r in again] == [
        (r.item, r.result, str(r.error), type(r.error)) for r in results
    ]
    summary = corpus_summary(results)
    assert pickle.loads(pickle.dumps(summary)) == summary


def test_the_json_of_a_result_is_the_report_json(corpus: list[str]) -> None:
    [r] = batch(corpus[:1], "check", jobs=1)
    assert json.loads(r.result.to_json()) == argmap.check(argmap.load(corpus[0])).to_dict()


def test_convert_refuses_two_inputs_with_one_target_before_writing(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        argmap.dump(north_korea(), tmp_path / folder / "m.json")
    out = tmp_path / "out"
    items = [str(tmp_path / "a" / "m.json"), str(tmp_path / "b" / "m.json")]
    with pytest.raises(BatchError) as caught:
        list(batch(items, "convert", jobs=1, options={"to": "argdown", "out": str(out)}))
    assert str(caught.value) == (
        f"{items[0]} and {items[1]} would both be written to {out / 'm.argdown'}, the second "
        "over the first; convert them into different folders, or rename one"
    )
    assert not out.exists()


def _exits(m: ArgumentMap) -> None:
    if m.title == "generated 1":
        raise SystemExit(3)


def test_system_exit_in_a_task_is_that_items_failure() -> None:
    results = list(batch(_generated(3), _exits, jobs=1))
    assert [r.ok for r in results] == [True, False, True]
    assert results[1].error == "the task called sys.exit(3)"


def _interrupted(m: ArgumentMap) -> None:
    raise KeyboardInterrupt


def test_keyboard_interrupt_stops_the_run() -> None:
    run = batch(_generated(3), _interrupted, jobs=1)
    with pytest.raises(KeyboardInterrupt):
        next(run)


def _no_memory(m: ArgumentMap) -> None:
    raise MemoryError


def test_an_error_without_a_message_is_never_blank() -> None:
    (result,) = batch(_generated(1), _no_memory, jobs=1)
    assert result.error == "MemoryError: out of memory"


def test_summary_cells_a_spreadsheet_would_run_are_escaped(tmp_path: Path) -> None:
    names = ["=HYPERLINK(1)", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "plain"]
    results = [BatchResult(item=name, error="bad") for name in names]
    text = corpus_summary(results).to_csv()
    cells = [row["path"] for row in csv.DictReader(io.StringIO(text, newline=""))]
    assert cells == ["'" + name for name in names[:-1]] + ["plain"]


_REPAIRED_AIF = json.dumps(
    {
        "nodes": [
            {"nodeID": "1", "type": "I", "text": "We should act."},
            {"nodeID": "2", "type": "I", "text": "It works."},
            {"nodeID": "3", "type": "RA", "text": "Default Inference"},
        ],
        "edges": [
            {"edgeID": "1", "fromID": "2", "toID": "3"},
            {"edgeID": "2", "fromID": "3", "toID": "1"},
            {"edgeID": "3", "fromID": "9", "toID": "1"},  # to a node the export leaves out
        ],
    }
)


@pytest.mark.filterwarnings("default")  # as in a plain Python session
@pytest.mark.parametrize("jobs", [1, 2])
def test_warnings_in_workers_come_back_with_each_files_result(tmp_path: Path, jobs: int) -> None:
    # A repair made in a worker process warned there, where nobody saw it.
    repaired = tmp_path / "repaired.json"
    repaired.write_text(_REPAIRED_AIF, encoding="utf-8")
    clean = tmp_path / "clean.json"
    argmap.dump(north_korea(), clean)
    first, second = batch([repaired, clean], "check", jobs=jobs)
    [warning] = first.warnings
    assert isinstance(warning, argmap.RepairWarning)
    assert warning.path == str(repaired)
    assert "edges[2]" in warning.repairs[0]
    assert first.ok
    assert second.warnings == ()
    # A conversion's losses are the file's warnings too.
    [converted] = batch(
        [clean], "convert", jobs=jobs, options={"to": "microtexts", "out": tmp_path}
    )
    assert any(isinstance(w, argmap.FormatLossWarning) for w in converted.warnings)


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_callers_warning_filters_hold_in_every_item(tmp_path: Path, jobs: int) -> None:
    repaired = tmp_path / "repaired.json"
    repaired.write_text(_REPAIRED_AIF, encoding="utf-8")
    clean = tmp_path / "clean.json"
    argmap.dump(north_korea(), clean)
    with warnings.catch_warnings():
        warnings.simplefilter("error", argmap.RepairWarning)  # a repair is a failure here
        first, second = batch([repaired, clean], "check", jobs=jobs)
    assert not first.ok
    assert "repaired" in str(first.error)
    assert second.ok
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        first, second = batch([repaired, clean], "check", jobs=jobs)
    assert first.ok
    assert first.warnings == ()  # ignored means not listed either
    with warnings.catch_warnings():
        warnings.simplefilter("default")
        # The same warning from the same line of the reader, for two files: each item lists it.
        again = list(batch([repaired, repaired], "check", jobs=jobs))
    assert [len(r.warnings) for r in again] == [1, 1]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            {"to": "argdown", "out": "FILE"},
            "task 'convert': out='FILE' is a file, not a folder; pass a folder (it is made if "
            "it is missing)",
        ),
        (
            {"to": "argdown", "out": "FILE/sub"},
            "task 'convert': cannot make the folder out='FILE/sub' (",
        ),
        (
            {"to": "argdown", "out": 5},
            "task 'convert': out= must be a folder (a str or a pathlib.Path), not 5",
        ),
        ({"to": "xml", "out": "o"}, "task 'convert': to='xml': unknown format 'xml'; use one of"),
        ({"to": None, "out": "o"}, "task 'convert': to= must be a format name, not None"),
    ],
)
def test_convert_with_a_bad_out_or_to_is_refused_before_any_work(
    tmp_path: Path, options: dict[str, Any], message: str
) -> None:
    given = tmp_path / "m.json"
    argmap.dump(north_korea(), given)
    options = {
        k: str(tmp_path / v) if k == "out" and isinstance(v, str) else v for k, v in options.items()
    }
    message = message.replace("'FILE", f"'{tmp_path}/FILE").replace("'o'", f"'{tmp_path}/o'")
    (tmp_path / "FILE").write_text("not a folder", encoding="utf-8")
    with pytest.raises(BatchError) as caught:
        list(batch([given], "convert", jobs=1, options=options))
    assert message in str(caught.value)
    assert "<text>" not in str(caught.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["FILE", "m.json"]  # nothing written


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs symbolic links and FIFOs")
def test_a_folder_entry_that_is_not_a_regular_file_is_reported_not_passed_over(
    tmp_path: Path,
) -> None:
    # A link to nowhere, a link to itself and a FIFO named as maps were left out of a folder's
    # run without a word: `argmap check corpus/` said nothing of them and exited 0.
    argmap.dump(north_korea(), tmp_path / "good.json")
    (tmp_path / "dangling.json").symlink_to(tmp_path / "nowhere.json")
    (tmp_path / "self.json").symlink_to(tmp_path / "self.json")
    os.mkfifo(tmp_path / "fifo.json")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path)  # a link to a folder: not followed
    names = [Path(p).name for p in expand_paths([tmp_path])]
    assert names == ["dangling.json", "fifo.json", "good.json", "self.json"]
    assert [Path(p).name for p in expand_paths([str(tmp_path / "*.json")])] == names
    errors = {r.name: str(r.error) for r in batch(expand_paths([tmp_path]), "check", jobs=1)}
    assert errors[str(tmp_path / "good.json")] == "None"
    assert "no such file" in errors[str(tmp_path / "dangling.json")]
    assert "a FIFO" in errors[str(tmp_path / "fifo.json")]
    assert "symbolic links" in errors[str(tmp_path / "self.json")]
