from django.contrib import admin

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
