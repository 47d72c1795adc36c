from django.urls import path

from scotty.accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.SignIn.as_view(), name="sign_in"),
    path("out/", views.sign_out, name="sign_out"),
]
