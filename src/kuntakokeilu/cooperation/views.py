"""The network's pages (R-SP-9): the area's network on a chosen date (members grouped by kind, every member
over time, the meetings and attendance per kind of member), adding and ending a membership, recording a
meeting and a meeting's page. Every write goes through `services`, which refuses bad input with a fi/sv
message and changes nothing. No job seeker's data is shown, so nothing is written to the access log."""

from __future__ import annotations

from django.contrib import messages as flash
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from kuntakokeilu import clock
from kuntakokeilu.access.actions import can
from kuntakokeilu.access.decorators import requires
from kuntakokeilu.regions.models import TrialArea

from . import queries, services
from .forms import EndMemberForm, MeetingForm, MemberForm, OnDateForm
from .models import NetworkMeeting, NetworkMember

VIEW = "cooperation.view"
MANAGE = "cooperation.manage"


def area_or_404(request, number):
    return get_object_or_404(TrialArea, number=number)


def member_or_404(request, number, member_id):
    return get_object_or_404(
        NetworkMember.objects.select_related("trial_area", "municipality", "ely", "te_office"),
        pk=member_id,
        trial_area__number=number,
    )


def meeting_or_404(request, number, meeting_id):
    return get_object_or_404(
        NetworkMeeting.objects.select_related("trial_area"), pk=meeting_id, trial_area__number=number
    )


@requires(VIEW)
def home(request):
    """The navigation's entry: the one trial area whose network the user sees, or the list of them."""
    today = clock.today()
    areas = [a for a in TrialArea.objects.order_by("number") if can(request.user, VIEW, a, today)]
    if len(areas) == 1:
        return redirect("cooperation:network", number=areas[0].number)
    return render(request, "cooperation/home.html", {"areas": areas})


def _refusal(form, refused: services.Refused) -> None:
    form.add_error(refused.field if refused.field in form.fields else None, str(refused.message))


@requires(VIEW, get_object=area_or_404)
def network(request, area):
    today = clock.today()
    on_form = OnDateForm(request.GET or None)
    on = today
    status = 200
    if request.GET:
        if on_form.is_valid():
            on = on_form.cleaned_data["on"] or today
        else:
            status = 400
    context = {
        "area": area,
        "on": on,
        "on_form": on_form,
        "groups": queries.members_by_kind(area, on),
        "missing": queries.missing_statutory_members(area, on) if services.in_pilot(on) else [],
        "members": queries.all_members(area),
        "meetings": queries.meetings_in(area),
        "attendance": queries.attendance_by_kind(area),
        "can_manage": can(request.user, MANAGE, area, today),
    }
    return render(request, "cooperation/network.html", context, status=status)


@requires(MANAGE, get_object=area_or_404)
def member_new(request, area):
    form = MemberForm(request.POST or None, area=area, initial={"member_from": clock.today()})
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.add_member(request.user, area, today=clock.today(), **form.cleaned_data)
            except services.Refused as refused:
                _refusal(form, refused)
            else:
                flash.success(request, _("The member is added to the network."))
                return redirect("cooperation:network", number=area.number)
    return render(request, "cooperation/member_form.html", {"area": area, "form": form}, status=status)


@requires(MANAGE, get_object=member_or_404)
def member_end(request, member):
    area = member.trial_area
    form = EndMemberForm(request.POST or None, initial={"member_to": member.member_to or clock.today()})
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.end_member(request.user, member, today=clock.today(), **form.cleaned_data)
            except services.Refused as refused:
                _refusal(form, refused)
            else:
                flash.success(request, _("The end of the membership is saved."))
                return redirect("cooperation:network", number=area.number)
    context = {"area": area, "member": member, "form": form}
    return render(request, "cooperation/member_end.html", context, status=status)


@requires(MANAGE, get_object=area_or_404)
def meeting_new(request, area):
    form = MeetingForm(request.POST or None, area=area, initial={"date": clock.today()})
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                meeting = services.record_meeting(
                    request.user, area, today=clock.today(), **form.cleaned_data
                )
            except services.Refused as refused:
                _refusal(form, refused)
            else:
                flash.success(request, _("The meeting is recorded."))
                return redirect("cooperation:meeting", number=area.number, meeting_id=meeting.pk)
    return render(request, "cooperation/meeting_form.html", {"area": area, "form": form}, status=status)


@requires(VIEW, get_object=meeting_or_404)
def meeting(request, meeting):
    participants = meeting.participants.select_related("municipality", "ely", "te_office").order_by(
        "kind", "municipality__name_fi", "ely__name_fi", "te_office__name_fi", "name", "id"
    )
    context = {"area": meeting.trial_area, "meeting": meeting, "participants": participants}
    return render(request, "cooperation/meeting.html", context)
