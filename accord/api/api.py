"""The NinjaAPI of ``/api/v1/``: authentication (tokens, else the session for reads, else
the public), the throttle, the error shape, the routers, and the interactive documentation
served from django-ninja's own static files (no CDN; its one script is a file, so the
Content-Security-Policy holds)."""

from __future__ import annotations

from ninja import NinjaAPI, Swagger

from accord.api import (
    errors,
    writes,  # noqa: F401  (its operations join the cooperation router)
)
from accord.api.auth import CallerThrottle, TokenAuth
from accord.api.read_cooperation import router as cooperation
from accord.api.read_documents import router as documents

api = NinjaAPI(
    title="Accord API",
    version="1",
    description="The cooperation data of Accord: see docs/api.md.",
    urls_namespace="api-v1",
    auth=TokenAuth(),
    throttle=[CallerThrottle()],
    docs=Swagger(settings={"persistAuthorization": False}),
    docs_url="/docs",
    openapi_url="/openapi.json",
)
errors.install(api)
api.add_router("", cooperation)
api.add_router("", documents)
