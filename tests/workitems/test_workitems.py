"""Work items (R-TG-4, R-TG-5, R-X-1): the open rows, the deadline by a dated parameter in calendar or
working days, who handles a row — the same answer in SQL (`handled_by`) and on one object (`handles`) —
and status transitions as tables."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from kuntakokeilu.access.scope import Grant
from kuntakokeilu.customers.models import DueTransfer, Ground, RequestStatus, TransferRequest
from kuntakokeilu.regions.models import Municipality, TeOffice
from kuntakokeilu.rules.parameters import ParameterStore, default_store
from kuntakokeilu.workitems.models import due_date, handles
from kuntakokeilu.workitems.transitions import Transitions

from ..customers.conftest import HELSINKI_HETU, PORVOO_HETU, demo, demo_customers  # noqa: F401 (fixtures)


def grant(kind, *, municipalities=(), te_offices=(), everything=False, role="case_worker") -> Grant:
    return Grant(
        assignment_id=1,
        role=role,
        kind=kind,
        everything=everything,
        municipalities=frozenset(municipalities),
        trial_areas=frozenset(),
        elys=frozenset(),
        te_offices=frozenset(te_offices),
    )


HELSINKI = grant("municipality", municipalities={"091"})
UUSIMAA_TE = grant("te_office", municipalities={"091", "638"}, te_offices={"01"}, role="te_office")
KAINUU_TE = grant("te_office", municipalities={"205"}, te_offices={"14"}, role="te_office")
COUNTRY = grant("country", everything=True, role="ministry")


# --- deadlines -------------------------------------------------------------------------------------


@pytest.mark.nodb
def test_the_transfer_window_is_seven_calendar_days():
    """R-TG-4: L1269 s. 5 mom 2 — a Friday registration is due the next Friday, weekends counted."""
    assert due_date(dt.date(2022, 9, 2), "transfers.transfer_window_days", default_store()) == dt.date(
        2022, 9, 9
    )


class _Store(ParameterStore):
    """The default parameters with one deadline read in working days, as a service-process interval is."""

    def __init__(self, unit):
        base = default_store()
        super().__init__(base.parameters, base.changelog)
        self.unit = unit

    def get(self, name, on):
        value = super().get(name, on)
        if name == "transfers.transfer_window_days":
            from dataclasses import replace

            return replace(value, unit=self.unit)
        return value


@pytest.mark.nodb
def test_a_deadline_in_working_days_skips_weekends_and_holidays():
    """Seven working days from Thursday 23.12.2021: Christmas Eve (Friday), the weekend of Christmas Day and
    Boxing Day, and New Year's Day (a Saturday) are not counted; New Year's Eve is. Seven calendar days
    would end on 30.12.2021."""
    day = due_date(dt.date(2021, 12, 23), "transfers.transfer_window_days", _Store("working_days"))
    assert day == dt.date(2022, 1, 4)
    assert due_date(dt.date(2021, 12, 23), "transfers.transfer_window_days", _Store("days")) == dt.date(
        2021, 12, 30
    )


@pytest.mark.nodb
def test_a_deadline_needs_a_unit_of_days():
    with pytest.raises(ValueError, match="days or working_days"):
        due_date(dt.date(2022, 1, 3), "transfers.transfer_window_days", _Store("persons"))


# --- transitions -----------------------------------------------------------------------------------


@pytest.mark.nodb
def test_a_transition_table_allows_only_its_rows_with_the_event_s_own_message():
    table = Transitions({("a", "go"): "b"}, {"go": "Not from here.", ("b", "stop"): "Already stopped."})
    assert table.after("a", "go") == "b"
    with pytest.raises(ValidationError, match=r"Not from here\."):
        table.after("b", "go")
    with pytest.raises(ValidationError, match=r"Already stopped\."):
        table.after("b", "stop")
    assert table.events_from("a") == ["go"]


@pytest.mark.nodb
def test_a_request_moves_only_as_its_table_says():
    """R-TG-5: a request awaiting acceptance cannot be granted; a decided one cannot be answered."""
    table = TransferRequest.TRANSITIONS
    assert table.after(RequestStatus.AWAITING_ACCEPTANCE, "accept") == RequestStatus.PENDING
    assert table.after(RequestStatus.PENDING, "grant") == RequestStatus.TRANSFERRED
    for status in (RequestStatus.TRANSFERRED, RequestStatus.REFUSED, RequestStatus.LAPSED):
        for event in ("accept", "decline", "grant", "refuse", "lapse"):
            assert not table.allows(status, event)
    with pytest.raises(ValidationError):
        table.after(RequestStatus.AWAITING_ACCEPTANCE, "grant")


@pytest.mark.nodb
def test_a_due_transfer_is_made_once():
    translation.activate("en")
    table = DueTransfer.TRANSITIONS
    assert table.after("open", "complete") == "done"
    with pytest.raises(ValidationError, match="already been made"):
        table.after("done", "complete")
    with pytest.raises(ValidationError, match="no longer due"):
        table.after("cancelled", "complete")


# --- who handles a row: SQL and object agree -------------------------------------------------------


@pytest.fixture
def items(demo_customers):  # noqa: F811 (the fixture)
    """A Helsinki customer's kotikunta change (Helsinki makes it), a Porvoo registration (the Uusimaa TE
    office makes it), a request awaiting Helsinki's acceptance and one pending at the Kainuu TE office."""
    helsinki, porvoo = demo_customers[HELSINKI_HETU], demo_customers[PORVOO_HETU]
    on = dt.date(2022, 9, 1)
    made = [
        DueTransfer.objects.create(
            person=helsinki,
            ground=Ground.CHANGE_OF_KOTIKUNTA,
            event_date=on,
            due_by=on + dt.timedelta(days=7),
            handler_municipality=Municipality.objects.get(code="091"),
            target={"type": "te_office", "te_office_code": "01"},
        ),
        DueTransfer.objects.create(
            person=porvoo,
            ground=Ground.NEW_REGISTRATION,
            event_date=on,
            due_by=on - dt.timedelta(days=1),
            handler_te_office=TeOffice.objects.get(code="01"),
            target={"type": "municipality", "kunta_code": "638"},
        ),
        TransferRequest.objects.create(
            person=porvoo,
            asked_on=on,
            ground=Ground.REQUEST_TO_MUNICIPALITY,
            reason="linguistic_rights",
            municipality=Municipality.objects.get(code="091"),
            handler_te_office=TeOffice.objects.get(code="01"),
            status=RequestStatus.AWAITING_ACCEPTANCE,
        ),
        TransferRequest.objects.create(
            person=helsinki,
            asked_on=on,
            ground=Ground.REQUEST_TO_TE_OFFICE,
            reason="linguistic_rights",
            handler_te_office=TeOffice.objects.get(code="14"),
            status=RequestStatus.PENDING,
        ),
    ]
    return made


