from django.urls import path

from yardstick import views

urlpatterns = [
    path("yardstick/home/", views.home, name="yardstick_home"),
    path("yardstick/queue/<slug:slug>/", views.queue, name="yardstick_queue"),
    path("yardstick/requests/", views.requests, name="yardstick_requests"),
    path("yardstick/ticket/<str:reference>/", views.ticket_page, name="yardstick_ticket"),
    path("yardstick/ticket/<str:reference>/note/", views.add_note, name="yardstick_note"),
]
