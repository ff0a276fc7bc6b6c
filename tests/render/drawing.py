"""Helpers for the diagram tests: hostile texts, and reading the SVG a layout engine draws."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zlib
from dataclasses import dataclass, field

from argmap import ArgumentMap

SVG = "{http://www.w3.org/2000/svg}"
WORD_JOINER = "\u2060"  # what the DOT builder puts between a backslash and a letter dot expands
XLINK = "{http://www.w3.org/1999/xlink}"

HOSTILE_TEXTS = {
    "node": 'He said "no" \\ and \\n \\l \\" <script>alert(1)</script> ] { } -> graph strict',
    "graph": "북한 인권 문제에 대한 압력은 효과적이다. 국제 사회의 노력은 대부분 성공했다.",
    "strict": "זכויות אדם חשובות בכל משא ומתן",
    "p.x:1": "حقوق الإنسان مهمة في كل المفاوضات",
    "edge": "ends with a backslash \\",
    "subgraph": "line one\nline two\ttabbed & <b>bold</b> &amp; ]]> <!-- x --> javascript:alert(1)",
    # Escapes that dot expands to the graph's or node's name or label, even in HTML-like labels.
    "N": "a \\G b \\N c \\E d \\T e \\H f \\L g &#92;G &#92;N",
    "E": "C:\\Temp\\New\\Logs and $\\Lambda = \\lambda_1$ \\\\ \\r\\n",
}


def big_map(n: int) -> ArgumentMap:
    """A tree of ``n`` statements, three children each, every fourth a rebuttal."""
    m = ArgumentMap(title="A generated map")
    m.claim("n0", "The root claim.")
    kinds = ("claim", "premise", "case", "rebuttal")
    for i in range(1, n):
        kind = kinds[i % 4]
        getattr(m, kind)(f"n{i}", f"Statement {i}, long enough to wrap onto a second line.")
        parent = f"n{(i - 1) // 3}"
        if kind == "rebuttal":
            m.attack(f"n{i}", parent)
        else:
            m.support(f"n{i}", parent)
    return m


@dataclass
class Drawing:
    """What an SVG drawing shows: nodes and edges by their titles, with their attributes."""

    root: ET.Element
    nodes: dict[str, ET.Element] = field(default_factory=dict)
    edges: dict[tuple[str, str], ET.Element] = field(default_factory=dict)

    @classmethod
    def parse(cls, svg: str | bytes) -> Drawing:
        root = ET.fromstring(svg)  # noqa: S314  # our own engine's output
        drawing = cls(root)
        for g in root.iter(f"{SVG}g"):
            classes = g.get("class", "").split()
            title_el = g.find(f"{SVG}title")
            title = title_el.text if title_el is not None and title_el.text else ""
            if "node" in classes:
                drawing.nodes[title] = g
            elif "edge" in classes:
                tail, _, head = title.partition("->")
                drawing.edges[(tail, head)] = g
        return drawing

    def classes(self, element: ET.Element) -> set[str]:
        return set(element.get("class", "").split())

    def text(self, element: ET.Element) -> list[str]:
        return ["".join(t.itertext()) for t in element.iter(f"{SVG}text")]

    def tooltip(self, element: ET.Element) -> str:
        for a in element.iter(f"{SVG}a"):
            return a.get(f"{XLINK}title", "")
        return ""

    def fills(self, element: ET.Element) -> set[str]:
        return {
            s.get("fill", "").lower()
            for s in element
            if s.tag in {f"{SVG}path", f"{SVG}polygon", f"{SVG}ellipse"}
        } | {
            s.get("fill", "").lower()
            for a in element.iter(f"{SVG}a")
            for s in a
            if s.tag in {f"{SVG}path", f"{SVG}polygon", f"{SVG}ellipse"}
        }

    def strokes(self, element: ET.Element) -> set[str]:
        return {
            s.get("stroke", "").lower()
            for s in element.iter()
            if s.tag in {f"{SVG}path", f"{SVG}polygon", f"{SVG}ellipse", f"{SVG}polyline"}
        }

    def map_nodes(self) -> dict[str, ET.Element]:
        return {k: v for k, v in self.nodes.items() if "legend" not in self.classes(v)}

    def map_edges(self) -> dict[tuple[str, str], ET.Element]:
        return {k: v for k, v in self.edges.items() if "legend" not in self.classes(v)}


def assert_no_active_content(svg: str | bytes) -> None:
    """No script, no event handler, no javascript: link, no foreign object."""
    root = ET.fromstring(svg)  # noqa: S314  # our own engine's output
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1].lower()
        assert tag not in {"script", "foreignobject", "iframe", "object", "embed"}, tag
        for name, value in element.attrib.items():
            local = name.rsplit("}", 1)[-1].lower()
            assert not local.startswith("on"), (tag, name)
            if local == "href":
                assert not value.strip().lower().startswith("javascript:"), value


_PDF_OBJECT = re.compile(rb"(\d+) 0 obj(.*?)endobj", re.S)
_PDF_ESCAPE = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def _pdf_stream(body: bytes) -> bytes:
    start = body.index(b"stream") + len(b"stream")
    data = body[start : body.rindex(b"endstream")].strip(b"\r\n")
    return zlib.decompress(data) if b"/FlateDecode" in body[:start] else data


def _pdf_literal(text: bytes) -> bytes:
    """The bytes of a PDF literal string's inside: octal and backslash escapes undone."""
    out, i = bytearray(), 0
    while i < len(text):
        if text[i : i + 1] == b"\\":
            octal = re.match(rb"[0-7]{1,3}", text[i + 1 : i + 4])
            if octal:
                out.append(int(octal.group(0), 8))
                i += 1 + len(octal.group(0))
                continue
            nxt = text[i + 1 : i + 2]
            out += _PDF_ESCAPE.get(nxt, nxt)
            i += 2
        else:
            out += text[i : i + 1]
            i += 1
    return bytes(out)


