"""Knowledge search and suggestions on a large knowledge base (issue 9): 50,000 articles.

    .venv/bin/python bench/knowledge_search.py                # SQLite, bench/out/knowledge.sqlite3
    .venv/bin/python bench/knowledge_search.py --database-url postgres://postgres@127.0.0.1:5432/scotty_bench_knowledge
    .venv/bin/python bench/knowledge_search.py --again        # keep the articles of the last run

The database: the demo organisation (no tickets) and its 85 articles, written through
the knowledge services, then generated articles up to --articles (50,000), written in
bulk with their search documents (the setup is not what is measured): titles, summaries
and bodies from the demo's, so the words and their frequencies are a desk's: each a
variant of one demo article (another site, model or group) with a paragraph of another
and words of its own; four in five for everyone, one in ten for some departments, one
in ten agents' how-tos, nine in ten published.

Measured in this process, per call of `search_articles` (what the portal's search page,
the new-request form's suggestions and the desk call, visibility included): the demo's
78 requester questions as a reader (20 results), the same typed letter by letter as the
suggestions see them (5 results, the last word a prefix), and as an agent at the desk;
the median and the 90th percentile, and how many of the questions still find their
article in the top three among 50,000.
"""

import argparse
import random
import statistics
import sys
import time

import benchdb

DATABASE = benchdb.OUT_DIR / "knowledge.sqlite3"


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", help="PostgreSQL (default: a SQLite file in bench/out)")
    parser.add_argument("--articles", type=int, default=50_000, help="articles in all (50,000)")
    parser.add_argument("--again", action="store_true", help="keep the last run's articles")
    return parser.parse_args(argv)


def build(total: int) -> float:
    """The organisation, the demo's articles, and generated ones up to `total`."""
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    from scotty.accounts.models import Department, Location, Person
    from scotty.demo.knowledge import create_knowledge
    from scotty.demo.org import create_organisation
    from scotty.knowledge.markdown import plain_text
    from scotty.knowledge.models import Article, ArticleState, Audience
    from scotty.search.articles.backends import article_backend
    from scotty.search.articles.documents import document_of

    began = time.perf_counter()
    call_command("migrate", verbosity=0)
    rng = random.Random(50_000)
    with transaction.atomic():
        cast = create_organisation(rng, requesters=200, extra_agents=0)
        demo = create_knowledge(cast, rng, timezone.localdate())
    sources = [(a.title, a.summary, [p for p in a.body.split("\n\n") if p.strip()])
               for a in demo]  # fmt: skip
    paragraphs = [p for _, _, own in sources for p in own]
    qualifiers = ["for contractors", "in Building C", "(2025 edition)", "on the new laptops",
                  "for the Lisbon hub", "when travelling", "for managers", "on Windows 11",
                  "in the Munich office", "for new starters", "after the upgrade"]  # fmt: skip
    units = list(cast.units.values())
    writer = cast.admin
    departments = list(Department.objects.all())
    locations = list(Location.objects.all())
    backend = article_backend()
    now = timezone.now()
    made = len(demo)
    while made < total:
        batch = []
        for _ in range(min(1_000, total - made)):
            made += 1
            roll = rng.random()
            audience = Audience.EVERYONE if roll < 0.8 else (
                Audience.SOME if roll < 0.9 else Audience.AGENTS)  # fmt: skip
            # A variant of one demo article (a desk's articles come in families: the same
            # how-to for another site, model or group), with a paragraph of another and
            # words of its own (model numbers, room codes), as a real base grows.
            title, summary, own = rng.choice(sources)
            kept = rng.sample(own, k=max(1, len(own) - rng.randint(0, 2)))
            extra = f"Reference {rng.choice(qualifiers)}: code {rng.randrange(10**6):06d}-{made}."
            batch.append(Article(
                unit=rng.choice(units), slug=f"generated-{made}",
                title=f"{title} {rng.choice(qualifiers)}"[:200],
                summary=summary,
                body=(body := "\n\n".join([*kept, rng.choice(paragraphs), extra])),
                text=plain_text(body),
                keywords="", audience=audience,
                state=ArticleState.PUBLISHED if rng.random() < 0.9 else ArticleState.DRAFT,
                created_by=writer, created_at=now, updated_at=now, published_at=now,
                views=rng.randint(0, 500),
            ))  # fmt: skip
        with transaction.atomic():
            rows = Article.objects.bulk_create(batch)
            some = [a for a in rows if a.audience == Audience.SOME]
            in_departments = Article.departments.through
            in_departments.objects.bulk_create(
                in_departments(article_id=a.pk, department_id=rng.choice(departments).pk)
                for a in some[::2]
            )
            Article.locations.through.objects.bulk_create(
                Article.locations.through(article_id=a.pk, location_id=rng.choice(locations).pk)
                for a in some[1::2]
            )  # fmt: skip
            backend.write([document_of(a) for a in rows])
        print(f"  {made:,} articles", end="\r", flush=True)
    print()
    assert Person.objects.exists()
    return time.perf_counter() - began


