from django.urls import path

from accord.search import views

urlpatterns = [
    path("search/", views.search, name="search"),
    path("f/<slug:slug>/search/", views.framework_search, name="framework-search"),
]
