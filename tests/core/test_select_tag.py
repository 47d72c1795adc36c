"""`{% select field %}` draws a select byte for byte as Django's `{{ field }}` does, for
every select the desk writes with it: pristine, chosen, refused (aria-invalid and the
error id), with optgroups, and with labels a person wrote (a unit named with markup)."""

from typing import Any

import pytest
from django import forms

from scotty.accounts.models import SupportUnit
from scotty.core.templatetags.fields import select
from scotty.desk.forms import PriorityForm, QueueFilterForm, TransferForm
from scotty.tickets.queues import queue


class Grouped(forms.Form):
    place = forms.ChoiceField(
        choices=[("", "—"), ("Berlin", [("b1", "Floor 1"), ("b2", "Floor <2>")]), ("x", "X")],
        help_text="Where it is",
    )


def units() -> list[SupportUnit]:
    return [SupportUnit(pk=1, name="IT"), SupportUnit(pk=2, name='<b>"HR" & co</b>')]


def forms_to_draw() -> list[tuple[forms.Form, str]]:
    sorts = queue("open").sorts
    return [
        (PriorityForm(initial={"version": 1}, auto_id="priority-%s"), "impact"),
        (PriorityForm(initial={"impact": "high", "urgency": "low"}), "urgency"),
        (PriorityForm(initial={"override": 2}), "override"),
        (PriorityForm({"version": "1", "impact": "nonsense"}), "impact"),  # refused
        (PriorityForm({"version": "1", "override": "9"}), "override"),
        (TransferForm(initial={"working_unit": 2}, units=units()), "working_unit"),
        (TransferForm(units=units(), auto_id="transfer-%s"), "owning_unit"),
        (TransferForm({"version": "1", "working_unit": "7"}, units=units()), "working_unit"),
        (QueueFilterForm({"status": "open"}, units=units(), sorts=sorts), "status"),
        (QueueFilterForm({"priority": "x"}, units=units(), sorts=sorts), "priority"),
        (QueueFilterForm({"unit": "2"}, units=units(), sorts=sorts), "unit"),
        (QueueFilterForm({}, units=units(), sorts=sorts), "sort"),
        (Grouped(), "place"),
        (Grouped({"place": "b2"}), "place"),
        (Grouped({"place": "nowhere"}), "place"),
    ]


@pytest.mark.parametrize("number", range(len(forms_to_draw())))
def test_select_draws_what_django_draws(db: None, number: int) -> None:
    # (db: a unit chosen in a bound transfer form is looked up when it is validated)
    form, name = forms_to_draw()[number]
    field: Any = form[name]
    if form.is_bound:
        form.is_valid()  # errors drawn as aria-invalid, as a refused form shows them
    assert str(select(field)) == str(field)


def test_a_unit_named_with_markup_is_escaped() -> None:
    drawn = str(select(TransferForm(units=units())["working_unit"]))
    assert "<b>" not in drawn and "&lt;b&gt;&quot;HR&quot; &amp; co&lt;/b&gt;" in drawn
