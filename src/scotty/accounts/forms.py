from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy


class SignInForm(AuthenticationForm):
    username = forms.EmailField(
        label=gettext_lazy("E-mail"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )
    error_messages = {
        "invalid_login": gettext_lazy("That e-mail and password do not match an account."),
        "inactive": gettext_lazy("This account is disabled."),
    }


class LanguageForm(forms.Form):
    """The language a person reads Scotty in; blank: whatever their browser asks for."""

    language = forms.ChoiceField(
        label=gettext_lazy("Language"),
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": gettext_lazy("Choose a language from the list.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Each language in its own name ("Deutsch"), so anyone finds theirs.
        self.fields["language"].choices = [  # type: ignore[attr-defined]
            ("", gettext_lazy("As my browser asks")),
            *settings.LANGUAGES,
        ]
