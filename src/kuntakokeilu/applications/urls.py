from django.urls import path

from . import views

app_name = "applications"
urlpatterns = [
    path("applications/", views.index, name="index"),
    path("applications/rounds/<slug:code>/new/", views.new, name="new"),
    path("applications/<int:pk>/", views.detail, name="detail"),
    path("applications/<int:pk>/edit/", views.edit, name="edit"),
    path("applications/<int:pk>/delete/", views.delete_draft, name="delete"),  # issue 15
    path("applications/<int:pk>/withdraw/", views.withdraw, name="withdraw"),  # issue 15
    path("applications/<int:pk>/supplement/", views.request_supplement, name="request-supplement"),
    path("applications/rounds/<slug:code>/selection/", views.selection, name="selection"),
    path("applications/rounds/<slug:code>/selection/tick/", views.tick, name="tick"),
    path("applications/rounds/<slug:code>/decision/", views.decide, name="decide"),
    path("applications/decisions/<int:pk>/", views.decision, name="decision"),
    path("applications/decisions/<int:pk>/pdf/<str:lang>/", views.decision_pdf, name="decision-pdf"),
]
