"""The house rules every module keeps, read from the source itself: imports flow one way
(`ingest` <- `assistant` <- `ui` / `eval` <- `eduqa`), and no module keeps mutable state at module
level (a dict, list or set assigned there and changed later, or a `global`)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[2]
# each package, and the packages it must never import (at the top or inside a function)
NEVER_IMPORTS = {
    "ingest": {"assistant", "ui", "eval", "eduqa"},
    "assistant": {"ui", "eval", "eduqa"},
    "ui": {"eval", "eduqa"},
    "eval": {"ui", "eduqa"},
    "eduqa": set(),
}
CONTAINER_CALLS = {"dict", "list", "set", "defaultdict", "Counter", "OrderedDict", "deque"}
MUTATING_METHODS = {"append", "extend", "update", "add", "setdefault", "pop", "popitem", "clear",
                    "insert", "remove", "discard", "sort", "appendleft"}  # fmt: skip


def modules(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def imported_packages(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, top-level package) of every absolute import in the module, nested ones included."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name.split(".")[0]) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module.split(".")[0]))
    return found


def module_containers(tree: ast.Module) -> set[str]:
    """Names the module binds at its top level to a dict, list or set."""
    names = set()
    for statement in tree.body:
        if isinstance(statement, ast.Assign):
            targets, value = statement.targets, statement.value
        elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
            targets, value = [statement.target], statement.value
        else:
            continue
        displays = (ast.List, ast.Dict, ast.Set, ast.ListComp, ast.DictComp, ast.SetComp)
        call = isinstance(value, ast.Call) and isinstance(value.func, ast.Name)
        if isinstance(value, displays) or (call and value.func.id in CONTAINER_CALLS):
            names |= {t.id for t in targets if isinstance(t, ast.Name)}
    return names


def state_changes(tree: ast.Module) -> list[tuple[int, str]]:
    """(line, name) wherever the module changes a top-level container or declares a global."""
    containers = module_containers(tree)
    changes = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Global):
            changes += [(node.lineno, f"global {name}") for name in node.names]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            if isinstance(owner, ast.Name) and owner.id in containers and node.func.attr in MUTATING_METHODS:
                changes.append((node.lineno, f"{owner.id}.{node.func.attr}()"))
        elif isinstance(node, (ast.Assign, ast.AugAssign, ast.Delete)):
            targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [node.target]
            changes += [
                (node.lineno, f"{target.value.id}[…]")
                for target in targets
                if isinstance(target, ast.Subscript)
                and isinstance(target.value, ast.Name)
                and target.value.id in containers
            ]
    return changes


def test_every_package_is_read():
    """The rules below cover every package of the project, each with its modules."""
    packages = {p.parent.name for p in ROOT.glob("*/__init__.py")} - {"tests"}
    assert packages == set(NEVER_IMPORTS)
    assert all(len(modules(package)) >= 2 for package in NEVER_IMPORTS)


def findings(package: str, reader) -> list[str]:
    """`path:line what` for each (line, what) the reader finds in the package's modules."""
    return [
        f"{path.relative_to(ROOT)}:{line} {what}"
        for path in modules(package)
        for line, what in reader(ast.parse(path.read_text(encoding="utf-8")))
    ]


@pytest.mark.parametrize("package", sorted(NEVER_IMPORTS))
def test_imports_flow_one_way(package):
    imports = findings(package, imported_packages)
    wrong = [found for found in imports if found.rsplit(" ", 1)[1] in NEVER_IMPORTS[package]]
    assert imports and not wrong, "\n".join(wrong)


@pytest.mark.parametrize("package", sorted(NEVER_IMPORTS))
def test_no_module_level_mutable_state(package):
    changed = findings(package, state_changes)
    assert not changed, "\n".join(changed)


def test_the_checks_catch_what_they_are_for():
    """A module importing upwards and changing a module-level dict is caught by both readers."""
    source = (
        "from assistant.service import AssistantService\n"
        "SEEN = {}\n"
        "def remember(key):\n"
        "    import ui.app\n"
        "    SEEN[key] = True\n"
        "    SEEN.setdefault(key, 1)\n"
    )
    tree = ast.parse(source)
    assert [p for _, p in imported_packages(tree)] == ["assistant", "ui"]
    assert state_changes(tree) == [(5, "SEEN[…]"), (6, "SEEN.setdefault()")]
