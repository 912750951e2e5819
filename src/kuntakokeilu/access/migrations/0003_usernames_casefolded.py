"""Usernames in their one form (access/usernames.py): existing accounts are case-folded. Two accounts
that differ only in case cannot both keep their name: the migration stops and names them, so that an
administrator renames one first."""

import unicodedata

from django.conf import settings
from django.db import migrations


def fold(apps, schema_editor):
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    users = list(User.objects.all())
    folded = {}
    for user in users:
        name = unicodedata.normalize("NFKC", user.username).strip().casefold()
        folded.setdefault(name, []).append(user)
    clashes = [[u.username for u in group] for group in folded.values() if len(group) > 1]
    if clashes:
        raise RuntimeError(f"usernames differing only in case; rename one of each first: {clashes}")
    for name, (user,) in folded.items():
        if user.username != name:
            user.username = name
            user.save(update_fields=["username"])


class Migration(migrations.Migration):
    dependencies = [
        ("access", "0002_access_log"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [migrations.RunPython(fold, migrations.RunPython.noop)]
