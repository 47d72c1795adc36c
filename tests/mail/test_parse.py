"""parse(raw): headers, addresses, Message-IDs, and what counts as no message at all."""

import pytest

from scotty.mail.inbound.parse import Unparseable, parse
from scotty.mail.inbound.parsed import Address


def message(
    headers: str = "", body: bytes = b"Hello.\n", *, sender: str = "Ann <ann@example.org>"
) -> bytes:
    """A small message: From, the given header lines, a blank line, the body."""
    lines = [f"From: {sender}", *[line for line in headers.strip("\n").split("\n") if line]]
    return ("\n".join(lines) + "\n\n").encode("utf-8", "surrogateescape") + body


def test_a_plain_message_is_read_whole() -> None:
    mail = parse(message("To: Desk <IT-Help@Example.org>\nSubject: Printer\nMessage-ID: <a1@x>"))

    assert mail.subject == "Printer"
    assert mail.sender == Address("Ann", "ann@example.org")
    assert mail.to == (Address("Desk", "it-help@example.org"),)
    assert mail.message_id == "a1@x"
    assert mail.text == "Hello."
    assert mail.quoted == ""
    assert mail.defects == ()


@pytest.mark.parametrize(
    "raw", [b"", b"   \n\r\n", b"\x00\x01\x02\xff" * 50, b"Just words, no header.\n"]
)
def test_bytes_with_no_header_are_unparseable(raw: bytes) -> None:
    with pytest.raises(Unparseable):
        parse(raw)


def test_an_mbox_from_line_and_leading_blank_lines_are_skipped() -> None:
    raw = b"\n\nFrom ann@example.org Mon Jan  1 10:00:00 2024\n" + message("Subject: Mbox")

    assert parse(raw).subject == "Mbox"


def test_a_byte_order_mark_before_the_headers_is_skipped() -> None:
    assert parse(b"\xef\xbb\xbf" + message("Subject: BOM")).subject == "BOM"


@pytest.mark.parametrize("newline", [b"\n", b"\r\n", b"\r"])
def test_every_line_ending_reads_the_same(newline: bytes) -> None:
    raw = message(
        "Subject: Ends\nContent-Type: text/plain; charset=utf-8\n"
        "Content-Transfer-Encoding: quoted-printable",
        b"Gr=C3=BC=\nsse\nline two\n",
    )
    mail = parse(raw.replace(b"\n", newline))

    assert mail.subject == "Ends"
    assert mail.text == "Grüsse\nline two"


def test_missing_headers_give_empty_values() -> None:
    mail = parse(b"X-Only: this\n\nbody\n")

    assert (mail.subject, mail.message_id, mail.sender) == ("", "", Address("", ""))
    assert mail.to == mail.cc == mail.reply_to == ()
    assert mail.text == "body"


def test_subjects_are_rfc2047_decoded_and_whitespace_folded() -> None:
    raw = message("Subject: =?utf-8?B?R3LDvMOfZQ==?=\n =?iso-8859-1?q?_aus_K=F6ln?=   and\n\tmore")

    assert parse(raw).subject == "Grüße aus Köln and more"


def test_a_multibyte_character_split_across_two_encoded_words_comes_out_whole() -> None:
    # "ü" is C3 BC in UTF-8; this sender put C3 in one word and BC in the next.
    assert parse(message("Subject: =?utf-8?Q?Gr=C3?= =?utf-8?Q?=BC=C3=9Fe?=")).subject == "Grüße"


@pytest.mark.parametrize(
    ("header", "subject"),
    [
        ("=?utf-8?B?R3LDvMOfZQ?=", "Grüße"),  # base64 without its padding
        ("=?utf-8?Q?Hello World?=", "Hello World"),  # a space inside the word
        ("=?UTF-8?q?caf=C3=A9?=", "café"),  # lower-case encoding letter
        ("=?x-unknown?Q?caf=E9?=", "café"),  # an unknown charset
        ("=?utf-8*en?Q?hi?=", "hi"),  # an RFC 2231 language tag
        ("=?utf-8?Q?broken", "=?utf-8?Q?broken"),  # never closed: kept as it is
        ("before=?utf-8?Q?_mid?=after", "before midafter"),  # not separated by spaces
    ],
)
def test_broken_encoded_words_are_read_as_well_as_they_can_be(header: str, subject: str) -> None:
    assert parse(message(f"Subject: {header}")).subject == subject


