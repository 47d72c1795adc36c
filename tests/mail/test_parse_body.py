"""The words of a message: the text part preferred, the HTML sanitised, and the quoted
history and signature split off (and kept)."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scotty.mail.inbound import quoting
from scotty.mail.inbound.parse import parse
from tests.mail.test_parse import message


def alternative(text: str, html: str) -> bytes:
    body = (
        f"--b\nContent-Type: text/plain; charset=utf-8\n\n{text}\n"
        f"--b\nContent-Type: text/html; charset=utf-8\n\n{html}\n--b--\n"
    )
    return message("Content-Type: multipart/alternative; boundary=b", body.encode())


def html_only(html: str) -> bytes:
    return message("Content-Type: text/html; charset=utf-8", html.encode())


def test_the_text_part_is_the_text_and_the_html_part_the_html() -> None:
    mail = parse(alternative("The printer is on fire.", "<p>The <b>printer</b> is on fire.</p>"))

    assert mail.text == "The printer is on fire."
    assert mail.html == "<p>The <b>printer</b> is on fire.</p>"


def test_an_html_only_message_gets_its_text_from_the_html() -> None:
    html = (
        "<html><head><title>T</title><style>p {color: red}</style></head><body>"
        "<p>Hello&nbsp;there,</p><ul><li>one</li><li>two</li></ul>"
        '<p>See <a href="https://example.org/kb">the article</a>.</p></body></html>'
    )

    mail = parse(html_only(html))

    assert mail.text == "Hello there,\n\n- one\n- two\n\nSee the article <https://example.org/kb>."


def test_several_inline_text_parts_are_joined() -> None:
    body = (
        b"--b\nContent-Type: text/plain\n\nFirst.\n--b\nContent-Type: text/plain\n\n"
        b"Second.\n--b--\n"
    )
    assert (
        parse(message("Content-Type: multipart/mixed; boundary=b", body)).text
        == "First.\n\nSecond."
    )


def test_text_enriched_alone_is_read_without_its_markup() -> None:
    raw = message("Content-Type: text/enriched", b"<bold>Now</bold> is <<the> time\n")

    assert parse(raw).text == "Now is <the> time"


# --- the HTML as the desk may show it --------------------------------------------------

HOSTILE = [
    ("<p>hi</p><script>alert(1)</script>", "alert"),
    ('<img src="cid:logo" onerror="alert(1)">', "onerror"),
    ('<a href="javascript:alert(1)">x</a>', "javascript"),
    ('<a href="JaVaScRiPt:alert(1)">x</a>', "alert"),
    ('<div style="width: expression(alert(1))">x</div>', "expression"),
    ('<p style="background: url(https://tracker.example/p.gif)">x</p>', "tracker"),
    ("<style>body { background: url(https://tracker.example/p.gif) }</style>", "tracker"),
    ("<svg><script>alert(1)</script></svg>", "alert"),
    ('<iframe src="https://evil.example"></iframe>', "iframe"),
    ('<form action="https://evil.example"><input name="password"></form>', "password"),
    ('<a href="data:text/html,<script>alert(1)</script>">x</a>', "data:"),
    ('<a href="/desk/tickets/1/delete">x</a>', "/desk"),  # a relative link into Scotty
    ("<!-- <script>alert(1)</script> -->", "alert"),
    ('<meta http-equiv="refresh" content="0;url=https://evil.example">', "refresh"),
    ('<base href="https://evil.example/">', "base"),
    ('<table background="https://tracker.example/p.gif"><tr><td>x</td></tr></table>', "tracker"),
]


@pytest.mark.parametrize(("html", "gone"), HOSTILE)
def test_the_html_loses_everything_that_runs_or_reaches_out(html: str, gone: str) -> None:
    mail = parse(html_only(html))

    assert gone.lower() not in mail.html.lower()


def test_links_open_safely() -> None:
    html = parse(html_only('<a href="https://example.org">site</a>')).html

    assert html == '<a href="https://example.org" rel="noopener noreferrer nofollow">site</a>'


def test_remote_images_are_blocked_and_counted_and_cid_images_kept() -> None:
    html = (
        '<img src="https://tracker.example/pixel.gif" alt="logo" width="1">'
        '<img src="http://cdn.example/x.png"><img src="//cdn.example/y.png">'
        '<img src="cid:part1.abc@example.org" alt="chart">'
    )

    mail = parse(html_only(html))

    assert "example/" not in mail.html
    assert mail.html.count("<img") == 4  # the images stay, with their alt text
    assert 'alt="logo"' in mail.html
    assert mail.html.count("src=") == 1
    assert 'src="cid:part1.abc@example.org"' in mail.html
    assert mail.remote_images == 2  # the protocol-relative one is dropped as relative


def test_remote_images_are_kept_when_asked_for() -> None:
    mail = parse(html_only('<img src="https://cdn.example/x.png">'), remote_images=True)

    assert mail.html == '<img src="https://cdn.example/x.png">'
    assert mail.remote_images == 0


def test_small_inline_data_images_are_kept_and_other_data_urls_dropped() -> None:
    png = "data:image/png;base64,iVBORw0KGgo="
    html = f'<img src="{png}"><img src="data:image/svg+xml,<svg/>">'

    assert parse(html_only(html)).html == f'<img src="{png}"><img>'


# --- what the message says, and the history below it ----------------------------------


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("Thanks!\n\n-- \nAnn Example\nIT", "Thanks!"),
        ("Thanks!\n--\nAnn", "Thanks!"),
        ("Yes.\n\nOn Mon, 1 Jan 2024 at 10:00, Bob <bob@example.org> wrote:\n> Is it on?", "Yes."),
        (
            "Yes.\n\nOn Mon, Jan 1, 2024 at 10:00 AM Bob Builder <\n"
            "bob@example.org> wrote:\n\n> Is it?",
            "Yes.",
        ),
        ("Ja.\n\nAm 01.01.2024 um 10:00 schrieb Bob <bob@example.org>:\n> Geht es?", "Ja."),
        (
            "Oui.\n\nLe lun. 1 janv. 2024 à 10:00, Bob <bob@example.org> a écrit :\n> Ça marche ?",
            "Oui.",
        ),
        ("Done.\n\n-----Original Message-----\nFrom: Bob\nSent: Monday\nSubject: Printer", "Done."),
        (
            "Done.\n\n________________________________\nFrom: Bob <bob@example.org>\n"
            "Sent: Monday, 1 January 2024 10:00\nTo: IT\nSubject: Printer\n\nIs it on?",
            "Done.",
        ),
        (
            "Erledigt.\n\nVon: Bob <bob@example.org>\nGesendet: Montag, 1. Januar 2024\nAn: IT\n"
            "Betreff: Drucker",
            "Erledigt.",
        ),
        ("Yes.\n\nBob wrote:\n> Is it on?\n>\n> Bob\n\n", "Yes."),
    ],
)
def test_the_quoted_history_and_the_signature_are_split_off(body: str, text: str) -> None:
    mail = parse(message("", body.encode()))

    assert mail.text == text
    assert mail.quoted == body[body.index(text) + len(text) :].strip("\n")


def test_gmail_quoting_in_html_is_split_off_too() -> None:
    html = (
        '<div dir="ltr">Fixed, thanks.</div><br><div class="gmail_quote">'
        '<div class="gmail_attr">On Mon, Jan 1, 2024 at 10:00 AM Bob &lt;bob@example.org&gt; '
        'wrote:<br></div><blockquote class="gmail_quote">Is it on?</blockquote></div>'
    )

    mail = parse(html_only(html))

    assert mail.text == "Fixed, thanks."
    assert (
        mail.quoted == "On Mon, Jan 1, 2024 at 10:00 AM Bob <bob@example.org> wrote:\n> Is it on?"
    )


def test_an_interleaved_reply_stays_whole() -> None:
    body = "> Is it on?\nYes.\n> And the toner?\nEmpty."

    mail = parse(message("", body.encode()))
    assert (mail.text, mail.quoted) == (body, "")


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        (
            "Fwd: Printer",
            "See below.\n\n-- \nAnn\n\n-----Original Message-----\nFrom: Bob\nSent: x\n"
            "To: y\n\nThe printer is on fire.",
        ),
        (
            "Printer",
            "See below.\n\n---------- Forwarded message ---------\nFrom: Bob\nDate: x\n"
            "Subject: Printer\nTo: Ann\n\nThe printer is on fire.",
        ),
    ],
)
def test_a_forwarded_message_stays_in_the_text(subject: str, body: str) -> None:
    mail = parse(message(f"Subject: {subject}", body.encode()))

    assert mail.text == body
    assert mail.quoted == ""


def test_a_message_that_is_all_quote_keeps_it_as_its_text() -> None:
    body = "-----Original Message-----\nFrom: Bob\nSent: x\nSubject: y\n\nThe printer is on fire."

    assert parse(message("", body.encode())).text == body


def words_of(text: str) -> str:
    return re.sub(r"\s+", "", text)


@given(
    st.lists(
        st.sampled_from(
            [
                "Hi,",
                "> quoted",
                "",
                "-- ",
                "On Mon, Bob wrote:",
                "From: x",
                "Sent: y",
                "Subject: z",
                "thanks",
                ">",
                "__________________________",
            ]
        ),
        max_size=30,
    )
)
def test_the_text_and_the_quoted_part_together_hold_every_line(lines: list[str]) -> None:
    body = "\n".join(lines)

    split = quoting.split(body)

    assert words_of(split.text + split.quoted) == words_of(body)
    assert body.strip() == "" or split.text.strip() != ""
