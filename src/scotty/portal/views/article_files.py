"""An article's images and attachments, for the people who may read the article.

As safe as ticket attachments (`scotty.files.views`): the file is found through the
visibility rule (`knowledge.reading.readable_file`), so a guessed id, a file of an article
the reader may not read, or a file of another article under this one's address is a 404;
the type comes from the stored row (decided from the extension at upload, never from the
client), the browser may not sniff another, and the response is sandboxed. Only raster
images are shown inline (an article shows them); everything else, SVG included (it can
carry script), is a download.
"""

import logging

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from scotty.knowledge.models import ArticleFile
from scotty.knowledge.reading import readable_file
from scotty.portal.views.common import person_of

logger = logging.getLogger(__name__)

INLINE_TYPES = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp"})


def shown_inline(file: ArticleFile) -> bool:
    """An image the article shows in its text (the rest are listed below it)."""
    return file.content_type in INLINE_TYPES


@login_required
@require_GET
def article_file(request: HttpRequest, slug: str, file_id: int) -> FileResponse:
    stored = readable_file(person_of(request), file_id, as_agent=False)
    if stored is None or stored.article.slug != slug:
        raise Http404(gettext("There is no such file."))
    try:
        handle = stored.file.open("rb")
    except FileNotFoundError:
        # Ids and the storage name only: the display name is person-written.
        logger.error("File %s of article %s: the stored file %s is missing",
                     stored.pk, stored.article_id, stored.file.name)  # fmt: skip
        raise Http404(gettext("There is no such file.")) from None
    response = FileResponse(
        handle,
        as_attachment=not shown_inline(stored),
        filename=stored.filename,  # Django quotes it (or encodes it as RFC 6266 asks)
        content_type=stored.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["Cache-Control"] = "private, no-store"
    return response
