"""Settings for the test suite: the real settings, made fast and self-contained.

DATABASE_URL and REDIS_URL still apply, so CI runs the same suite on PostgreSQL/Redis.
"""

import os
import tempfile

os.environ.setdefault("SCOTTY_DATA_DIR", tempfile.mkdtemp(prefix="scotty-test-"))

from scotty.settings import *  # noqa: F403

# Argon2 costs ~100 MiB and tens of ms per hash; tests sign in hundreds of times.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
HUEY = {**HUEY, "immediate": True}  # noqa: F405
AXES_ENABLED = False  # the throttling test turns it back on
ALLOWED_HOSTS = ["*"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve static files from the apps' folders (no collectstatic before tests).
WHITENOISE_USE_FINDERS = True
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405

# A file, not Django's shared-cache in-memory database: the same locking as production
# (WAL, busy timeout), so tests with two connections at once behave as they would live.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test.sqlite3")}  # noqa: F405
