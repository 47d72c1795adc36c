"""A small reader of gettext .po files, enough for the catalogue tests (no dependency).

Each entry keeps its context, singular and plural msgid, its translations and flags;
`key` is what gettext looks an entry up by (context, singular).
"""

import ast
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Entry:
    context: str | None = None
    msgid: str = ""
    plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)  # plural index -> translation
    flags: set[str] = field(default_factory=set)
    obsolete: bool = False

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.context, self.msgid)

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @property
    def translated(self) -> bool:
        return bool(self.msgstr) and all(self.msgstr.values())

    def __str__(self) -> str:
        where = f" (context {self.context!r})" if self.context else ""
        return f"{self.msgid!r}{where}"


def _string(line: str) -> str:
    # A .po string is a C string; Python's literal syntax reads the same escapes.
    return str(ast.literal_eval(line.strip()))


def parse(path: Path) -> list[Entry]:
    """The entries of a .po file, the header (msgid "") included, obsolete ones marked."""
    entries: list[Entry] = []
    entry = Entry()
    target: tuple[str, int] | None = None
    started = False

    def finish() -> None:
        nonlocal entry, started, target
        if started:
            entries.append(entry)
        entry, started, target = Entry(), False, None

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        obsolete = line.startswith("#~")
        if obsolete:
            line = line[2:].strip()
        if not line:
            finish()
            continue
        if line.startswith("#,"):
            if started and target and target[0] == "msgstr":
                finish()
            entry.flags |= {f.strip() for f in line[2:].split(",")}
            continue
        if line.startswith("#"):
            if started and target and target[0] == "msgstr":
                finish()
            continue
        keyword, _, rest = line.partition(" ")
        if line.startswith('"'):
            _append(entry, target, _string(line))
            continue
        # A new msgctxt or msgid after a msgstr starts the next entry.
        if keyword in ("msgctxt", "msgid") and started and target and target[0] == "msgstr":
            finish()
        started = True
        entry.obsolete = entry.obsolete or obsolete
        if keyword == "msgctxt":
            entry.context, target = _string(rest), ("msgctxt", 0)
        elif keyword == "msgid":
            entry.msgid, target = _string(rest), ("msgid", 0)
        elif keyword == "msgid_plural":
            entry.plural, target = _string(rest), ("msgid_plural", 0)
        elif keyword.startswith("msgstr"):
            index = int(keyword[7:-1]) if keyword.startswith("msgstr[") else 0
            entry.msgstr[index] = _string(rest)
            target = ("msgstr", index)
    finish()
    return entries


def _append(entry: Entry, target: tuple[str, int] | None, text: str) -> None:
    if target is None:
        return
    name, index = target
    if name == "msgctxt":
        entry.context = (entry.context or "") + text
    elif name == "msgid":
        entry.msgid += text
    elif name == "msgid_plural":
        entry.plural = (entry.plural or "") + text
    else:
        entry.msgstr[index] = entry.msgstr.get(index, "") + text


def messages(path: Path) -> dict[tuple[str | None, str], Entry]:
    """The live entries of a catalogue by key, without the header and obsolete ones."""
    return {e.key: e for e in parse(path) if e.msgid and not e.obsolete}
