"""A readable difference between two versions of an article: what changed in its
title, summary, keywords and state, and its body line by line (added, removed, kept,
with a few kept lines around each change and the rest folded)."""

import difflib
from dataclasses import dataclass
from itertools import pairwise

from django.utils.translation import gettext

from scotty.knowledge.models import ArticleVersion

CONTEXT = 2  # kept lines shown around a change


@dataclass(frozen=True)
class FieldChange:
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class Line:
    kind: str  # "added", "removed", "kept", or "gap" (kept lines folded away)
    text: str


@dataclass(frozen=True)
class VersionDiff:
    old: ArticleVersion
    new: ArticleVersion
    fields: tuple[FieldChange, ...]
    body: tuple[Line, ...]

    @property
    def unchanged(self) -> bool:
        return not self.fields and not any(line.kind in ("added", "removed") for line in self.body)


def _body_lines(before: str, after: str) -> tuple[Line, ...]:
    old, new = before.splitlines(), after.splitlines()
    lines: list[Line] = []
    for group in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_grouped_opcodes(CONTEXT):
        if lines:
            lines.append(Line("gap", ""))
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                lines += [Line("kept", text) for text in old[i1:i2]]
                continue
            lines += [Line("removed", text) for text in old[i1:i2]]
            lines += [Line("added", text) for text in new[j1:j2]]
    return tuple(lines)


def version_diff(old: ArticleVersion, new: ArticleVersion) -> VersionDiff:
    """What changed from `old` to `new` (versions of one article, in either order)."""
    if old.number > new.number:
        old, new = new, old
    fields = []
    for label, attribute in ((gettext("Title"), "title"), (gettext("Summary"), "summary"),
                             (gettext("Keywords"), "keywords")):  # fmt: skip
        before, after = getattr(old, attribute), getattr(new, attribute)
        if before != after:
            fields.append(FieldChange(label, before, after))
    if old.state != new.state:
        fields.append(FieldChange(gettext("State"), old.get_state_display(),
                                  new.get_state_display()))  # fmt: skip
    return VersionDiff(old, new, tuple(fields), _body_lines(old.body, new.body))


def history(versions: list[ArticleVersion]) -> list[VersionDiff]:
    """Each version against the one before it, newest first."""
    ordered = sorted(versions, key=lambda v: v.number)
    return [version_diff(a, b) for a, b in pairwise(ordered)][::-1]
