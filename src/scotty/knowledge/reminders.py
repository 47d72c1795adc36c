"""Reminding a unit of articles that may be stale: once an article's review date has
passed, its unit's managers (its agents, where it has no manager) are told once, in
the desk's notification list and by e-mail, for that review date. Setting a new date
(after a review) arms the reminder again."""

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from scotty.accounts.models import Person, UnitMembership, UnitRole
from scotty.knowledge.models import Article, ArticleState
from scotty.notifications.mail import mail_for_stale_article
from scotty.notifications.models import NoticeKind
from scotty.notifications.services import notify

BATCH = 200  # articles a run (the next day's run goes on)


def _told(article: Article) -> list[Person]:
    members = UnitMembership.objects.filter(unit_id=article.unit_id, person__is_active=True)
    managers = members.filter(role=UnitRole.MANAGER)
    chosen = managers if managers.exists() else members
    return list(Person.objects.filter(pk__in=chosen.values("person_id")).order_by("pk"))


def remind_stale() -> int:
    """Tell the units of the articles whose review date passed; returns how many
    articles were reminded of."""
    today = timezone.localdate()
    due = (Article.objects.filter(review_by__lt=today).exclude(state=ArticleState.ARCHIVED)
           .filter(Q(reminded_for__isnull=True) | ~Q(reminded_for=F("review_by")))
           .order_by("review_by", "pk"))  # fmt: skip
    reminded = 0
    for article in due[:BATCH]:
        with transaction.atomic():
            # Marked first, under the row's lock: two runs at once remind once.
            marked = (
                Article.objects.filter(pk=article.pk, review_by=article.review_by)
                .exclude(reminded_for=article.review_by)
                .update(reminded_for=article.review_by)
            )
            if not marked:
                continue
            people = _told(article)
            notify([p.pk for p in people], NoticeKind.ARTICLE_STALE, article=article)
            mail_for_stale_article(article, people)
            reminded += 1
    return reminded
