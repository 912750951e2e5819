"""Reference data in the administration site: read-only, since `load_reference_data` owns it."""

from django.contrib import admin

from .models import (
    ElyCentre,
    Maakunta,
    Municipality,
    RegionalMembership,
    TeOffice,
    TrialArea,
    TrialAreaMember,
)


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Municipality)
class MunicipalityAdmin(ReadOnly):
    list_display = ["code", "name_fi", "name_sv", "language_status", "valid_to", "merged_into"]
    search_fields = ["code", "name_fi", "name_sv"]


@admin.register(RegionalMembership)
class RegionalMembershipAdmin(ReadOnly):
    list_display = ["municipality", "valid_from", "valid_to", "maakunta", "ely", "te_office"]
    list_filter = ["ely"]


@admin.register(TrialArea)
class TrialAreaAdmin(ReadOnly):
    list_display = ["number", "name_fi", "name_sv", "ely", "te_office"]


@admin.register(TrialAreaMember)
class TrialAreaMemberAdmin(ReadOnly):
    list_display = ["trial_area", "municipality", "joined_in_round", "position"]


admin.site.register([Maakunta, ElyCentre, TeOffice], ReadOnly)
