"""Every page of the desk, the portal and sign-in, each with the person who sees it and
the data that fills it: what the accessibility and phone-width tests walk through.

`SCREENS` names a page by its URL name; a page with a second look worth checking (a
refused form, with its errors beside the fields) adds a state after a space. Each
screen builds its own data (a test's database starts empty) and says where to go.
`NOT_PAGES` lists every other URL name with why it is no page to check; a test fails
when a URL is added to neither.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Browser, BrowserContext, Page

from scotty.accounts.services import add_absence
from scotty.catalog import offering
from scotty.catalog.models import BusinessCalendar, RequestType, Service
from scotty.catalog.services import add_closing_day
from scotty.core.testing import Org, file_ticket, upload
from scotty.notifications.models import NoticeKind
from scotty.notifications.services import mark_read, notify
from scotty.tickets.models import Channel, Ticket
from scotty.tickets.services import (
    add_reply,
    add_watcher,
    assign,
    create_canned_reply,
    set_next_step,
    set_tags,
    transition,
)
from scotty.tickets.states import Status
from tests.catalog_forms import laptop_form
from tests.desk.test_catalog_settings import (
    desktop_group,
    file_with_form,
    laptop_questions,
    laptop_request,
)
from tests.sla import give_terms

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
WIDTHS = {"desktop": DESKTOP, "phone": PHONE}
# A browser test that must pass on a phone too: `new_page` opens its pages at each width.
both_widths = pytest.mark.parametrize("viewport", list(WIDTHS.values()), ids=list(WIDTHS))


@dataclass(frozen=True)
class Screen:
    who: str | None  # the Org attribute of the person who looks; None: signed out
    path: str
    then: Callable[[Page], None] | None = None  # brings the page into its state


def _worked_ticket(org: Org) -> Ticket:
    """Rita's printer ticket as an agent finds it after a day's work: assigned, a reply,
    an internal note, files, tags, a next step and a watcher; its unit has an SLA."""
    give_terms(org)
    ticket = file_ticket(org.requester, org.it, files=[upload("printer.png")])
    assign(ticket, actor=org.agent, assignee=org.agent, expected_version=ticket.version)
    add_reply(ticket, author=org.agent, body="Which model is it? The label is at the back.",
              channel="desk")  # fmt: skip
    add_reply(ticket, author=org.requester, body="It is an HP LaserJet M404.")
    add_reply(ticket, author=org.agent, body="Fuser worn; vendor case 4411.", internal=True,
              files=[upload("vendor-case.txt", b"case 4411")])  # fmt: skip
    ticket.refresh_from_db()
    set_tags(ticket, actor=org.agent, names=["printer", "floor-3"],
             expected_version=ticket.version)  # fmt: skip
    set_next_step(ticket, actor=org.agent, text="Order the fuser", owner="desk", shared=True,
                  expected_version=ticket.version)  # fmt: skip
    add_watcher(ticket, actor=org.agent, watcher=org.colleague)
    ticket.refresh_from_db()
    return ticket


def _queue_rows(org: Org) -> None:
    """A queue's worth of variety: mine with a next step, unassigned, waiting, urgent;
    under IT's SLA, so rows show time left."""
    give_terms(org)
    mine = _worked_ticket(org)
    file_ticket(org.colleague, org.it, "VPN drops every hour", actor=org.agent,
                channel=Channel.PHONE, impact="high", urgency="high")  # fmt: skip
    waiting = file_ticket(org.other_requester, org.it, "New laptop for the intern")
    assign(waiting, actor=org.agent, assignee=org.agent, expected_version=waiting.version)
    transition(waiting, actor=org.agent, to=Status.WAITING_ON_THIRD_PARTY,
               expected_version=waiting.version)  # fmt: skip
    assert mine.pk


def _resolved_for_rita(org: Org) -> Ticket:
    ticket = _worked_ticket(org)
    transition(ticket, actor=org.agent, to=Status.RESOLVED, expected_version=ticket.version,
               resolution="Replaced the fuser; printed ten pages without a jam.")  # fmt: skip
    ticket.refresh_from_db()
    return ticket


