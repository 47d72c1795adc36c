"""Priority from impact x urgency: the ITIL matrix. An agent may override the result."""

from django.db import models
from django.utils.translation import gettext_lazy, pgettext_lazy


class Impact(models.TextChoices):
    HIGH = "high", gettext_lazy("High: many people or a critical service")
    MEDIUM = "medium", gettext_lazy("Medium: a team or an important function")
    LOW = "low", gettext_lazy("Low: one person")


class Urgency(models.TextChoices):
    HIGH = "high", gettext_lazy("High: work has stopped")
    MEDIUM = "medium", gettext_lazy("Medium: work is hampered")
    LOW = "low", gettext_lazy("Low: it can wait")


class Priority(models.IntegerChoices):
    # Lower number = more pressing, so queues sort ascending on an index.
    CRITICAL = 1, pgettext_lazy("priority", "P1 Critical")
    HIGH = 2, pgettext_lazy("priority", "P2 High")
    MEDIUM = 3, pgettext_lazy("priority", "P3 Medium")
    LOW = 4, pgettext_lazy("priority", "P4 Low")
    PLANNING = 5, pgettext_lazy("priority", "P5 Planning")


_RANK = {"high": 0, "medium": 1, "low": 2}


def priority_for(impact: str, urgency: str) -> Priority:
    """The matrix: high/high is P1, each step down in impact or urgency adds one."""
    return Priority(1 + _RANK[Impact(impact)] + _RANK[Urgency(urgency)])
