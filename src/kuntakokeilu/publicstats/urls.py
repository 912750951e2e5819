from django.urls import path

app_name = "publicstats"

urlpatterns: list = []
