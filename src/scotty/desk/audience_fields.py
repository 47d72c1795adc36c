"""The form fields that say whom something is for (a service, an article): departments
and locations, ticked from the organisation's lists; none ticked is everyone."""

from django import forms
from django.utils.translation import gettext_lazy

from scotty.accounts.models import Department, Location


def departments_field() -> forms.ModelMultipleChoiceField:  # type: ignore[type-arg]
    return forms.ModelMultipleChoiceField(
        queryset=Department.objects.order_by("name"), required=False,
        widget=forms.CheckboxSelectMultiple, label=gettext_lazy("Departments"),
    )  # fmt: skip


def locations_field() -> forms.ModelMultipleChoiceField:  # type: ignore[type-arg]
    return forms.ModelMultipleChoiceField(
        queryset=Location.objects.order_by("name"), required=False,
        widget=forms.CheckboxSelectMultiple, label=gettext_lazy("Locations"),
    )  # fmt: skip
