"""Priority from impact x urgency: the ITIL matrix. An agent may override the result."""

from django.db import models


class Impact(models.TextChoices):
    HIGH = "high", "High: many people or a critical service"
    MEDIUM = "medium", "Medium: a team or an important function"
    LOW = "low", "Low: one person"


class Urgency(models.TextChoices):
    HIGH = "high", "High: work has stopped"
    MEDIUM = "medium", "Medium: work is hampered"
    LOW = "low", "Low: it can wait"


class Priority(models.IntegerChoices):
    # Lower number = more pressing, so queues sort ascending on an index.
    CRITICAL = 1, "P1 Critical"
    HIGH = 2, "P2 High"
    MEDIUM = 3, "P3 Medium"
    LOW = 4, "P4 Low"
    PLANNING = 5, "P5 Planning"


_RANK = {"high": 0, "medium": 1, "low": 2}


def priority_for(impact: str, urgency: str) -> Priority:
    """The matrix: high/high is P1, each step down in impact or urgency adds one."""
    return Priority(1 + _RANK[Impact(impact)] + _RANK[Urgency(urgency)])
