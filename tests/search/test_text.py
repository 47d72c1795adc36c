"""The analyser both databases index with, and how typed text becomes a query."""

import pytest

from scotty.search.query import parse, reference_in
from scotty.search.text import fold, terms


@pytest.mark.parametrize(
    ("word", "folded"),
    [("Müller", "muller"), ("GROSS", "gross"), ("Groß", "gross"), ("Øster", "oster"),
     ("Y\u0131lmaz", "yilmaz"), ("Łódź", "lodz"), ("Æsir", "aesir"), ("Ñandú", "nandu")],
)  # fmt: skip
def test_accents_and_case_fold(word: str, folded: str) -> None:
    assert fold(word) == folded


@pytest.mark.parametrize(
    "forms",
    [("printer", "printers", "Printers"), ("jam", "jams", "jammed", "jamming"),
     ("update", "updates", "updated", "updating"), ("battery", "batteries"),
     ("crash", "crashes", "crashed"), ("reply", "replies", "replied"), ("fix", "fixed", "fixes"),
     ("licence", "licences")],
)  # fmt: skip
def test_word_forms_meet(forms: tuple[str, ...]) -> None:
    assert len({tuple(terms(f)) for f in forms}) == 1, [terms(f) for f in forms]


@pytest.mark.parametrize(("a", "b"), [("print", "printer"), ("add", "ad"), ("status", "stat")])
def test_different_words_stay_apart(a: str, b: str) -> None:
    assert terms(a) != terms(b)


def test_stop_words_and_punctuation_are_not_terms() -> None:
    assert terms("The printer's tray (B4) -- it is EMPTY!") == ["printer", "tray", "b4", "empty"]


def test_a_pasted_blob_is_not_a_term() -> None:
    assert terms("key " + "x" * 300) == ["key"]


def test_the_last_word_is_a_prefix_unless_a_space_follows() -> None:
    typing = parse("printer jam")
    assert typing.terms[-1].prefix == "jam"
    done = parse("printer jam ")
    assert [t.prefix for t in done.terms] == ["", ""]


def test_a_half_typed_ending_still_finds_the_stem() -> None:
    assert parse("updati").terms[0].matches("updat")  # on its way to "updating"
    assert parse("jamm").terms[0].matches("jam")  # to "jammed"
    assert parse("prin").terms[0].matches("printer")


def test_one_letter_and_nul_bytes_are_harmless() -> None:
    assert parse("x").terms[0].prefix == ""
    assert parse("\x00\x00").empty
    assert parse("p\x00rinter").terms[0].prefix == "printer"


@pytest.mark.parametrize(
    ("typed", "reference"),
    [("IT-1042", "IT-1042"), (" it-7 ", "IT-7"), ("INF-1", "INF-1"), ("IT 1042", None),
     ("IT-", None), ("printer IT-1042", None)],
)  # fmt: skip
def test_references_are_recognised(typed: str, reference: str | None) -> None:
    assert reference_in(typed) == reference
