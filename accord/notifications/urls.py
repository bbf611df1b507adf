"""The notification pages, the calendars and the framework's activity log."""

from django.urls import path

from accord.notifications import calendar_views, log_views, views

urlpatterns = [
    path("notifications/", views.notification_list, name="notifications"),
    path("notifications/<int:pk>/", views.notification_open, name="notification-open"),
    path("notifications/<int:pk>/read/", views.notification_read, name="notification-read"),
    path("notifications/read/", views.notification_read, name="notifications-read-all"),
    path(
        "notifications/preferences/",
        views.notification_preferences,
        name="notification-preferences",
    ),
    path(
        "notifications/unsubscribe/<str:token>/",
        views.unsubscribe,
        name="notification-unsubscribe",
    ),
    path("calendar/<str:token>.ics", calendar_views.user_calendar, name="user-calendar"),
    path(
        "f/<slug:slug>/calendar.ics", calendar_views.framework_calendar, name="framework-calendar"
    ),
    path(
        "f/<slug:slug>/meetings/<int:pk>/calendar.ics",
        calendar_views.meeting_calendar,
        name="meeting-calendar",
    ),
    path("f/<slug:slug>/activity-log/", log_views.framework_log, name="activity-log"),
    path(
        "f/<slug:slug>/activity-log/<str:label>/<int:history_id>/undo/",
        log_views.framework_log_undo,
        name="activity-log-undo",
    ),
]
