"""Keeping the co-operation network (R-SP-9): members and meetings, each write in one transaction and checked
against the catalogue again for the area it changes.

Bad input gets a `Refused` naming the field with a localised message, and nothing is written (the pages and
the API call these same functions). What is refused, and why:

- dates outside the pilot (the dated parameters `pilot.start_date` and `pilot.end_date`, L1269 s. 23);
- a municipality that is not a member of the trial area (L1269 s. 3; a trial-area membership holds for the
  pilot period);
- an ELY centre or a TE office other than the one whose area the trial area is on the member's dates (from
  the regional division of those dates). L1269 s. 21 with A153 s. 4 makes the TE office and the *competent*
  ELY centre members of the area's co-operation body, others by agreement: a wrong one is refused, not
  warned of, since the kind says "the statutory member"; another ELY centre or TE office taking part by
  agreement is recorded as an "other member by agreement", with its name;
- the same organisation twice in overlapping periods; a period that ends before it begins;
- a meeting dated after today, without participants, or with a participant who was not a member on the
  meeting's date; an end of membership before a meeting the member attended;
- a personal identity code in a meeting's agenda, minutes or place: the network's records hold no job
  seeker's data (they are not access-logged as person data is).
"""

from __future__ import annotations

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from kuntakokeilu.access.actions import can
from kuntakokeilu.customers.identity import InvalidHenkilotunnus, parse_henkilotunnus
from kuntakokeilu.regions.models import ElyCentre, Municipality, RegionalMembership, TeOffice, TrialArea
from kuntakokeilu.rules.parameters import NoParameterValue, ParameterStore, default_store

from .models import REFERENCE_FIELDS, MeetingChannel, MemberKind, NetworkMeeting, NetworkMember


class Refused(Exception):
    """Input the service refuses: `field` (or None for the whole request) and a translatable message."""

    def __init__(self, field: str | None, message):
        super().__init__(str(message))
        self.field, self.message = field, message


class Formatted:
    """A translatable message with its arguments, formatted in the language active when shown."""

    def __init__(self, message, **args):
        self.message, self.args = message, args

    def __str__(self) -> str:
        return str(self.message) % {k: str(v) for k, v in self.args.items()}


class _Name:
    """An organisation's name in the language active when the message is shown."""

    def __init__(self, obj):
        self.obj = obj

    def __str__(self) -> str:
        lang = translation.get_language()
        if isinstance(self.obj, NetworkMember):
            return self.obj.display_name(lang)
        names = self.obj.names()
        return names.get((lang or "fi")[:2]) or names["fi"]


NOT_MANAGER = _("You do not keep this trial area's co-operation network.")
OUTSIDE_PILOT = _("The date %(date)s is outside the pilot (%(start)s–%(end)s).")
BEFORE_PILOT = _("The date %(date)s is before the pilot began.")
ENDS_BEFORE = _("The membership ends before it begins.")
UNKNOWN_KIND = _("Choose the kind of member.")
NEEDS_MUNICIPALITY = _("Choose the municipality.")
NEEDS_ELY = _("Choose the ELY centre.")
NEEDS_TE_OFFICE = _("Choose the TE office.")
NEEDS_NAME = _("Give the name of the organisation.")
NOT_AREA_MUNICIPALITY = _("%(municipality)s is not a municipality of the trial area %(area)s.")
OTHER_ELY = _(
    "%(ely)s is not the ELY centre of the trial area on %(date)s: that is %(competent)s (L1269 s. 21). "
    "Another ELY centre taking part by agreement is recorded as another member by agreement."
)
OTHER_TE_OFFICE = _(
    "%(office)s is not the TE office of the trial area on %(date)s: that is %(competent)s (L1269 s. 21). "
    "Another TE office taking part by agreement is recorded as another member by agreement."
)
ALREADY_MEMBER = _("%(member)s is already a member of the network from %(start)s; the periods overlap.")
BAD_EMAIL = _("The email address is not valid.")
TOO_LONG = _("The text is too long (at most %(max)s characters).")
MEETING_IN_FUTURE = _("A meeting cannot be recorded before it is held: its date is after today (%(today)s).")
UNKNOWN_CHANNEL = _("Choose how the meeting was held.")
NEEDS_AGENDA = _("Give the agenda.")
NEEDS_PARTICIPANTS = _("Choose the members present.")
OTHER_AREA_MEMBER = _("%(member)s is not a member of this trial area's network.")
NOT_MEMBER_ON_DATE = _("%(member)s was not a member of the network on %(date)s.")
ATTENDED_AFTER = _("%(member)s attended the network's meeting on %(date)s, after the end of membership.")
IDENTITY_CODE = _(
    "The text contains a personal identity code. The network's records hold no job seeker's data: remove it."
)

