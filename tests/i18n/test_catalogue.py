"""THE guard: every word marked for translation has a German translation, and the
compiled catalogue Scotty runs with is the one the .po says.

`makemessages` runs over a copy of the source into a temporary folder (the committed
catalogue is never touched) and every msgid it finds must be in the committed German
catalogue, translated and not fuzzy. After changing words: `make messages`, translate
what it added to src/scotty/locale/de/LC_MESSAGES/django.po, `make messages` again.
"""

import gettext
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.i18n.po import Entry, messages, parse

SRC = Path(__file__).resolve().parents[2] / "src" / "scotty"
LOCALE = SRC / "locale"
GERMAN = LOCALE / "de" / "LC_MESSAGES" / "django.po"
COMPILED = GERMAN.with_suffix(".mo")

needs_xgettext = pytest.mark.skipif(
    shutil.which("xgettext") is None,
    reason="xgettext (Debian package gettext) is missing: `make test-tools` installs it",
)
needs_msgfmt = pytest.mark.skipif(
    shutil.which("msgfmt") is None,
    reason="msgfmt (Debian package gettext) is missing: `make test-tools` installs it",
)


def extracted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings: object) -> list[Entry]:
    """What makemessages finds in the source today, as a fresh German catalogue."""
    copy = tmp_path / "scotty"
    shutil.copytree(SRC, copy, ignore=shutil.ignore_patterns("locale", "__pycache__", "static"))
    out = tmp_path / "locale"
    out.mkdir()
    settings.LOCALE_PATHS = [out]  # type: ignore[attr-defined]
    monkeypatch.chdir(copy)
    call_command("makemessages", locale=["de"], verbosity=0, no_obsolete=True)
    return [e for e in parse(out / "de" / "LC_MESSAGES" / "django.po") if e.msgid]


@needs_xgettext
def test_every_marked_word_has_a_german_translation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings: object
) -> None:
    found = extracted(tmp_path, monkeypatch, settings)
    assert len(found) > 500, "makemessages found too little: is the copy complete?"
    committed = messages(GERMAN)
    missing = [e for e in found if e.key not in committed]
    untranslated = [committed[e.key] for e in found if e.key in committed]
    untranslated = [e for e in untranslated if not e.translated]
    fuzzy = [e for e in committed.values() if e.fuzzy]
    problems = [
        *(f"missing from the German catalogue: {e}" for e in missing),
        *(f"not translated: {e}" for e in untranslated),
        *(f"fuzzy (check, then remove the flag): {e}" for e in fuzzy),
    ]
    assert not problems, (
        "Run `make messages`, translate in src/scotty/locale/de/LC_MESSAGES/django.po, "
        "then `make messages` again:\n" + "\n".join(problems)
    )


def test_plurals_have_both_german_forms() -> None:
    plural = [e for e in messages(GERMAN).values() if e.plural is not None]
    assert plural, "the catalogue has plural entries (ngettext, blocktranslate count)"
    assert all(sorted(e.msgstr) == [0, 1] for e in plural), [str(e) for e in plural]


def test_the_header_says_german_and_its_plural_rule() -> None:
    header = next(e for e in parse(GERMAN) if e.msgid == "")
    assert "Language: de\n" in header.msgstr[0]
    assert "Plural-Forms: nplurals=2; plural=(n != 1);" in header.msgstr[0]
    assert not header.fuzzy


def _catalog(mo: Path) -> dict[object, str]:
    with mo.open("rb") as file:
        catalog: dict[object, str] = gettext.GNUTranslations(file)._catalog  # type: ignore[attr-defined]
    return {k: v for k, v in catalog.items() if k != ""}  # the header carries dates


@needs_msgfmt
def test_the_committed_mo_is_the_committed_po_compiled(tmp_path: Path) -> None:
    # `make run` on a machine without gettext uses the committed .mo: it must say what
    # the .po says. Compare catalogues, not bytes (msgfmt versions lay files out apart).
    fresh = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "--check", "-o", str(fresh), str(GERMAN)], check=True)
    assert COMPILED.exists(), "src/scotty/locale/de/LC_MESSAGES/django.mo is not committed"
    assert _catalog(COMPILED) == _catalog(fresh), "stale django.mo: run `make messages`"


def test_the_po_reader_sees_contexts_plurals_and_flags(tmp_path: Path) -> None:
    po = tmp_path / "x.po"
    po.write_text(
        'msgid ""\nmsgstr "Language: de\\n"\n\n'
        '#, fuzzy\nmsgctxt "ticket status"\nmsgid "Open"\nmsgstr "Offen"\n\n'
        'msgid "%(n)s ticket"\nmsgid_plural "%(n)s tickets"\nmsgstr[0] "%(n)s Ticket"\n'
        'msgstr[1] ""\n\n'
        'msgid "Long "\n"text"\nmsgstr ""\n"Langer "\n"Text"\n',
        encoding="utf-8",
    )
    found = messages(po)
    assert found[("ticket status", "Open")].fuzzy
    assert not found[(None, "%(n)s ticket")].translated
    assert found[(None, "Long text")].msgstr == {0: "Langer Text"}
