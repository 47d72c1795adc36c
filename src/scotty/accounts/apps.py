from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "scotty.accounts"
    label = "accounts"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from scotty.accounts.backends import give_back_on_sign_in

        # A successful sign-in returns the throttle token its attempt took.
        user_logged_in.connect(give_back_on_sign_in, dispatch_uid="scotty-sign-in-give-back")
