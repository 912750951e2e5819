"""The REST API (R-INT-3): every route names its action in the catalogue (R-X-1)."""

from django.urls import path

from . import accounts, docs, regions

app_name = "api"
urlpatterns = [
    path("schema/", docs.SchemaView.as_view(), name="schema"),
    path("docs/", docs.DocsView.as_view(), name="docs"),
    path("v1/municipalities/", regions.MunicipalityList.as_view(), name="municipality-list"),
    path("v1/municipalities/<str:code>/", regions.MunicipalityDetail.as_view(), name="municipality-detail"),
    path("v1/trial-areas/", regions.TrialAreaList.as_view(), name="trial-area-list"),
    path("v1/trial-areas/<str:number>/", regions.TrialAreaDetail.as_view(), name="trial-area-detail"),
    path("v1/me/", accounts.Me.as_view(), name="me"),
]
