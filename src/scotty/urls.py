"""Mounts the channels: desk (agents), portal (requesters), sign-in, admin."""

from django.contrib import admin
from django.urls import include, path

from scotty.accounts import views as account_views
from scotty.notifications import views as notification_views

urlpatterns = [
    path("", account_views.home, name="home"),
    path("sign-in/", include("scotty.accounts.urls")),
    path("settings/", account_views.your_settings, name="settings"),
    path("settings/mail/", notification_views.mail_settings, name="mail_settings"),
    path("desk/", include("scotty.desk.urls")),
    path("portal/", include("scotty.portal.urls")),
    path("files/", include("scotty.files.urls")),
    path("admin/", admin.site.urls),
]

# Limits on fields, files and text answer in words (and back to the form), not a bare 400.
handler400 = "scotty.core.views.bad_request"
