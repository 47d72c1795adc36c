"""Forms of the desk's knowledge pages. Like `desk.forms`, they check the shape of what
an agent sent and turn it into what `knowledge.services` takes (`ArticleText`); the
rules (how long a title may be, how many keywords, whom an article may be for) are the
services', so every channel refuses the same things in the same words.
"""

import re
from typing import Any

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext, gettext_lazy

from scotty.accounts.models import Person, SupportUnit
from scotty.catalog.models import Service
from scotty.desk.audience_fields import departments_field, locations_field
from scotty.knowledge.models import Article, Audience
from scotty.knowledge.selectors import desk_articles
from scotty.knowledge.services import MAX_BODY, ArticleText

_SEPARATORS = re.compile(r"[\s,]+")
MAX_RELATED = 20


class ArticleForm(forms.Form):
    """An article as its author writes it; `unit` only when it is new."""

    title = forms.CharField(label=gettext_lazy("Title"), max_length=300)
    summary = forms.CharField(
        label=gettext_lazy("Summary"), required=False, max_length=1000,
        widget=forms.Textarea({"rows": 2}),
        help_text=gettext_lazy("One or two sentences: shown in search results and lists."),
    )  # fmt: skip
    body = forms.CharField(
        label=gettext_lazy("Text"), required=False, strip=False, max_length=MAX_BODY * 2,
        widget=forms.Textarea({"rows": 18, "spellcheck": "true"}),
    )  # fmt: skip
    keywords = forms.CharField(
        label=gettext_lazy("Keywords"), required=False, max_length=1000,
        help_text=gettext_lazy("The words people use for it, separated by commas: "
                               "“wifi, wireless, no internet”."),
    )  # fmt: skip
    audience = forms.ChoiceField(
        label=gettext_lazy("For whom"), choices=Audience.choices, widget=forms.RadioSelect,
        initial=Audience.EVERYONE,
    )  # fmt: skip
    departments = departments_field()
    locations = locations_field()
    services = forms.ModelMultipleChoiceField(
        queryset=Service.objects.none(), required=False, widget=forms.CheckboxSelectMultiple,
        label=gettext_lazy("Services"),
        help_text=gettext_lazy("The catalog services it answers questions about."),
    )  # fmt: skip
    related = forms.CharField(
        label=gettext_lazy("Related articles"), required=False, max_length=3000,
        help_text=gettext_lazy("The addresses of other articles (the last part of their "
                               "link, like vpn-setup), separated by commas."),
    )  # fmt: skip
    review_by = forms.DateField(
        label=gettext_lazy("Review by"), required=False,
        widget=forms.DateInput({"type": "date"}, format="%Y-%m-%d"),
        help_text=gettext_lazy("After this day your unit is reminded to check it is still right."),
    )  # fmt: skip
    expected_version = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    from_ticket = forms.CharField(required=False, max_length=40, widget=forms.HiddenInput)

    def __init__(self, *args: Any, person: Person, units: list[SupportUnit] | None = None,
                 article: Article | None = None, **kwargs: Any) -> None:  # fmt: skip
        kwargs.setdefault("auto_id", "article-%s")
        super().__init__(*args, **kwargs)
        self.person, self.article = person, article
        if units is not None:  # a new article: of one of the agent's units
            self.fields["unit"] = forms.ModelChoiceField(
                queryset=SupportUnit.objects.filter(pk__in=[u.pk for u in units]).order_by("name"),
                label=gettext_lazy("Unit"), empty_label=None,
                help_text=gettext_lazy("Its agents edit it; its managers publish it."),
            )  # fmt: skip
        unit_ids = [u.pk for u in units] if units is not None else [article.unit_id]  # type: ignore[union-attr]
        linked = Q(pk__in=article.services.all()) if article is not None else Q(pk__in=[])
        services: QuerySet[Service] = Service.objects.filter(Q(unit_id__in=unit_ids) | linked)
        self.fields["services"].queryset = services.select_related("unit").order_by(  # type: ignore[attr-defined]
            "unit__name", "name"
        )
        self.fields["services"].label_from_instance = _service_label  # type: ignore[attr-defined]

    def clean_related(self) -> list[Article]:
        slugs = list(dict.fromkeys(s for s in _SEPARATORS.split(self.cleaned_data["related"]) if s))
        if len(slugs) > MAX_RELATED:
            raise forms.ValidationError(
                gettext("At most %(count)d related articles.") % {"count": MAX_RELATED}
            )
        found = {a.slug: a for a in desk_articles(self.person).filter(slug__in=slugs)}
        missing = [s for s in slugs if s not in found]
        if missing:
            raise forms.ValidationError(
                gettext("No article has the address %(slug)s.") % {"slug": ", ".join(missing)}
            )
        return [found[s] for s in slugs]

    def text(self) -> ArticleText:
        """What was written, as the services take it (after `is_valid`)."""
        data = self.cleaned_data
        keywords = [k for k in data["keywords"].split(",") if k.strip()]
        return ArticleText(
            title=data["title"], body=data["body"], summary=data["summary"], keywords=keywords,
            audience=data["audience"], departments=list(data["departments"]),
            locations=list(data["locations"]), services=list(data["services"]),
            related=data["related"], review_by=data["review_by"],
        )  # fmt: skip


def _service_label(service: Service) -> str:
    return f"{service.name} ({service.unit.name})"


def initial_from(article: Article) -> dict[str, Any]:
    """The editor's fields as the article is saved now."""
    return {
        "title": article.title, "summary": article.summary, "body": article.body,
        "keywords": article.keywords, "audience": article.audience,
        "departments": list(article.departments.all()), "locations": list(article.locations.all()),
        "services": list(article.services.all()),
        "related": ", ".join(a.slug for a in article.related.order_by("title")),
        "review_by": article.review_by, "expected_version": article.version,
    }  # fmt: skip


def initial_from_text(text: ArticleText) -> dict[str, Any]:
    """The editor's fields for words not saved yet (a draft from a ticket)."""
    return {
        "title": text.title, "summary": text.summary, "body": text.body,
        "keywords": ", ".join(text.keywords), "audience": text.audience,
        "services": list(text.services), "review_by": text.review_by,
    }  # fmt: skip


class FileForm(forms.Form):
    """One image or document for the article; its type and size are the core's rules."""

    file = forms.FileField(label=gettext_lazy("File"), allow_empty_file=True)


class MoveForm(forms.Form):
    """A move of the article's life (send to review, publish, archive, back to draft)."""

    to = forms.CharField(max_length=20)
    version = forms.IntegerField(min_value=1)
