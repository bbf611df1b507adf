"""The pages of Accord, under a framework's slug (``/f/un-oic/...``)."""

from django.http import HttpResponse
from django.urls import path

from accord.web import activities, dashboard, matrix, meetings, reader, registry, review


def healthz(request):
    """Public liveness probe for load balancers: says nothing about the data."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("", dashboard.home, name="home"),
    path("healthz", healthz, name="healthz"),
    path("f/<slug:slug>/", dashboard.dashboard, name="dashboard"),
    path("f/<slug:slug>/matrix/", matrix.matrix, name="matrix"),
    path("f/<slug:slug>/activities/<int:pk>/", activities.activity_detail, name="activity"),
    path(
        "f/<slug:slug>/activities/<int:pk>/status/",
        activities.activity_status,
        name="activity-status",
    ),
    path(
        "f/<slug:slug>/activities/<int:pk>/progress/",
        activities.activity_progress,
        name="activity-progress",
    ),
    path("f/<slug:slug>/meetings/", meetings.meeting_list, name="meetings"),
    path("f/<slug:slug>/meetings/<int:pk>/", meetings.meeting_detail, name="meeting"),
    path("f/<slug:slug>/meetings/<int:pk>/decisions/", meetings.decision_add, name="decision-add"),
    path(
        "f/<slug:slug>/meetings/<int:pk>/decisions/<int:decision_pk>/action-items/",
        meetings.decision_action_item,
        name="decision-action-item",
    ),
    path("f/<slug:slug>/action-items/", meetings.action_items, name="action-items"),
    path(
        "f/<slug:slug>/action-items/<int:pk>/close/",
        meetings.action_item_close,
        name="action-item-close",
    ),
    path("f/<slug:slug>/registry/", registry.registry, name="registry"),
    path("f/<slug:slug>/resolutions/", reader.resolution_list, name="resolutions"),
    path("f/<slug:slug>/resolutions/upload/", reader.resolution_upload, name="resolution-upload"),
    path("f/<slug:slug>/resolutions/<int:pk>/", reader.resolution_detail, name="resolution"),
    path(
        "f/<slug:slug>/resolutions/<int:pk>/review/", review.review_list, name="resolution-review"
    ),
    path(
        "f/<slug:slug>/resolutions/<int:pk>/review/<int:item_pk>/",
        review.review_decide,
        name="resolution-review-decide",
    ),
    path("f/<slug:slug>/resolutions/<int:pk>/undo/", review.upload_undo, name="upload-undo"),
]
