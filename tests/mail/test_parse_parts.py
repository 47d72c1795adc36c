"""Attachments and inline images: decoded, safely named, unpacked from winmail.dat,
forwarded mail kept whole, and the limits applied with what they left out in words."""

import base64
import struct

import pytest
from django.test import override_settings

from scotty.mail.inbound.parse import parse
from scotty.mail.inbound.parsed import Part
from tests.mail.test_parse import message


def mixed(*parts: str, text: str = "See attached.") -> bytes:
    body = f"--b\nContent-Type: text/plain\n\n{text}\n" + "".join(f"--b\n{p}\n" for p in parts)
    return message("Content-Type: multipart/mixed; boundary=b", (body + "--b--\n").encode())


def attachment(
    filename_params: str, data: bytes = b"%PDF-1.4 hello", kind: str = "application/pdf"
) -> str:
    encoded = base64.b64encode(data).decode()
    return (
        f"Content-Type: {kind}\nContent-Disposition: attachment; {filename_params}\n"
        f"Content-Transfer-Encoding: base64\n\n{encoded}"
    )


def test_an_attachment_is_decoded_with_its_name_and_type() -> None:
    mail = parse(mixed(attachment('filename="report.pdf"')))

    assert mail.parts == (Part("report.pdf", "application/pdf", b"%PDF-1.4 hello"),)
    assert mail.text == "See attached."


@pytest.mark.parametrize(
    ("params", "name"),
    [
        ("filename*=utf-8''Gr%C3%BC%C3%9Fe.pdf", "Grüße.pdf"),  # RFC 2231
        ("filename*0*=utf-8''Sehr%20lange%20;\n filename*1*=Datei.pdf", "Sehr lange Datei.pdf"),
        ('filename="=?utf-8?B?R3LDvMOfZS5wZGY=?="', "Grüße.pdf"),  # RFC 2047, against the rules
        ('filename="../../etc/passwd"', "passwd"),
        ('filename="..\\\\..\\\\windows\\\\win.ini"', "win.ini"),
        ('filename="/etc/shadow"', "shadow"),
        ('filename="a<b>c|d?.pdf"', "a_b_c_d_.pdf"),
        ('filename=".."', "file"),
    ],
)
def test_filenames_are_decoded_and_made_safe(params: str, name: str) -> None:
    assert parse(mixed(attachment(params))).parts[0].filename == name


def test_a_file_without_a_name_is_named_after_its_type() -> None:
    part = "Content-Type: image/png\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo="

    assert parse(mixed(part)).parts[0].filename == "image.png"


def test_an_inline_image_keeps_its_content_id_for_the_html() -> None:
    body = (
        '--r\nContent-Type: text/html\n\n<p><img src="cid:logo@x"></p>\n'
        "--r\nContent-Type: image/png\nContent-ID: <logo@x>\nContent-Disposition: inline\n"
        "Content-Transfer-Encoding: base64\n\niVBORw0KGgo=\n--r--\n"
    )
    mail = parse(message("Content-Type: multipart/related; boundary=r", body.encode()))

    (image,) = mail.parts
    assert (image.content_id, image.inline, image.content_type) == ("logo@x", True, "image/png")
    assert image.data == b"\x89PNG\r\n\x1a\n"
    assert 'src="cid:logo@x"' in mail.html


def test_a_forwarded_message_is_kept_whole_as_an_eml_file() -> None:
    inner = (
        "From: Bob <bob@example.org>\nSubject: The printer\nMessage-ID: <inner@x>\n\nIt is on fire."
    )
    mail = parse(mixed(f"Content-Type: message/rfc822\n\n{inner}"))

    (eml,) = mail.parts
    assert (eml.filename, eml.content_type) == ("The printer.eml", "message/rfc822")
    assert parse(eml.data).text == "It is on fire."
    assert mail.text == "See attached."


