from django.apps import AppConfig


class CooperationConfig(AppConfig):
    name = "accord.cooperation"
    label = "cooperation"
