"""Imports run one way: channels import the domain, never the reverse (DESIGN.md)."""

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "scotty"
CHANNELS = {"desk", "portal", "api", "mail", "files", "demo"}
DOMAIN = {
    "core",
    "accounts",
    "tickets",
    "catalog",
    "knowledge",
    "feedback",
    "awareness",
    "problems",
    "search",
    "notifications",
}


def scotty_imports(path: Path) -> set[str]:
    """The scotty apps a module imports, e.g. {"tickets", "accounts"}."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        for name in names:
            parts = name.split(".")
            if parts[0] == "scotty" and len(parts) > 1:
                found.add(parts[1])
    return found


def domain_modules() -> list[Path]:
    return sorted(p for app in DOMAIN if (SRC / app).exists() for p in (SRC / app).rglob("*.py"))


@pytest.mark.parametrize("module", domain_modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_domain_modules_never_import_a_channel(module: Path) -> None:
    leaked = scotty_imports(module) & CHANNELS
    assert not leaked, f"{module.relative_to(SRC)} imports channel app(s) {sorted(leaked)}"


def test_core_imports_no_other_scotty_app_except_in_test_helpers() -> None:
    for module in (SRC / "core").rglob("*.py"):
        if module.name == "testing.py":
            continue  # personas are built through the domain services on purpose
        assert scotty_imports(module) <= {"core"}, module


def test_the_walker_sees_a_forbidden_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from scotty.desk.views import home\nimport scotty.portal.forms\n")
    assert scotty_imports(bad) == {"desk", "portal"}
