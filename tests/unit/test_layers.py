"""The package layout holds: nothing imports upwards, features stay out of each other's
siblings, and no module imports itself back through others (docs/architecture.md).

Read from the source as text (every `import`, at module level, inside functions and under
TYPE_CHECKING alike), so a violation fails here before anyone runs the code path.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"

# Top to bottom. A module may import its own package and anything in a lower layer; within a
# layer of several packages, only its own package, except in the two open layers: the entry
# points, and the foundations (settings, errors, logs…) may import each other.
LAYERS: list[tuple[str, ...]] = [
    ("app", "cli", "feed_cli", "sync_cli", "worker", "commands", "__main__"),  # entry points
    ("bootstrap",),  # the composition root's core: stores, Redis, bus, cache, jobs
    ("api",),  # HTTP and WebSocket handlers, middleware
    ("container",),  # the services an app instance holds, as the handlers see them
    ("dashboard",),
    ("jobs",),
    ("alerts",),
    ("strategies",),
    ("screening",),
    ("watchlists",),
    ("trading",),
    ("live",),
    ("market",),
    ("identity",),
    ("adapters",),
    ("backtest",),  # pure computation over arrays: imports only the domain
    ("domain",),  # pure: rules, series, calendar, indicators, ranges, paging, versions
    ("settings", "errors", "logs", "metrics", "tracing", ""),  # foundations; "" is mystocks
]
OPEN = (LAYERS[0], LAYERS[-1])
RANK = {package: rank for rank, layer in enumerate(LAYERS) for package in layer}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    found = {module_name(p): p for p in (SRC / "mystocks").rglob("*.py")}
    return {name: path for name, path in found.items() if ".migrations" not in name}


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The project modules `name` imports (a `from package import module` names the module)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            for alias in node.names:
                full = f"{base}.{alias.name}"
                found.add(full if full in known else base)
    return {m for m in found if m in known and m != name}


def package_of(module: str) -> str:
    """`mystocks.trading.service` -> `trading`; `mystocks` -> ``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


GRAPH = {name: imports_of(name, path, set(modules())) for name, path in modules().items()}


def test_every_package_has_a_layer() -> None:
    unplaced = sorted({package_of(m) for m in GRAPH} - set(RANK))
    assert not unplaced, f"place these packages in LAYERS: {unplaced}"


def upward(module: str, targets: set[str]) -> list[str]:
    """What `module` imports that is not below it (its own package and open layers aside)."""
    here = package_of(module)
    wrong = []
    for target in sorted(targets):
        there = package_of(target)
        if there == here or any(here in layer and there in layer for layer in OPEN):
            continue
        if RANK[there] <= RANK[here]:
            wrong.append(f"{target} (layer {there!r} is not below {here!r})")
    return wrong


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_imports_point_down(module: str) -> None:
    assert upward(module, GRAPH[module]) == [], f"{module} imports upwards or sideways"


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycles() -> None:
    assert cycles(GRAPH) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]


def test_an_import_upwards_or_sideways_is_caught() -> None:
    """The check itself can fail: market reaching up into trading, the pure backtest reaching
    into an adapter, one feature into a sibling of its layer's rank are all refused."""
    assert upward("mystocks.market.service", {"mystocks.trading.service"})
    assert upward("mystocks.backtest.engine", {"mystocks.adapters.manager"})
    assert upward("mystocks.domain.rules", {"mystocks.domain.series"}) == []
    assert upward("mystocks.cli", {"mystocks.feed_cli"}) == []
    assert upward("mystocks.logs", {"mystocks.settings"}) == []


FEATURES = ("dashboard", "jobs", "alerts", "strategies", "screening", "watchlists", "trading")
FEATURES += ("live", "market", "identity")
FRAMEWORKS = ("sqlalchemy", "starlette")


def framework_imports(path: Path) -> list[str]:
    """The SQLAlchemy and Starlette modules a file imports, anywhere in it."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = (
            [a.name for a in node.names]
            if isinstance(node, ast.Import)
            else [node.module or ""]
            if isinstance(node, ast.ImportFrom) and not node.level
            else []
        )
        found += [n for n in names if n.split(".")[0] in FRAMEWORKS]
    return found


@pytest.mark.parametrize(
    "module",
    sorted(m for m in GRAPH if package_of(m) in FEATURES and not m.endswith(("store", "_store"))),
)
def test_use_cases_import_neither_sqlalchemy_nor_starlette(module: str) -> None:
    """Only a feature's store talks SQL; HTTP stays in api/. A use case reaches its store's
    transaction through the unit of work (`adapters.uow`)."""
    assert framework_imports(modules()[module]) == []


def test_the_framework_check_sees_an_import(tmp_path: Path) -> None:
    source = tmp_path / "service.py"
    source.write_text("def f():\n    from sqlalchemy.engine import Connection\n")
    assert framework_imports(source) == ["sqlalchemy.engine"]


# The trading domain model and its order checks: pure functions of values, unit-tested without
# a database (tests/unit/test_apply_fill.py, test_order_checks.py).
PURE = ("mystocks.trading.model", "mystocks.trading.checks")
PURE_DEPENDENCIES = ("domain", "errors")


@pytest.mark.parametrize("module", PURE)
def test_the_trading_model_is_pure(module: str) -> None:
    reaches = sorted(
        m for m in GRAPH[module] if m not in PURE and package_of(m) not in PURE_DEPENDENCIES
    )
    assert reaches == [], f"{module} reaches beyond the domain"
    assert framework_imports(modules()[module]) == []
