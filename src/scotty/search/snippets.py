"""Highlighting: which words of a text the query matched, and the passage to show.

Uses the analyser the index was built with (`text.word_spans`), so a marked word is
exactly a word the database matched, accents and word forms included.
"""

import re
from collections.abc import Sequence

from scotty.search.query import Query
from scotty.search.results import Highlighted, Part
from scotty.search.text import word_spans

WIDTH = 220  # characters of passage
LEAD = 60  # shown before the first match
_SPACE = re.compile(r"\s+")


def _hits(text: str, query: Query) -> list[tuple[int, int, int]]:
    """(start, end, index of the query word) of every matching word: the first query
    word (in order) that one of the word's terms answers. The exact forms are looked up
    in one table, not tried word by word: a long text has thousands of words."""
    exact: dict[str, int] = {}
    for index, word in enumerate(query.terms):
        for form in word.exact:
            exact.setdefault(form, index)
    prefixes = [(word.prefix, index) for index, word in enumerate(query.terms) if word.prefix]
    found = []
    for start, end, terms in word_spans(text):
        best: int | None = None
        for term in terms:
            hit = exact.get(term)
            for prefix, at in prefixes:
                if (hit is None or at < hit) and term.startswith(prefix):
                    hit = at
            if hit is not None and (best is None or hit < best):
                best = hit
        if best is not None:
            found.append((start, end, best))
    return found


def _parts(text: str, hits: list[tuple[int, int, int]], start: int, end: int) -> Highlighted:
    parts: list[Part] = []
    at = start
    for hit_start, hit_end, _ in hits:
        if hit_start < start or hit_end > end:
            continue
        if hit_start > at:
            parts.append(Part(_SPACE.sub(" ", text[at:hit_start])))
        parts.append(Part(text[hit_start:hit_end], hit=True))
        at = hit_end
    if at < end:
        parts.append(Part(_SPACE.sub(" ", text[at:end])))
    return tuple(parts)


def highlight(text: str, query: Query) -> Highlighted:
    """The whole text, matched words marked."""
    return _parts(text, _hits(text, query), 0, len(text))


def _passage(text: str, hits: list[tuple[int, int, int]]) -> Highlighted:
    first = hits[0][0] if hits else 0
    start = max(0, first - LEAD)
    if start:  # begin at a word, not inside one
        space = text.find(" ", start, first)
        start = space + 1 if space != -1 else start
    end = min(len(text), start + WIDTH)
    if end < len(text):
        space = text.rfind(" ", max(first, start + WIDTH // 2), end)
        end = space if space != -1 else end
    parts = _parts(text, hits, start, end)
    lead = (Part("…"),) if start else ()
    tail = (Part("…"),) if end < len(text) else ()
    return (*lead, *parts, *tail)


def best_passage(texts: Sequence[tuple[str, str]], query: Query) -> tuple[str, Highlighted]:
    """(source, passage) from the text that matches the most query words, the first
    one of those on a tie; the first text's opening when none matches (the match was in
    the title or the names)."""
    best: tuple[int, int] = (0, 0)
    chosen: tuple[str, str, list[tuple[int, int, int]]] | None = None
    for order, (source, text) in enumerate(texts):
        hits = _hits(text, query)
        score = (len({h[2] for h in hits}), -order)
        if hits and (chosen is None or score > best):
            best, chosen = score, (source, text, hits)
    if chosen is None:
        if not texts:
            return "", ()
        source, text = texts[0]
        return source, _passage(text, [])
    source, text, hits = chosen
    return source, _passage(text, hits)
