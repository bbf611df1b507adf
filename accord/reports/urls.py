"""The report pages, under /reports/ (see ``accord.reports.views``)."""

from django.urls import path

from accord.reports import contribution_views, views

urlpatterns = [
    path("matrix/<int:pk>/export/", views.matrix_export, name="matrix-export"),
    path("matrix/<int:pk>/import/", views.matrix_import, name="matrix-import"),
    path("sg/", views.report_sg, name="report-sg"),
    path("sg/<slug:framework>/", views.report_sg, name="report-sg"),
    path("review-pack/<int:pk>/", views.review_pack, name="review-pack"),
    path("jobs/<int:pk>/", views.report_job, name="report-job"),
    path("opendata/", views.opendata_index, name="opendata"),
    path("opendata/matrix/<int:pk>/iati.xml", views.opendata_iati, name="opendata-iati"),
    path("opendata/matrix/<int:pk>.<str:fmt>", views.opendata_matrix, name="opendata-matrix"),
    path("opendata/matrix/<int:pk>/", views.opendata_matrix, name="opendata-matrix"),
    path("opendata/registry.<str:fmt>", views.opendata_registry, name="opendata-registry"),
    path("opendata/registry/", views.opendata_registry, name="opendata-registry"),
    path(
        "opendata/resolutions/<int:pk>.<str:fmt>",
        views.opendata_resolution,
        name="opendata-resolution",
    ),
    path("opendata/resolutions/<int:pk>/", views.opendata_resolution, name="opendata-resolution"),
    path("sg/<slug:framework>/calls/", contribution_views.call_open, name="contribution-call-open"),
    path("calls/<int:pk>/", contribution_views.call_detail, name="contribution-call"),
    path("contributions/<int:pk>/", contribution_views.contribution_edit, name="contribution"),
]
