from django.urls import path

from scotty.desk.views import home

app_name = "desk"
urlpatterns = [path("", home.home, name="home")]
