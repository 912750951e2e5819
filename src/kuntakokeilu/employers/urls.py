from django.urls import path

from . import views

app_name = "employers"
urlpatterns = [
    path("employers/", views.employer_list, name="list"),
    path("employers/new/", views.employer_new, name="new"),
    path("employers/<int:employer_id>/", views.employer_detail, name="employer"),
    path("employers/<int:employer_id>/vacancies/new/", views.vacancy_new, name="vacancy-new"),
    path("employers/vacancies/<int:vacancy_id>/", views.vacancy_detail, name="vacancy"),
    path("employers/vacancies/<int:vacancy_id>/present/", views.present, name="present"),
    path("job-seekers/<uuid:person_id>/service/job-offers/", views.job_offers, name="job-offers"),
    path(
        "job-seekers/<uuid:person_id>/service/job-offers/consents/",
        views.record_consent,
        name="record-consent",
    ),
    path(
        "job-seekers/<uuid:person_id>/service/job-offers/consents/<int:consent_id>/withdraw/",
        views.withdraw_consent,
        name="withdraw-consent",
    ),
    path("job-seekers/<uuid:person_id>/service/job-offers/new/", views.make_offer, name="make-offer"),
    path(
        "job-seekers/<uuid:person_id>/service/job-offers/<int:offer_id>/outcome/",
        views.record_outcome,
        name="record-outcome",
    ),
]
