"""What a person typed, as search terms: every word must match; the last one may be half
typed (a prefix), so results follow the typing."""

import re
from dataclasses import dataclass

from scotty.search.text import fold, stem, word_terms

MAX_QUERY = 200  # characters read from the box
MAX_TERMS = 8  # words beyond these narrow nothing worth their cost
MIN_PREFIX = 2  # a one-letter prefix matches nearly everything

_WORD = re.compile(r"[^\W_]+")
# A ticket reference as people type it: IT-1042, it-1042, " INF-7 ".
_REFERENCE = re.compile(r"^\s*([A-Za-z]{2,6})-(\d{1,9})\s*$")
# Endings the stemmer removes; a half-typed one ("printi", "updat") still finds the stem.
_ENDINGS = ("ing", "ed", "es", "ies", "ied")


@dataclass(frozen=True)
class Term:
    """One word of the query: any of `exact`, or (when typed last) any index term that
    starts with `prefix`."""

    exact: tuple[str, ...]
    prefix: str = ""

    def matches(self, term: str) -> bool:
        return term in self.exact or (bool(self.prefix) and term.startswith(self.prefix))


@dataclass(frozen=True)
class Query:
    text: str  # as typed (trimmed), for the page
    terms: tuple[Term, ...]

    @property
    def empty(self) -> bool:
        return not self.terms

    def matches(self, term: str) -> bool:
        """Does this index term answer one of the query's words (for highlighting)?"""
        return any(t.matches(term) for t in self.terms)


def reference_in(text: str) -> str | None:
    """The ticket reference if the text is one (IT-1042), in capitals; else None."""
    found = _REFERENCE.match(text.replace("\x00", ""))
    return f"{found.group(1).upper()}-{found.group(2)}" if found else None


def _typed_forms(prefix: str) -> tuple[str, ...]:
    """Whole index terms a half-typed word may be heading for: "printi" (printing) and
    "printe" (printed) are on their way to "print"; "jamm" to "jam" (jammed)."""
    forms = {stem(prefix)}
    for ending in _ENDINGS:
        for cut in range(1, len(ending)):
            if prefix.endswith(ending[:cut]) and len(prefix) - cut >= 3:
                forms.add(stem(prefix[:-cut] + ending))
    if len(prefix) >= 4 and prefix[-1] == prefix[-2]:
        forms.add(stem(prefix + "ed"))
    return tuple(sorted(f for f in forms if not f.startswith(prefix)))


def parse(text: str) -> Query:
    """The query for `text`. A last word not followed by a space is a prefix."""
    raw = text.replace("\x00", "")[:MAX_QUERY]
    text = raw.strip()
    words = _WORD.findall(text)
    still_typing = bool(words) and raw[-1:].isalnum()
    found: list[Term] = []
    for index, word in enumerate(words):
        last = index == len(words) - 1
        if last and still_typing and len(fold(word)) >= MIN_PREFIX:
            parts = _WORD.findall(fold(word))
            found += [Term((stem(p),)) for p in parts[:-1]]
            prefix = parts[-1] if parts else ""
            if prefix:
                found.append(Term(_typed_forms(prefix), prefix))
            continue
        found += [Term((term,)) for term in word_terms(word)]
    unique = tuple(dict.fromkeys(found))[:MAX_TERMS]
    return Query(text, unique)
