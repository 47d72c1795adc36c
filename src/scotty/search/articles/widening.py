"""A question's words, widened so that people find what the desk wrote in its words:
everyday words and the desk's jargon (synonyms: "email" is "mail" is "outlook"), and a
word no article holds replaced by the near ones that some do (a typo, at most one or
two letters off). Filler words of questions ("cannot", "get", "please") are dropped:
they are in every question and answer none.
"""

from dataclasses import dataclass
from functools import cache

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from scotty.knowledge.synonyms import SYNONYMS
from scotty.search.articles.backends import ArticleBackend
from scotty.search.query import Query, Term
from scotty.search.text import stem, word_terms

FILLER = frozenset(
    """able anymore anyone can cannot cant could couldn doesn don dont get gets getting got
    hello help hi isn keep keeps need needs please problem problems still thank thanks try
    trying want wants won""".split()  # noqa: SIM905
)


# A word more than half the articles hold is dropped when rarer ones remain (measured at
# 50,000 articles: a lower share was no faster and found the right article less often).
COMMON_SHARE = 0.5
SMALL_BASE = 1_000  # ... and only in a base of at least this many articles


@dataclass(frozen=True)
class Widened:
    query: Query  # the terms searched for (each with its synonyms and corrections)
    corrected: tuple[tuple[str, str], ...]  # (a word as typed, the word searched instead)
    # Some word is in some article (as typed, by a synonym, or corrected): if none is,
    # nothing can match, and the index is not asked.
    matchable: bool = True


@cache
def synonyms() -> dict[str, frozenset[str]]:
    """Each synonym's index term -> the terms of its group (itself included)."""
    found: dict[str, set[str]] = {}
    for group in SYNONYMS:
        stems = {t for word in group for t in word_terms(word)}
        for term in stems:
            found.setdefault(term, set()).update(stems)
    return {term: frozenset(group) for term, group in found.items()}


def _with_synonyms(term: Term, table: dict[str, frozenset[str]]) -> set[str]:
    """The term's forms and their synonyms; for a word still being typed, the synonyms
    of the word as typed so far too ("phone" finds "mobile" before the space)."""
    forms = {f for e in term.exact for f in table.get(e, {e})}
    if term.prefix:
        forms |= table.get(stem(term.prefix), frozenset())
    return forms


def _limit(word: str) -> int:
    return 1 if len(word) <= 5 else 2


def _nearest(word: str, backend: ArticleBackend) -> list[str]:
    if len(word) < 4 or not word.isalpha():
        return []  # short words and numbers: too many look alike
    found = process.extract(word, backend.near(word), scorer=DamerauLevenshtein.distance,
                            score_cutoff=_limit(word), limit=3)  # fmt: skip
    return [str(candidate) for candidate, _, _ in sorted(found, key=lambda f: (f[1], f[0]))]


def widen(query: Query, backend: ArticleBackend) -> Widened:
    terms = [t for t in query.terms if t.prefix or not set(t.exact) <= FILLER]
    table = synonyms()
    grown = [Term(tuple(sorted(_with_synonyms(t, table))), t.prefix) for t in terms]
    known = backend.known(sorted({f for t in grown for f in t.exact}))
    corrected: list[tuple[str, str]] = []
    result: list[Term] = []
    matchable = False
    for before, term in zip(terms, grown, strict=True):
        if known.keys() & set(term.exact) or (term.prefix and backend.has_prefix(term.prefix)):
            result.append(term)
            matchable = True
            continue
        typed = before.prefix or (before.exact[0] if before.exact else "")
        near = _nearest(typed, backend) if typed else []
        if near:
            matchable = True
            corrected.append((typed, near[0]))
            forms = {*term.exact, *near, *(f for n in near for f in table.get(n, ()))}
            result.append(Term(tuple(sorted(forms))))
        else:
            result.append(term)
    kept = _without_common(result, known, backend)
    return Widened(Query(query.text, kept), tuple(corrected), matchable)


def _without_common(terms: list[Term], known: dict[str, int], backend: ArticleBackend
                    ) -> tuple[Term, ...]:  # fmt: skip
    """The terms without those most articles hold ("work", "company" in a desk's
    articles), while rarer ones remain: ranking gives such a word next to no weight
    (its inverse document frequency is near nothing), yet matching it would make the
    index score nearly every article. Where the database does not count (PostgreSQL),
    nothing is dropped."""
    size = backend.size() if any(known.values()) else 0
    if size < SMALL_BASE:  # in a handful of articles, "most" says nothing about a word
        return tuple(terms)
    most = size * COMMON_SHARE

    def common(term: Term) -> bool:
        return not term.prefix and max((known.get(f, 0) for f in term.exact), default=0) > most

    kept = tuple(t for t in terms if not common(t))
    return kept or tuple(terms)
