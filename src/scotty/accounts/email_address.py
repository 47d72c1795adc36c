"""E-mail addresses as Scotty keeps them: one spelling per person, in lower case.

People type their address the way it is printed on their card (`Tara.Braun@example.com`);
mail servers treat it as the same mailbox as `tara.braun@example.com`. Keeping one
spelling in the database and folding every lookup to it makes sign-in, the people
pickers and (later) incoming mail agree on who is who without each caller remembering.
"""

from typing import Any

from django.db import models


def normalise_email(address: str) -> str:
    """The one spelling Scotty stores and compares: surrounding spaces dropped, lower case.

    The local part is folded too: strictly it may be case-sensitive, but no mail system
    an organisation runs treats Tara and tara as two people, and two accounts that differ
    only in case would be a trap (mail for one reaching the other).
    """
    return address.strip().lower()


class EmailAddressField(models.EmailField):  # type: ignore[type-arg]
    """An EmailField that stores and looks up the normalised spelling.

    Saving (`pre_save`), model validation (`to_python`, used by ModelForms such as
    Django admin's user forms) and every query value (`get_prep_value`, so
    `filter(email=...)`, `get_by_natural_key` and uniqueness checks) all fold to
    `normalise_email`; a caller cannot forget to.
    """

    def to_python(self, value: Any) -> Any:
        value = super().to_python(value)
        return normalise_email(value) if isinstance(value, str) else value

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        return normalise_email(value) if isinstance(value, str) else value

    def pre_save(self, model_instance: models.Model, add: bool) -> Any:
        value = getattr(model_instance, self.attname)
        if isinstance(value, str):
            value = normalise_email(value)
            setattr(model_instance, self.attname, value)
        return value
