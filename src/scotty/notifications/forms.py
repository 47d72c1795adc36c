"""The form of a person's mail settings: one checkbox for each kind they may choose."""

from typing import Any

from django import forms

from scotty.notifications.models import MailKind


class MailPreferencesForm(forms.Form):
    """A checkbox a kind (`kinds`: the ones this person may choose), ticked when wanted."""

    def __init__(self, *args: Any, kinds: tuple[str, ...], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labels = dict(MailKind.choices)
        for kind in kinds:
            self.fields[kind] = forms.BooleanField(label=labels[kind], required=False)

    def wanted(self) -> dict[str, bool]:
        return {kind: bool(self.cleaned_data.get(kind)) for kind in self.fields}
