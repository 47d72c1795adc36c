"""Signing in and out, sending each person to their side of Scotty, and a person's own
settings (the language Scotty speaks to them in)."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods, require_POST

from scotty.accounts import services
from scotty.accounts.forms import LanguageForm, SignInForm
from scotty.accounts.languages import chosen_language
from scotty.accounts.models import Person
from scotty.accounts.selectors import is_agent
from scotty.core.errors import InvalidInput, NotAllowed


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


@login_required
@require_http_methods(["GET", "POST"])
def your_settings(request: HttpRequest) -> HttpResponse:
    """The signed-in person's own settings: only theirs (there is no id to change)."""
    person = request.user
    assert isinstance(person, Person)  # login_required
    form = LanguageForm(request.POST or None, initial={"language": person.language})
    if request.method == "POST" and form.is_valid():
        try:
            services.set_language(person, actor=person, language=form.cleaned_data["language"])
        except (InvalidInput, NotAllowed) as error:
            form.add_error("language", error.message)
        else:
            # Said in the language just chosen (or the browser's, for "as my browser asks").
            code = chosen_language(person) or translation.get_language_from_request(request)
            translation.activate(code)
            request.LANGUAGE_CODE = code
            messages.success(request, gettext("Your settings are saved."))
            return redirect("settings")
    status = 400 if form.errors else 200
    return render(request, "accounts/settings.html", {"form": form}, status=status)
