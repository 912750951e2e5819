from django.urls import path

from . import views

app_name = "whatif"
urlpatterns = [
    path("whatif/", views.whatifs, name="list"),
    path("whatif/new/", views.new, name="new"),
    path("whatif/<int:pk>/", views.detail, name="detail"),
    path("whatif/<int:pk>/changes/", views.changes, name="changes"),
    path("whatif/<int:pk>/<str:kind>.csv", views.csv_file, name="csv"),
    path("whatif/<int:pk>/whatif.xlsx", views.xlsx_file, name="xlsx"),
]
