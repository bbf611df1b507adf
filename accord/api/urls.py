"""``/api/v1/``: the REST API (included by accord/urls.py, outside the language prefixes)."""

from accord.api.api import api

app_name = api.urls_namespace
urlpatterns = api.urls[0]
