from django.contrib import admin
from django.urls import path

from . import views

app_name = "access"
urlpatterns = [
    path("sign-in/", views.sign_in, name="sign-in"),
    path("sign-out/", views.sign_out, name="sign-out"),
    path("staff/", views.staff_index, name="staff"),
    path("staff/areas/<int:number>/", views.staff_area, name="staff-area"),
    path("staff/users/<int:user_id>/", views.staff_user, name="staff-user"),
    path("staff/users/<int:user_id>/roles/<int:assignment_id>/end/", views.end_assignment, name="end-role"),
    path("access/catalogue/", views.catalogue, name="catalogue"),
]

# The administration site keeps its own namespace ("admin"); it is guarded by the catalogue's
# access.use_admin_site (access/admin_site.py).
admin_urlpatterns = [path("admin/", admin.site.urls)]
