"""Argdown's YAML: data blocks ``{...}`` and front matter, read as argmap reads all YAML.

A data block or front matter is a YAML mapping; it is read by :func:`argmap.io.parsing.parse_yaml`
(no deep nesting, no values JSON cannot carry), except a one-line block of simple values, which
:func:`read_block` reads at once, exactly as YAML would. Errors point at the line and column in
the Argdown text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from argmap.exceptions import FileFormatError
from argmap.io.argdown.lexer import Token
from argmap.io.argdown.syntax import JSON, ArgdownSyntaxError
from argmap.io.parsing import parse_yaml

__all__ = ["mode", "read_block", "read_yaml"]

Fail = Callable[[str, int], ArgdownSyntaxError]


def read_block(token: Token, *, fail: Fail) -> dict[str, JSON]:
    """The mapping a data block token holds; ``fail(problem, offset)`` makes its errors.

    Examples:
        >>> from argmap.io.argdown.lexer import Token
        >>> read_block(Token("data", "{weight: 0.5, kind: case}", 0, 25), fail=None)
        {'weight': 0.5, 'kind': 'case'}
    """
    simple = _simple_data(token.image)
    if simple is not None:
        return simple
    return read_yaml(token, token.image, "data block", fail=fail)


def read_yaml(token: Token, text: str, what: str, *, fail: Fail) -> dict[str, JSON]:
    """The YAML mapping ``text`` (of ``token``; ``what`` names it in errors) as JSON data."""
    try:
        # argmap's YAML: no deep nesting, no values or keys that JSON cannot carry
        value = parse_yaml(text)
    except FileFormatError as exc:
        offset = token.start
        lead = len(token.image) - len(token.image.lstrip("=")) if what == "front matter" else 0
        mark = getattr(exc.__cause__, "problem_mark", None)  # a YAML error: its column
        if mark is not None:
            offset = token.start + lead + mark.index
        elif exc.line is not None:
            line_start = sum(len(line) for line in text.splitlines(True)[: exc.line - 1])
            offset = token.start + lead + line_start
        problem = exc.problem.removeprefix("not valid YAML: ")
        raise fail(f"the {what} is not valid YAML: {problem}", offset) from None
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise fail(
            f"the {what} must be a YAML mapping (key: value), not {type(value).__name__}",
            token.start,
        )
    safe: dict[str, JSON] = _json_safe(value)
    return safe


# The simplest data blocks, on one line: {key: value, key: value} with words, decimal numbers or
# quoted text without escapes as values. YAML reads them as _simple_data does (a test draws
# thousands against argmap's YAML reader); anything else goes to that reader.
# argmap reads YAML's plain values as YAML 1.2's core schema does (io/parsing.py): yes, no, on and
# off are text there, as in the reference implementation's YAML reader; only true and false are
# booleans. Keys that YAML 1.1 would read otherwise go to the YAML reader, which says what it reads.
_YAML_BOOL = {
    "true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False,
}  # fmt: skip
_YAML11_WORDS = {"yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF"}
_YAML_NULL = {"null", "Null", "NULL"}
_SIMPLE_PAIR = re.compile(
    r" *([A-Za-z_][A-Za-z0-9_-]*): +"
    r"(?:(-?(?:0|[1-9][0-9]*))(\.[0-9]+)?"  # an integer, perhaps with a fraction
    r"|([A-Za-z_][A-Za-z0-9_-]*(?: [A-Za-z0-9_-]+)*)"  # words
    # quoted text, nothing escaped, printable (as YAML's reader requires)
    r'|"([\t\x20\x21\x23-\x5b\x5d-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]*)"'
    r"|'([\t\x20-\x26\x28-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]*)')"
    r" *([,}])"
)


def _simple_data(text: str) -> dict[str, JSON] | None:
    """``text`` read as YAML when it is a one-line mapping of simple values, else None."""
    if not text.startswith("{"):
        return None
    out: dict[str, JSON] = {}
    pos, n = 1, len(text)
    if text[1:].strip(" ") == "}":
        return out
    while pos < n:
        m = _SIMPLE_PAIR.match(text, pos)
        if m is None:
            return None
        key, integer, fraction, words, double, single, end = m.groups()
        if key in out or key in _YAML_BOOL or key in _YAML11_WORDS or key in _YAML_NULL:
            return None  # YAML's reader says what is wrong with it
        value: JSON
        if integer is not None:
            value = float(integer + fraction) if fraction else int(integer)
        elif words is not None:
            value = _YAML_BOOL.get(words, words)
            if words in _YAML_NULL:
                value = None
        else:
            value = double if double is not None else single
        out[key] = value
        pos = m.end()
        if end == "}":
            return out if pos == n else None
    return None


def mode(front_matter: dict[str, JSON]) -> str | None:
    """The ``model: mode:`` of the front matter (``strict`` or ``loose``), if it says one."""
    model = front_matter.get("model")
    if isinstance(model, dict):
        mode = model.get("mode")
        return mode if isinstance(mode, str) else None
    return None


def _json_safe(value: Any) -> Any:
    """YAML values as JSON values: dates become ISO strings, keys become strings."""
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_safe(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)
