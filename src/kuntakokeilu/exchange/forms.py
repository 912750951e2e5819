"""The admins' forms: start an export (record types, the export's date, CSV too) or upload an export to
import (a .zip of its directory)."""

import zipfile

from django import forms
from django.utils.translation import gettext_lazy as _

from . import schemas

UPLOAD_MAX_BYTES = 200 * 1024 * 1024  # a zipped export of 300,000 job seekers is well below this
UNZIPPED_MAX_BYTES = 2 * 1024 * 1024 * 1024
TYPE_LABELS = {
    "persons": _("job seekers"),
    "facts": _("recorded facts"),
    "customerships": _("customerships"),
    "notices": _("notices"),
    "transfer_requests": _("transfer requests"),
}


class ExportForm(forms.Form):
    types = forms.MultipleChoiceField(
        label=_("Record types"),
        choices=[(name, TYPE_LABELS[name]) for name in schemas.TYPES],
        initial=list(schemas.TYPES),
        widget=forms.CheckboxSelectMultiple,
    )
    as_of = forms.DateField(label=_("The export's date"), required=False, help_text=_("Empty: today."))
    with_csv = forms.BooleanField(label=_("Also as CSV (flat record types)"), required=False)


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Export as a .zip file"),
        help_text=_("The export's directory zipped: manifest.json and the .jsonl files."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > UPLOAD_MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 200 MB."))
        try:
            archive = zipfile.ZipFile(upload)
            members = [i for i in archive.infolist() if not i.is_dir()]
        except zipfile.BadZipFile:
            raise forms.ValidationError(_("The file is not a .zip file.")) from None
        if sum(i.file_size for i in members) > UNZIPPED_MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 200 MB."))
        names = {i.filename.rsplit("/", 1)[-1] for i in members}
        if "manifest.json" not in names:
            raise forms.ValidationError(_("The .zip file has no manifest.json."))
        files = {}
        for info in members:
            name = info.filename.rsplit("/", 1)[-1]
            if name == "manifest.json" or name.endswith((".jsonl", ".csv")):
                files[name] = archive.read(info)
        return files
