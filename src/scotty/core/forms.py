"""Form pieces every web channel shares."""

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile

from scotty.core.errors import DomainError, InvalidInput
from scotty.core.once import new_token


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class FilesField(forms.FileField):
    """Any number of uploaded files. Only the shape is checked here: the ticket service
    decides how many, which types and how big, with the same message on every channel."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        kwargs.setdefault("allow_empty_file", True)  # the service says "x.txt is empty."
        super().__init__(**kwargs)

    def clean(self, data: Any, initial: Any = None) -> "list[UploadedFile[Any]]":
        items = data if isinstance(data, list | tuple) else [data]
        return [super(FilesField, self).clean(item, initial) for item in items if item]


class OnceField(forms.CharField):
    """The one-time token of a create or append form (see `core.once`); hidden, and a
    fresh one each time an unbound form is drawn."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 100)  # the shape is checked by `once`
        kwargs.setdefault("widget", forms.HiddenInput)
        kwargs.setdefault("initial", new_token)  # a callable: a new token per rendering
        super().__init__(**kwargs)


def error_on_field(form: forms.Form, error: DomainError) -> bool:
    """Put a service's refusal on the form field it names, to be shown beside that field;
    False (and nothing put) when it names none of the form's fields."""
    field = error.field if isinstance(error, InvalidInput) else None
    if field is None or field not in form.fields:
        return False
    form.add_error(field, error.message)
    return True
