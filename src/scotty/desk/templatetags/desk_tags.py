"""Small display helpers for desk templates."""

from datetime import datetime

from django import template
from django.utils.timesince import timesince

register = template.Library()


@register.filter
def age(moment: datetime | None) -> str:
    """How long ago, in its largest unit only ("3 weeks"): a queue column has little room."""
    return timesince(moment, depth=1) if moment else ""
