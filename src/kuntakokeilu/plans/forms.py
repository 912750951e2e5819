"""The plans' forms (R-SP-5): a plan version with a few step and service rows, and a party's approval. The
checks live in `services` (and the pure `rules`); the forms only read the fields."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ApprovalChannel, Kind, Party, Responsible, ServiceKind

DATE_WIDGET = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})  # as the meeting form's
STEP_ROWS = 4
SERVICE_ROWS = 2


class VersionForm(forms.Form):
    """A version's content; with `with_kind` also the kind of a new plan. Rows left empty are skipped."""

    agreed_on = forms.DateField(label=_("date of the plan"), widget=DATE_WIDGET)
    goals = forms.CharField(label=_("goals"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    job_search_obligation = forms.CharField(
        label=_("job-search obligation"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    notes = forms.CharField(label=_("notes"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    extension_months = forms.IntegerField(
        label=_("extension of the integration plan's entitlement in months"), min_value=0, required=False
    )

    def __init__(self, *args, with_kind: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if with_kind:
            self.fields = {
                "kind": forms.ChoiceField(label=_("kind of plan"), choices=Kind.choices)
            } | self.fields
        for n in range(1, STEP_ROWS + 1):
            self.fields[f"step_{n}_text"] = forms.CharField(
                label=_("step %(n)s") % {"n": n}, required=False, max_length=4000
            )
            self.fields[f"step_{n}_due_on"] = forms.DateField(
                label=_("step %(n)s: due date") % {"n": n}, required=False, widget=DATE_WIDGET
            )
            self.fields[f"step_{n}_responsible"] = forms.ChoiceField(
                label=_("step %(n)s: responsible") % {"n": n}, choices=Responsible.choices
            )
        for n in range(1, SERVICE_ROWS + 1):
            self.fields[f"service_{n}_kind"] = forms.ChoiceField(
                label=_("service %(n)s") % {"n": n},
                choices=[("", "—"), *ServiceKind.choices],
                required=False,
            )
            self.fields[f"service_{n}_starts_on"] = forms.DateField(
                label=_("service %(n)s: planned start") % {"n": n}, required=False, widget=DATE_WIDGET
            )
            self.fields[f"service_{n}_ends_on"] = forms.DateField(
                label=_("service %(n)s: planned end") % {"n": n}, required=False, widget=DATE_WIDGET
            )
        self.step_rows: list[int] = []
        self.service_rows: list[int] = []

    def clean(self):
        data = super().clean()
        required = _("This field is required.")
        for n in range(1, STEP_ROWS + 1):
            text, due = data.get(f"step_{n}_text"), data.get(f"step_{n}_due_on")
            if text or due:
                self.step_rows.append(n)
                if not text:
                    self.add_error(f"step_{n}_text", required)
                if not due and f"step_{n}_due_on" not in self.errors:
                    self.add_error(f"step_{n}_due_on", required)
        for n in range(1, SERVICE_ROWS + 1):
            kind, start = data.get(f"service_{n}_kind"), data.get(f"service_{n}_starts_on")
            if kind or start or data.get(f"service_{n}_ends_on"):
                self.service_rows.append(n)
                if not kind:
                    self.add_error(f"service_{n}_kind", required)
                if not start and f"service_{n}_starts_on" not in self.errors:
                    self.add_error(f"service_{n}_starts_on", required)
        return data

    def content(self) -> dict:
        """The keyword arguments of `services.add_version`."""
        d = self.cleaned_data
        return {
            "agreed_on": d["agreed_on"],
            "goals": d["goals"],
            "job_search_obligation": d["job_search_obligation"],
            "notes": d["notes"],
            "extension_months": d.get("extension_months") or 0,
            "steps": [
                {
                    "text": d[f"step_{n}_text"],
                    "due_on": d[f"step_{n}_due_on"],
                    "responsible": d[f"step_{n}_responsible"],
                }
                for n in self.step_rows
            ],
            "services": [
                {
                    "kind": d[f"service_{n}_kind"],
                    "starts_on": d[f"service_{n}_starts_on"],
                    "ends_on": d[f"service_{n}_ends_on"],
                }
                for n in self.service_rows
            ],
        }

    def field_of(self, problem_field: str | None) -> str | None:
        """The form's field for a service's problem field (`steps.0.due_on` → the first filled row's)."""
        if problem_field is None:
            return None
        parts = problem_field.split(".")
        if parts[0] == "steps" and len(parts) == 3:
            return f"step_{self.step_rows[int(parts[1])]}_{parts[2]}"
        if parts[0] == "services" and len(parts) == 3:
            return f"service_{self.service_rows[int(parts[1])]}_{parts[2]}"
        if parts[0] in self.fields:
            return parts[0]
        return None

    def steps_grouped(self) -> list[list]:
        return [
            [self[f"step_{n}_{f}"] for f in ("text", "due_on", "responsible")]
            for n in range(1, STEP_ROWS + 1)
        ]

    def services_grouped(self) -> list[list]:
        return [
            [self[f"service_{n}_{f}"] for f in ("kind", "starts_on", "ends_on")]
            for n in range(1, SERVICE_ROWS + 1)
        ]


class ApprovalForm(forms.Form):
    party = forms.ChoiceField(label=_("party"), choices=Party.choices)
    approved_on = forms.DateField(label=_("date of approval"), widget=DATE_WIDGET)
    channel = forms.ChoiceField(label=_("how approved"), choices=ApprovalChannel.choices)
