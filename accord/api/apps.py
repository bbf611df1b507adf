from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "accord.api"
    label = "api"
    verbose_name = _("API")

    def ready(self) -> None:
        from accord.api.checks import check_settings

        check_settings()
