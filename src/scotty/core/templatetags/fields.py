"""A field's error beside the field, linked for screen readers, on hand-written inputs.

Django draws `aria-invalid` and `aria-describedby` itself for `{{ field }}`, and names
a field's error list `<auto_id>_error` (`{{ field.errors }}`). The inputs the desk writes
out by hand (for speed, or for their htmx attributes) get the same attributes here, so
every form says it the same way: the error next to the field, with that id, and the
field pointing at it (and at its help text, when it has some).
"""

from typing import Any

from django import template
from django.forms import BoundField
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

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


def _attributes(attrs: dict[str, Any]) -> SafeString:
    """What django/forms/widgets/attrs.html writes: ` name="value"`, ` name` for True,
    nothing for False."""
    return format_html_join(
        "",
        "{}",
        (
            (format_html(" {}", name) if value is True else format_html(' {}="{}"', name, value),)
            for name, value in attrs.items()
            if value is not False
        ),
    )


@register.simple_tag
def select(field: BoundField) -> SafeString:
    """`{{ field }}` for a select, byte for byte, without Django's widget templates (two
    template renders per option: ~0.3 ms a select, a fifth of the ticket page). The
    widget still says everything (name, id, required, aria-invalid, aria-describedby,
    which option is selected, optgroups); only the drawing is done here."""
    widget = field.field.widget
    attrs = field.build_widget_attrs({}, widget)
    if field.auto_id and "id" not in widget.attrs:
        attrs.setdefault("id", field.auto_id)
    drawn = widget.get_context(field.html_name, field.value(), attrs)["widget"]
    groups = []
    for group_name, options, _index in drawn["optgroups"]:
        drawn_options = format_html_join(
            "",
            '\n  <option value="{}"{}>{}</option>\n',
            (
                # Most options have no attributes (all but the selected one): no call.
                (
                    str(option["value"]),
                    _attributes(option["attrs"]) if option["attrs"] else "",
                    option["label"],
                )
                for option in options
            ),
        )
        if group_name:
            drawn_options = format_html(
                '\n  <optgroup label="{}">{}\n  </optgroup>', group_name, drawn_options
            )
        groups.append((drawn_options,))
    return format_html(
        '<select name="{}"{}>{}\n</select>',
        drawn["name"],
        _attributes(drawn["attrs"]),
        format_html_join("", "{}", groups),
    )
