"""Form pieces every web channel shares."""

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile


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
