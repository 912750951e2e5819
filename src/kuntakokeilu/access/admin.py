from collections import Counter

from django.contrib import admin
from django.contrib.admin.utils import NestedObjects
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db import router
from django.utils.text import capfirst

from .models import Profile, RoleAssignment


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(admin.ModelAdmin):
    list_display = [
        "user",
        "role",
        "scope_kind",
        "municipality",
        "trial_area",
        "te_office",
        "ely",
        "valid_from",
        "valid_to",
    ]
    list_filter = ["role", "scope_kind"]
    raw_id_fields = ["user", "created_by"]


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "language"]


class UserAdmin(DjangoUserAdmin):
    """Staff accounts. Deleting one lists what goes and what is kept by kind and count only: a user's
    access-log entries, facts and requests name persons, whose ids and values the administration site never
    shows (R-X-2). What a user recorded is kept (PROTECT), so such an account is deactivated instead."""

    def get_deleted_objects(self, objs, request):
        _details, model_count, perms_needed, _protected = super().get_deleted_objects(objs, request)
        collector = NestedObjects(using=router.db_for_write(self.model))
        collector.collect(objs)
        kept = Counter(str(capfirst(type(obj)._meta.verbose_name_plural)) for obj in collector.protected)
        return [str(user) for user in objs], model_count, perms_needed, [f"{k}: {n}" for k, n in kept.items()]


admin.site.unregister(get_user_model())
admin.site.register(get_user_model(), UserAdmin)