def test_signatures_are_not_files() -> None:
    body = (
        "--s\nContent-Type: text/plain\n\nSigned words.\n--s\n"
        "Content-Type: application/pgp-signature; name=signature.asc\n\n"
        "-----BEGIN PGP SIGNATURE-----\nxyz\n-----END PGP SIGNATURE-----\n--s--\n"
    )
    raw = message(
        'Content-Type: multipart/signed; boundary=s; protocol="application/pgp-signature"',
        body.encode(),
    )

    mail = parse(raw)
    assert (mail.text, mail.parts) == ("Signed words.", ())


# --- winmail.dat ------------------------------------------------------------------------


def tnef_object(level: int, name: int, kind: int, data: bytes) -> bytes:
    checksum = sum(data) & 0xFFFF
    return struct.pack("<BHHI", level, name, kind, len(data)) + data + struct.pack("<H", checksum)


def winmail(*files: tuple[str, bytes], body: bytes = b"") -> bytes:
    """A TNEF file as Outlook writes one: a signature, then objects, each attachment
    opened by its rendering data, then its title and its data."""
    tnef = struct.pack("<IH", 0x223E9F78, 1)
    if body:
        tnef += tnef_object(1, 0x800C, 0x2, body)  # ATTBODY
    for name, data in files:
        tnef += tnef_object(2, 0x9002, 0x6, b"\x00" * 14)  # ATTATTACHRENDDATA
        tnef += tnef_object(2, 0x8010, 0x1, name.encode() + b"\x00")  # ATTATTACHTITLE
        tnef += tnef_object(2, 0x800F, 0x6, data)  # ATTATTACHDATA
    return tnef


def tnef_part(data: bytes) -> str:
    return attachment('filename="winmail.dat"', data, kind="application/ms-tnef")


def test_a_winmail_dat_is_unpacked_into_its_files() -> None:
    data = winmail(("notes.txt", b"the notes"), ("photo.jpg", b"\xff\xd8\xff..."))

    mail = parse(mixed(tnef_part(data)))

    assert [(p.filename, p.content_type, p.data) for p in mail.parts] == [
        ("notes.txt", "text/plain", b"the notes"),
        ("photo.jpg", "image/jpeg", b"\xff\xd8\xff..."),
    ]


def test_a_winmail_dat_body_is_the_text_when_there_is_no_other() -> None:
    body = "--b\n" + tnef_part(winmail(("a.txt", b"a"), body=b"Outlook's words")) + "\n--b--\n"
    raw = message("Content-Type: multipart/mixed; boundary=b", body.encode())

    assert parse(raw).text == "Outlook's words"


def test_a_winmail_dat_that_cannot_be_read_is_kept_as_it_came() -> None:
    mail = parse(mixed(tnef_part(b"not TNEF at all")))

    assert [(p.filename, p.data) for p in mail.parts] == [("winmail.dat", b"not TNEF at all")]
    assert "a winmail.dat (TNEF) file could not be unpacked" in mail.defects


# --- limits ----------------------------------------------------------------------------


@override_settings(SCOTTY_MAX_ATTACHMENT_BYTES=1024 * 1024)
def test_a_file_over_the_size_limit_is_left_out_and_said() -> None:
    big = attachment('filename="report.pdf"', b"%PDF" + b"x" * (2 * 1024 * 1024))

    mail = parse(mixed(big, attachment('filename="small.pdf"')))

    assert [p.filename for p in mail.parts] == ["small.pdf"]
    assert mail.left_out == ("report.pdf (2.0 MB) was larger than 1.0 MB and was left out.",)


@override_settings(SCOTTY_MAX_ATTACHMENTS_PER_MESSAGE=2)
def test_files_beyond_the_count_are_left_out_and_said() -> None:
    files = [attachment(f'filename="f{i}.pdf"') for i in range(4)]

    mail = parse(mixed(*files))

    assert [p.filename for p in mail.parts] == ["f0.pdf", "f1.pdf"]
    assert mail.left_out == (
        "f2.pdf (0 KB) was left out: a message may carry 2 files.",
        "f3.pdf (0 KB) was left out: a message may carry 2 files.",
    )
