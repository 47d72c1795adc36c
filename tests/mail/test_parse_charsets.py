"""Every charset label Python knows, the usual wrong ones, and text in no charset at all."""

import codecs
from encodings.aliases import aliases

import pytest

from scotty.mail.inbound import charsets
from scotty.mail.inbound.parse import parse
from tests.mail.test_parse import message

WORDS = "Grüße, déjà vu"


def text_in(label: str, data: bytes) -> str:
    headers = f"Content-Type: text/plain; charset={label}\nContent-Transfer-Encoding: 8bit"
    return parse(message(headers, data)).text


@pytest.mark.parametrize(
    ("label", "data", "text"),
    [
        ("utf8", WORDS.encode(), WORDS),
        ("UTF-8", WORDS.encode(), WORDS),
        ('"latin1"', WORDS.encode("latin-1"), WORDS),
        ("iso-8859-8-i", "שלום".encode("iso-8859-8"), "שלום"),
        ("ks_c_5601-1987", "안녕하세요".encode("cp949"), "안녕하세요"),
        ("unicode-1-1-utf-7", "Grüße".encode("utf-7"), "Grüße"),
        ("gb2312", "测试 𠀀".encode("gb18030"), "测试 𠀀"),  # GB2312 as GB18030 writes it
        ("shift_jis", "①テスト".encode("cp932"), "①テスト"),  # Windows' Shift_JIS
        ("x-sjis", "テスト".encode("cp932"), "テスト"),
        ("cp-1252", "€uro".encode("cp1252"), "€uro"),
        ("windows-874", "สวัสดี".encode("cp874"), "สวัสดี"),
    ],
)
def test_known_labels_and_their_usual_spellings_decode(label: str, data: bytes, text: str) -> None:
    assert text_in(label, data) == text


def test_windows_1252_labelled_iso_8859_1_keeps_its_quotes_and_euro() -> None:
    words = "“quoted” \u2013 5 €"  # an en dash
    assert text_in("iso-8859-1", words.encode("cp1252")) == words


def test_utf8_labelled_us_ascii_is_read_as_utf8() -> None:
    assert text_in("us-ascii", WORDS.encode()) == WORDS


def test_windows_1252_labelled_utf8_is_read_as_windows_1252() -> None:
    mail = parse(message("Content-Type: text/plain; charset=utf-8", "café olé".encode("cp1252")))

    assert mail.text == "café olé"
    assert any("read as Windows-1252" in defect for defect in mail.defects)


def test_an_unknown_label_is_read_as_utf8_then_windows_1252_and_recorded() -> None:
    for data in (WORDS.encode(), WORDS.encode("cp1252")):
        mail = parse(message("Content-Type: text/plain; charset=x-unknown", data))
        assert mail.text == WORDS
        assert "unknown charset 'x-unknown'" in mail.defects


def test_8bit_text_without_a_charset_is_read_as_utf8_or_windows_1252() -> None:
    assert parse(message("", WORDS.encode())).text == WORDS
    assert parse(message("", WORDS.encode("cp1252"))).text == WORDS


def test_text_in_no_charset_whose_letters_are_mostly_8bit_is_read_as_cyrillic() -> None:
    assert parse(message("", "Привет, как дела".encode("cp1251"))).text == "Привет, как дела"
    assert parse(message("", "Привет, как дела".encode("koi8-r"))).text == "Привет, как дела"


def test_a_utf8_text_with_one_broken_byte_keeps_the_rest() -> None:
    mail = parse(message("Content-Type: text/plain; charset=utf-8", "Grüße ".encode() + b"\xff"))

    assert mail.text == "Grüße \ufffd"


def test_bytes_to_bytes_codecs_are_not_charsets() -> None:
    # "base64" names a codec Python has, but not one for text: read as the fallbacks.
    assert text_in("base64", b"plain words") == "plain words"
    assert charsets.codecs_for("base64") is None
    assert charsets.codecs_for("punycode") is None  # quadratic on hostile input


def test_every_text_codec_python_knows_reads_its_own_text() -> None:
    sample = "Aa1 "
    for label in sorted({*aliases, *aliases.values()}):
        wanted = charsets.codecs_for(label)
        if not wanted:
            continue
        data = sample.encode(codecs.lookup(wanted[0]).name)
        assert charsets.decode(data, label).text == sample, label
