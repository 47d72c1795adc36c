"""The few rows every domain shares: one-time form tokens."""

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone


class Submission(models.Model):
    """A create or append form's one-time token and what its first submit produced.

    A double click, a reload after POST or a retried request carries the same token: the
    repeat finds this row and returns the first result instead of doing the work twice.
    """

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    token = models.CharField(max_length=64)
    outcome = models.JSONField(default=dict)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["person", "token"], name="one_submission_per_token")
        ]
        indexes: ClassVar = [models.Index(fields=["created_at"], name="submission_age")]

    def __str__(self) -> str:
        return f"submission {self.token[:8]} by {self.person_id}"
