"""The search app is domain code: it reads tickets through their selectors and never
imports a channel (desk, portal, api, mail ...), like every domain app."""

from pathlib import Path

import pytest

from tests.test_architecture import CHANNELS, SRC, scotty_imports


@pytest.mark.parametrize(
    "module", sorted((SRC / "search").rglob("*.py")), ids=lambda p: str(p.relative_to(SRC))
)
def test_search_never_imports_a_channel(module: Path) -> None:
    assert not scotty_imports(module) & CHANNELS
