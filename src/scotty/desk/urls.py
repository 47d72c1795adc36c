"""Desk URLs. `home`, `queue`, `ticket`, `log_call` and `people` are used by others: keep them."""

from django.urls import path

from scotty.desk.views import actions, administration, calls, home, people, queues, tickets, units

app_name = "desk"
urlpatterns = [
    path("", home.home, name="home"),
    path("go/", home.go, name="go"),
    path("queues/<slug:slug>/", queues.queue, name="queue"),
    path("new/", calls.log_call, name="log_call"),
    path("people/", people.people, name="people"),
    path("units/", units.unit_settings, name="units"),
    path("units/<str:prefix>/", units.save_unit, name="save_unit"),
    path("administration/", administration.administration, name="administration"),
    path(
        "administration/sign-in-locks/",
        administration.sign_in_locks_page,
        name="sign_in_locks",
    ),
    path(
        "administration/sign-in-locks/lift/",
        administration.lift_sign_in_lock,
        name="lift_sign_in_lock",
    ),
    path("tickets/<str:reference>/", tickets.ticket_page, name="ticket"),
    path("tickets/<str:reference>/reply/", actions.reply, name="reply"),
    path("tickets/<str:reference>/status/", actions.change_status, name="status"),
    path("tickets/<str:reference>/assign/", actions.assign, name="assign"),
    path("tickets/<str:reference>/priority/", actions.set_priority, name="priority"),
    path("tickets/<str:reference>/next-step/", actions.set_next_step, name="next_step"),
    path("tickets/<str:reference>/transfer/", actions.transfer, name="transfer"),
    path("tickets/<str:reference>/tags/", actions.set_tags, name="tags"),
    path("tickets/<str:reference>/watchers/", actions.watch, name="watch"),
    path("tickets/<str:reference>/watchers/remove/", actions.unwatch, name="unwatch"),
]
