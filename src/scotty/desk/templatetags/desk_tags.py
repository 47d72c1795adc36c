"""Small display helpers for desk templates."""

from datetime import datetime

from django import template

from scotty.accounts.selectors import manages_any_unit
from scotty.core.timewords import time_ago

register = template.Library()


@register.filter
def ago(moment: datetime | None) -> str:
    """ "just now" or "3 minutes ago": how fresh a message is that the agent has not read."""
    return time_ago(moment, depth=2) if moment else ""


@register.simple_tag(takes_context=True)
def manages_units(context: template.Context) -> bool:
    """Whether to offer "Unit settings" in the desk's menu (memberships are cached)."""
    return manages_any_unit(context["request"].user)