def timed(calls: list[tuple[object, str, dict[str, object]]], rounds: int = 3
          ) -> tuple[list[float], float]:  # fmt: skip
    """Wall-clock milliseconds of each call, and the mean CPU milliseconds of this
    process a call (on SQLite the database works in this process too; a busy machine
    inflates the wall clock more than the CPU time)."""
    from scotty.search.articles import search_articles

    for person, text, options in calls[:10]:  # warm: caches, the planner, the OS
        search_articles(person, text, **options)  # type: ignore[arg-type]
    spent = []
    cpu = time.process_time()
    for _ in range(rounds):
        for person, text, options in calls:
            began = time.perf_counter()
            search_articles(person, text, **options)  # type: ignore[arg-type]
            spent.append((time.perf_counter() - began) * 1000)
    return spent, (time.process_time() - cpu) / len(spent) * 1000


def typed(text: str) -> list[str]:
    """What the suggestions see as the title is typed: after each word, and mid-word."""
    seen = []
    words = text.split()
    for count in range(1, len(words) + 1):
        head = " ".join(words[:count])
        seen.append(head[: max(2, len(head) - 2)])  # the last word half typed
        seen.append(head + " ")
    return seen


def report(label: str, spent: tuple[list[float], float]) -> None:
    wall, cpu = sorted(spent[0]), spent[1]
    p90 = wall[int(len(wall) * 0.9)]
    print(f"{label:<40} median {statistics.median(wall):6.1f} ms   p90 {p90:6.1f} ms   "
          f"CPU {cpu:5.1f} ms a call ({len(wall)} calls)")  # fmt: skip


def main(argv: list[str]) -> None:
    args = parse(argv)
    url = args.database_url or f"sqlite:///{DATABASE}"
    again = args.again and (benchdb.database_exists(url) if benchdb.is_postgres(url)
                            else DATABASE.exists())  # fmt: skip
    if not again:
        if benchdb.is_postgres(url):
            benchdb.postgres_create(url, replace=True)
        else:
            benchdb.remove_sqlite(url)
    benchdb.configure(url)

    from django.db import connection

    from scotty.accounts.models import Person
    from scotty.demo.content.articles import QUESTIONS
    from scotty.knowledge.models import Article
    from scotty.search.articles import search_articles

    if not again:
        print(f"built in {build(args.articles):.0f} s")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # statistics, as a live database has them
    print(f"{benchdb.describe(url)}: {Article.objects.count():,} articles")
    reader = Person.objects.filter(memberships__isnull=True, department__isnull=False,
                                   is_superuser=False).order_by("pk").first()  # fmt: skip
    agent = Person.objects.filter(memberships__unit__prefix="IT").order_by("pk").first()
    assert reader is not None and agent is not None
    questions = [q.text for q in QUESTIONS]
    report("portal search (a reader, 20 results)",
           timed([(reader, q, {"as_agent": False}) for q in questions]))  # fmt: skip
    report("suggestions while typing (5 results)",
           timed([(reader, t, {"as_agent": False, "limit": 5}) for q in questions
                  for t in typed(q)], rounds=1))  # fmt: skip
    report("desk search (an IT agent, 20 results)",
           timed([(agent, q, {"as_agent": True}) for q in questions]))  # fmt: skip
    found = sum(q.expected in [r.reference for r in search_articles(
        reader, q.text, as_agent=False, limit=3).items] for q in QUESTIONS)  # fmt: skip
    print(
        f"the expected article in the top 3: {found} of {len(QUESTIONS)} questions "
        f"({found / len(QUESTIONS):.0%}) among {Article.objects.count():,} articles"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
