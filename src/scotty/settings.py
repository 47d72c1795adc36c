"""Scotty settings: one file, every deployment choice read from the environment.

The defaults run embedded (SQLite under ./data, huey on SQLite, local files) with
production-safe security settings; see README "Configuration" for every variable.
"""

from pathlib import Path
from typing import Any

import dj_database_url
from django.utils.csp import CSP

from scotty.core.env import ConfigError, env_bool, env_int, env_list, env_str, secret_key

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(env_str("SCOTTY_DATA_DIR", str(Path.cwd() / "data"))).resolve()

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = secret_key(DATA_DIR)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")

# Secure cookies whenever the site is served over https.
_HTTPS = SITE_URL.startswith("https://")
SESSION_COOKIE_SECURE = _HTTPS
CSRF_COOKIE_SECURE = _HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if _HTTPS else None
# Under https, plain http is answered with a redirect, and browsers are told (HSTS) to
# use https only. Never under http: a browser that saw HSTS from a host keeps refusing
# plain http to it for the whole max-age. A proxy that already redirects, or health
# checks over http, can turn the redirect off.
SECURE_SSL_REDIRECT = _HTTPS and env_bool("SCOTTY_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SCOTTY_HSTS_SECONDS", 60 * 60 * 24 * 365) if _HTTPS else 0
# Both reach beyond this site (every subdomain; browsers' built-in lists): opt-in only.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SCOTTY_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SCOTTY_HSTS_PRELOAD", False)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 12)
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
    # An injected <base href> would point every relative link and script elsewhere.
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],  # no plugins, not even from our own origin
}

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "huey.contrib.djhuey",
    "axes",
    "scotty.core",
    "scotty.accounts",
    "scotty.tickets",
    "scotty.catalog",
    "scotty.knowledge",
    "scotty.notifications",
    "scotty.mail",
    "scotty.search",
    "scotty.desk",
    "scotty.portal",
    "scotty.files",
    "scotty.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # After whitenoise, so static files keep their long cache; every page is no-store.
    "scotty.core.middleware.NoStoreMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The browser's Accept-Language picks the language; a person's profile, if set, wins
    # (PersonLanguageMiddleware, after authentication). URLs carry no language prefix.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "scotty.accounts.middleware.PersonLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "scotty.core.middleware.HtmxSignInRedirectMiddleware",
    # Last, so they see the outcome of authentication attempts (throttle, then lock).
    "scotty.accounts.middleware.SignInThrottleMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "scotty.urls"
WSGI_APPLICATION = "scotty.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Database: SQLite file by default; DATABASE_URL=postgres://... for PostgreSQL.
_SQLITE_DEFAULT = f"sqlite:///{DATA_DIR / 'scotty.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", _SQLITE_DEFAULT), conn_max_age=env_int("DB_CONN_MAX_AGE", 60)
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Connections persist per thread, as on PostgreSQL (DB_CONN_MAX_AGE): WAL lets each
    # gunicorn thread keep its own beside the one writer, and opening one (file, WAL,
    # pragmas) for every request cost more than many of the page's queries.
    DATABASES["default"]["OPTIONS"] = {
        # IMMEDIATE takes the write lock at BEGIN, so read-then-write never fails with
        # "database is locked" halfway through a service.
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;"
        ),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache: shared by every process that serves (gunicorn runs one per CPU) and the
# worker: Redis when REDIS_URL is set, else a few SQLite files under the data folder
# (scotty/core/cache.py; never the main database, which presence must not touch).
REDIS_URL = env_str("REDIS_URL", "")
CACHES: dict[str, dict[str, Any]]
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "scotty.core.cache.SharedDiskCache",
            "LOCATION": str(DATA_DIR / "cache"),
            "SHARDS": 4,  # files, so writers on different keys rarely wait for each other
            "DATABASE_TIMEOUT": 0.1,  # seconds a write waits for a busy shard, then retries
            "OPTIONS": {"size_limit": 256 * 1024 * 1024},  # least recently stored go first
        }
    }
# Sessions are read on every request: from the cache, the database only on a miss (and
# written to both), so a poll of the ticket page costs the database nothing.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# --- Background tasks (huey): SQLite next to the database, Redis when REDIS_URL is set.
HUEY_IMMEDIATE = env_bool("HUEY_IMMEDIATE", False)
if REDIS_URL:
    HUEY = {
        "huey_class": "huey.RedisHuey",
        "name": env_str("HUEY_NAME", "scotty"),
        "url": REDIS_URL,
        "immediate": HUEY_IMMEDIATE,
    }
else:
    HUEY = {
        "huey_class": "huey.SqliteHuey",
        "name": "scotty",
        "filename": str(DATA_DIR / "tasks.sqlite3"),
        "immediate": HUEY_IMMEDIATE,
    }

