"""The requester portal. `home`, `new` and `request` are linked from other apps: keep them."""

from django.urls import path

from scotty.portal.views import actions, article_files, articles, detail, home, new, search

app_name = "portal"
urlpatterns = [
    path("", home.home, name="home"),
    path("new/", new.new_request, name="new"),
    path("search/", search.search_page, name="search"),
    path("requests/<str:reference>/", detail.request_page, name="request"),
    path("requests/<str:reference>/reply/", actions.reply, name="reply"),
    path("requests/<str:reference>/confirm/", actions.confirm, name="confirm"),
    path("requests/<str:reference>/reopen/", actions.reopen, name="reopen"),
    # Before <slug>: "suggest" is the form's (an article given that slug would be hidden).
    path("help/suggest/", articles.suggest, name="suggest"),
    path("help/<slug:slug>/", articles.article_page, name="article"),
    path("help/<slug:slug>/feedback/", articles.feedback, name="article_feedback"),
    path("help/<slug:slug>/solved/", articles.solved, name="article_solved"),
    path("help/<slug:slug>/files/<int:file_id>/", article_files.article_file, name="article_file"),
]
