"""Django's admin app with the catalogue-guarded site as its default (no model imports here: this module is
read while the app registry is still being built)."""

from django.contrib.admin.apps import AdminConfig


class KuntakokeiluAdminConfig(AdminConfig):
    default_site = "kuntakokeilu.access.admin_site.KuntakokeiluAdminSite"
