"""Search quality on the demo's knowledge base: the questions requesters type (written
the way they type them, in `demo.content.articles.questions`) find the article that
answers them in the top three, for at least 90 % of them; the test prints the rate."""

import random

import pytest
from django.utils import timezone

from scotty.accounts.models import Person
from scotty.demo.content.articles import QUESTIONS
from scotty.demo.knowledge import create_knowledge
from scotty.demo.org import create_organisation
from scotty.search.articles import search_articles

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader() -> Person:
    """The demo organisation (no tickets) with its articles; one of its requesters."""
    rng = random.Random(7)
    cast = create_organisation(rng, requesters=20, extra_agents=0)
    create_knowledge(cast, rng, timezone.localdate())
    return cast.requesters[0]


def test_requesters_questions_find_their_article_in_the_top_three(
    reader: Person, capsys: pytest.CaptureFixture[str]
) -> None:
    missed = []
    for question in QUESTIONS:
        found = [r.reference for r in search_articles(reader, question.text, as_agent=False,
                                                      limit=3).items]  # fmt: skip
        if question.expected not in found:
            missed.append(f"{question.text!r}: wanted {question.expected}, got {found}")
    rate = 1 - len(missed) / len(QUESTIONS)
    with capsys.disabled():
        print(f"\nknowledge search: {rate:.0%} of {len(QUESTIONS)} questions found their "
              f"article in the top 3")  # fmt: skip
        for line in missed:
            print("  missed", line)
    assert len(QUESTIONS) >= 40
    assert rate >= 0.9, "\n".join(missed)