def _quarantined(org: Org) -> int:
    """A message from a stranger, stored and quarantined as the ingester would."""
    from scotty.mail.models import InboundMessage

    row = InboundMessage.objects.create(
        raw=b"From: stranger@elsewhere.example\r\nSubject: Hello\r\n\r\n<b>Hi</b>\r\n",
        size=60, sha256="0" * 64, dedupe_key="sha:" + "0" * 64, source="pipe",
        state="quarantined", outcome="unknown_sender", sender="stranger@elsewhere.example",
        subject="Hello", reason="stranger@elsewhere.example is not known here.",
    )  # fmt: skip
    return row.pk


def _mailed_ticket(org: Org) -> tuple[Ticket, int]:
    """A ticket Rita opened by e-mail: an HTML mail with an inline logo and a remote
    image (blocked) beside the words."""
    from scotty.mail.models import MailAddress
    from tests.desk.test_mail_original import IT_HELP, deliver, html_mail

    MailAddress.objects.get_or_create(address=IT_HELP, unit=org.it)
    row = deliver(html_mail(org.requester.email))
    assert row.ticket is not None
    return row.ticket, row.pk


def _mail_original(org: Org) -> str:
    ticket, inbound_id = _mailed_ticket(org)
    return reverse("desk:mail_original", args=[ticket.reference, inbound_id])


def _mailed_ticket_page(org: Org) -> str:
    return reverse("desk:ticket", args=[_mailed_ticket(org)[0].reference])


def _show_the_mail(page: Page) -> None:
    """The e-mail as sent, opened in the description (htmx swaps the frame in)."""
    page.get_by_role("link", name="Show the e-mail as sent").first.click()
    page.locator("iframe.mail-frame").wait_for()


def _quarantine_page(org: Org) -> str:
    _quarantined(org)
    return reverse("desk:quarantine")


def _quarantined_message(org: Org) -> str:
    return reverse("desk:quarantined_message", args=[_quarantined(org)])


def _lost_file(org: Org) -> str:
    ticket = file_ticket(org.requester, org.it, files=[upload("printer.png")])
    attachment = ticket.attachments.get()
    attachment.file.delete(save=False)  # storage lost it; the row is still there
    return reverse("files:download", args=[attachment.pk])


def _locked_out(org: Org) -> None:
    AccessAttempt.objects.create(
        username=org.requester.email, ip_address="198.51.100.7", user_agent="browser",
        get_data="", post_data="", http_accept="*/*", path_info="/sign-in/",
        failures_since_start=settings.AXES_FAILURE_LIMIT,
    )  # fmt: skip


def _press(name: str) -> Callable[[Page], None]:
    def press(page: Page) -> None:
        with page.expect_navigation():
            page.get_by_role("button", name=name, exact=True).first.click()

    return press


def _refused_call(page: Page) -> None:
    """A call with a title and words but nobody picked, and a fix written but not ticked."""
    page.get_by_label("Title").fill("Cannot print")
    page.get_by_label("What they told you").fill("Since this morning.")
    page.get_by_label("What you did").fill("Restarted the spooler.")
    _press("Open the ticket")(page)


def _refused_request(page: Page) -> None:
    """A title of spaces only: the browser's `required` is met, the service refuses it."""
    page.get_by_label("What do you need help with?").fill("   ")
    page.get_by_label("Tell us more").fill("It is broken.")
    _press("Send request")(page)


def _refused_reply(page: Page) -> None:
    page.get_by_label("Your reply").fill("   ")
    _press("Send")(page)


def _refused_update(page: Page) -> None:
    """An empty update: nothing to save, said beside the message box."""
    page.locator("#composer-form").evaluate("form => form.requestSubmit()")
    page.locator("#reply-body_error").wait_for()


def _refused_targets(page: Page) -> None:
    page.fill("#sla-first_4", "9")
    page.fill("#sla-resolution_4", "2")
    page.get_by_role("button", name="Save the SLA").click()
    page.wait_for_selector(".alert")


