from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from .models import RoleAssignment
from .roles import AREA_STAFF_ROLES, ScopeKind
from .usernames import normalise

WHOLE_AREA = "area"


class AssignmentForm(forms.Form):
    """A role within one trial area: the whole area, or one of its municipalities."""

    role = forms.ChoiceField(label=_("Role"))
    scope = forms.ChoiceField(label=_("Covers"))
    valid_from = forms.DateField(
        label=_("Valid from"), widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
    )
    valid_to = forms.DateField(
        label=_("Valid until"),
        required=False,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.area = area
        self.fields["role"].choices = [(r.value, r.label) for r in AREA_STAFF_ROLES]
        members = [(m.municipality.code, m.municipality) for m in area.members.select_related("municipality")]
        self.members = dict(members)
        self.fields["scope"].choices = [(WHOLE_AREA, _("the whole trial area"))] + [
            (code, f"{mun.name_fi} / {mun.name_sv}" if mun.name_fi != mun.name_sv else mun.name_fi)
            for code, mun in members
        ]

    def clean(self):
        data = super().clean()
        if data.get("valid_from") and data.get("valid_to") and data["valid_to"] < data["valid_from"]:
            self.add_error("valid_to", _("The end date cannot be before the start date."))
        return data

    def assignment(self) -> RoleAssignment:
        data = self.cleaned_data
        assignment = RoleAssignment(
            role=data["role"], valid_from=data["valid_from"], valid_to=data["valid_to"]
        )
        if data["scope"] == WHOLE_AREA:
            assignment.scope_kind, assignment.trial_area = ScopeKind.TRIAL_AREA, self.area
        else:
            assignment.scope_kind, assignment.municipality = (
                ScopeKind.MUNICIPALITY,
                self.members[data["scope"]],
            )
        return assignment


class StaffMemberForm(AssignmentForm):
    username = forms.CharField(label=_("Username"), max_length=150)
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(label=_("Email"))
    language = forms.ChoiceField(label=_("Interface language"), choices=settings.LANGUAGES)
    password = forms.CharField(
        label=_("Initial password"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    field_order = ["first_name", "last_name", "username", "email", "language", "password", "role", "scope"]

    def clean_username(self):
        username = normalise(self.cleaned_data["username"])
        if get_user_model().objects.filter(username=username).exists():
            raise forms.ValidationError(_("This username is already in use."))
        return username


class SignInForm(AuthenticationForm):
    """Django's sign-in form, reading the username in its one stored form (usernames.py). An empty field is
    an error that names it (issue 15: the empty form showed nothing)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].error_messages["required"] = _("Enter your username.")
        self.fields["password"].error_messages["required"] = _("Enter your password.")

    def clean_username(self):
        return normalise(self.cleaned_data.get("username") or "")
