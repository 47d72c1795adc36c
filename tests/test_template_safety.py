"""Guards against the XSS sinks the peers kept reintroducing (SECURITY.md).

Autoescaping must never be switched off by hand in templates or code; the only HTML
Scotty emits from user text will come through nh3 sanitising in one place.
"""

import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "scotty"
DANGEROUS = re.compile(r"\|\s*safe\b|\{%\s*autoescape\s+off|mark_safe\(|SafeString\(|\|safeseq\b")
INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)[^>]*>|\bon[a-z]+\s*=\s*[\"']|style\s*=\s*[\"']", re.I
)


def sources() -> list[Path]:
    return sorted(
        p
        for p in SRC.rglob("*")
        if p.suffix in {".html", ".py", ".txt"} and "migrations" not in p.parts
    )


@pytest.mark.parametrize("path", sources(), ids=lambda p: str(p.relative_to(SRC)))
def test_nothing_turns_autoescaping_off(path: Path) -> None:
    hits = [line for line in path.read_text().splitlines() if DANGEROUS.search(line)]
    assert not hits, f"{path.relative_to(SRC)}: {hits}"


@pytest.mark.parametrize(
    "path", [p for p in sources() if p.suffix == ".html"], ids=lambda p: str(p.relative_to(SRC))
)
def test_templates_have_no_inline_script_handlers_or_styles(path: Path) -> None:
    # The CSP forbids them anyway; this finds them before a browser silently ignores them.
    hits = [line.strip() for line in path.read_text().splitlines() if INLINE_SCRIPT.search(line)]
    assert not hits, f"{path.relative_to(SRC)}: {hits}"


def test_the_guard_catches_what_it_should(tmp_path: Path) -> None:
    assert DANGEROUS.search("{{ ticket.title|safe }}")
    assert INLINE_SCRIPT.search('<button onclick="x()">')
    assert INLINE_SCRIPT.search("<script>alert(1)</script>")
    assert not INLINE_SCRIPT.search('<script src="/static/desk.js" defer></script>')


def test_only_the_article_sanitiser_makes_text_that_templates_insert_as_markup() -> None:
    """`__html__` tells Django's templates "this is HTML already": only nh3's output for
    articles (`knowledge.markdown.SanitisedHtml`) may say so."""
    makers = sorted(
        str(p.relative_to(SRC))
        for p in sources()
        if p.suffix == ".py" and re.search(r"def __html__\(", p.read_text())
    )
    assert makers == ["knowledge/markdown.py"]
