"""Knowledge articles: what they say (Markdown), whom they are for, where they are in
their life (draft, in review, published, archived), every edit kept as a version, and
what readers did with them (feedback, deflections, searches that found nothing).

Who may read an article is decided in one place (`knowledge.selectors`); these models
only hold the facts it reads.
"""

import uuid
from pathlib import PurePath
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import pgettext_lazy

from scotty.accounts.models import Department, Location, SupportUnit
from scotty.catalog.models import Service


class ArticleState(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("article", "Draft")
    REVIEW = "review", pgettext_lazy("article", "In review")
    PUBLISHED = "published", pgettext_lazy("article", "Published")
    ARCHIVED = "archived", pgettext_lazy("article", "Archived")


class Audience(models.TextChoices):
    EVERYONE = "everyone", pgettext_lazy("audience", "Everyone")
    # Only the people of the article's departments or locations (either one will do).
    SOME = "some", pgettext_lazy("audience", "Some departments or locations")
    # The owning unit's agents only: how-tos for the desk, never shown to a requester.
    AGENTS = "agents", pgettext_lazy("audience", "Agents of the unit")


class Article(models.Model):
    unit = models.ForeignKey(SupportUnit, on_delete=models.PROTECT, related_name="articles")
    # The address of the article (/help/<slug>/); kept when the title changes.
    slug = models.SlugField(max_length=120, unique=True)
    title = models.CharField(max_length=200)
    summary = models.CharField(max_length=500, blank=True)
    body = models.TextField(blank=True)  # Markdown, rendered safely by `knowledge.markdown`
    # The body's words as a reader sees them (`markdown.plain_text`), kept with each save:
    # search snippets and the index read it without parsing Markdown again.
    text = models.TextField(blank=True, editable=False)
    keywords = models.CharField(max_length=500, blank=True)  # words people use, comma-separated
    state = models.CharField(max_length=10, choices=ArticleState.choices,
                             default=ArticleState.DRAFT)  # fmt: skip
    audience = models.CharField(max_length=10, choices=Audience.choices,
                                default=Audience.EVERYONE)  # fmt: skip
    departments = models.ManyToManyField(Department, blank=True, related_name="+")
    locations = models.ManyToManyField(Location, blank=True, related_name="+")
    services = models.ManyToManyField(Service, blank=True, related_name="articles")
    related = models.ManyToManyField("self", blank=True, symmetrical=True)
    # After this day the owning unit is reminded that the article may be stale.
    review_by = models.DateField(null=True, blank=True)
    # The review date the unit was last reminded of (`knowledge.reminders`): once each.
    reminded_for = models.DateField(null=True, blank=True)
    # The ticket it was written from, if any ("create an article from this ticket").
    from_ticket = models.ForeignKey("tickets.Ticket", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")  # fmt: skip
    version = models.PositiveIntegerField(default=1)  # the number of its latest version
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")  # fmt: skip
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    published_at = models.DateTimeField(null=True, blank=True)
    # Counted as readers open it and answer "did this help?" (kept on the row: the
    # portal's "popular" list and the unit's list of unhelpful articles read these).
    views = models.PositiveIntegerField(default=0)
    helpful = models.PositiveIntegerField(default=0)
    unhelpful = models.PositiveIntegerField(default=0)

    class Meta:
        indexes: ClassVar = [
            models.Index(fields=["unit", "state"], name="articles_of_unit"),
            models.Index(
                fields=["state", "audience", "-views"],
                name="articles_popular",
                condition=Q(state="published"),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def keyword_list(self) -> list[str]:
        return [k.strip() for k in self.keywords.split(",") if k.strip()]


class ArticleVersion(models.Model):
    """An article as one edit left it: every save is kept, with its author and time."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    summary = models.CharField(max_length=500, blank=True)
    body = models.TextField(blank=True)
    keywords = models.CharField(max_length=500, blank=True)
    state = models.CharField(max_length=10, choices=ArticleState.choices)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                               related_name="+")  # fmt: skip
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["article", "number"], name="one_version_a_number")
        ]

    def __str__(self) -> str:
        return f"{self.article_id} v{self.number}"


def _article_file_path(instance: "ArticleFile", filename: str) -> str:
    # Never a user-controlled path: a random name, keeping only a sane extension.
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"articles/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{suffix}"


class ArticleFile(models.Model):
    """An image or attachment of an article, under the core's attachment rules; served
    only to people who may read the article."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(upload_to=_article_file_path, max_length=200)
    filename = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")  # fmt: skip
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.filename


class ArticleFeedback(models.Model):
    """A reader's "did this help?": yes or no, and what was missing when no."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="feedback")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="+")  # fmt: skip
    helpful = models.BooleanField()
    comment = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints: ClassVar = [
            # One answer a person (changing it replaces it): counts stay honest.
            models.UniqueConstraint(fields=["article", "person"], name="one_feedback_a_reader")
        ]

    def __str__(self) -> str:
        return f"{'yes' if self.helpful else 'no'} on {self.article_id}"


class Deflection(models.Model):
    """A request not filed: the person opened a suggested article while writing a new
    request and said it solved their problem."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="deflections")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="+")  # fmt: skip
    service = models.ForeignKey(Service, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+")  # fmt: skip
    typed = models.CharField(max_length=200, blank=True)  # the title they had begun
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes: ClassVar = [models.Index(fields=["article", "created_at"])]

    def __str__(self) -> str:
        return f"deflected by {self.article_id}"


class SearchMiss(models.Model):
    """A search of the knowledge base that found nothing, by its folded words: the units
    read "people searched 'teams recording' 41 times this month and found nothing"."""

    words = models.CharField(max_length=200)  # folded and sorted: one row a question
    typed = models.CharField(max_length=200)  # as last typed, for the list
    unit = models.ForeignKey(SupportUnit, null=True, blank=True, on_delete=models.CASCADE,
                             related_name="+")  # fmt: skip
    month = models.DateField()  # the first day of the month it counts for
    count = models.PositiveIntegerField(default=1)
    last_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["words", "month"], name="one_miss_a_month", condition=Q(unit__isnull=True)
            ),
            models.UniqueConstraint(
                fields=["words", "month", "unit"], name="one_miss_a_month_a_unit"
            ),
        ]
        indexes: ClassVar = [models.Index(fields=["month", "-count"], name="misses_by_month")]

    def __str__(self) -> str:
        return f"{self.typed} ({self.count})"
