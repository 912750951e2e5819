from django.urls import path

from . import views

app_name = "referrals"
base = "job-seekers/<uuid:person_id>/service/services/"
urlpatterns = [
    path(base, views.services_page, name="services"),
    path(f"{base}refer/", views.refer, name="refer"),
    *(
        path(f"{base}<int:referral_id>/{event}/", getattr(views, event), name=event)
        for event in ("start", "end", "interrupt", "refuse", "select")
    ),
]
