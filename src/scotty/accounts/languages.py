"""Which language a person reads Scotty in: their profile's, else their browser's.

Pages: `PersonLanguageMiddleware` activates the profile language over the one Django's
LocaleMiddleware took from Accept-Language. Anything sent to a person outside their own
request (e-mails, later notifications) is written inside `in_language_of(person)`.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.utils import translation

from scotty.accounts.models import Person


def codes() -> list[str]:
    """The language codes Scotty offers (settings.LANGUAGES), "en" first."""
    return [code for code, _name in settings.LANGUAGES]


def chosen_language(person: Person) -> str | None:
    """The language the person chose in their settings; None: follow the browser (or a
    code no longer offered)."""
    code = getattr(person, "language", "")
    return code if code in codes() else None


def language_of(person: Person) -> str:
    """The language to write to this person in when no browser is asking."""
    return chosen_language(person) or settings.LANGUAGE_CODE


@contextmanager
def in_language_of(person: Person) -> Iterator[None]:
    """Everything rendered inside reads in the recipient's language, dates included."""
    with translation.override(language_of(person)):
        yield
