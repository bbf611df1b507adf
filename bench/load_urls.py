"""Accord's URLs and ``/bench/bare/``: a view that only answers "ok" (through the whole
middleware stack, CSRF check of a POST included), the ceiling ``bench.load`` compares
the pages with."""

from django.http import HttpResponse
from django.urls import path

from accord.urls import urlpatterns as accord_urls


def bare(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/bare/", bare), *accord_urls]
