"""A field's error beside the field, linked for screen readers, on hand-written inputs.

Django draws `aria-invalid` and `aria-describedby` itself for `{{ field }}`, and names
a field's error list `<auto_id>_error` (`{{ field.errors }}`). The inputs the desk writes
out by hand (for speed, or for their htmx attributes) get the same attributes here, so
every form says it the same way: the error next to the field, with that id, and the
field pointing at it (and at its help text, when it has some).
"""

from django import template
from django.forms import BoundField
from django.utils.html import format_html

register = template.Library()


@register.filter
def error_id(field: BoundField) -> str:
    """The id of the field's error list ("" when it has no error): what a person picker
    include takes as `error_id`."""
    return f"{field.auto_id}_error" if field.errors else ""


@register.simple_tag
def described(field: BoundField, *help_ids: str) -> str:
    """` aria-invalid="true" aria-describedby="<help ids> <auto_id>_error"` for a field
    with errors; ` aria-describedby="<help ids>"`, or nothing, for one without."""
    ids = [i for i in help_ids if i]
    if field.errors:
        ids.append(f"{field.auto_id}_error")
        return format_html(' aria-invalid="true" aria-describedby="{}"', " ".join(ids))
    return format_html(' aria-describedby="{}"', " ".join(ids)) if ids else ""
