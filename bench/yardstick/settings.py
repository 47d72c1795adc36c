"""Scotty's settings, stripped to what a signed-in page needs: session and user only."""

from scotty.settings import *  # noqa: F403

MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
ROOT_URLCONF = "yardstick.urls"
