"""Messages built to hurt: too many parts, headers of a megabyte, nesting a thousand deep,
broken encodings. Each is read (or refused with Unparseable) without raising anything
else, and without taking minutes. (The HTML and filename attacks are in
test_parse_body.py and test_parse_parts.py.)"""

import pytest

from scotty.mail.inbound.parse import parse
from tests.mail.test_parse import message

MEGABYTE = 1024 * 1024


def test_a_message_of_5000_parts_keeps_the_first_ones_and_says_how_many_it_left_out() -> None:
    parts = b"".join(
        b"--b\nContent-Type: application/pdf\nContent-Disposition: attachment; "
        b'filename="f%d.pdf"\n\n%%PDF\n' % i
        for i in range(5000)
    )
    mail = parse(message("Content-Type: multipart/mixed; boundary=b", parts + b"--b--\n"))

    assert len(mail.parts) == 10
    assert mail.left_out[-1] == "4970 more files were left out."
    assert len(mail.left_out) == 21


@pytest.mark.parametrize(
    "name", ["Subject", "To", "References", "X-Junk", "Content-Type", "Content-Disposition"]
)
def test_a_header_of_a_megabyte_is_read_in_part(name: str) -> None:
    value = {
        "Subject": b"=?utf-8?Q?x?= " * (MEGABYTE // 14),
        "To": b"a@example.org, " * (MEGABYTE // 15),
        "References": b"<a@b> " * (MEGABYTE // 6),
        "Content-Type": b"text/plain; " + b"a=b; " * (MEGABYTE // 5),
        "Content-Disposition": b"inline; " + b"a=b; " * (MEGABYTE // 5),
    }.get(name, b"x" * MEGABYTE)
    raw = message("Subject: big").replace(
        b"\n\n", b"\n" + name.encode() + b": " + value + b"\n\n", 1
    )

    mail = parse(raw)

    assert mail.text == "Hello."
    assert len(mail.subject) <= 64_000
    assert len(mail.to) <= 500
    assert len(mail.references) <= 50


def nested(depth: int) -> bytes:
    opening = b"".join(
        b"Content-Type: multipart/mixed; boundary=b%d\n\n--b%d\n" % (i, i) for i in range(depth)
    )
    closing = b"".join(b"\n--b%d--" % i for i in reversed(range(depth)))
    return (
        message("Subject: deep", b"").rstrip(b"\n")
        + b"\n"
        + opening
        + b"Content-Type: text/plain\n\nthe words"
        + closing
    )


def test_multiparts_nested_100_deep_are_read_to_the_bottom() -> None:
    mail = parse(nested(100))

    assert mail.text == "the words"
    assert mail.left_out == ()


@pytest.mark.parametrize("depth", [2000, 12000])
def test_multiparts_nested_thousands_deep_are_read_as_text(depth: int) -> None:
    mail = parse(nested(depth))

    assert mail.subject == "deep"
    assert "the words" in mail.text
    assert mail.defects


def test_forwarded_messages_nested_thousands_deep_are_read() -> None:
    raw = (
        message("Subject: deep", b"")
        + b"Content-Type: message/rfc822\n\nFrom: x@example.org\n" * 3000
    )

    assert parse(raw).subject == "deep"


@pytest.mark.parametrize(
    "part",
    [
        b"Content-Transfer-Encoding: base64\n\n!!!not base64 at all===\n",
        b"Content-Transfer-Encoding: quoted-printable\n\n=ZZ=\n=\n",
        b"Content-Transfer-Encoding: x-uuencode\n\nbegin 644 f\n!!!\nend\n",
        b"Content-Transfer-Encoding: gzip\n\n\x1f\x8b\x08garbage\n",
        b'Content-Type: text/plain; charset="\x00\xff"\n\nwords\n',
        b"Content-Type: text/plain; charset=utf-16\n\n\xff\xfe\x00\xd8\n",
        b"Content-Type: multipart/mixed\n\nno boundary at all\n",
        b"Content-Type: multipart/mixed; boundary=\n\n--\n\n",
        b"Content-Type: message/rfc822\nContent-Transfer-Encoding: base64\n\nRnJvbTogeEB5Cgp4\n",
        b'Content-Type: application/ms-tnef\n\nx"\x9f>\x00\x00\x01\xff\xff\xff\xff\xff\xff',
        b"Content-Type: multipart/report; report-type=delivery-status; boundary=r\n\n--r\n"
        b"Content-Type: message/delivery-status\nContent-Transfer-Encoding: base64\n\n@@@\n--r--\n",
    ],
)
def test_broken_encodings_and_structures_are_read_as_well_as_they_can_be(part: bytes) -> None:
    raw = b"From: a@example.org\nSubject: broken\n" + part

    assert parse(raw).subject == "broken"


def test_a_huge_html_body_is_sanitised_and_read() -> None:
    html = b"<div><p>word <b>bold</b></p></div>" * 50_000 + b"<script>alert(1)</script>"

    mail = parse(message("Content-Type: text/html", html))

    assert mail.html.startswith("<div><p>word <b>bold</b></p></div>")
    assert "alert" not in mail.html
    assert mail.text.startswith("word bold")


@pytest.mark.parametrize("element", [b"<div>", b"<ul><li>", b"<blockquote>", b"<i><b><u>x</i>"])
def test_html_nested_thousands_deep_is_dropped_and_its_words_kept(element: bytes) -> None:
    # The sanitiser's parser would take minutes over this; its words are enough.
    mail = parse(message("Content-Type: text/html", element * 20_000 + b"the words"))

    assert mail.html == ""
    assert mail.text.endswith("the words")
    assert "the HTML is nested more than 500 deep; only its text is kept" in mail.defects
