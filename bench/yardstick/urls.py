from django.urls import path

from yardstick import views

urlpatterns = [
    path("yardstick/list/", views.ticket_list, name="yardstick_list"),
    path("yardstick/ticket/<str:reference>/", views.ticket_page, name="yardstick_ticket"),
    path("yardstick/ticket/<str:reference>/note/", views.add_note, name="yardstick_note"),
]