def _wrong_password(page: Page) -> None:
    page.get_by_label("E-mail").fill("rita@example.org")
    page.get_by_label("Password").fill("not the password")
    _press("Sign in")(page)


def _search_refused(org: Org) -> str:
    file_ticket(org.requester, org.it, "Printer on floor 3 jams")
    return "/desk/search/?q=printer&status=nonsense&priority=9"


def _at(name: str, *args: object) -> Callable[[Org], str]:
    return lambda org: reverse(name, args=args)


def _with_rows(path: str) -> Callable[[Org], str]:
    def build(org: Org) -> str:
        _queue_rows(org)
        return path

    return build


def _worked_ticket_page(name: str) -> Callable[[Org], str]:
    return lambda org: reverse(name, args=[_worked_ticket(org).reference])


def _absences(org: Org) -> str:
    today = timezone.localdate()
    add_absence(org.agent, starts=today, ends=today + timedelta(days=4), kind="holiday")
    return reverse("desk:absences")


def _canned(org: Org) -> str:
    create_canned_reply(actor=org.agent, title="Printer fixed", body="{reference} is fixed.")
    return reverse("desk:canned")


def _canned_edit(org: Org) -> str:
    reply = create_canned_reply(actor=org.agent, title="Printer fixed", body="It is fixed.")
    return reverse("desk:canned_edit", args=[reply.pk])


def _catalog(org: Org) -> Service:
    give_terms(org)
    laptop = Service.objects.create(
        unit=org.it, name="New laptop", summary="A laptop for a new starter.",
        who_may_ask="Every employee.", what_you_get="A configured laptop.",
        how_long="About a week.", keywords="notebook",
    )  # fmt: skip
    Service.objects.create(unit=org.hr, name="Payslip question", summary="Something wrong?")
    return laptop


def _catalog_page(org: Org) -> str:
    _catalog(org)
    return reverse("portal:new")


def _service_page(org: Org) -> str:
    return reverse("portal:new") + f"?service={_catalog(org).pk}"


def _resolved_request(org: Org) -> str:
    return reverse("portal:request", args=[_resolved_for_rita(org).reference])


def _notices(org: Org) -> str:
    """A breach and a warning for Alex, one of them read."""
    ticket = _worked_ticket(org)
    notify([org.agent.pk], NoticeKind.SLA_BREACH, ticket=ticket, clock="resolution",
           due=ticket.created_at)  # fmt: skip
    mark_read(org.agent)
    notify([org.agent.pk], NoticeKind.SLA_WARNING, ticket=ticket, clock="first_response",
           due=ticket.created_at)  # fmt: skip
    return reverse("desk:notifications")


def _calendar(org: Org) -> str:
    give_terms(org)
    record = BusinessCalendar.objects.get(name="IT office")
    add_closing_day(record, date(2026, 12, 24), "Christmas Eve (company day off)")
    return reverse("desk:calendar", args=[record.pk])


def _refused_calendar(page: Page) -> None:
    page.fill("#calendar-opens_0_1", "16:00")
    page.fill("#calendar-closes_0_1", "18:00")
    page.get_by_role("button", name="Save the calendar").click()
    page.wait_for_selector(".alert")


def _locks(org: Org) -> str:
    _locked_out(org)
    return reverse("desk:sign_in_locks")


def _mailbox(org: Org) -> int:
    """IT's mailbox failing for a while (a server on a port where nothing listens, so a
    test of its connection fails at once), beside HR's, read a minute ago."""
    from scotty.mail.models import MailAddress, Mailbox, Security

    it = MailAddress.objects.create(address="it-help@example.org", unit=org.it)
    hr = MailAddress.objects.create(address="hr@example.org", unit=org.hr)
    a_minute_ago = timezone.now() - timedelta(minutes=1)
    Mailbox.objects.create(name="HR", address=hr, host="imap.example.org", username="hr",
                           password="-", last_polled_at=a_minute_ago,
                           last_success_at=a_minute_ago)  # fmt: skip
    return Mailbox.objects.create(
        name="IT help", address=it, host="127.0.0.1", port=9, security=Security.PLAIN,
        username="it-help", password="-", done_folder="Done", failures=4,
        last_error="The server 127.0.0.1 refused the connection on port 9.",
    ).pk  # fmt: skip


