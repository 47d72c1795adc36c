"""Signing in and out, and sending each person to their side of Scotty."""

from django.contrib.auth import logout
from django.contrib.auth.views import LoginView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from scotty.accounts.forms import SignInForm
from scotty.accounts.selectors import is_agent


class SignIn(LoginView):
    template_name = "accounts/sign_in.html"
    form_class = SignInForm
    redirect_authenticated_user = True


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect("accounts:sign_in")


def home(request: HttpRequest) -> HttpResponse:
    """Agents land on their desk, everyone else on the portal."""
    if not request.user.is_authenticated:
        return redirect("accounts:sign_in")
    return redirect("desk:home" if is_agent(request.user) else "portal:home")
