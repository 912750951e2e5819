"""The what-if form (issue 13): a name, the date (and optionally month-ends up to a date) — for application
screening the round instead — and for each parameter of the rule a new value and the date it holds from;
empty = the law. Checked by `services.prepare`, whose `OverlayError` is shown at the field at fault in the
page's language."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import translation
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from kuntakokeilu.applications.models import Round
from kuntakokeilu.rules.messages import format_date
from kuntakokeilu.rules.overlay import Edit, OverlayError
from kuntakokeilu.rules.parameters import default_store

from . import queries, services


def _field_key(name: str) -> str:
    return name.replace(".", "__")


class WhatIfForm(forms.Form):
    name = forms.CharField(label=_("Name of the what-if"), max_length=100)
    on = forms.DateField(label=_("Date of the snapshot"), help_text=_("YYYY-MM-DD, within the pilot."))
    until = forms.DateField(
        label=_("Also each month-end up to"),
        required=False,
        help_text=_("Optional: a series of month-end snapshots after the date (YYYY-MM-DD)."),
    )

    def __init__(self, *args, rule: str = "target-group", **kwargs):
        super().__init__(*args, **kwargs)
        self.rule = rule
        if rule == services.SCREENING:  # a round's applications: the round instead of dates
            del self.fields["on"], self.fields["until"]
            self.fields["round"] = forms.ChoiceField(
                label=_("Application round"),
                choices=[
                    (r.code, f"{r.code} ({format_date(r.opens, _lang())})") for r in Round.objects.all()
                ],
                help_text=_("Each application of the round, screened with the others as in the round."),
            )
        self.dates: list[dt.date] = []
        self.edits: list[Edit] = []
        store, lang = default_store(), translation.get_language() or "fi"
        self.parameters = []
        for name in services.editable(rule):
            parameter = store.parameters[name]
            key = _field_key(name)
            # The values as they are typed (codes, ISO dates) in <code>; the days from which they hold as the
            # language writes dates (issue 15: no code or ISO date outside the input's own syntax).
            law = format_html_join(
                "; ",
                "{}: <code>{}</code>",
                ((format_date(v.start, lang[:2]), _shown(v.value)) for v in parameter.values),
            )
            self.fields[f"value_{key}"] = forms.CharField(
                label=parameter.description.get(lang, parameter.description["en"]),
                required=False,
                help_text=mark_safe(  # noqa: S308  (the template escaped, the parts built by format_html)
                    conditional_escape(_("%(name)s — the law: %(law)s"))
                    % {"name": format_html("<code>{}</code>", name), "law": law}
                ),
            )
            self.fields[f"from_{key}"] = forms.DateField(
                label=_("holds from"), required=False, help_text=_("Empty: from the parameter's first day.")
            )
            self.parameters.append((name, key))

    def parameter_fields(self):
        return [(self[f"value_{key}"], self[f"from_{key}"]) for _name, key in self.parameters]

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        edits = []
        for name, key in self.parameters:
            value = data.get(f"value_{key}", "")
            if value.strip():
                edits.append(Edit(name, value, data.get(f"from_{key}")))
        if self.rule == services.SCREENING:
            dates = [services.screening_round(data["round"]).opens]
        else:
            dates = [data["on"]]
            if data.get("until"):
                dates = queries.month_ends(data["on"], data["until"])
        try:
            self.dates, self.edits = services.prepare(self.rule, dates, edits)
        except OverlayError as exc:
            lang = translation.get_language() or "fi"
            field = None
            if exc.name:
                edit = next(e for e in edits if e.name == exc.name)
                bad_date = "outside" in str(exc) and edit.start is not None
                field = f"{'from' if bad_date else 'value'}_{_field_key(exc.name)}"
            elif "outside" in str(exc):
                field = "on"
            self.add_error(field, exc.render(lang))
        return data


def _shown(value) -> str:
    if isinstance(value, list):
        return ", ".join(value)
    if value is None:
        return "—"
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _lang() -> str:
    return (translation.get_language() or "fi")[:2]
