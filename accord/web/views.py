"""Thin views: each validates input, calls one function, renders the result."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


@login_required
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "web/home.html")


def healthz(request: HttpRequest) -> HttpResponse:
    """Public liveness probe for load balancers: says nothing about the data."""
    return HttpResponse("ok", content_type="text/plain")
