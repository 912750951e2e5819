from django.urls import path

from . import views

app_name = "monitoring"
urlpatterns = [
    path("monitoring/", views.index, name="index"),
    path("monitoring/areas/<int:number>/", views.area, name="area"),
    path("monitoring/areas/<int:number>/compute/", views.compute, name="compute"),
    path("monitoring/areas/<int:number>/<str:month>/", views.month, name="month"),
    path("monitoring/areas/<int:number>/<str:month>/review/", views.review, name="review"),
    path("monitoring/areas/<int:number>/<str:month>/approve/", views.approve, name="approve"),
    path("monitoring/areas/<int:number>/<str:month>/recompute/", views.recompute, name="recompute"),
    path("monitoring/areas/<int:number>/<str:month>/correct/", views.correct, name="correct"),
]