def _mailboxes(org: Org) -> str:
    _mailbox(org)
    return reverse("desk:mailboxes")


def _mailbox_page(org: Org) -> str:
    return reverse("desk:mailbox", args=[_mailbox(org)])


def _refused_mailbox(page: Page) -> None:
    """Without encryption to a server elsewhere: refused beside the security field."""
    for label, value in (("Name", "IT help"), ("Scotty's address", "it-help@example.org"),
                         ("Server", "imap.example.org"), ("User name", "it-help"),
                         ("Password", "secret")):  # fmt: skip
        page.get_by_label(label, exact=True).fill(value)
    page.get_by_label("Security").select_option("plain")
    _press("Add the mailbox")(page)


def _laptop_settings(org: Org) -> RequestType:
    """IT's laptop request as its manager finds it: sent to the Desktop group, its form
    filed with once and changed since (version 2)."""
    record = laptop_request(org, desktop_group(org))
    file_with_form(org, record)
    reason = offering.Question("reason", "Why a new one?", "long_text", required=True)
    offering.save_form(record, [*laptop_questions(), reason], actor=org.manager)
    return record


def _catalog_settings(name: str, *rest: str) -> Callable[[Org], str]:
    """A unit catalog settings page of IT, over `_laptop_settings`."""

    def build(org: Org) -> str:
        record = _laptop_settings(org)
        service, group = record.service, record.agent_group
        args: list[object] = [service.pk, record.kind]  # a request type's pages
        if name in ("desk:unit_services", "desk:new_service", "desk:agent_groups"):
            args = []
        elif name in ("desk:service", "desk:agent_group"):
            args = [service.pk if name == "desk:service" else group.pk]  # type: ignore[union-attr]
        return reverse(name, args=["IT", *args, *rest])

    return build


def _every_question(org: Org) -> str:
    made = laptop_form(org)
    return reverse("desk:form_preview", args=["IT", made.service.pk, made.request_type.kind])


def _refused_service(page: Page) -> None:
    """A second service with the name of the first: the service refuses it."""
    page.fill("#service-name", "New laptop")
    page.fill("#service-summary", "Another laptop.")
    _press("Make the service")(page)


def _refused_tags(page: Page) -> None:
    page.fill("#type-tags", "not_a_tag!")
    _press("Save")(page)


def _refused_question(page: Page) -> None:
    """A new question with a key the form already has."""
    page.fill("#new-label", "Which colour again?")
    page.fill("#new-key", "colour")
    _press("Add the question")(page)


def _refused_group(page: Page) -> None:
    page.fill("#new-group-name", "desktop")
    _press("Make the group")(page)


