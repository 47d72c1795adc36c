"""Fuzzing parse: generated messages (random headers, MIME trees, encodings, charsets,
line endings) and corpus messages mutated (bytes flipped, cut, repeated, inserted)
never raise anything but Unparseable, and what comes back is always safe to store and
show."""

import re
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scotty.mail.inbound.parse import NOT_READ_WHOLE, Unparseable, parse
from scotty.mail.inbound.parsed import ParsedMail

CORPUS = Path("/work/shared/mail-corpus/messages")
FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

HEADER_NAMES = [
    "From",
    "To",
    "Cc",
    "Reply-To",
    "Sender",
    "Return-Path",
    "Subject",
    "Message-ID",
    "In-Reply-To",
    "References",
    "Auto-Submitted",
    "Precedence",
    "List-Id",
    "X-Autoreply",
    "X-Auto-Response-Suppress",
    "X-Failed-Recipients",
    "Content-Type",
    "Content-Disposition",
    "Content-Transfer-Encoding",
    "Content-ID",
]
CONTENT_TYPES = [
    "text/plain",
    "text/html",
    "text/enriched",
    "image/png",
    "application/pdf",
    "application/ms-tnef",
    "message/rfc822",
    "message/delivery-status",
    "text/rfc822-headers",
    "multipart/mixed",
    "multipart/alternative",
    "multipart/report; report-type=delivery-status",
    "application/pgp-signature",
    "x/y",
    "",
]
CHARSETS = [
    "utf-8",
    "us-ascii",
    "iso-8859-1",
    "x-unknown",
    "utf-7",
    "utf-16",
    "iso-2022-jp",
    "gb2312",
    "base64",
    "punycode",
    '"',
    "\x00",
    "",
]
ENCODINGS = ["7bit", "8bit", "base64", "quoted-printable", "x-uuencode", "binary", "bogus", ""]
PIECES = [
    "=?utf-8?B?w7w=?=",
    "=?x?Q?a=ZZ?=",
    "<a@b>",
    "a@b.c",
    '"q, u" <x@y>',
    ";",
    "=?",
    "?=",
    "\t",
    " ",
    ",",
    ":",
    "<",
    ">",
    "(c)",
    "boundary=b",
    "charset=utf-8",
    "name*0*=utf-8''%C3",
    "filename=../../x",
    "auto-replied",
    "bulk",
    "rfc822; x@y",
    "Action: failed",
    "Status: 5.1.1",
    "<script>",
    "<img src=http://x>",
    "-- ",
    "> q",
    "On x wrote:",
]

text = st.text(alphabet=st.characters(codec="utf-8"), max_size=40)
value = st.lists(st.one_of(st.sampled_from(PIECES), text), max_size=8).map("".join)
header = st.tuples(st.sampled_from(HEADER_NAMES), value).map(lambda h: f"{h[0]}: {h[1]}")


@st.composite
def mime_part(draw: st.DrawFn, depth: int = 0) -> str:
    kind = draw(st.sampled_from(CONTENT_TYPES))
    charset = draw(st.sampled_from(CHARSETS))
    encoding = draw(st.sampled_from(ENCODINGS))
    lines = [
        f"Content-Type: {kind}; charset={charset}; boundary=b{depth}",
        f"Content-Transfer-Encoding: {encoding}",
        *draw(st.lists(header, max_size=3)),
        "",
    ]
    if kind.startswith("multipart/") and depth < 4:
        for child in draw(st.lists(mime_part(depth + 1), max_size=3)):
            lines += [f"--b{depth}", child]
        lines.append(draw(st.sampled_from([f"--b{depth}--", "", f"--b{depth}"])))
    else:
        lines.append(
            draw(st.lists(st.one_of(value, st.sampled_from(PIECES)), max_size=6).map("\n".join))
        )
    return "\n".join(lines)


@st.composite
def generated(draw: st.DrawFn) -> bytes:
    lines = [*draw(st.lists(header, max_size=10)), draw(mime_part())]
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    data = newline.join(lines).encode(draw(st.sampled_from(["utf-8", "latin-1"])), "replace")
    return draw(st.sampled_from([b"", b"From x@y Mon Jan 1\n", b"\xef\xbb\xbf", b"\n\n"])) + data


@cache
def corpus() -> list[bytes]:
    files = sorted(p for p in CORPUS.rglob("*") if p.is_file()) if CORPUS.exists() else []
    return [p.read_bytes() for p in files if p.stat().st_size < 100_000] or [b"From: a@b\n\nx\n"]


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(corpus())))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, max(0, len(data) - 1)))
        how = draw(st.sampled_from(["flip", "cut", "repeat", "insert", "delete"]))
        if how == "flip" and data:
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif how == "cut":
            del data[at:]
        elif how == "repeat":
            data[at:at] = data[at : at + draw(st.integers(1, 2000))] * draw(st.integers(1, 20))
        elif how == "insert":
            data[at:at] = draw(
                st.binary(max_size=40) | st.sampled_from([p.encode() for p in PIECES])
            )
        else:
            del data[at : at + draw(st.integers(1, 500))]
    return bytes(data)


_EVENT_HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE)
_UNSAFE = re.compile(r"<\s*(script|style|iframe|object|embed|form)|javascript:", re.IGNORECASE)
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


def assert_safe(mail: ParsedMail) -> None:
    words = [
        mail.subject,
        mail.text,
        mail.quoted,
        mail.html,
        mail.sender.name,
        mail.sender.address,
        *(a.name + a.address for a in (*mail.to, *mail.cc, *mail.reply_to)),
        *(p.filename for p in mail.parts),
    ]
    assert not any(_UNPRINTABLE.search(w) for w in words)
    assert not _UNSAFE.search(mail.html) and not _EVENT_HANDLER.search(mail.html)
    assert all(p.filename and not re.search(r"[/\\]", p.filename) for p in mail.parts)
    assert len(mail.references) <= 50


def parse_or_refuse(raw: bytes) -> None:
    try:
        mail = parse(raw)
    except Unparseable as refused:
        assert NOT_READ_WHOLE not in str(refused)  # a bug, not a refusal
        return
    assert not any(NOT_READ_WHOLE in defect for defect in mail.defects)  # a bug's last resort
    assert_safe(mail)


@FUZZ
@given(generated())
def test_generated_messages_parse_or_are_unparseable(raw: bytes) -> None:
    parse_or_refuse(raw)


@FUZZ
@given(mutated())
def test_mutated_corpus_messages_parse_or_are_unparseable(raw: bytes) -> None:
    parse_or_refuse(raw)


@FUZZ
@given(st.binary(max_size=2000))
def test_any_bytes_parse_or_are_unparseable(raw: bytes) -> None:
    parse_or_refuse(raw)
