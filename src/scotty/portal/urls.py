"""The requester portal. `home`, `new` and `request` are linked from other apps: keep them."""

from django.urls import path

from scotty.portal.views import actions, detail, home, new, search

app_name = "portal"
urlpatterns = [
    path("", home.home, name="home"),
    path("new/", new.new_request, name="new"),
    path("search/", search.search_page, name="search"),
    path("requests/<str:reference>/", detail.request_page, name="request"),
    path("requests/<str:reference>/reply/", actions.reply, name="reply"),
    path("requests/<str:reference>/confirm/", actions.confirm, name="confirm"),
    path("requests/<str:reference>/reopen/", actions.reopen, name="reopen"),
]
