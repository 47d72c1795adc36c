"""The e-mail as sent, in a real browser: an agent opens a ticket that came by e-mail,
shows the mail's HTML in its sandboxed frame, and only when they ask do its remote
images load; a loopback HTTP server stands in for the sender's tracking server."""

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from playwright.sync_api import Response, expect

from scotty.core.testing import Org
from scotty.mail.models import MailAddress
from tests.desk.test_mail_original import IT_HELP, PNG, deliver, html_mail

GIF = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00"
    b"\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)


class Tracker:
    """An HTTP server on loopback that records every request it gets."""

    def __init__(self) -> None:
        self.paths: list[str] = []
        seen = self.paths

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                seen.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "image/gif")
                self.send_header("Content-Length", str(len(GIF)))
                self.end_headers()
                self.wfile.write(GIF)

            def log_message(self, format: str, *args: Any) -> None:
                pass  # quiet

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def wait_for(self, count: int, timeout: float = 10.0) -> list[str]:
        deadline = time.monotonic() + timeout
        while len(self.paths) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return list(self.paths)


@pytest.fixture
def tracker() -> Iterator[Tracker]:
    server = Tracker()
    server.thread.start()
    try:
        yield server
    finally:
        server.server.shutdown()
        server.server.server_close()


@pytest.mark.django_db(transaction=True)
def test_the_agent_sees_the_mail_as_sent_and_remote_images_only_when_asked(  # type: ignore[no-untyped-def]
    org: Org, new_page, tracker: Tracker
) -> None:
    MailAddress.objects.create(address=IT_HELP, unit=org.it)
    row = deliver(html_mail(org.requester.email, tracker=f"{tracker.url}/pixel.gif?mail=1"))
    assert row.ticket is not None
    alex = new_page(org.agent)
    images: list[Response] = []
    alex.on("response", lambda r: images.append(r) if "/images/" in r.url else None)
    alex.goto(f"/desk/tickets/{row.ticket.reference}/")
    expect(alex.get_by_role("heading", level=1)).to_contain_text("Printer jams")
    assert alex.locator("iframe").count() == 0  # nothing framed until asked

    alex.get_by_role("link", name="Show the e-mail as sent").first.click()
    frame_element = alex.locator("iframe.mail-frame")
    expect(frame_element).to_have_attribute(
        "sandbox", "allow-popups allow-popups-to-escape-sandbox"
    )
    frame = alex.frame_locator("iframe.mail-frame")
    # The mail's formatting, as its sender wrote it.
    expect(frame.locator("h1")).to_have_text("Printer jams again")
    expect(frame.locator("em")).to_have_text("page two")
    expect(frame.get_by_role("link", name="printer list")).to_have_attribute(
        "href", "https://intranet.example.org/printers"
    )
    # The inline logo came from Scotty, as an image, in the agent's session.
    expect(frame.get_by_role("img", name="our logo")).to_be_visible()
    deadline = time.monotonic() + 10
    while not images and time.monotonic() < deadline:
        alex.wait_for_timeout(50)
    assert images and images[0].status == 200
    assert images[0].headers["content-type"] == "image/png" and images[0].body() == PNG
    expect(alex.get_by_text("1 remote image was blocked.")).to_be_visible()
    alex.wait_for_load_state("networkidle")
    assert tracker.paths == []  # the sender has not learnt the mail was read

    alex.get_by_role("link", name="Show remote images").click()
    expect(alex.get_by_text("Remote images are shown")).to_be_visible()
    assert tracker.wait_for(1) == ["/pixel.gif?mail=1"]
    expect(alex.get_by_role("link", name="Block remote images")).to_be_visible()
    # Still the mail's words, and no script of it ran (new_page fails on any dialog).
    expect(alex.frame_locator("iframe.mail-frame").locator("h1")).to_have_text("Printer jams again")

    alex.get_by_role("link", name="Hide the e-mail as sent").click()
    expect(alex.locator("iframe.mail-frame")).to_have_count(0)
    expect(alex.get_by_role("link", name="Show the e-mail as sent").first).to_be_visible()