def _articles(org: Org) -> str:
    """IT's knowledge as its agents find it: a published article with a file, related to
    another, with feedback; a draft; one past its review date; searches that found
    nothing. Returns the published article's address (its slug)."""
    from scotty.knowledge.models import ArticleState, Audience
    from scotty.knowledge.services import (
        ArticleText,
        attach_file,
        create_article,
        edit_article,
        give_feedback,
        move_article,
        note_search_miss,
    )

    def publish(title: str, body: str, **text: Any) -> Any:
        made = create_article(org.it, ArticleText(title=title, body=body, **text), actor=org.agent)
        return move_article(made, ArticleState.PUBLISHED, actor=org.manager,
                            expected_version=made.version)  # fmt: skip

    setup = publish("Set up the VPN", "1. Install the client.\n2. Sign in.", keywords=["vpn"])
    body = ("Turn off **power saving** for the Wi-Fi card.\n\n![The setting](attachment:wifi.png)"
            "\n\n| Step | Where |\n| --- | --- |\n| 1 | Device Manager |\n\n"
            "See [the set-up](article:set-up-the-vpn).")  # fmt: skip
    text = ArticleText(title="VPN keeps disconnecting", body="Turn off power saving.",
                       summary="What to do when the VPN drops every hour",
                       keywords=["vpn", "wifi"], related=[setup],
                       review_by=timezone.localdate() + timedelta(days=90))  # fmt: skip
    drops = publish(text.title, text.body, summary=text.summary, keywords=text.keywords,
                    related=text.related, review_by=text.review_by)  # fmt: skip
    attach_file(drops, upload("wifi.png"), actor=org.agent)
    text.body = body
    drops = edit_article(drops, text, actor=org.agent2, expected_version=drops.version)
    for reader in (org.requester, org.colleague, org.other_requester):
        give_feedback(drops, reader=reader, helpful=False, comment="Still drops on my Mac.")
    create_article(org.it, ArticleText(title="VPN on Linux", body="Draft words"), actor=org.agent)
    publish("Fax machines", "Ask facilities.", audience=Audience.AGENTS,
            review_by=timezone.localdate() - timedelta(days=10))  # fmt: skip
    note_search_miss("teams recording", unit=org.it)
    note_search_miss("parking permit")
    return drops.slug


def _knowledge(org: Org) -> str:
    _articles(org)
    return reverse("desk:knowledge")


def _knowledge_search(org: Org) -> str:
    _articles(org)
    return reverse("desk:knowledge") + "?q=vpn"


def _article(name: str) -> Callable[[Org], str]:
    return lambda org: reverse(name, args=[_articles(org)])


def _article_from_ticket(org: Org) -> str:
    return reverse("desk:article_new") + f"?ticket={_resolved_for_rita(org).reference}"


def _refused_article(page: Page) -> None:
    """A title of spaces and thirty-one keywords: refused, each beside its field."""
    page.get_by_label("Title", exact=True).fill("VPN keeps disconnecting")
    page.get_by_label("Keywords").fill(", ".join(f"word{i}" for i in range(31)))
    _press("Save")(page)


def _ticket_with_articles(org: Org) -> str:
    _articles(org)
    return reverse("desk:ticket", args=[_worked_ticket(org).reference])


def _picker_open(page: Page) -> None:
    """The composer's article picker, opened from the message with the keyboard."""
    _articles_for_ticket(page)
    page.locator("#reply-body").focus()
    page.keyboard.press("Control+k")
    page.keyboard.type("vpn")
    page.locator("#article-options .article-option").first.wait_for()


def _articles_for_ticket(page: Page) -> None:
    page.locator("#suggested-articles li, #suggested-articles p.muted").first.wait_for()


def _help_articles(org: Org) -> tuple[str, Service]:
    """The portal's help as Rita finds it: the VPN article (an image, a table, a PDF to
    download, the service it is about, a related article), and a few more to list.
    Returns the VPN article's slug and its service."""
    from scotty.knowledge.services import ArticleText, attach_file, create_article, move_article

    vpn = Service.objects.create(unit=org.it, name="VPN access", summary="Working from home.")

    def publish(title: str, body: str, **text: Any) -> Any:
        made = create_article(org.it, ArticleText(title=title, body=body, **text), actor=org.agent)
        return move_article(made, "published", actor=org.manager, expected_version=made.version)

    setup = publish("Set up the VPN", "1. Install the client.\n2. Sign in.", keywords=["vpn"])
    publish("Reset your password", "Go to the self-service page.", summary="Forgot it?")
    body = ("Turn off **power saving** for the Wi-Fi card.\n\n![The setting](attachment:wifi.png)"
            "\n\n| Step | Where |\n| --- | --- |\n| 1 | Device Manager |\n\n"
            "```\nnetsh wlan show interfaces\n```\n\n"
            "See [the set-up](article:set-up-the-vpn).")  # fmt: skip
    drops = publish("VPN keeps disconnecting", body, summary="What to do when the VPN drops",
                    keywords=["vpn", "disconnect"], services=[vpn], related=[setup])  # fmt: skip
    attach_file(drops, upload("wifi.png"), actor=org.agent)
    attach_file(drops, upload("vpn-guide.pdf", b"%PDF-1.4 guide"), actor=org.agent)
    return drops.slug, vpn


