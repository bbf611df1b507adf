from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "accord.search"
    verbose_name = _("Search")

    def ready(self) -> None:
        from accord.search import signals

        signals.connect()
