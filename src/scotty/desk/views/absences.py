"""An agent's own absences (holiday, sick, training): the days automatic assignment
passes them over. Each agent sees and changes only their own."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from scotty.accounts import services
from scotty.accounts.selectors import coming_absences
from scotty.core.errors import InvalidInput, NotFound
from scotty.core.forms import error_on_field
from scotty.desk.access import DeskRequest, agent_required
from scotty.desk.forms import AbsenceForm


def _page(request: DeskRequest, form: AbsenceForm | None = None, status: int = 200) -> HttpResponse:
    context = {
        "absences": coming_absences(request.user),
        "form": form or AbsenceForm(),
        "problem": gettext("Nothing was saved: check the values.") if status >= 400 else "",
        "active": "absences",
    }
    return render(request, "desk/absences.html", context, status=status)


@agent_required()
def absences(request: DeskRequest) -> HttpResponse:
    if request.method != "POST":
        return _page(request)
    form = AbsenceForm(request.POST)
    if not form.is_valid():
        return _page(request, form, 400)
    data = form.cleaned_data
    try:
        services.add_absence(request.user, starts=data["starts"], ends=data["ends"],
                             kind=data["kind"])  # fmt: skip
    except InvalidInput as error:
        error_on_field(form, error)
        return _page(request, form, 400)
    messages.success(request, gettext("Absence marked: new tickets pass you over on those days."))
    return redirect("desk:absences")


@agent_required()
@require_POST
def remove_absence(request: DeskRequest, absence_id: int) -> HttpResponse:
    try:
        services.remove_absence(request.user, absence_id)
    except NotFound as error:
        raise Http404(error.message) from None
    return redirect("desk:absences")
