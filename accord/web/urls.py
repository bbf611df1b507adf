"""The pages of Accord, under a framework's slug (``/f/un-oic/...``)."""

from django.urls import path

from accord.health import healthz
from accord.web import (
    activities,
    activity_edit,
    compare,
    dashboard,
    matrix,
    meeting_edit,
    meetings,
    reader,
    registry,
    registry_edit,
    review,
)
from accord.web import (
    home as home_views,
)

urlpatterns = [
    path("", home_views.home, name="home"),
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
    path(
        "f/<slug:slug>/meetings/<int:pk>/documents/<int:doc_pk>/",
        meetings.meeting_document,
        name="meeting-document",
    ),
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
        "f/<slug:slug>/resolutions/<int:pk>/compare/",
        compare.compare_pick,
        name="resolution-compare-pick",
    ),
    path(
        "f/<slug:slug>/resolutions/<int:pk>/compare/<int:other>/",
        compare.compare_view,
        name="resolution-compare",
    ),
    path(
        "f/<slug:slug>/resolutions/<int:pk>/review/", review.review_list, name="resolution-review"
    ),
    path(
        "f/<slug:slug>/resolutions/<int:pk>/review/<int:item_pk>/",
        review.review_decide,
        name="resolution-review-decide",
    ),
    path(
        "f/<slug:slug>/resolutions/<int:pk>/review/confirm-all/",
        review.review_confirm_all,
        name="resolution-review-confirm-all",
    ),
    # --- the edit pages of the cycle's objects (issue 8) ---
    path("f/<slug:slug>/activities/new/", activity_edit.activity_new, name="activity-new"),
    path(
        "f/<slug:slug>/activities/deleted/",
        activity_edit.activities_deleted,
        name="activities-deleted",
    ),
    path(
        "f/<slug:slug>/activities/<int:pk>/edit/", activity_edit.activity_edit, name="activity-edit"
    ),
    path(
        "f/<slug:slug>/activities/<int:pk>/indicators/",
        activity_edit.indicator_add,
        name="activity-indicator",
    ),
    path(
        "f/<slug:slug>/activities/<int:pk>/carry-over/",
        activity_edit.activity_carry_over,
        name="activity-carry-over",
    ),
    path(
        "f/<slug:slug>/activities/<int:pk>/delete/",
        activity_edit.activity_delete,
        name="activity-delete",
    ),
    path(
        "f/<slug:slug>/activities/<int:pk>/restore/",
        activity_edit.activity_restore,
        name="activity-restore",
    ),
    path("f/<slug:slug>/meetings/new/", meeting_edit.meeting_new, name="meeting-new"),
    path("f/<slug:slug>/meetings/<int:pk>/edit/", meeting_edit.meeting_edit, name="meeting-edit"),
    path(
        "f/<slug:slug>/meetings/<int:pk>/documents/",
        meeting_edit.meeting_document_add,
        name="meeting-document-add",
    ),
    path(
        "f/<slug:slug>/meetings/<int:pk>/decisions/<int:decision_pk>/edit/",
        meeting_edit.decision_edit,
        name="decision-edit",
    ),
    path(
        "f/<slug:slug>/action-items/<int:pk>/edit/",
        meeting_edit.action_item_edit,
        name="action-item-edit",
    ),
    path(
        "f/<slug:slug>/action-items/<int:pk>/reopen/",
        meeting_edit.action_item_reopen,
        name="action-item-reopen",
    ),
    path("f/<slug:slug>/agreements/new/", registry_edit.agreement_form, name="agreement-new"),
    path(
        "f/<slug:slug>/agreements/<int:pk>/edit/",
        registry_edit.agreement_form,
        name="agreement-edit",
    ),
    path("f/<slug:slug>/focal-points/new/", registry_edit.focal_point_new, name="focal-point-new"),
    path(
        "f/<slug:slug>/focal-points/<int:pk>/end/",
        registry_edit.focal_point_end,
        name="focal-point-end",
    ),
    path(
        "f/<slug:slug>/priority-areas/new/",
        registry_edit.priority_area_form,
        name="priority-area-new",
    ),
    path(
        "f/<slug:slug>/priority-areas/<int:pk>/edit/",
        registry_edit.priority_area_form,
        name="priority-area-edit",
    ),
    path("f/<slug:slug>/entities/<int:pk>/", registry.entity_page, name="entity"),
    path(
        "f/<slug:slug>/entities/<int:pk>/rename/", registry_edit.entity_rename, name="entity-rename"
    ),
    path("f/<slug:slug>/resolutions/<int:pk>/undo/", review.upload_undo, name="upload-undo"),
]

# --- the home page (issue 8: start a framework from its founding resolution) ---

urlpatterns += [
    path("start/", home_views.framework_start, name="framework-start"),
]

from accord.web import upload_jobs  # noqa: E402

urlpatterns += [
    path("uploads/<int:pk>/", upload_jobs.upload_job, name="upload-job"),
]

from accord.web import biennium_edit  # noqa: E402

urlpatterns += [
    path("f/<slug:slug>/bienniums/new/", biennium_edit.biennium_new, name="biennium-new"),
]
