"""A unit is told once when one of its articles passes its review date: its managers,
in the desk's notification list and by e-mail."""

from datetime import date, timedelta
from typing import Any

import pytest
import time_machine

from scotty.core.testing import Org
from scotty.knowledge.models import ArticleState
from scotty.knowledge.reminders import remind_stale
from scotty.knowledge.services import ArticleText, edit_article, move_article
from scotty.notifications.models import MailKind, NoticeKind, Notification, OutgoingMail
from tests.knowledge.helpers import published

pytestmark = pytest.mark.django_db

TODAY = date(2026, 6, 1)


def reminded_at(day: date) -> int:
    with time_machine.travel(day, tick=False):
        return remind_stale()


def test_managers_are_told_once_when_an_article_passes_its_review_date(org: Org) -> None:
    with time_machine.travel(TODAY, tick=False):
        article = published(org, "VPN set-up", review_by=TODAY + timedelta(days=30))
    assert reminded_at(TODAY + timedelta(days=30)) == 0  # due today: not past yet
    assert reminded_at(TODAY + timedelta(days=31)) == 1
    assert reminded_at(TODAY + timedelta(days=40)) == 0  # once for this date
    told = Notification.objects.filter(kind=NoticeKind.ARTICLE_STALE, article=article)
    assert list(told.values_list("person__email", flat=True)) == [org.manager.email]
    mails = OutgoingMail.objects.filter(kind=MailKind.ARTICLE_STALE, article=article)
    assert list(mails.values_list("to_address", flat=True)) == [org.manager.email]
    with time_machine.travel(TODAY + timedelta(days=41), tick=False):
        article.refresh_from_db()
        later = ArticleText(title=article.title, review_by=TODAY + timedelta(days=90))
        edit_article(article, later, actor=org.agent, expected_version=article.version)
    assert reminded_at(TODAY + timedelta(days=91)) == 1  # the new date arms it again


def test_a_unit_without_managers_tells_its_agents_and_archived_articles_tell_nobody(
    org: Org,
) -> None:
    with time_machine.travel(TODAY, tick=False):
        hr = published(org, "Payslips", unit=org.hr, review_by=TODAY)
        old = published(org, "Old VPN", review_by=TODAY)
        move_article(old, ArticleState.ARCHIVED, actor=org.manager, expected_version=old.version)
    assert reminded_at(TODAY + timedelta(days=1)) == 1
    told = Notification.objects.filter(kind=NoticeKind.ARTICLE_STALE)
    assert list(told.values_list("article_id", "person__email")) == [(hr.pk, org.hr_agent.email)]


def test_the_reminder_reaches_the_manager_by_mail_and_in_the_bell(
    org: Org, smtp: Any, client_for: Any
) -> None:
    from django.urls import reverse

    from scotty.mail.outbound.deliver import deliver_due

    with time_machine.travel(TODAY, tick=False):
        article = published(org, "VPN set-up", review_by=TODAY)
    with time_machine.travel(TODAY + timedelta(days=1), tick=False):
        assert remind_stale() == 1
        deliver_due()
    [mail] = smtp.to(org.manager.email)
    assert mail.message["Subject"] == "Article to review: VPN set-up"
    text = mail.part("text/plain")
    assert "“VPN set-up” of IT Service Desk was due for review" in text
    assert reverse("desk:article", args=[article.slug]) in text
    page = client_for(org.manager).get(reverse("desk:notifications")).content.decode()
    assert "An article is past its review date:" in page
    assert f'href="{reverse("desk:article", args=[article.slug])}"' in page
