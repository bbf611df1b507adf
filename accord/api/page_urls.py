"""The API token page, under the account pages (included with the language prefixes)."""

from django.urls import path

from accord.api import views

urlpatterns = [
    path("accounts/tokens/", views.tokens, name="api-tokens"),
    path("accounts/tokens/<int:pk>/revoke/", views.token_revoke_view, name="api-token-revoke"),
]
