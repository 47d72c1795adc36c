"""Every word a template shows is marked for translation (the second guard).

`test_catalogue` fails on a marked word the German catalogue lacks; this one fails on a
word nobody marked, which no catalogue could ever hold. See `unmarked.py` for what
counts as a word and the short list of what does not (names, keyboard keys).
"""

from pathlib import Path

import pytest

from tests.i18n.unmarked import unmarked

SRC = Path(__file__).resolve().parents[2] / "src" / "scotty"
TEMPLATES = sorted(p for p in SRC.rglob("templates/**/*") if p.suffix in {".html", ".txt"})


def test_there_are_templates_to_check() -> None:
    assert len(TEMPLATES) > 30


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: str(p.relative_to(SRC)))
def test_every_word_in_the_template_is_marked(path: Path) -> None:
    words = unmarked(path.read_text())
    assert not words, f"{path.relative_to(SRC)} has words no translation tag marks:\n" + "\n".join(
        str(w) for w in words
    )


@pytest.mark.parametrize(
    "source",
    [
        "<p>Hello</p>",
        "{% load i18n %}<p>{% translate 'Hi' %} there</p>",
        '<input placeholder="Type a name">',
        '<span aria-label="{{ n }} tickets">{{ n }}</span>',
        '<img alt="Logo" src="x.png">',
        '<input type="submit" value="Send">',
        '{% include "x.html" with empty="Nothing here." %}',
        '{{ person.name|default:"nobody" }}',
        "{{ n }} ticket{{ n|pluralize }}",
        '{{ when|date:"j M Y" }}',
        "<dt>Ctrl</dt>",
    ],
)
def test_the_guard_finds_an_unmarked_word(source: str) -> None:
    assert unmarked(source), source


@pytest.mark.parametrize(
    "source",
    [
        "{% load i18n %}<p>{% translate 'Hello' %}</p>",
        "{% load i18n %}<p>{% blocktranslate trimmed %}Hello {{ name }}{% endblocktranslate %}</p>",
        "{% load i18n %}{% blocktranslate count n=n %}{{ n }} ticket{% plural %}{{ n }} tickets"
        "{% endblocktranslate %}",
        "<p>{{ ticket.title }} · {{ ticket.reference }}</p>",
        "{# A comment with words #}{% comment %}More words{% endcomment %}<!-- and here -->",
        '<a class="brand" href="/">Scotty</a> <kbd>Enter</kbd> <kbd>r</kbd>',
        '<input type="hidden" name="kind" value="reply"><input type="radio" value="note">',
        '{{ when|date:"SHORT_DATETIME_FORMAT" }} {{ when|date:"c" }} {{ when|date:"H:i:s" }}',
        '{{ when|date:_("D j M, H:i") }} {% include "x.html" with id="assign-assignee" %}',
        '<script src="x.js"></script><script nonce="n">var x = "words";</script>',
        "{% load i18n %}<span title=\"{% translate 'Changed' %}\"></span>",
        "{% block body_class %}narrow{% endblock %}",
    ],
)
def test_the_guard_lets_marked_words_and_non_words_pass(source: str) -> None:
    assert not unmarked(source), unmarked(source)