# A personal identity code's shape anywhere in a text; each candidate is checked with the real parser.
HETU_IN_TEXT = re.compile(r"(?<![0-9A-Za-z])\d{6}[-+A-FU-Y]\d{3}[0-9A-Y](?![0-9A-Za-z])", re.IGNORECASE)


def _date(value: dt.date) -> str:
    return f"{value.day}.{value.month}.{value.year}"


def pilot_period(on: dt.date, params: ParameterStore | None = None) -> tuple[dt.date, dt.date] | None:
    """The pilot's first and last day as in force on `on` (`pilot.yaml`), or None before the pilot."""
    params = params or default_store()
    try:
        return params.value("pilot.start_date", on), params.value("pilot.end_date", on)
    except NoParameterValue:
        return None


def in_pilot(on: dt.date, params: ParameterStore | None = None) -> bool:
    period = pilot_period(on, params)
    return period is not None and period[0] <= on <= period[1]


def check_in_pilot(field: str, on: dt.date, params: ParameterStore | None = None) -> None:
    period = pilot_period(on, params)
    if period is None:
        raise Refused(field, Formatted(BEFORE_PILOT, date=_date(on)))
    start, end = period
    if not start <= on <= end:
        raise Refused(field, Formatted(OUTSIDE_PILOT, date=_date(on), start=_date(start), end=_date(end)))


def contains_identity_code(text: str) -> bool:
    for candidate in HETU_IN_TEXT.findall(text or ""):
        try:
            parse_henkilotunnus(candidate)
        except InvalidHenkilotunnus:
            continue
        return True
    return False


def competent_offices(area: TrialArea, on: dt.date) -> tuple[set[str], set[str]]:
    """The codes of the ELY centres and TE offices whose areas hold the trial area's municipalities on
    `on` (the regional division of that date)."""
    rows = RegionalMembership.objects.valid_on(on).filter(municipality__trial_memberships__trial_area=area)
    elys, offices = set(), set()
    for ely, office in rows.values_list("ely_id", "te_office_id"):
        elys.add(ely)
        if office is not None:
            offices.add(office)
    return elys, offices


def _check_competent(area: TrialArea, kind: str, org, on: dt.date) -> None:
    elys, offices = competent_offices(area, on)
    if kind == MemberKind.ELY_CENTRE and org.pk not in elys:
        competent = ", ".join(str(_Name(e)) for e in ElyCentre.objects.filter(pk__in=elys)) or "–"
        raise Refused("ely", Formatted(OTHER_ELY, ely=_Name(org), date=_date(on), competent=competent))
    if kind == MemberKind.TE_OFFICE and org.pk not in offices:
        competent = ", ".join(str(_Name(t)) for t in TeOffice.objects.filter(pk__in=offices)) or "–"
        raise Refused(
            "te_office", Formatted(OTHER_TE_OFFICE, office=_Name(org), date=_date(on), competent=competent)
        )


def _same_organisation(member: NetworkMember):
    rows = NetworkMember.objects.filter(trial_area=member.trial_area, kind=member.kind)
    field = REFERENCE_FIELDS.get(member.kind)
    if field:
        return rows.filter(**{field: getattr(member, field)})
    return rows.filter(name__iexact=member.name)


def _overlapping(member: NetworkMember):
    rows = _same_organisation(member).exclude(pk=member.pk)
    rows = rows.filter(Q(member_to__isnull=True) | Q(member_to__gte=member.member_from))
    if member.member_to is not None:
        rows = rows.filter(member_from__lte=member.member_to)
    return rows.order_by("member_from").first()


def _text(field: str, value: str, max_length: int) -> str:
    value = (value or "").strip()
    if len(value) > max_length:
        raise Refused(field, Formatted(TOO_LONG, max=max_length))
    return value


