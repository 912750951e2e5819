from django.urls import path

from . import views

app_name = "funding"
urlpatterns = [
    path("funding/", views.home, name="home"),
    path("funding/allocations/", views.allocations, name="allocations"),
    path("funding/allocations.csv", views.allocations_csv, name="allocations-csv"),
    path("funding/allocations.xlsx", views.allocations_xlsx, name="allocations-xlsx"),
    path("funding/ely/<str:ely_code>/", views.ely_quotas, name="ely"),
    path("funding/ely/<str:ely_code>/compute/", views.compute, name="compute"),
    path("funding/ely/<str:ely_code>/adjust/", views.adjust, name="adjust"),
    path("funding/ely/<str:ely_code>/quotas.csv", views.ely_csv, name="ely-csv"),
    path("funding/ely/<str:ely_code>/quotas.xlsx", views.ely_xlsx, name="ely-xlsx"),
    path("funding/areas/<int:area_no>/", views.area_funding, name="area"),
    path("funding/areas/<int:area_no>/own-resourcing/", views.record_own, name="record-own"),
    path("funding/areas/<int:area_no>/expenditure/", views.import_expenditure, name="import-expenditure"),
    path("funding/areas/<int:area_no>/person-years/", views.record_person_years, name="record-person-years"),
    path("funding/areas/<int:area_no>/quota-use/", views.quota_use, name="quota-use"),
    path("funding/areas/<int:area_no>/quota-use.csv", views.quota_use_csv, name="quota-use-csv"),
    path("funding/areas/<int:area_no>/quota-use.xlsx", views.quota_use_xlsx, name="quota-use-xlsx"),
]
