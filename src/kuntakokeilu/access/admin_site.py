"""Django's administration site, behind the catalogue's `access.use_admin_site` as well as staff status."""

from django.contrib import admin

from .actions import can


class KuntakokeiluAdminSite(admin.AdminSite):
    kk_action = "access.use_admin_site"
    site_header = "Kuntakokeilu"
    site_title = "Kuntakokeilu"

    def has_permission(self, request) -> bool:
        return super().has_permission(request) and can(request.user, self.kk_action)