# --- People and sign-in.
AUTH_USER_MODEL = "accounts.Person"
# Axes refuses a locked (account, address) first, then the throttle takes a token from
# the address's bucket; only then does ModelBackend hash the password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "scotty.accounts.backends.SignInThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Argon2id at OWASP's m=19 MiB, t=2, p=1 (scotty/accounts/hashers.py); older hashes are
# rewritten at the next sign-in.
# At most this many hashes at once per web process: each holds 19 MiB while it runs.
SCOTTY_HASHES_AT_ONCE = env_int("SCOTTY_HASHES_AT_ONCE", 1)
PASSWORD_HASHERS = [
    "scotty.accounts.hashers.ScottyArgon2Hasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "accounts:sign_in"
LOGIN_REDIRECT_URL = "home"
# How many reverse proxies in front of Scotty append to X-Forwarded-For; the client is
# the entry the first of them appended (scotty/accounts/client_address.py). 0: none,
# the header is ignored.
SCOTTY_PROXY_COUNT = env_int("SCOTTY_PROXY_COUNT", 0)
if SCOTTY_PROXY_COUNT < 0:
    raise ConfigError(f"SCOTTY_PROXY_COUNT must be 0 or more, not {SCOTTY_PROXY_COUNT}")
# The sign-in throttle, per client address across all e-mails (scotty/accounts/throttle.py):
# this many attempts at once, one more every REFILL seconds; correct sign-ins give theirs back.
SCOTTY_SIGN_IN_BURST = env_int("SCOTTY_SIGN_IN_BURST", 20)
SCOTTY_SIGN_IN_REFILL_SECONDS = env_int("SCOTTY_SIGN_IN_REFILL_SECONDS", 30)
if SCOTTY_SIGN_IN_BURST < 1 or SCOTTY_SIGN_IN_REFILL_SECONDS < 1:
    raise ConfigError("SCOTTY_SIGN_IN_BURST and SCOTTY_SIGN_IN_REFILL_SECONDS must be 1 or more")
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 15) / 60  # hours
# Lock a username from one address: a whole office behind one NAT address is not locked
# out by one person's typos, and nobody can lock a colleague out from elsewhere.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"  # the sign-in form's field (it holds the e-mail)
AXES_USERNAME_CALLABLE = "scotty.accounts.axes_hooks.lock_username"  # one lock per e-mail, any case
AXES_CLIENT_IP_CALLABLE = "scotty.accounts.client_address.client_address"
AXES_HANDLER = "scotty.accounts.axes_hooks.SignInLockHandler"  # skips throttled attempts
AXES_RESET_ON_SUCCESS = True
AXES_ENABLED = True

# --- Files: attachments through Django's storage API.
MEDIA_ROOT = DATA_DIR / "files"
MEDIA_URL = "/files/"  # never served directly; attachments go through a permission-checked view
STATIC_ROOT = DATA_DIR / "static"
STATIC_URL = "/static/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = DEBUG
SCOTTY_MAX_ATTACHMENT_BYTES = env_int("SCOTTY_MAX_ATTACHMENT_BYTES", 10 * 1024 * 1024)
SCOTTY_MAX_ATTACHMENTS_PER_MESSAGE = env_int("SCOTTY_MAX_ATTACHMENTS_PER_MESSAGE", 10)
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
# Scotty's handler first: it skips files beyond the count and size limits as they stream
# in (never spooled) and the form comes back saying so (core/uploads.py). Django's hard
# caps stay for forged requests; going over them gets a page in words (core/views.py).
FILE_UPLOAD_HANDLERS = [
    "scotty.core.uploads.LimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
DATA_UPLOAD_MAX_NUMBER_FILES = 100
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000

# Every word Scotty shows or sends goes through Django's translation machinery; each
# person's language comes from their profile, else their browser (README "Languages").
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("de", "Deutsch")]  # each named in itself, for the picker
LOCALE_PATHS = [BASE_DIR / "locale"]
# Scotty's date formats per language (scotty/formats/<language>/formats.py), before Django's.
FORMAT_MODULE_PATH = ["scotty.formats"]
TIME_ZONE = env_str("TIME_ZONE", "Europe/Berlin")
USE_I18N = True
USE_TZ = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        # Configured here, so huey's consumer does not add a second handler of its own.
        "huey": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"

# --- E-mail (scotty.mail) ------------------------------------------------------------
# Outgoing mail goes through Django's mailer (MAILERS, Django 6.1's successor of the
# EMAIL_* settings), sent by the worker from the outbox; nothing is sent inside a request.
# The operator still sets it with the familiar environment names (EMAIL_HOST ...).
_mail_backend = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
MAILERS: dict[str, dict[str, Any]] = {"default": {"BACKEND": _mail_backend}}
if _mail_backend == "django.core.mail.backends.smtp.EmailBackend":
    MAILERS["default"]["OPTIONS"] = {
        "host": env_str("EMAIL_HOST", "localhost"),
        "port": env_int("EMAIL_PORT", 25),
        "username": env_str("EMAIL_HOST_USER", ""),
        "password": env_str("EMAIL_HOST_PASSWORD", ""),
        "use_tls": env_bool("EMAIL_USE_TLS", False),
        "use_ssl": env_bool("EMAIL_USE_SSL", False),
        "timeout": env_int("EMAIL_TIMEOUT", 30),
    }
# The From of mail that no unit sends (a unit's first address is its From).
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "scotty@localhost")
# A message larger than this is refused before it is stored (LMTP: 552).
SCOTTY_MAX_INBOUND_BYTES = env_int("SCOTTY_MAX_INBOUND_BYTES", 40 * 1024 * 1024)
# Unknown senders from these domains become requesters; others are quarantined.
SCOTTY_MAIL_ALLOWED_DOMAINS = env_list("SCOTTY_MAIL_ALLOWED_DOMAINS", [])
# A requester the desk waits on is reminded after this many days without an answer,
# and again after as long, at most SCOTTY_WAITING_REMINDERS times a wait (0: never).
SCOTTY_WAITING_REMINDER_DAYS = env_int("SCOTTY_WAITING_REMINDER_DAYS", 3)
SCOTTY_WAITING_REMINDERS = env_int("SCOTTY_WAITING_REMINDERS", 2)
# At most this many new tickets from one sender an hour (a runaway sender or a loop).
SCOTTY_MAIL_TICKETS_PER_SENDER_HOUR = env_int("SCOTTY_MAIL_TICKETS_PER_SENDER_HOUR", 10)
# ... and at most this many replies to tickets (two automatic responders in a loop).
SCOTTY_MAIL_REPLIES_PER_SENDER_HOUR = env_int("SCOTTY_MAIL_REPLIES_PER_SENDER_HOUR", 30)
