"""The floors of the house: every import points down, and no modules import each other in a circle.

argmap is built in floors, model -> map -> semantics -> checks -> render -> io -> corpus -> draft
-> cli: a module imports modules of its own floor or the floors below, never above, and the imports
(those inside functions included; those only for type checkers excluded) form no cycle. The map's
conveniences that need a floor above it go through :mod:`argmap.delegates`.
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "argmap"

FLOORS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "model",
        (
            "argmap.exceptions",
            "argmap.ids",
            "argmap.wording",
            "argmap.params",
            "argmap.files",
            "argmap.quotes",
            "argmap.schemes",
            "argmap.model",
        ),
    ),
    (
        "map",
        (
            "argmap.index",
            "argmap.attributes",
            "argmap.delegates",
            "argmap.diagram_types",
            "argmap.map",
        ),
    ),
    ("semantics", ("argmap.semantics",)),
    ("checks", ("argmap.checks", "argmap.summary")),
    ("render", ("argmap.render",)),
    ("io", ("argmap.io",)),
    ("corpus", ("argmap.corpus", "argmap.examples")),
    ("draft", ("argmap.draft",)),
    ("cli", ("argmap.cli", "argmap.magics", "argmap")),
)
"""Each floor with the modules and packages on it, from the ground up."""


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(name: str, path: Path, *, typing: bool = False) -> list[tuple[str, int]]:
    """The argmap modules ``name`` imports, with the line: at the top, in functions, anywhere
    but under ``if TYPE_CHECKING:`` (there too, with ``typing``)."""
    found: list[tuple[str, int]] = []
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child) and not typing:
                for other in child.orelse:
                    visit_one(other)
                continue
            visit_one(child)

    def visit_one(node: ast.AST) -> None:
        if isinstance(node, ast.Import):
            found.extend((alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            for alias in node.names:
                sub = f"{module}.{alias.name}"
                found.append((sub if sub in MODULES else module, node.lineno))
        else:
            visit(node)

    visit(ast.parse(path.read_text("utf-8"), filename=str(path)))
    return [(m, line) for m, line in found if m in MODULES]


def _floor(module: str) -> int | None:
    best: tuple[int, int] | None = None  # (length of the match, floor)
    for number, (_, members) in enumerate(FLOORS):
        for member in members:
            if module == member or module.startswith(member + "."):
                best = max(best or (-1, -1), (len(member), number))
    return None if best is None else best[1]


IMPORTS = {name: _imports(name, path) for name, path in MODULES.items()}


def _where(module: str) -> str:
    return str(MODULES[module].relative_to(PACKAGE.parent))


def test_every_module_stands_on_a_floor() -> None:
    lost = [m for m in MODULES if _floor(m) is None]
    assert not lost, f"place these modules on a floor in tests/test_layers.py FLOORS: {lost}"


def test_imports_point_down() -> None:
    upward = []
    for module, imports in IMPORTS.items():
        here = _floor(module)
        for imported, line in imports:
            there = _floor(imported)
            if here is not None and there is not None and there > here:
                upward.append(
                    f"{_where(module)}:{line} imports {imported}: {module} stands on the "
                    f"{FLOORS[here][0]} floor, {imported} above it on the {FLOORS[there][0]} floor"
                )
    assert not upward, "imports that point up:\n" + "\n".join(upward)


def test_imports_for_type_checkers_point_down_too() -> None:
    # A type named only for annotations still ties the module to the floor that defines it:
    # the map naming the drawing options made the map, the checks and the drawing one circle
    # to anyone who reads the imports. A type a lower floor needs is defined where it can see it.
    upward = []
    for module, path in MODULES.items():
        here = _floor(module)
        for imported, line in _imports(module, path, typing=True):
            there = _floor(imported)
            if here is not None and there is not None and there > here:
                upward.append(f"{_where(module)}:{line} imports {imported} for type checkers")
    assert not upward, "imports that point up:\n" + "\n".join(upward)


def test_no_modules_import_each_other_in_a_circle() -> None:
    graph: nx.DiGraph[str] = nx.DiGraph()
    lines = {}
    for module, imports in IMPORTS.items():
        graph.add_node(module)
        for imported, line in imports:
            if imported != module:
                graph.add_edge(module, imported)
                lines.setdefault((module, imported), line)
    circles = []
    for component in nx.strongly_connected_components(graph):
        if len(component) > 1:
            cycle = nx.find_cycle(graph.subgraph(component))
            circles.append(" -> ".join(f"{_where(a)}:{lines[a, b]} imports {b}" for a, b in cycle))
    assert not circles, "modules that import each other in a circle:\n" + "\n".join(circles)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from argmap.render import to_dot\n", [("argmap.render", 1)]),
        ("def f():\n    from argmap.io import native\n", [("argmap.io.native", 2)]),
        ("if TYPE_CHECKING:\n    from argmap.cli import main\n", []),
        ("import argmap.cli\n", [("argmap.cli", 1)]),
        ("from . import dot\n", [("argmap.render.dot", 1)]),
    ],
)
def test_the_reader_sees_every_kind_of_import(
    tmp_path: Path, source: str, expected: list[tuple[str, int]]
) -> None:
    path = tmp_path / "probe.py"
    path.write_text(source, "utf-8")
    assert _imports("argmap.render.probe", path) == expected


def test_a_floor_is_the_longest_prefix() -> None:
    assert FLOORS[_floor("argmap.map") or 0][0] == "map"
    assert FLOORS[_floor("argmap.checks.facts") or 0][0] == "checks"
    assert FLOORS[_floor("argmap") or 0][0] == "cli"
    assert _floor("elsewhere") is None
