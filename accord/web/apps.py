from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "accord.web"
    label = "web"

    def ready(self):
        from accord.web import cache

        cache.connect()
