"""How passwords are stored: Argon2id with the parameters OWASP recommends.

Django's default Argon2 parameters (m = 100 MiB, t = 2, p = 8) cost about 100 MiB and
0.4 s of CPU per sign-in, and a sign-in for an unknown e-mail costs the same (Django
hashes anyway so the answer takes as long). A few parallel bad sign-ins then take a
small server to its knees. The OWASP Password Storage Cheat Sheet's first Argon2id
configuration, m = 19 MiB, t = 2, p = 1, is what OWASP considers sufficient for
password storage at a fifth of the memory; `bench/argon2_cost.py` measures both on the
machine at hand.

The algorithm name stays "argon2", so hashes written with Django's parameters are still
verified, and Django rewrites them with these on the person's next successful sign-in
(`must_update` compares the parameters).
"""

import threading

from django.conf import settings
from django.contrib.auth.hashers import Argon2PasswordHasher

from scotty.core.memory import return_large_blocks_to_the_system

# Each hash's 19 MiB goes back to the system when it is done, in every process that
# hashes (web workers, the worker, scripts), not only under `scotty serve`.
return_large_blocks_to_the_system()

# Hashes one web process computes at the same moment. Each takes its 19 MiB while it
# runs; a threaded worker answering four sign-ins at once would need four times that.
# Queued instead, a sign-in waits a few tens of milliseconds and the worker's peak stays
# near its base plus one hash (bench/serve.py measures it).
_at_once = threading.BoundedSemaphore(max(1, int(getattr(settings, "SCOTTY_HASHES_AT_ONCE", 1))))


class ScottyArgon2Hasher(Argon2PasswordHasher):
    """Argon2id, m = 19 MiB, t = 2, p = 1 (OWASP Password Storage Cheat Sheet), at most
    SCOTTY_HASHES_AT_ONCE hashes at a time per process."""

    memory_cost = 19 * 1024  # KiB
    time_cost = 2
    parallelism = 1

    def encode(self, password: str, salt: str) -> str:
        with _at_once:
            return super().encode(password, salt)

    def verify(self, password: str, encoded: str) -> bool:
        with _at_once:
            return super().verify(password, encoded)
