"""Finds words in a template that no translation tag marks: what `test_templates_marked`
fails on. Kept apart from the test so its own test can feed it small templates.

A template is split into Django's tokens. Tags and variables become a placeholder with
no letters in it, `{% blocktranslate %}...{% endblocktranslate %}` and comments vanish
whole, and what is left is read as HTML: any text with a letter, and any attribute a
person reads (placeholder, title, aria-label, alt, a button's value), is a word nobody
marked. Literal strings handed to a tag (`{% include ... with empty="No tickets" %}`) or
a filter (`|default:"nobody"`, `|pluralize`) are words too, and so are date formats with
month or weekday names (`|date:"j M Y"`: "Mar" stays English), unless the format is a
named one (`"SHORT_DATE_FORMAT"`) or itself translated (`_("D j M, H:i")`).
"""

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from django.template.base import Lexer, TokenType

# Not words to translate: names, and keys as printed on every keyboard.
ALLOWED = frozenset({"Scotty", "Enter", "Esc", "r", "n", "K"})  # K: the key of Ctrl+K
SPOKEN_ATTRIBUTES = frozenset(
    {"placeholder", "title", "aria-label", "aria-description", "aria-roledescription",
     "aria-valuetext", "alt", "label"}
)  # fmt: skip
# `value` is read out only on these inputs.
BUTTON_INPUTS = frozenset({"submit", "button", "reset"})
# Elements whose content is not shown as text.
SILENT_ELEMENTS = frozenset({"script", "style"})
# Arguments of `{% include ... with key="..." %}` that are never shown as text.
SILENT_INCLUDE_KEYS = frozenset({"id", "name", "error_id", "unit", "value"})
# Filters whose quoted argument is a word when it holds a letter.
WORD_FILTERS = frozenset({"default", "default_if_none", "yesno", "pluralize", "add"})
# Date format characters that print a name: month, weekday, am/pm.
NAMED_DATE_PARTS = re.compile(r"(?<!\\)[DlMFNbEPAa]")
NAMED_FORMATS = re.compile(r"^[A-Z_]+_FORMAT$")
PLACEHOLDER = "\ue000"  # a private-use character: no letter, so never a word itself
LETTER = re.compile(r"[^\W\d_]")
QUOTED = r"""("[^"]*"|'[^']*')"""
INCLUDE_KWARG = re.compile(r"(\w+)=(" + QUOTED[1:-1] + r")")
FILTER_ARG = re.compile(r"\|\s*(\w+)(?::(_\()?" + QUOTED + r")?")
OPENS_WORDS = ("blocktranslate", "blocktrans", "comment")
CLOSES_WORDS = ("endblocktranslate", "endblocktrans", "endcomment")


@dataclass(frozen=True)
class Unmarked:
    line: int
    text: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.text!r}"


def _is_word(text: str) -> bool:
    text = text.replace(PLACEHOLDER, " ")
    return any(LETTER.search(w) and w not in ALLOWED for w in re.split(r"[\s()+:/·,.]+", text))


def _tag_strings(contents: str, line: int) -> list[Unmarked]:
    """Literal words handed to a tag or filter inside `{% %}` or `{{ }}`."""
    found = []
    name = contents.split(maxsplit=1)[0] if contents.strip() else ""
    if name in ("include", "with"):
        for key, value in INCLUDE_KWARG.findall(contents):
            if key not in SILENT_INCLUDE_KEYS and _is_word(value[1:-1]):
                found.append(Unmarked(line, f"{key}={value}"))
    for filter_name, translated, value in FILTER_ARG.findall(contents):
        if translated:
            continue
        if filter_name == "pluralize":
            found.append(Unmarked(line, f"|pluralize{':' + value if value else ''}"))
        elif filter_name in WORD_FILTERS and value and _is_word(value[1:-1]):
            found.append(Unmarked(line, f"|{filter_name}:{value}"))
        elif filter_name in ("date", "time") and value:
            fmt = value[1:-1]
            if not NAMED_FORMATS.match(fmt) and NAMED_DATE_PARTS.search(fmt):
                found.append(Unmarked(line, f"|{filter_name}:{value}"))
    return found


class _Html(HTMLParser):
    def __init__(self, lines: list[int]) -> None:
        super().__init__(convert_charrefs=True)
        self.lines = lines  # the template line each character of the HTML came from
        self.found: list[Unmarked] = []
        self.silent = 0
        self.offsets = [0]

    def _line(self) -> int:
        row, col = self.getpos()
        at = self.offsets[row - 1] + col if row - 1 < len(self.offsets) else 0
        return self.lines[min(at, len(self.lines) - 1)] if self.lines else 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SILENT_ELEMENTS:
            self.silent += 1
        values = dict(attrs)
        for name, value in attrs:
            spoken = name in SPOKEN_ATTRIBUTES or (
                name == "value" and tag == "input" and values.get("type") in BUTTON_INPUTS
            )
            if spoken and value and _is_word(value):
                self.found.append(Unmarked(self._line(), f'{name}="{value}"'))

    def handle_endtag(self, tag: str) -> None:
        if tag in SILENT_ELEMENTS and self.silent:
            self.silent -= 1

    def handle_data(self, data: str) -> None:
        if not self.silent and _is_word(data):
            self.found.append(Unmarked(self._line(), data.replace(PLACEHOLDER, "…").strip()))


def unmarked(source: str) -> list[Unmarked]:
    """Every unmarked word of a template's source, with its line."""
    found: list[Unmarked] = []
    html: list[str] = []
    lines: list[int] = []
    hidden = 0  # inside blocktranslate or comment blocks
    blocks: list[str] = []  # the {% block %} names around the token
    for token in Lexer(source).tokenize():
        first = token.contents.split(maxsplit=1)[0] if token.contents.strip() else ""
        if token.token_type == TokenType.BLOCK and first == "block":
            blocks.append(token.contents.split()[1])
        elif token.token_type == TokenType.BLOCK and first == "endblock" and blocks:
            blocks.pop()
        if blocks and blocks[-1].endswith("class"):  # {% block body_class %}narrow{% end…
            piece = "" if token.token_type == TokenType.TEXT else PLACEHOLDER
        elif token.token_type == TokenType.BLOCK and first in OPENS_WORDS:
            hidden += 1
        elif token.token_type == TokenType.BLOCK and first in CLOSES_WORDS:
            hidden = max(0, hidden - 1)
            piece = PLACEHOLDER
        if blocks and blocks[-1].endswith("class"):
            pass
        elif hidden and not (token.token_type == TokenType.BLOCK and first in CLOSES_WORDS):
            piece = PLACEHOLDER if token.token_type == TokenType.BLOCK else ""
        elif token.token_type == TokenType.TEXT:
            piece = token.contents
        elif token.token_type == TokenType.COMMENT:
            piece = ""
        else:
            found += _tag_strings(token.contents, token.lineno)
            piece = PLACEHOLDER
        html.append(piece)
        lines += [token.lineno + piece[:i].count("\n") for i in range(len(piece))]
    text = "".join(html)
    parser = _Html(lines)
    parser.offsets = [0]
    for row in text.split("\n")[:-1]:
        parser.offsets.append(parser.offsets[-1] + len(row) + 1)
    parser.feed(text)
    parser.close()
    return sorted(found + parser.found, key=lambda u: u.line)
