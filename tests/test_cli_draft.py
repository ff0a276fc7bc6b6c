"""`argmap draft`: a text in, a drafted map out, and one clear line for bad input."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

import argmap
from argmap.cli import main
from argmap.examples import article_text

TEXT = (
    "We should ban cars from the centre. Because they pollute the air. "
    "Admittedly, shops fear losing customers. But pedestrians buy more."
)


def _run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


def test_draft_writes_the_map_and_says_what_it_drafted(tmp_path: Path) -> None:
    source = tmp_path / "text.txt"
    source.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "draft.argdown"
    result = _run("draft", source, "-o", out)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Drafted 4 units and 3 relations (central claim u1) into {out}\n"
    assert result.stderr == ""
    m = argmap.load(out)
    assert m.central == "u1"
    assert [s.data["by"] for s in m.statements()] == ["draft"] * 4


def test_draft_of_the_article_to_json_checks(tmp_path: Path) -> None:
    source = tmp_path / "article.txt"
    source.write_text(article_text(), encoding="utf-8")
    out = tmp_path / "draft.json"
    assert _run("draft", source, "--out", out).exit_code == 0
    checked = _run("check", out)
    assert checked.exit_code == 0  # warnings only: what the draft still lacks
    assert "unsupported-premises" in checked.stdout


def test_draft_with_a_saved_model(tmp_path: Path) -> None:
    source = tmp_path / "text.txt"
    source.write_text(TEXT, encoding="utf-8")
    model = argmap.draft.default_model().save(tmp_path / "model.json")  # type: ignore[attr-defined]
    result = _run("draft", source, "-o", tmp_path / "d.json", "--model", model)
    assert result.exit_code == 0, result.output


def test_bad_input_is_one_line_and_exit_code_2(tmp_path: Path) -> None:
    blank = tmp_path / "blank.txt"
    blank.write_text("  \n", encoding="utf-8")
    out = tmp_path / "d.argdown"
    result = _run("draft", blank, "-o", out)
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: {blank}: the text is blank: there is nothing to draft; give the text of an "
        "argument\n"
    )
    assert not out.exists()
    missing = _run("draft", tmp_path / "nope.txt", "-o", out)
    assert missing.exit_code == 2
    assert missing.stderr.startswith(f"Error: {tmp_path / 'nope.txt'}: ")
    assert "Traceback" not in missing.output
    same = _run("draft", blank, "-o", blank)
    assert same.exit_code == 2
    assert "writing there would replace it" in same.stderr
    bad_model = tmp_path / "model.json"
    bad_model.write_text("[]", encoding="utf-8")
    blank.write_text(TEXT, encoding="utf-8")
    result = _run("draft", blank, "-o", out, "--model", bad_model)
    assert result.exit_code == 2
    assert "not an argmap draft model" in result.stderr


def test_warnings_are_lines_and_the_draft_is_still_written(tmp_path: Path) -> None:
    source = tmp_path / "one.txt"
    source.write_text("We should act.", encoding="utf-8")
    out = tmp_path / "d.json"
    result = _run("draft", source, "-o", out)
    assert result.exit_code == 0
    assert result.stderr == (
        "Warning: the text is one unit: the draft is a single claim with no argument for it\n"
    )
    assert out.exists()


def test_a_text_extracted_from_a_pdf_drafts_its_page_breaks_as_line_breaks(
    tmp_path: Path,
) -> None:
    source = tmp_path / "pages.txt"  # pdftotext ends each page with a form feed
    source.write_text(TEXT.replace(" Admittedly", "\n\fAdmittedly") + "\n\f", encoding="utf-8")
    out = tmp_path / "d.json"
    result = _run("draft", source, "-o", out)
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("Warning: the text holds 2 page breaks (form feed")
    assert "\f" not in out.read_text(encoding="utf-8")
    assert len(list(argmap.load(out).statements())) == 4


def test_draft_says_an_unknown_output_suffix_before_drafting_and_takes_to(tmp_path: Path) -> None:
    # '-o draft.txt' drafted the text, then said "pass format=", an option draft did not have.
    text = tmp_path / "t.txt"
    text.write_text("Taxes must rise. Schools need money.", encoding="utf-8")
    out = tmp_path / "draft.txt"
    refused = CliRunner().invoke(main, ["draft", str(text), "-o", str(out)])
    assert refused.exit_code == 2
    assert refused.stderr.startswith(f"Error: {out}: cannot tell the format from the suffix")
    assert refused.stderr.rstrip().endswith("or pass --to")
    written = CliRunner().invoke(main, ["draft", str(text), "-o", str(out), "--to", "json"])
    assert written.exit_code == 0, written.stderr
    assert argmap.loads(out.read_text("utf-8"), format="json").central == "u1"
