"""No import cycles between ketch's packages (every import counts, lazy ones inside functions too,
but not those under ``if TYPE_CHECKING``)."""
from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).parents[1] / "ketch"


def _unit(module: str) -> str:
    """ketch.engine.scheduler -> ketch.engine; ketch.config -> ketch.config."""
    parts = module.split(".")
    return ".".join(parts[:2])


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip.update(id(n) for n in ast.walk(node))
    out = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("ketch"):
            out.add(node.module)
            out.update(f"{node.module}.{a.name}" for a in node.names if (PKG / node.module.split(".", 1)[-1]
                                                                            .replace(".", "/") / a.name).is_dir())
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("ketch"))
    return out


def package_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in PKG.rglob("*.py"):
        module = ".".join(("ketch", *path.relative_to(PKG).with_suffix("").parts))
        src = _unit(module)
        for dep in _imports(path):
            dst = _unit(dep)
            if dst != src and dst != "ketch":
                graph.setdefault(src, set()).add(dst)
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_packages_import_each_other_in_one_direction_only():
    graph = package_graph()
    assert "ketch.quant" in graph and "ketch.formats" in graph  # the graph was read
    assert _cycle(graph) is None, " -> ".join(_cycle(graph))
