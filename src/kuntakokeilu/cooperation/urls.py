from django.urls import path

from . import views

app_name = "cooperation"
urlpatterns = [
    path("network/", views.home, name="home"),
    path("trial-areas/<int:number>/network/", views.network, name="network"),
    path("trial-areas/<int:number>/network/members/new/", views.member_new, name="member-new"),
    path(
        "trial-areas/<int:number>/network/members/<int:member_id>/end/", views.member_end, name="member-end"
    ),
    path("trial-areas/<int:number>/network/meetings/new/", views.meeting_new, name="meeting-new"),
    path("trial-areas/<int:number>/network/meetings/<int:meeting_id>/", views.meeting, name="meeting"),
]