def test_raw_utf8_in_headers_is_read_as_utf8() -> None:
    raw = message("Subject: Grüße", sender="Jörg <j@example.org>")

    mail = parse(raw)
    assert (mail.subject, mail.sender.name) == ("Grüße", "Jörg")


def test_raw_8bit_headers_that_are_not_utf8_are_read_in_the_bodys_charset() -> None:
    raw = (
        b"From: a@example.org\nSubject: " + "θέμα".encode("cp1253") + b"\n"
        b"Content-Type: text/plain; charset=windows-1253\n\n" + "γεια".encode("cp1253")
    )

    mail = parse(raw)
    assert mail.subject == "θέμα"
    assert mail.text == "γεια"


def test_addresses_are_normalised_and_their_names_decoded() -> None:
    raw = message(
        'To: "Doe, John" <John.Doe@Example.ORG>, =?utf-8?Q?J=C3=B6rg?= <JOERG@example.org>\n'
        "Cc: undisclosed-recipients:;\nCc: second@example.org\n"
        "Reply-To: Help <help@example.org>"
    )
    mail = parse(raw)

    assert mail.to == (
        Address("Doe, John", "john.doe@example.org"),
        Address("Jörg", "joerg@example.org"),
    )
    assert mail.cc == (Address("", "second@example.org"),)
    assert mail.reply_to == (Address("Help", "help@example.org"),)


@pytest.mark.parametrize(
    ("headers", "sender"),
    [
        ("From: Only A Name\nSender: Real <real@example.org>", Address("Real", "real@example.org")),
        ("From: <>\nReturn-Path: <bounce@example.org>", Address("", "bounce@example.org")),
        ("From: Only A Name", Address("Only A Name", "")),
    ],
)
def test_an_unreadable_from_falls_back_to_sender_then_return_path(
    headers: str, sender: Address
) -> None:
    assert parse(headers.encode() + b"\nSubject: x\n\nbody\n").sender == sender


def test_message_ids_lose_their_angle_brackets() -> None:
    raw = message(
        "Message-ID: <new@x>\nIn-Reply-To: <parent@x> (Ann's message of Monday)\n"
        "References: <root@x>\n <parent@x>  <parent@x>"
    )
    mail = parse(raw)

    assert mail.message_id == "new@x"
    assert mail.in_reply_to == ("parent@x",)
    assert mail.references == ("root@x", "parent@x")


def test_a_message_id_without_angle_brackets_is_read_too() -> None:
    assert parse(message("Message-ID: bare@example.org")).message_id == "bare@example.org"


def test_of_many_references_the_root_and_the_latest_49_are_kept() -> None:
    references = " ".join(f"<r{i}@x>" for i in range(200))

    kept = parse(message(f"References: {references}")).references

    assert len(kept) == 50
    assert kept[0] == "r0@x"
    assert kept[1:] == tuple(f"r{i}@x" for i in range(151, 200))


def test_control_characters_never_reach_the_text() -> None:
    raw = message("Subject: a\x00b\x07c", b"te\x00xt\x1b\n")
    mail = parse(raw)

    assert (mail.subject, mail.text) == ("abc", "text")


def test_an_error_while_reading_the_parts_still_gives_the_headers_and_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = []

    def broken_once(*args: object) -> None:
        calls.append(args)
        if len(calls) == 1:
            raise ValueError("a bug")

    monkeypatch.setattr("scotty.mail.inbound.parse.bounce_of", broken_once)

    mail = parse(message("Subject: Printer"))

    assert (mail.subject, mail.text) == ("Printer", "Hello.")
    assert mail.defects[-1] == "the message could not be read whole (ValueError: a bug)"


def test_an_error_in_the_last_resort_too_is_unparseable(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> None:
        raise ValueError("a bug")

    monkeypatch.setattr("scotty.mail.inbound.parse.bounce_of", broken)

    with pytest.raises(Unparseable, match="could not be read whole"):
        parse(message("Subject: Printer"))