def pdf_text(pdf: bytes) -> str:
    """The text a one-page PDF from svg2pdf draws, read back through its fonts' ToUnicode maps."""
    objects = {int(m.group(1)): m.group(2) for m in _PDF_OBJECT.finditer(pdf)}
    page = next(body for body in objects.values() if re.search(rb"/Type /Page\b", body))
    to_unicode: dict[bytes, dict[int, str]] = {}
    for name, ref in re.findall(rb"/(\w+) (\d+) 0 R", page.split(b"/Font", 1)[1].split(b">>")[0]):
        cmap_ref = re.search(rb"/ToUnicode (\d+) 0 R", objects[int(ref)])
        assert cmap_ref, "a font without a ToUnicode map: its text cannot be copied"
        cmap = _pdf_stream(objects[int(cmap_ref.group(1))])
        to_unicode[name] = {
            int(code, 16): bytes.fromhex(char.decode()).decode("utf-16-be")
            for code, char in re.findall(rb"<([0-9A-Fa-f]{4})> <([0-9A-Fa-f]+)>", cmap)
        }
    contents = re.search(rb"/Contents (\d+) 0 R", page)
    assert contents
    text, font = [], b""
    for token in re.finditer(
        rb"/(\w+) [\d.]+ Tf|\(((?:\\.|[^\\)])*)\) Tj|<([0-9A-Fa-f]*)> Tj",
        _pdf_stream(objects[int(contents.group(1))]),
        re.S,
    ):
        if token.group(1):
            font = token.group(1)
            continue
        raw = (
            _pdf_literal(token.group(2))
            if token.group(2) is not None
            else bytes.fromhex(token.group(3).decode())
        )
        codes = [int.from_bytes(raw[i : i + 2], "big") for i in range(0, len(raw), 2)]
        text.append("".join(to_unicode[font][c] for c in codes))
    return "".join(text)
