from django.urls import path

from . import views

app_name = "evaluation"
urlpatterns = [
    path("evaluation/", views.runs, name="runs"),
    path("evaluation/new/", views.new, name="new"),
    path("evaluation/runs/<int:pk>/", views.run, name="run"),
    path("evaluation/runs/<int:pk>/files/<str:name>", views.run_file, name="file"),
]
