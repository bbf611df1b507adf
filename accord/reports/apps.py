from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "accord.reports"
    label = "reports"

    def ready(self) -> None:
        from accord.notifications import reminders
        from accord.reports.reminders import contributions_due

        reminders.register(contributions_due)
