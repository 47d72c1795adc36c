"""A unit's agent groups (Network, Desktop, Payroll), for its managers and
administrators: their names, members (people who work for the unit) and how their
tickets find a member. Saved through `accounts.services` and `catalog.offering`.

Who may: the rule of every unit settings page (`units._unit`): 404 for anyone else.
"""

from collections.abc import Callable

from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from scotty.accounts import services
from scotty.accounts.models import AgentGroup, Person, SupportUnit
from scotty.catalog import offering
from scotty.catalog.models import AssignmentRule, GroupAssignment
from scotty.desk.access import DeskRequest, agent_required
from scotty.desk.catalog_forms import AgentGroupForm, GroupRuleForm
from scotty.desk.views.catalog_settings import saved, submit
from scotty.desk.views.units import _unit


def _group(request: DeskRequest, prefix: str, group_id: int) -> AgentGroup:
    unit = _unit(request, prefix)
    group = get_object_or_404(AgentGroup, pk=group_id, unit=unit)
    group.unit = unit
    return group


def _rule_of(group: AgentGroup) -> str:
    found = GroupAssignment.objects.filter(group=group).values_list("rule", flat=True).first()
    return found or AssignmentRule.MANUAL


def _groups_page(request: DeskRequest, unit: SupportUnit, form: AgentGroupForm | None = None,
                 problem: str = "", status: int = 200) -> HttpResponse:  # fmt: skip
    members = Prefetch("members", queryset=Person.objects.order_by("full_name"))
    groups = AgentGroup.objects.filter(unit=unit).prefetch_related(members)
    rules = dict(GroupAssignment.objects.filter(group__unit=unit).values_list("group", "rule"))
    wording = dict(AssignmentRule.choices)
    rows = [(g, wording[rules.get(g.pk, AssignmentRule.MANUAL)]) for g in groups]
    context = {"unit": unit, "rows": rows, "problem": problem, "active": "units",
               "form": form or AgentGroupForm(unit=unit, auto_id="new-group-%s")}  # fmt: skip
    return render(request, "desk/catalog/groups.html", context, status=status)


@agent_required()
def agent_groups(request: DeskRequest, prefix: str) -> HttpResponse:
    """The unit's groups, and a new one."""
    unit = _unit(request, prefix)
    if request.method != "POST":
        return _groups_page(request, unit)
    form = AgentGroupForm(request.POST, unit=unit, auto_id="new-group-%s")
    made: list[AgentGroup] = []
    return submit(
        form, lambda: made.append(services.save_agent_group(
            unit, actor=request.user, name=form.cleaned_data["name"],
            members=list(form.cleaned_data["members"]))),
        again=lambda problem, status: _groups_page(request, unit, form, problem, status),
        done=lambda: _shown(request, made[0], gettext("Group %(name)s made.")),
    )  # fmt: skip


def _shown(request: DeskRequest, group: AgentGroup, notice: str) -> HttpResponse:
    return saved(request, notice % {"name": group.name}, "desk:agent_group",
                 prefix=group.unit.prefix, group_id=group.pk)  # fmt: skip


def _group_page(request: DeskRequest, group: AgentGroup, *, form: AgentGroupForm | None = None,
                rule: GroupRuleForm | None = None, problem: str = "",
                status: int = 200) -> HttpResponse:  # fmt: skip
    initial = {"name": group.name, "members": [p.pk for p in group.members.all()]}
    context = {
        "unit": group.unit, "group": group, "problem": problem, "active": "units",
        "form": form or AgentGroupForm(unit=group.unit, initial=initial),
        "rule": rule or GroupRuleForm(initial={"rule": _rule_of(group)}),
    }  # fmt: skip
    return render(request, "desk/catalog/group.html", context, status=status)


def _again(request: DeskRequest, group: AgentGroup, *, form: AgentGroupForm | None = None,
           rule: GroupRuleForm | None = None) -> Callable[[str, int], HttpResponse]:  # fmt: skip
    """The group's page again, with the refused form as it was sent."""
    return lambda problem, status: _group_page(request, group, form=form, rule=rule,
                                               problem=problem, status=status)  # fmt: skip


@agent_required()
def agent_group(request: DeskRequest, prefix: str, group_id: int) -> HttpResponse:
    """One group: its name and members (saved together), its rule, and deleting it."""
    group = _group(request, prefix, group_id)
    if request.method != "POST":
        return _group_page(request, group)
    form = AgentGroupForm(request.POST, unit=group.unit)
    # The service renames the group only once all is right: a refused page shows the
    # saved name.
    return submit(
        form, lambda: services.save_agent_group(
            group.unit, actor=request.user, name=form.cleaned_data["name"],
            members=list(form.cleaned_data["members"]), group=group),
        again=_again(request, group, form=form),
        done=lambda: _shown(request, group, gettext("Group %(name)s saved.")),
    )  # fmt: skip


@agent_required()
@require_POST
def agent_group_rule(request: DeskRequest, prefix: str, group_id: int) -> HttpResponse:
    """How the group's tickets find one of its members."""
    group = _group(request, prefix, group_id)
    form = GroupRuleForm(request.POST)
    return submit(
        form, lambda: offering.set_group_rule(group, form.cleaned_data["rule"],
                                              actor=request.user),
        again=_again(request, group, rule=form),
        done=lambda: _shown(request, group, gettext("Assignment of %(name)s saved.")),
    )  # fmt: skip


@agent_required()
@require_POST
def delete_agent_group(request: DeskRequest, prefix: str, group_id: int) -> HttpResponse:
    """Remove the group; its tickets and request types stay with the unit."""
    group = _group(request, prefix, group_id)
    return submit(
        None, lambda: services.delete_agent_group(group, actor=request.user),
        again=_again(request, group),
        done=lambda: saved(request, gettext("Group %(name)s deleted.") % {"name": group.name},
                           "desk:agent_groups", prefix=group.unit.prefix),
    )  # fmt: skip
