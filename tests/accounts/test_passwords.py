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


# Four sign-ins at once in one threaded web process, in a fresh interpreter so its peak
# memory is this alone: how much the hashing added to the process's peak.
_FOUR_AT_ONCE = """
import os, resource, threading, django
os.environ["DJANGO_SETTINGS_MODULE"] = "scotty.settings"
django.setup()
from django.contrib.auth.hashers import check_password, get_hasher
encoded = get_hasher().encode("a long enough passphrase", "saltsaltsalt")  # loads argon2
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
threads = [threading.Thread(target=check_password, args=("wrong guess", encoded))
           for _ in range(4)]
for t in threads: t.start()
for t in threads: t.join()
print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024)
"""


def test_four_sign_ins_at_once_cost_one_hash_of_memory_not_four(tmp_path: Any) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "SCOTTY_DATA_DIR": str(tmp_path), "SCOTTY_HASHES_AT_ONCE": "1"}
    env.pop("DATABASE_URL", None)
    run = subprocess.run(
        [sys.executable, "-c", _FOUR_AT_ONCE], env=env, capture_output=True, text=True, check=True
    )
    added_mib = int(run.stdout.strip().splitlines()[-1])
    # The first hash (making the password) already set the peak: 19 MiB. Four checks
    # queued one after another add nothing to it; four at once would add three hashes
    # more (about 50 MiB, measured with SCOTTY_HASHES_AT_ONCE=4).
    assert added_mib < 19, run.stdout
