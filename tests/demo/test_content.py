"""The demo texts: every placeholder has a value, tags and texts pass the services' rules,
and every text of a case is about what each of its titles says."""

import random
import string
from collections import Counter
from collections.abc import Iterator
from dataclasses import fields

import pytest

from scotty.accounts.models import Person
from scotty.demo.content import COMMON_SLOTS, Case, Topic, topics_by_unit
from scotty.demo.content import common as phrases
from scotty.demo.content.people import STAFF, UNITS
from scotty.demo.texts import Words
from scotty.tickets.services.validation import MAX_NEXT_STEP, MAX_TAGS, MAX_TITLE

ALL_TOPICS = [t for topics in topics_by_unit().values() for t in topics]
ALL_CASES = [(topic, case) for topic in ALL_TOPICS for case in topic.cases]
CASE_IDS = [case.key for _, case in ALL_CASES]

# What every case must have something for: the story draws one text of each.
_DRAWN = ("titles", "descriptions", "first_replies", "questions", "answers", "notes",
          "resolutions", "next_desk", "next_requester", "next_third_party")  # fmt: skip


def placeholders(text: str) -> Iterator[str]:
    for _, name, _, _ in string.Formatter().parse(text):
        if name:
            yield name


def texts_of(case: Case) -> Iterator[str]:
    for f in fields(case):
        value = getattr(case, f.name)
        if f.name != "about" and isinstance(value, tuple) and value and isinstance(value[0], str):
            yield from value


@pytest.mark.parametrize(("topic", "case"), ALL_CASES, ids=CASE_IDS)
def test_every_placeholder_of_a_case_is_filled(topic: Topic, case: Case) -> None:
    known = COMMON_SLOTS | set(topic.slots) | set(case.slots)
    assert all(getattr(case, name) for name in _DRAWN)
    for text in texts_of(case):
        assert set(placeholders(text)) <= known, text


@pytest.mark.parametrize(("topic", "case"), ALL_CASES, ids=CASE_IDS)
def test_every_text_of_a_case_is_about_what_each_of_its_titles_says(
    topic: Topic, case: Case
) -> None:
    """Any title of a case may meet any of its descriptions and resolutions in one ticket,
    so each of those names a key word the title names ("Broken laptop screen" never gets
    a description about a slow laptop)."""
    assert case.about and all(word == word.lower() for word in case.about)
    for title in case.titles:
        said = case.named_in(title)
        assert said, f"{title!r} names none of {case.about}"
        for text in case.descriptions + case.resolutions:
            assert said & case.named_in(text), f"{title!r} but {text!r}"


def test_shared_phrases_use_only_common_placeholders() -> None:
    for name in dir(phrases):
        value = getattr(phrases, name)
        texts = value if isinstance(value, tuple) else (value,) if isinstance(value, str) else ()
        for text in texts:
            assert set(placeholders(text)) <= COMMON_SLOTS | {"resolution"}, text


@pytest.mark.parametrize(("topic", "case"), ALL_CASES, ids=CASE_IDS)
def test_titles_next_steps_and_tags_pass_the_service_rules(topic: Topic, case: Case) -> None:
    requester = Person(full_name="Maximiliane Wolff-Schwarzenberger", job_title="Controller")
    for seed in range(10):
        rng = random.Random(seed)
        words = Words(rng, topic, requester, "Berlin Head Office", "Finance", case=case)
        assert len(words.title()) <= MAX_TITLE
        for texts in (case.next_desk, case.next_requester, case.next_third_party):
            assert 0 < len(words.note(texts)) <= MAX_NEXT_STEP
        assert "{" not in words.description("email") + words.resolution()
    assert 0 < len(topic.tags) <= MAX_TAGS
    assert all(tag == tag.lower() and " " not in tag for tag in topic.tags)


def test_words_draw_every_case_of_a_topic_by_weight() -> None:
    requester = Person(full_name="Tom Becker", job_title="Buyer")
    for topic in ALL_TOPICS:
        rng = random.Random(7)
        drawn = Counter(
            Words(rng, topic, requester, "Berlin Head Office", "Purchasing").case.key
            for _ in range(300)
        )
        assert set(drawn) == {case.key for case in topic.cases}, topic.key


def test_keys_are_unique_and_each_title_belongs_to_one_case() -> None:
    assert len({t.key for t in ALL_TOPICS}) == len(ALL_TOPICS)
    assert len(set(CASE_IDS)) == len(CASE_IDS)
    for topics in topics_by_unit().values():
        titles = [title for topic in topics for case in topic.cases for title in case.titles]
        assert len(set(titles)) == len(titles)


def test_each_unit_has_topics_staff_and_a_manager() -> None:
    topics = topics_by_unit()
    for unit in UNITS:
        assert topics[unit.prefix], unit.prefix
        assert any(s.manages and s.units[0] == unit.prefix for s in STAFF), unit.prefix
    assert len(STAFF) == 32
    assert abs(sum(u.share for u in UNITS) - 1) < 1e-9
    for prefix, unit_topics in topics.items():
        for topic in unit_topics:
            handed = any(case.handovers for case in topic.cases)
            # Only the front line hands over; a team it hands to has a handover note.
            assert handed == bool(topic.transfer_to) == (topic.transfer_share > 0)
            assert not handed or prefix == "IT", topic.key


@pytest.mark.parametrize(("topic", "case"), ALL_CASES, ids=CASE_IDS)
def test_a_case_has_another_fix_and_first_answer_for_a_reopened_ticket(
    topic: Topic, case: Case
) -> None:
    """A reopened ticket is resolved again in other words (the story never repeats)."""
    assert len(set(case.resolutions)) >= 2 and len(set(case.first_replies)) >= 2