def add_member(
    user,
    area: TrialArea,
    *,
    kind: str,
    member_from: dt.date,
    member_to: dt.date | None = None,
    municipality: Municipality | None = None,
    ely: ElyCentre | None = None,
    te_office: TeOffice | None = None,
    name: str = "",
    contact_name: str = "",
    contact_email: str = "",
    today: dt.date,
    params: ParameterStore | None = None,
) -> NetworkMember:
    """Add a member to the area's network for a period (see the module's docstring for the checks)."""
    if not can(user, "cooperation.manage", area, today):
        raise Refused(None, NOT_MANAGER)
    if kind not in MemberKind.values:
        raise Refused("kind", UNKNOWN_KIND)
    given = {"municipality": municipality, "ely": ely, "te_office": te_office}
    field = REFERENCE_FIELDS.get(MemberKind(kind))
    org = given.get(field) if field else None
    if field and org is None:
        needs = {"municipality": NEEDS_MUNICIPALITY, "ely": NEEDS_ELY, "te_office": NEEDS_TE_OFFICE}
        raise Refused(field, needs[field])
    name = "" if field else _text("name", name, 200)
    if not field and not name:
        raise Refused("name", NEEDS_NAME)
    contact_name = _text("contact_name", contact_name, 200)
    contact_email = _text("contact_email", contact_email, 254)
    if contact_email:
        try:
            validate_email(contact_email)
        except ValidationError:
            raise Refused("contact_email", BAD_EMAIL) from None
    if member_to is not None and member_to < member_from:
        raise Refused("member_to", ENDS_BEFORE)
    check_in_pilot("member_from", member_from, params)
    if member_to is not None:
        check_in_pilot("member_to", member_to, params)
    if kind == MemberKind.MUNICIPALITY and not area.members.filter(municipality=org).exists():
        raise Refused(
            "municipality",
            Formatted(NOT_AREA_MUNICIPALITY, municipality=_Name(org), area=_Name(area)),
        )
    if kind in (MemberKind.ELY_CENTRE, MemberKind.TE_OFFICE):
        for day in (member_from, member_to):
            if day is not None:
                _check_competent(area, kind, org, day)
    member = NetworkMember(
        trial_area=area,
        kind=kind,
        name=name,
        contact_name=contact_name,
        contact_email=contact_email,
        member_from=member_from,
        member_to=member_to,
        recorded_by=user,
        **{f: (org if f == field else None) for f in REFERENCE_FIELDS.values()},
    )
    with transaction.atomic():
        other = _overlapping(member)
        if other is not None:
            raise Refused(
                "member_from", Formatted(ALREADY_MEMBER, member=_Name(other), start=_date(other.member_from))
            )
        member.save()
    return member


def end_member(
    user,
    member: NetworkMember,
    *,
    member_to: dt.date,
    today: dt.date,
    params: ParameterStore | None = None,
) -> NetworkMember:
    """End (or move the end of) a membership on `member_to`, its last day as a member."""
    if not can(user, "cooperation.manage", member.trial_area, today):
        raise Refused(None, NOT_MANAGER)
    if member_to < member.member_from:
        raise Refused("member_to", ENDS_BEFORE)
    check_in_pilot("member_to", member_to, params)
    if member.kind in (MemberKind.ELY_CENTRE, MemberKind.TE_OFFICE):
        _check_competent(member.trial_area, member.kind, member.organisation, member_to)
    with transaction.atomic():
        member = NetworkMember.objects.select_for_update().get(pk=member.pk)
        later = member.meetings.filter(date__gt=member_to).order_by("date").first()
        if later is not None:
            raise Refused(
                "member_to", Formatted(ATTENDED_AFTER, member=_Name(member), date=_date(later.date))
            )
        member.member_to = member_to
        other = _overlapping(member)
        if other is not None:
            raise Refused(
                "member_to", Formatted(ALREADY_MEMBER, member=_Name(other), start=_date(other.member_from))
            )
        member.save(update_fields=["member_to"])
    return member


def record_meeting(
    user,
    area: TrialArea,
    *,
    date: dt.date,
    channel: str,
    agenda: str,
    participants,
    place: str = "",
    minutes: str = "",
    today: dt.date,
    params: ParameterStore | None = None,
) -> NetworkMeeting:
    """Record a meeting of the area's network held on `date` (today or earlier) with the members present."""
    if not can(user, "cooperation.manage", area, today):
        raise Refused(None, NOT_MANAGER)
    if channel not in MeetingChannel.values:
        raise Refused("channel", UNKNOWN_CHANNEL)
    place = _text("place", place, 200)
    agenda = _text("agenda", agenda, 10_000)
    minutes = _text("minutes", minutes, 50_000)
    if not agenda:
        raise Refused("agenda", NEEDS_AGENDA)
    for field, text in (("place", place), ("agenda", agenda), ("minutes", minutes)):
        if contains_identity_code(text):
            raise Refused(field, IDENTITY_CODE)
    if date > today:
        raise Refused("date", Formatted(MEETING_IN_FUTURE, today=_date(today)))
    check_in_pilot("date", date, params)
    participants = list(participants or [])
    if not participants:
        raise Refused("participants", NEEDS_PARTICIPANTS)
    for member in participants:
        if member.trial_area_id != area.pk:
            raise Refused("participants", Formatted(OTHER_AREA_MEMBER, member=_Name(member)))
        if not member.holds_on(date):
            raise Refused(
                "participants", Formatted(NOT_MEMBER_ON_DATE, member=_Name(member), date=_date(date))
            )
    with transaction.atomic():
        meeting = NetworkMeeting.objects.create(
            trial_area=area,
            date=date,
            channel=channel,
            place=place,
            agenda=agenda,
            minutes=minutes,
            recorded_by=user,
        )
        meeting.participants.set(participants)
    return meeting
