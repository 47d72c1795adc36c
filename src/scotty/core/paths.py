"""Links for every row of a list, reversed once."""

from collections.abc import Callable
from urllib.parse import quote

from django.urls import reverse

_REVERSE_SAFE = "!$&'()*+,;=/~:@"  # what Django's reverse() leaves unquoted in a path


def path_for_each(view_name: str, kwarg: str) -> Callable[[str], str]:
    """A function giving `reverse(view_name, kwargs={kwarg: value})` for any value, from
    one reverse: the path is split at a placeholder and each value quoted into it as
    reverse() would. A list of 25 tickets made 25 reverses (~20 us each) otherwise.
    Only for a URL pattern with one `str` argument."""
    head, _, tail = reverse(view_name, kwargs={kwarg: "0"}).rpartition("0")
    return lambda value: f"{head}{quote(value, safe=_REVERSE_SAFE)}{tail}"