def _help_article(org: Org) -> str:
    return reverse("portal:article", args=[_help_articles(org)[0]])


def _help_article_from_new(org: Org) -> str:
    slug, service = _help_articles(org)
    return reverse("portal:article", args=[slug]) + (
        f"?from=new&typed=vpn+keeps+disconnecting&service={service.pk}"
    )


def _help_front_door(org: Org) -> str:
    _help_articles(org)
    _queue_rows(org)
    return reverse("portal:home")


def _help_search(org: Org) -> str:
    _help_articles(org)
    file_ticket(org.requester, org.it, "VPN drops at home")
    return reverse("portal:search") + "?q=vpn"


def _help_suggested(org: Org) -> str:
    _help_articles(org)
    return reverse("portal:new")


_press_solved = _press("This solved my problem")


def _type_a_title(page: Page) -> None:
    """The new-request title typed: the suggestions appear under it."""
    page.get_by_label("What do you need help with?").fill("vpn keeps disconnecting")
    page.locator("#suggestions li").first.wait_for()


Build = Callable[[Org], str]
Then = Callable[[Page], None] | None
SCREENS: dict[str, tuple[str | None, Build, Then]] = {
    "accounts:sign_in": (None, _at("accounts:sign_in"), None),
    "accounts:sign_in refused": (None, _at("accounts:sign_in"), _wrong_password),
    "settings": ("requester", _at("settings"), None),
    "mail_settings": ("agent", _at("mail_settings"), None),  # both fieldsets
    "desk:home": ("agent", _with_rows("/desk/"), None),
    "desk:search": ("agent", _with_rows("/desk/search/?q=printer"), None),
    "desk:search refused": ("agent", _search_refused, None),
    "desk:queue": ("agent", _with_rows("/desk/queues/open/"), None),
    "desk:log_call": ("agent", _at("desk:log_call"), None),
    "desk:log_call refused": ("agent", _at("desk:log_call"), _refused_call),
    "desk:canned": ("agent", _canned, None),
    "desk:absences": ("agent", _absences, None),
    "desk:canned_edit": ("agent", _canned_edit, None),
    "desk:units": ("manager", _with_rows("/desk/units/"), None),
    "desk:service_levels": ("manager", _with_rows("/desk/units/IT/service-levels/"), None),
    "desk:service_levels refused": (
        "manager",
        _with_rows("/desk/units/IT/service-levels/"),
        _refused_targets,
    ),
    "desk:unit_services": ("manager", _catalog_settings("desk:unit_services"), None),
    "desk:new_service": ("manager", _catalog_settings("desk:new_service"), None),
    "desk:new_service refused": (
        "manager",
        _catalog_settings("desk:new_service"),
        _refused_service,
    ),
    "desk:service": ("manager", _catalog_settings("desk:service"), None),
    "desk:request_type": ("manager", _catalog_settings("desk:request_type"), None),
    "desk:request_type refused": (
        "manager",
        _catalog_settings("desk:request_type"),
        _refused_tags,
    ),
    "desk:form_editor": ("manager", _catalog_settings("desk:form_editor"), None),
    "desk:form_editor refused": (
        "manager",
        _catalog_settings("desk:form_editor"),
        _refused_question,
    ),
    "desk:edit_question": ("manager", _catalog_settings("desk:edit_question", "colour"), None),
    "desk:form_preview": ("manager", _catalog_settings("desk:form_preview"), None),
    "desk:form_preview refused": (
        "manager",
        _catalog_settings("desk:form_preview"),
        _press("Check the answers"),
    ),
    "desk:form_preview every question": ("manager", _every_question, None),
    "desk:agent_groups": ("manager", _catalog_settings("desk:agent_groups"), None),
    "desk:agent_groups refused": (
        "manager",
        _catalog_settings("desk:agent_groups"),
        _refused_group,
    ),
    "desk:agent_group": ("manager", _catalog_settings("desk:agent_group"), None),
    "desk:administration": ("admin", _at("desk:administration"), None),
    "desk:calendars": ("admin", _at("desk:calendars"), None),
    "desk:calendar": ("admin", _calendar, None),
    "desk:calendar refused": ("admin", _calendar, _refused_calendar),
    "desk:sign_in_locks": ("admin", _locks, None),
    "desk:mailboxes": ("admin", _mailboxes, None),
    "desk:new_mailbox": ("admin", _at("desk:new_mailbox"), None),
    "desk:new_mailbox refused": ("admin", _at("desk:new_mailbox"), _refused_mailbox),
    "desk:mailbox": ("admin", _mailbox_page, None),
    "desk:mailbox tested": ("admin", _mailbox_page, _press("Test connection")),
    "desk:quarantine": ("admin", _quarantine_page, None),
    "desk:quarantined_message": ("admin", _quarantined_message, None),
    "desk:ticket": ("agent", _worked_ticket_page("desk:ticket"), None),
    "desk:ticket refused": ("agent", _worked_ticket_page("desk:ticket"), _refused_update),
    "desk:ticket_clock": ("agent", _worked_ticket_page("desk:ticket_clock"), None),
    "desk:ticket mail shown": ("agent", _mailed_ticket_page, _show_the_mail),
    "desk:mail_original": ("agent", _mail_original, None),
    "desk:notifications": ("agent", _notices, None),
    "desk:knowledge": ("agent", _knowledge, None),
    "desk:knowledge search": ("agent", _knowledge_search, None),
    "desk:article": ("agent", _article("desk:article"), None),
    "desk:article manager": ("manager", _article("desk:article"), None),
    "desk:article_new": ("agent", _at("desk:article_new"), None),
    "desk:article_new from ticket": ("agent", _article_from_ticket, None),
    "desk:article_edit": ("agent", _article("desk:article_edit"), None),
    "desk:article_edit refused": ("agent", _article("desk:article_edit"), _refused_article),
    "desk:article_versions": ("agent", _article("desk:article_versions"), None),
    "desk:ticket article picker": ("agent", _ticket_with_articles, _picker_open),
    "portal:home": ("requester", _with_rows("/portal/"), None),
    "portal:new": ("requester", _catalog_page, None),
    "portal:new service": ("requester", _service_page, None),
    "portal:new refused": ("requester", _at("portal:new"), _refused_request),
    "portal:search": ("requester", _with_rows("/portal/search/?q=printer"), None),
    "portal:request": ("requester", _resolved_request, None),
    "portal:request refused": ("requester", _worked_ticket_page("portal:request"), _refused_reply),
    "portal:home with articles": ("requester", _help_front_door, None),
    "portal:search with articles": ("requester", _help_search, None),
    "portal:new suggestions": ("requester", _help_suggested, _type_a_title),
    "portal:article": ("requester", _help_article, None),
    "portal:article said no": ("requester", _help_article, _press("No")),
    "portal:article from new": ("requester", _help_article_from_new, None),
    "portal:article solved": ("requester", _help_article_from_new, _press_solved),
    "files:download": ("requester", _lost_file, None),  # the page for a file storage lost
}

