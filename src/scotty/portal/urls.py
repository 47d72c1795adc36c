from django.urls import path

from scotty.portal.views import home

app_name = "portal"
urlpatterns = [path("", home.home, name="home")]
