"""The demo texts: every placeholder has a value, tags and texts pass the services' rules."""

import random
import string
from collections.abc import Iterator
from dataclasses import fields

import pytest

from scotty.accounts.models import Person
from scotty.demo.content import COMMON_SLOTS, Topic, topics_by_unit
from scotty.demo.content import common as phrases
from scotty.demo.content.people import STAFF, UNITS
from scotty.demo.texts import Words
from scotty.tickets.services.fields import MAX_TAGS
from scotty.tickets.services.validation import MAX_NEXT_STEP, MAX_TITLE

ALL_TOPICS = [t for topics in topics_by_unit().values() for t in topics]


def placeholders(text: str) -> Iterator[str]:
    for _, name, _, _ in string.Formatter().parse(text):
        if name:
            yield name


def texts_of(topic: Topic) -> Iterator[str]:
    for f in fields(topic):
        value = getattr(topic, f.name)
        if isinstance(value, tuple) and value and isinstance(value[0], str):
            yield from value


@pytest.mark.parametrize("topic", ALL_TOPICS, ids=lambda t: t.key)
def test_every_placeholder_of_a_topic_is_filled(topic: Topic) -> None:
    known = COMMON_SLOTS | set(topic.slots)
    for text in texts_of(topic):
        assert set(placeholders(text)) <= known, text


def test_shared_phrases_use_only_common_placeholders() -> None:
    for name in dir(phrases):
        value = getattr(phrases, name)
        texts = value if isinstance(value, tuple) else (value,) if isinstance(value, str) else ()
        for text in texts:
            assert set(placeholders(text)) <= COMMON_SLOTS | {"resolution"}, text


@pytest.mark.parametrize("topic", ALL_TOPICS, ids=lambda t: t.key)
def test_titles_next_steps_and_tags_pass_the_service_rules(topic: Topic) -> None:
    requester = Person(full_name="Maximiliane Wolff-Schwarzenberger", job_title="Controller")
    for seed in range(20):
        words = Words(random.Random(seed), topic, requester, "Berlin Head Office", "Finance")
        assert len(words.title()) <= MAX_TITLE
        for texts in (topic.next_desk, topic.next_requester, topic.next_third_party):
            assert 0 < len(words.note(texts)) <= MAX_NEXT_STEP
        assert "{" not in words.description("email") + words.resolution()
    assert 0 < len(topic.tags) <= MAX_TAGS
    assert all(tag == tag.lower() and " " not in tag for tag in topic.tags)


def test_each_unit_has_topics_staff_and_a_manager() -> None:
    topics = topics_by_unit()
    for unit in UNITS:
        assert topics[unit.prefix], unit.prefix
        assert any(s.manages and s.units[0] == unit.prefix for s in STAFF), unit.prefix
    assert len(STAFF) == 25
    assert abs(sum(u.share for u in UNITS) - 1) < 1e-9
    for topic in topics["IT"]:
        assert (topic.transfer_to == "") == (topic.handovers == ())