# URL names that draw no page of their own, and why.
NOT_PAGES = {
    "home": "redirects to the desk or the portal",
    "accounts:sign_out": "POST only, redirects to sign-in",
    "desk:go": "redirects to a ticket or back to the desk",
    "desk:bulk": "POST only, redirects back to the queue",
    "desk:caller_tickets": "a fragment of desk:log_call (htmx)",
    "desk:people": "the people picker's suggestions (a datalist fragment)",
    "desk:canned_delete": "POST only, redirects to desk:canned",
    "desk:canned_pick": "a fragment of desk:ticket (the composer's canned replies)",
    "desk:save_unit": "POST only; a refusal redraws desk:units",
    "desk:add_member": "POST only; a refusal redraws desk:units",
    "desk:member_role": "POST only; a refusal redraws desk:units",
    "desk:remove_member": "POST only; a refusal redraws desk:units",
    "desk:lift_sign_in_lock": "POST only, redirects to desk:sign_in_locks",
    "desk:remove_mailbox": "POST only; redirects to desk:mailboxes",
    "desk:retry_message": "POST only; redirects to desk:quarantine or desk:quarantined_message",
    "desk:discard_message": "POST only; redirects to desk:quarantine",
    "desk:add_question": "POST only; a refusal redraws desk:form_editor (see its 'refused')",
    "desk:delete_question": "POST only; redirects to desk:form_editor (a refusal redraws it)",
    "desk:move_question": "POST only; redirects to desk:form_editor (a refusal redraws it)",
    "desk:agent_group_rule": "POST only; redirects to desk:agent_group (a refusal redraws it)",
    "desk:delete_agent_group": "POST only; redirects to desk:agent_groups",
    "desk:presence": "a fragment of desk:ticket (who else is there)",
    "desk:bell": "a fragment of every desk page (the notification count)",
    "desk:notifications_read": "POST only; redirects to desk:notifications",
    "desk:remove_absence": "POST only; redirects to desk:absences",
    "desk:add_closing_day": "POST only; redirects to desk:calendar (its refusal: the same page)",
    "desk:remove_closing_day": "POST only; redirects to desk:calendar",
    "desk:reply": "POST only; answers with desk:ticket (see 'desk:ticket refused')",
    "desk:assign": "POST only; answers with desk:ticket",
    "desk:priority": "POST only; answers with desk:ticket",
    "desk:transfer": "POST only; answers with desk:ticket",
    "desk:group": "POST only; answers with desk:ticket",
    "desk:tags": "POST only; answers with desk:ticket",
    "desk:watch": "POST only; answers with desk:ticket",
    "desk:unwatch": "POST only; answers with desk:ticket",
    "desk:mail_original_html": "a mail's own HTML, framed (sandboxed) by desk:mail_original",
    "desk:mail_original_image": "an image of a mail, shown in desk:mail_original_html",
    "desk:article_move": "POST only; redirects to desk:article (a refusal redraws it)",
    "desk:article_preview": "a fragment of desk:article_edit and desk:article_new (htmx)",
    "desk:article_attach": "POST only; redirects to desk:article_edit",
    "desk:article_file": "an article's image or file, shown in desk:article",
    "desk:ticket_articles": "a fragment of desk:ticket (its suggested articles, htmx)",
    "desk:article_pick": "a fragment of desk:ticket (the composer's article picker)",
    "portal:reply": "POST only; a refusal redraws portal:request (see its 'refused')",
    "portal:confirm": "POST only, redirects to portal:request",
    "portal:reopen": "POST only; a refusal redraws portal:request",
    "portal:suggest": "a fragment of portal:new (htmx; see 'portal:new suggestions')",
    "portal:article_feedback": "POST only; redirects to portal:article (see 'said no')",
    "portal:article_solved": "POST only; redirects to portal:article (see 'solved')",
    "portal:article_file": "an article's image or file, shown in portal:article",
}


def screen(name: str, org: Org) -> Screen:
    who, build, then = SCREENS[name]
    return Screen(who, build(org), then)


def open_screen(
    browser: Browser, base_url: str, org: Org, name: str, viewport: dict[str, int], **context: Any
) -> tuple[BrowserContext, Page]:
    """A new browser context at that width, signed in as the screen's person, showing it.

    Signed in by session cookie, not through the form: the sign-in flow has its own tests.
    """
    shown = screen(name, org)
    browser_context = browser.new_context(base_url=base_url, viewport=viewport, **context)
    if shown.who is not None:
        client = Client()
        client.force_login(getattr(org, shown.who))
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        browser_context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": base_url}]
        )
    page = browser_context.new_page()
    page.goto(shown.path)
    if shown.then is not None:
        shown.then(page)
    page.wait_for_load_state("networkidle")
    return browser_context, page
