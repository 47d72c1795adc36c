"""Reading a page's markup in tests: elements by id, and what points at what.

Enough HTML parsing to check that a field with an error says so (`aria-invalid`), that
its `aria-describedby` names elements the page has, and what those elements say.
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
     "track", "wbr"}
)  # fmt: skip


@dataclass(eq=False)  # the same element, not an equal one
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""
    parent: "Element | None" = None
    children: list["Element"] = field(default_factory=list)

    def ancestors(self, levels: int) -> list["Element"]:
        found, element = [], self.parent
        while element is not None and len(found) < levels:
            found.append(element)
            element = element.parent
        return found


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.open: list[Element] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        parent = self.open[-1] if self.open else None
        element = Element(tag, {k: v or "" for k, v in attrs}, parent=parent)
        self.elements.append(element)
        if parent is not None:
            parent.children.append(element)
        if tag not in VOID:
            self.open.append(element)

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.open) - 1, -1, -1):
            if self.open[i].tag == tag:
                del self.open[i:]
                return

    def handle_data(self, data: str) -> None:
        for element in self.open:
            element.text += data


class Markup:
    def __init__(self, html: str) -> None:
        reader = _Reader()
        reader.feed(html)
        self.elements = reader.elements
        self.by_id = {e.attrs["id"]: e for e in self.elements if "id" in e.attrs}

    def __getitem__(self, element_id: str) -> Element:
        return self.by_id[element_id]

    def find(self, tag: str, **attrs: str) -> list[Element]:
        return [
            e for e in self.elements
            if e.tag == tag and all(e.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())
        ]  # fmt: skip

    def described_by(self, element_id: str) -> list[Element]:
        ids = self[element_id].attrs.get("aria-describedby", "").split()
        return [self[i] for i in ids]

    def broken_references(self) -> list[str]:
        """`aria-describedby` and label `for` values naming no element of the page."""
        broken = []
        for e in self.elements:
            for target in e.attrs.get("aria-describedby", "").split():
                if target not in self.by_id:
                    broken.append(f"<{e.tag} id={e.attrs.get('id')}> describedby {target}")
            if e.tag == "label" and e.attrs.get("for") and e.attrs["for"] not in self.by_id:
                broken.append(f"<label for={e.attrs['for']}>")
        return broken


def assert_error_beside(page: Markup, field_id: str, message: str) -> None:
    """The field says it is invalid and points at an error `<field_id>_error` that holds
    the message and stands beside it: in the same group (the field's parent or the one
    around that, as with a field and its button)."""
    field_element = page[field_id]
    assert field_element.attrs.get("aria-invalid") == "true", field_element.attrs
    error = page[f"{field_id}_error"]
    assert error in page.described_by(field_id), field_element.attrs
    assert error.parent in field_element.ancestors(2), "the error is not beside the field"
    assert message in " ".join(error.text.split()), error.text
    assert not page.broken_references(), page.broken_references()
