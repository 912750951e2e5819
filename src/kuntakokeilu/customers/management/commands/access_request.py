from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from kuntakokeilu import clock
from kuntakokeilu.access import audit
from kuntakokeilu.access.actions import can
from kuntakokeilu.access.models import Purpose
from kuntakokeilu.access.usernames import normalise
from kuntakokeilu.customers.identity import InvalidHenkilotunnus, parse_henkilotunnus
from kuntakokeilu.customers.models import CODE_KINDS, MUNICIPALITY_KINDS, FactKind, Person
from kuntakokeilu.customers.queries import history


class Command(BaseCommand):
    help = (
        "The data subject's access request: print what the register holds on a person and who has looked "
        "at it (the request itself is logged, with the administrator named by --as)."
    )

    def add_arguments(self, parser):
        parser.add_argument("henkilotunnus")
        parser.add_argument(
            "--as",
            dest="as_user",
            required=True,
            help="the username of the administrator answering the request (written in the access log)",
        )
        parser.add_argument("--lang", choices=["fi", "sv", "en"], default="fi", help="language of the output")

    def handle(self, *args, **options):
        with translation.override(options["lang"]):
            actor = _actor(options["as_user"])
            try:
                code = parse_henkilotunnus(options["henkilotunnus"]).code
            except InvalidHenkilotunnus as exc:
                raise CommandError(str(exc)) from None
            with transaction.atomic():
                person = Person.objects.filter(henkilotunnus=code).first()
                if person is None:
                    raise CommandError(_("The register holds no person with this identity code."))
                entries = list(audit.entries_about(person))
                audit.record(actor, [person], "command:access_request", Purpose.ACCESS_REQUEST)
                self._print(person, history(person), entries)

    def _print(self, person, rows, entries):
        out = self.stdout.write
        out(f"{person.full_name} ({person.henkilotunnus})")
        out(f"{_('Date of birth')}: {person.birth_date.isoformat()}")
        out(f"{_('Service language')}: {person.get_service_language_display()}")
        out("")
        out(_("Facts over time"))
        for kind in FactKind.values:
            for row in rows[kind]:
                fact = row.fact
                until = (
                    _("corrected") if row.superseded else (row.valid_to.isoformat() if row.valid_to else "–")
                )
                value = _display(fact)
                line = (
                    f"  {capfirst(FactKind(kind).label)}: {value} ({fact.valid_from.isoformat()} – {until})"
                )
                if fact.reason:
                    line += " [" + _("Correction: %(reason)s") % {"reason": fact.reason} + "]"
                out(line)
        out("")
        out(_("Who has looked at the data"))
        if not entries:
            out("  " + _("No entries."))
        for entry in entries:
            who = entry.user.username if entry.user else "–"
            out(f"  {entry.at:%Y-%m-%d %H:%M:%S} {who} {entry.what} ({entry.get_purpose_display()})")


def _actor(username: str):
    """The administrator named by `--as` (R-X-2: the log names who looked), if the catalogue allows it."""
    user = get_user_model().objects.filter(username=normalise(username), is_active=True).first()
    if user is None:
        raise CommandError(_("No active user %(username)s.") % {"username": username})
    if not can(user, "access.access_request", None, clock.today()):
        raise CommandError(_("%(username)s may not answer access requests.") % {"username": user.username})
    return user


def _display(fact) -> str:
    if fact.kind in MUNICIPALITY_KINDS:
        return f"{fact.municipality.code} {fact.municipality.name_fi}" if fact.municipality_id else "–"
    if fact.kind == FactKind.STATUS:
        return f"{fact.code} ({fact.status_label})"
    if fact.kind in CODE_KINDS:
        return fact.code
    if fact.kind == FactKind.JOB_SEARCH:
        return _("ended %(end)s") % {"end": fact.end_date.isoformat()} if fact.end_date else _("in force")
    text = _("yes") if fact.flag else _("no")
    if fact.kind == FactKind.CHANGE_SECURITY and fact.date_value:
        text += ", " + _("notice given %(notice)s") % {"notice": fact.date_value.isoformat()}
    return text
