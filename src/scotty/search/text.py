"""How text becomes search terms: the one analyser both databases index with.

Pure functions, no database. Documents and queries go through the same steps, so what
matches is decided here and nowhere else (not by a database tokenizer):

1. words are runs of letters and digits in the original text (`word_spans`);
2. each word is folded: accents removed, case folded, a few letters that do not
   decompose spelled out ("Müller" -> "muller", "Groß" -> "gross", "Øst" -> "ost");
3. English stop words are dropped ("the", "and", "my" ...);
4. word forms are reduced by a light English stemmer ("printers" -> "printer",
   "jammed", "jamming" -> "jam", "updates", "updated" -> "updat").

The highlighter runs the same steps over the original words, so a highlighted word is
exactly a word the database matched.
"""

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

# Letters and digits; the underscore and everything else separate words.
_WORD = re.compile(r"[^\W_]+")

# Letters with no Unicode decomposition that people type without their mark.
_SPELLED = str.maketrans(
    {"ø": "o", "đ": "d", "ð": "d", "ł": "l", "ı": "i", "ħ": "h", "ŧ": "t",  # noqa: RUF001
     "æ": "ae", "œ": "oe", "þ": "th", "ŀ": "l"}
)  # fmt: skip

# The common English function words (PostgreSQL's and Snowball's list, in short).
# Contraction leftovers ("s", "t", "ll" ...) are here because an apostrophe splits words.
STOP_WORDS = frozenset(
    """a about above after again against all am an and any are as at be because been
    before being below between both but by can could d did do does doing down during each
    few for from further had has have having he her here hers herself him himself his how
    i if in into is it its itself just ll m me more most my myself no nor not now o of off
    on once only or other our ours ourselves out over own re s same she should so some
    such t than that the their theirs them themselves then there these they this those
    through to too under until up very ve was we were what when where which while who whom
    why will with would you your yours yourself yourselves""".split()  # noqa: SIM905
)

# Positions and lengths are bounded so one huge text cannot make a huge index entry.
MAX_WORDS = 20_000
MAX_TERM = 64  # longer "words" are pasted hashes or base64, not something people type


def fold(word: str) -> str:
    """A word without accents and case: what both the index and the query compare."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return bare.casefold().translate(_SPELLED)


def _has_vowel(text: str) -> bool:
    return any(c in "aeiouy" for c in text)


def _undouble(stem: str) -> str:
    # "jamm" -> "jam", "stopp" -> "stop"; but "call", "miss", "buzz" keep theirs, and
    # "add" is not cut to "ad".
    if len(stem) >= 4 and stem[-1] == stem[-2] and stem[-1] not in "aeiouylsz":
        return stem[:-1]
    return stem


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The light English stem of a folded word; words with digits or non-Latin letters,
    and words of three letters or fewer, are kept as they are.

    One plural or -ed/-ing ending is removed, then a final silent e, so "update",
    "updates", "updated" and "updating" all become "updat". Deliberately small: it
    merges the forms people actually type and never merges unrelated words by much.
    """
    if len(word) <= 3 or not word.isascii() or not word.isalpha():
        return word
    w = word
    if w.endswith(("ies", "ied")) and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    elif w.endswith("ed") and not w.endswith("eed") and len(w) >= 5 and _has_vowel(w[:-2]):
        w = _undouble(w[:-2])
    elif w.endswith("ing") and len(w) >= 6 and _has_vowel(w[:-3]):
        w = _undouble(w[:-3])
    if len(w) >= 4 and w.endswith("e") and not w.endswith("ee"):
        w = w[:-1]
    return w


@lru_cache(maxsize=200_000)
def word_terms(word: str) -> tuple[str, ...]:
    """The index terms of one original word (usually one; none for a stop word).

    Folding can split a word ("½" becomes "1", "2"), hence a tuple.
    """
    folded = fold(word)
    parts = [folded] if folded.isalnum() else _WORD.findall(folded)
    return tuple(stem(p) for p in parts if p not in STOP_WORDS and len(p) <= MAX_TERM)


def word_spans(text: str) -> Iterator[tuple[int, int, tuple[str, ...]]]:
    """(start, end, terms) of every word of `text`: what the highlighter marks."""
    for match in _WORD.finditer(text):
        yield match.start(), match.end(), word_terms(match.group())


def terms(text: str) -> list[str]:
    """Every index term of `text`, in order (at most MAX_WORDS words are read)."""
    found: list[str] = []
    for count, word in enumerate(_WORD.findall(text)):
        if count >= MAX_WORDS:
            break
        found.extend(word_terms(word))
    return found
