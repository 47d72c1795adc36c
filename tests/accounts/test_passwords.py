"""How passwords are stored: Argon2id at OWASP's parameters, old hashes upgraded."""

from typing import Any

from django.contrib.auth.hashers import Argon2PasswordHasher, make_password
from django.test import Client

from scotty.accounts.models import Person
from scotty.core.testing import PASSWORD, Org
from tests.accounts.conftest import sign_in


def test_new_passwords_are_argon2id_with_19_mib_two_passes_one_lane(
    org: Org, settings: Any
) -> None:
    from scotty import settings as production

    settings.PASSWORD_HASHERS = production.PASSWORD_HASHERS
    org.requester.set_password("a new and long passphrase")
    assert org.requester.password.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")


def test_a_hash_with_djangos_default_parameters_is_rewritten_at_the_next_sign_in(
    org: Org, settings: Any
) -> None:
    from scotty import settings as production

    settings.PASSWORD_HASHERS = production.PASSWORD_HASHERS
    # As stored before: Django's Argon2 defaults, 100 MiB and 8 lanes per hash.
    old = make_password(PASSWORD, hasher=Argon2PasswordHasher())
    assert "m=102400,t=2,p=8" in old
    Person.objects.filter(pk=org.requester.pk).update(password=old)

    assert sign_in(Client(), "rita@example.org", PASSWORD).status_code == 302
    org.requester.refresh_from_db()
    assert "$m=19456,t=2,p=1$" in org.requester.password
    assert org.requester.check_password(PASSWORD)
