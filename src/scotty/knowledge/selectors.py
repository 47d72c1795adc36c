"""Who may read which article: the one rule every page, search, suggestion, file and
count applies (DESIGN.md: visibility in one place).

- A reader (the portal; anyone signed in) sees published articles for everyone, and
  published articles for some departments or locations when theirs is one of them.
  Never an agents-only how-to, a draft, an article in review or an archived one.
- An agent at the desk sees, besides, everything of their own units in any state
  (drafts to finish, articles to review, the archive), their units' agents-only
  how-tos, and every other published article but other units' how-tos.
- An administrator sees every article at the desk.
Nobody inactive or signed out sees any.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet

from scotty.accounts.models import Person
from scotty.accounts.selectors import is_manager_of, unit_ids_of
from scotty.knowledge.models import Article, ArticleState, Audience


def _for_reader_q(person: Person) -> Q:
    mine = Q(audience=Audience.EVERYONE)
    department, location = person.department_id, person.location_id
    if department is not None:
        places = Article.departments.through.objects.filter(
            article_id=OuterRef("pk"), department_id=department
        )
        mine |= Q(Exists(places), audience=Audience.SOME)
    if location is not None:
        sites = Article.locations.through.objects.filter(
            article_id=OuterRef("pk"), location_id=location
        )
        mine |= Q(Exists(sites), audience=Audience.SOME)
    return Q(state=ArticleState.PUBLISHED) & mine


def readable_articles(person: Person) -> QuerySet[Article]:
    """The articles this person may read in the portal (see the module)."""
    if not person.is_authenticated or not person.is_active:
        return Article.objects.none()
    return Article.objects.filter(_for_reader_q(person))


def desk_articles(person: Person) -> QuerySet[Article]:
    """The articles this person may see at the desk: as a reader, and as an agent of
    their units (see the module). None for someone who is not an agent."""
    if not person.is_authenticated or not person.is_active:
        return Article.objects.none()
    if person.is_superuser:
        return Article.objects.all()
    units = unit_ids_of(person)
    if not units:
        return Article.objects.none()
    published = Q(state=ArticleState.PUBLISHED) & ~Q(audience=Audience.AGENTS)
    return Article.objects.filter(published | Q(unit_id__in=units))


def articles_for(person: Person, *, as_agent: bool) -> QuerySet[Article]:
    """The desk's rule or the portal's, as the channel asks."""
    return desk_articles(person) if as_agent else readable_articles(person)


def may_edit(person: Person, article: Article) -> bool:
    """Agents of the owning unit write and edit its articles (and send them to review)."""
    return person.is_active and (person.is_superuser or article.unit_id in unit_ids_of(person))


def may_publish(person: Person, article: Article) -> bool:
    """The owning unit's managers publish and archive its articles: a second pair of
    eyes on what everyone will read."""
    return person.is_active and is_manager_of(person, article.unit)
