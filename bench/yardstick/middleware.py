"""In-process only (bench/ratios.py): the yardstick's URLs inside a process set up with
Scotty's settings. Over HTTP its own `scotty serve` has ROOT_URLCONF = yardstick.urls."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

Handler = Callable[[HttpRequest], HttpResponse]


def yardstick_urls(get_response: Handler) -> Handler:
    def middleware(request: HttpRequest) -> HttpResponse:
        request.urlconf = "yardstick.urls"
        return get_response(request)

    return middleware
