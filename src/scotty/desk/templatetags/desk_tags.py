"""Small display helpers for desk templates."""

from datetime import datetime, timedelta

from django import template
from django.utils import timezone
from django.utils.timesince import timesince

from scotty.accounts.selectors import manages_any_unit

register = template.Library()


@register.filter
def age(moment: datetime | None) -> str:
    """How long ago, in its largest unit only ("3 weeks"): a queue column has little room."""
    return timesince(moment, depth=1) if moment else ""


@register.filter
def ago(moment: datetime | None) -> str:
    """ "just now" or "3 minutes ago": how fresh a message is that the agent has not read."""
    if moment is None:
        return ""
    if timezone.now() - moment < timedelta(minutes=1):
        return "just now"
    return f"{timesince(moment, depth=2)} ago"


@register.simple_tag(takes_context=True)
def manages_units(context: template.Context) -> bool:
    """Whether to offer "Unit settings" in the desk's menu (memberships are cached)."""
    return manages_any_unit(context["request"].user)
