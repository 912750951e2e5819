"""Read models of the co-operation network (R-SP-9): the members on a date grouped by kind, the meetings of
an area in a period, and attendance per kind of member."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count
from django.utils import translation

from kuntakokeilu.regions.models import ElyCentre, Municipality, RegionalMembership, TeOffice, TrialArea

from .models import MemberKind, NetworkMeeting, NetworkMember


def members_on(area: TrialArea, on: dt.date):
    """The area's members on the date, in the order of the kinds, then by name."""
    return (
        NetworkMember.objects.valid_on(on)
        .filter(trial_area=area)
        .select_related("municipality", "ely", "te_office")
        .order_by("kind", "municipality__name_fi", "ely__name_fi", "te_office__name_fi", "name", "id")
    )


@dataclass(frozen=True)
class KindGroup:
    kind: str
    label: str
    members: list[NetworkMember]


def members_by_kind(area: TrialArea, on: dt.date) -> list[KindGroup]:
    """The members on the date grouped by kind, in the kinds' order (municipalities first); empty kinds
    are left out."""
    rows = list(members_on(area, on))
    return [
        KindGroup(kind, str(label), [m for m in rows if m.kind == kind])
        for kind, label in MemberKind.choices
        if any(m.kind == kind for m in rows)
    ]


def all_members(area: TrialArea):
    """Every member the area's network has had, current and former."""
    return NetworkMember.objects.filter(trial_area=area).select_related("municipality", "ely", "te_office")


def meetings_in(area: TrialArea, start: dt.date | None = None, end: dt.date | None = None):
    """The area's meetings from `start` to `end` (inclusive; None = open), the latest first, with the
    number of members present."""
    rows = NetworkMeeting.objects.filter(trial_area=area)
    if start is not None:
        rows = rows.filter(date__gte=start)
    if end is not None:
        rows = rows.filter(date__lte=end)
    return rows.annotate(present=Count("participants")).order_by("-date", "-id")


@dataclass(frozen=True)
class Attendance:
    kind: str
    label: str
    meetings: int  # meetings at which at least one member of the kind was present
    attendances: int  # member × meeting pairs


def attendance_by_kind(
    area: TrialArea, start: dt.date | None = None, end: dt.date | None = None
) -> list[Attendance]:
    """Per kind of member: at how many of the area's meetings in the period a member of the kind was present
    and how many attendances there were, in one aggregate query."""
    through = NetworkMeeting.participants.through.objects.filter(networkmeeting__trial_area=area)
    if start is not None:
        through = through.filter(networkmeeting__date__gte=start)
    if end is not None:
        through = through.filter(networkmeeting__date__lte=end)
    counts = {
        row["networkmember__kind"]: row
        for row in through.values("networkmember__kind").annotate(
            meetings=Count("networkmeeting", distinct=True), attendances=Count("id")
        )
    }
    return [
        Attendance(
            kind,
            str(label),
            counts.get(kind, {}).get("meetings", 0),
            counts.get(kind, {}).get("attendances", 0),
        )
        for kind, label in MemberKind.choices
    ]


def missing_statutory_members(area: TrialArea, on: dt.date) -> list[str]:
    """The statutory members of the area's co-operation body (L1269 s. 21, A153 s. 4: each municipality of
    the area, its TE office and the competent ELY centre, by the regional division of the date) that are not
    members of the network on the date, by name in the active language."""
    lang = translation.get_language()
    present = members_on(area, on)
    have = {
        "municipality": set(present.values_list("municipality_id", flat=True)),
        "ely": set(present.values_list("ely_id", flat=True)),
        "te_office": set(present.values_list("te_office_id", flat=True)),
    }
    municipalities = Municipality.objects.filter(trial_memberships__trial_area=area).order_by("name_fi")
    division = RegionalMembership.objects.valid_on(on).filter(
        municipality__trial_memberships__trial_area=area
    )
    elys = ElyCentre.objects.filter(pk__in=division.values("ely_id")).order_by("name_fi")
    offices = TeOffice.objects.filter(pk__in=division.values("te_office_id")).order_by("name_fi")
    missing = [m for m in municipalities if m.pk not in have["municipality"]]
    missing += [e for e in elys if e.pk not in have["ely"]]
    missing += [t for t in offices if t.pk not in have["te_office"]]
    return [org.name_in(lang) for org in missing]
