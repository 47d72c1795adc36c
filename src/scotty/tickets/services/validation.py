"""Checks on free text that every ticket service shares.

Two kinds of character get special care, because they let text look different from
what was stored:

- Bidi embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069) reorder
  what follows them: a title can read backwards, or "Trojan Source" style hide its real
  order. They are removed from stored text. Plain right-to-left text needs none of
  them (the browser orders Arabic or Hebrew by itself, and every page isolates
  person-written text with CSS); the left-to-right and right-to-left *marks*
  (U+200E, U+200F, U+061C), which only nudge neutral characters, are kept.
- Invisible characters (zero-width spaces, joiners, BOM, soft hyphens, Hangul fillers,
  the braille blank ...) are kept where they are, since zero-width joiners belong inside
  emoji and Indic or Persian words, but text made only of them counts as empty.
"""

import re
import unicodedata

from django.utils.formats import number_format
from django.utils.translation import gettext

from scotty.core.errors import InvalidInput

MAX_TITLE = 200
MAX_BODY = 50_000
MAX_NEXT_STEP = 500
MAX_TAGS = 20
_TAG = re.compile(r"^[a-z0-9][a-z0-9-]{0,49}$")

# Removed from every stored text: NUL (PostgreSQL refuses it), the bidi embedding,
# override and isolate controls, and the deprecated format controls U+206A-U+206F
# (symmetric swapping, Arabic shaping, digit shapes), which nobody types on purpose.
_REMOVED = dict.fromkeys([0x00, *range(0x202A, 0x202F), *range(0x2066, 0x2070)])

# Characters that show nothing but are not in the Unicode "format" or "control"
# categories: combining grapheme joiner, Hangul fillers, Khmer inherent vowels,
# Mongolian variation selectors, braille blank.
_BLANK_OTHERS = frozenset(
    "\u034f\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180f\u2800\u3164\uffa0"
)


def _shows_nothing(char: str) -> bool:
    code = ord(char)
    return (
        char.isspace()
        or unicodedata.category(char) in ("Cf", "Cc")  # ZWSP, ZWJ, BOM, soft hyphen, tags
        or char in _BLANK_OTHERS
        or 0xFE00 <= code <= 0xFE0F  # variation selectors
        or 0xE0100 <= code <= 0xE01EF  # variation selectors supplement
    )


def is_blank(text: str) -> bool:
    """True if the text would show nothing at all on a page."""
    return all(_shows_nothing(char) for char in text)


def clean_text(
    value: str, *, field: str, label: str, max_length: int, required: bool = True
) -> str:
    """Strip and check a text value; raise InvalidInput naming the field.

    Removes NUL and bidi controls (see the module docstring); text that shows nothing
    is "empty": refused when required, stored as "" otherwise.
    """
    text = (value or "").translate(_REMOVED).strip()
    if is_blank(text):
        if required:
            raise InvalidInput(
                gettext("%(label)s cannot be empty.") % {"label": label}, field=field
            )
        return ""
    if len(text) > max_length:
        raise InvalidInput(
            gettext("%(label)s is %(length)s characters long; the limit is %(limit)s.")
            % {
                "label": label,
                "length": number_format(len(text), force_grouping=True),
                "limit": number_format(max_length, force_grouping=True),
            },
            field=field,
        )
    return text


def clean_tags(names: list[str]) -> list[str]:
    """Tag names lower-cased, deduplicated and sorted; InvalidInput (field "tags") for
    more than MAX_TAGS or a name that is not letters, digits and dashes."""
    cleaned = sorted({n.strip().lower() for n in names if n.strip()})
    if len(cleaned) > MAX_TAGS:
        raise InvalidInput(gettext("At most %(count)d tags.") % {"count": MAX_TAGS}, field="tags")
    for name in cleaned:
        if not _TAG.match(name):
            raise InvalidInput(
                gettext("“%(name)s” is not a tag: use letters, digits and dashes (at most 50).")
                % {"name": name[:60]},
                field="tags",
            )
    return cleaned