@pytest.mark.parametrize(
    "grants", [[HELSINKI], [UUSIMAA_TE], [KAINUU_TE], [COUNTRY], [HELSINKI, KAINUU_TE], []]
)
def test_handled_by_in_sql_is_handles_on_each_object(items, grants):
    for model in (DueTransfer, TransferRequest):
        mine = model.objects.filter(pk__in=[i.pk for i in items if isinstance(i, model)])
        in_sql = set(mine.handled_by(grants).values_list("pk", flat=True))
        one_by_one = {item.pk for item in items if isinstance(item, model) and handles(grants, item)}
        assert in_sql == one_by_one


def test_who_handles_what(items):
    """A TE-office grant handles its office's rows, a municipal grant its municipality's; a request is the
    receiving municipality's while it awaits acceptance, then the deciding TE office's (R-TG-5)."""
    due_helsinki, due_porvoo, awaiting, pending = items
    dues = DueTransfer.objects.filter(pk__in=[due_helsinki.pk, due_porvoo.pk])
    requests = TransferRequest.objects.filter(pk__in=[awaiting.pk, pending.pk])
    assert list(dues.handled_by([HELSINKI])) == [due_helsinki]
    assert list(dues.handled_by([UUSIMAA_TE])) == [due_porvoo]
    assert list(requests.handled_by([HELSINKI])) == [awaiting]
    assert list(requests.handled_by([UUSIMAA_TE])) == []  # not pending: Helsinki answers first
    assert list(requests.handled_by([KAINUU_TE])) == [pending]
    assert requests.handled_by([]).count() == 0


def test_open_and_overdue_rows(items):
    due_helsinki, due_porvoo, awaiting, pending = items
    on = dt.date(2022, 9, 1)
    dues = DueTransfer.objects.filter(pk__in=[due_helsinki.pk, due_porvoo.pk])
    requests = TransferRequest.objects.filter(pk__in=[awaiting.pk, pending.pk])
    assert set(dues.overdue(on)) == {due_porvoo}
    assert set(requests.overdue(on)) == set()  # a request has no deadline of its own
    due_porvoo.done_on = on
    due_porvoo.save()
    assert set(dues.open()) == {due_helsinki}
    assert set(dues.open().arisen_by(on - dt.timedelta(days=1))) == set()
    pending.status = RequestStatus.REFUSED
    pending.save()
    assert set(requests.open()) == {awaiting}
