from django import forms
from django.utils.translation import gettext_lazy as _


class RunForm(forms.Form):
    on = forms.DateField(label=_("Run date"), help_text=_("For example 1.3.2031."))
    dry_run = forms.BooleanField(label=_("Dry run: count only, change nothing"), required=False, initial=True)
