"""Desk URLs. `home`, `queue`, `ticket`, `log_call` and `people` are used by others: keep them."""

from django.urls import path

from scotty.desk.views import (
    actions,
    administration,
    bulk,
    calendars,
    calls,
    canned,
    clocks,
    home,
    notifications,
    people,
    queues,
    search,
    service_levels,
    tickets,
    units,
)
from scotty.desk.views import presence as presence_views

app_name = "desk"
urlpatterns = [
    path("", home.home, name="home"),
    path("go/", home.go, name="go"),
    path("search/", search.search_page, name="search"),
    path("queues/<slug:slug>/", queues.queue, name="queue"),
    path("bulk/", bulk.bulk, name="bulk"),
    path("new/", calls.log_call, name="log_call"),
    path("new/their-tickets/", calls.caller_tickets, name="caller_tickets"),
    path("people/", people.people, name="people"),
    path("notifications/", notifications.notifications, name="notifications"),
    path("notifications/read/", notifications.mark_all_read, name="notifications_read"),
    path("notifications/bell/", notifications.bell, name="bell"),
    path("canned/", canned.canned_replies, name="canned"),
    path("canned/<int:reply_id>/", canned.edit, name="canned_edit"),
    path("canned/<int:reply_id>/delete/", canned.delete, name="canned_delete"),
    path("units/", units.unit_settings, name="units"),
    path("units/<str:prefix>/", units.save_unit, name="save_unit"),
    path(
        "units/<str:prefix>/service-levels/",
        service_levels.service_levels,
        name="service_levels",
    ),
    path("units/<str:prefix>/members/", units.add_member, name="add_member"),
    path("units/<str:prefix>/members/role/", units.change_member_role, name="member_role"),
    path("units/<str:prefix>/members/remove/", units.remove_member, name="remove_member"),
    path("administration/", administration.administration, name="administration"),
    path("administration/calendars/", calendars.calendars, name="calendars"),
    path("administration/calendars/<int:calendar_id>/", calendars.calendar, name="calendar"),
    path(
        "administration/calendars/<int:calendar_id>/closing-days/",
        calendars.add_closing_day,
        name="add_closing_day",
    ),
    path(
        "administration/calendars/<int:calendar_id>/closing-days/remove/",
        calendars.remove_closing_day,
        name="remove_closing_day",
    ),
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
    path("tickets/<str:reference>/presence/", presence_views.check_in, name="presence"),
    path("tickets/<str:reference>/clock/", clocks.ticket_clock, name="ticket_clock"),
    path("tickets/<str:reference>/reply/", actions.reply, name="reply"),
    path("tickets/<str:reference>/canned/", canned.pick, name="canned_pick"),
    path("tickets/<str:reference>/assign/", actions.assign, name="assign"),
    path("tickets/<str:reference>/priority/", actions.set_priority, name="priority"),
    path("tickets/<str:reference>/transfer/", actions.transfer, name="transfer"),
    path("tickets/<str:reference>/tags/", actions.set_tags, name="tags"),
    path("tickets/<str:reference>/watchers/", actions.watch, name="watch"),
    path("tickets/<str:reference>/watchers/remove/", actions.unwatch, name="unwatch"),
]
