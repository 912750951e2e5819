"""Customerships, notices, due transfers, transfer requests and customer counts through the API (issue 6:
R-TG-3…7, R-X-1, R-X-2). The same catalogue actions and services as the pages; every response with a
person's data writes the access log in the same transaction; refusals are localised JSON errors
(`errors.py`) and change nothing. Organisations are codes (kunta code, TE office code); explanations and
notices are rendered in the request's language (notices: in their own language unless `lang` asks)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from kuntakokeilu import clock
from kuntakokeilu.access import audit
from kuntakokeilu.access.models import Purpose
from kuntakokeilu.customers import counts, customerships, notice_letter, notices, worklist
from kuntakokeilu.customers import requests as transfer_requests
from kuntakokeilu.customers.models import (
    REQUEST_GROUNDS,
    SERVICE_LANGUAGES,
    Customership,
    DueTransfer,
    Ground,
    Notice,
    NoticeRecipient,
    Person,
    RequestReason,
    RequestStatus,
    Responsible,
    TransferRequest,
)
from kuntakokeilu.letters.pdf import render_pdf
from kuntakokeilu.regions.models import Municipality, TrialArea
from kuntakokeilu.rules.outcome import STATUSES

from .base import CatalogueSchema, CatalogueView, ErrorSerializer
from .customers import PersonView
from .errors import ApiError

TAGS = ["transfers"]
# named in the settings' ENUM_NAME_OVERRIDES (the OpenAPI description)
REQUEST_GROUND_CHOICES = [(g.value, g.label) for g in REQUEST_GROUNDS]
LANGS = ("fi", "sv", "en")
LANG_PARAMETER = OpenApiParameter(
    "lang",
    OpenApiTypes.STR,
    OpenApiParameter.QUERY,
    enum=list(LANGS),
    description="The language of the notice's text; the notice's own language (fi or sv) if omitted.",
)
ERRORS = {400: ErrorSerializer, 403: ErrorSerializer, 404: ErrorSerializer}


class MethodCatalogueSchema(CatalogueSchema):
    """Documents the action of each method where a view's methods ask different ones."""

    def get_description(self):
        view = self.view
        view.kk_action = view.method_actions.get(self.method, type(view).kk_action)
        return super().get_description()


def _lang() -> str:
    return (translation.get_language() or "fi")[:2]


def _refused(exc: ValidationError, code: str) -> ApiError:
    """A service's refusal as a 400 with its localised messages (and fields, where it names them)."""
    fields = exc.message_dict if hasattr(exc, "error_dict") else None
    return ApiError(400, code, " ".join(exc.messages), fields)


def _invalid(errors) -> ApiError:
    return ApiError(400, "invalid", _("The request has invalid values."), errors)


# --- serializers ---------------------------------------------------------------------------------


class OrganisationSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=Responsible.choices)
    kunta_code = serializers.CharField(allow_null=True, required=False)
    te_office_code = serializers.CharField(allow_null=True, required=False)


class DecisionCheckSerializer(serializers.Serializer):
    code = serializers.CharField()
    status = serializers.ChoiceField(choices=STATUSES)
    explanation = serializers.CharField(help_text="The check's message in the request's language.")


class DecisionSerializer(serializers.Serializer):
    rule = serializers.CharField()
    rule_version = serializers.CharField()
    on = serializers.DateField()
    result = serializers.JSONField(help_text="The rule's result as codes and figures.")
    status = serializers.CharField(allow_null=True)
    checks = DecisionCheckSerializer(many=True)


class CustomershipSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    responsible = serializers.ChoiceField(choices=Responsible.choices)
    municipality = serializers.CharField(allow_null=True, help_text="The trial municipality's code.")
    te_office = serializers.CharField(allow_null=True, help_text="The TE office's code.")
    valid_from = serializers.DateField()
    valid_to = serializers.DateField(allow_null=True, help_text="Inclusive; null while open.")
    ground = serializers.ChoiceField(choices=Ground.choices)
    request_reason = serializers.ChoiceField(choices=RequestReason.choices, allow_null=True)
    accepted_on = serializers.DateField(allow_null=True)
    rule_version = serializers.CharField()
    decision = DecisionSerializer(allow_null=True, help_text="The stored decision, as it was made.")


def customership_data(row: Customership, lang: str) -> dict:
    outcome = customerships.explanation(row)
    decision = None
    if outcome is not None:
        decision = {
            "rule": outcome.rule,
            "rule_version": outcome.rule_version,
            "on": outcome.on,
            "result": outcome.result,
            "status": outcome.status,
            "checks": [
                {"code": c.code, "status": c.status, "explanation": c.message.render(lang)}
                for c in outcome.checks
            ],
        }
    return {
        "id": row.pk,
        "responsible": row.responsible,
        "municipality": row.municipality.code if row.municipality_id else None,
        "te_office": row.te_office.code if row.te_office_id else None,
        "valid_from": row.valid_from,
        "valid_to": row.valid_to,
        "ground": row.ground,
        "request_reason": row.request_reason or None,
        "accepted_on": row.accepted_on,
        "rule_version": row.rule_version,
        "decision": decision,
    }


class NoticeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    customership = serializers.IntegerField()
    recipient = serializers.ChoiceField(choices=NoticeRecipient.choices)
    language = serializers.ChoiceField(choices=SERVICE_LANGUAGES)
    valid_from = serializers.DateField()
    from_organisation = OrganisationSerializer(allow_null=True)
    to_organisation = OrganisationSerializer(allow_null=True)
    ground = serializers.ChoiceField(choices=Ground.choices)
    request_reason = serializers.ChoiceField(choices=RequestReason.choices, allow_null=True)
    accepted_on = serializers.DateField(allow_null=True)


class NoticeTextSerializer(serializers.Serializer):
    lang = serializers.CharField()
    title = serializers.CharField()
    lines = serializers.ListField(child=serializers.CharField())


class NoticeDetailSerializer(NoticeSerializer):
    text = NoticeTextSerializer()


def notice_data(notice: Notice) -> dict:
    d = notice.data
    return {
        "id": notice.pk,
        "customership": notice.customership_id,
        "recipient": notice.recipient,
        "language": notice.language,
        "valid_from": d["valid_from"],
        "from_organisation": d["from"],
        "to_organisation": d["to"],
        "ground": d["ground"],
        "request_reason": d["request_reason"],
        "accepted_on": d["accepted_on"],
    }


class PersonRefSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    first_name = serializers.CharField()
    last_name = serializers.CharField()


class DueTransferSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    person = PersonRefSerializer()
    ground = serializers.ChoiceField(choices=Ground.choices)
    event_date = serializers.DateField()
    due_by = serializers.DateField()
    overdue = serializers.BooleanField()
    handler_te_office = serializers.CharField(allow_null=True)
    handler_municipality = serializers.CharField(allow_null=True)
    target = OrganisationSerializer(help_text="The organisation the rule names.")
    rule_version = serializers.CharField()


def due_data(due: DueTransfer, on) -> dict:
    return {
        "id": due.pk,
        "person": due.person,
        "ground": due.ground,
        "event_date": due.event_date,
        "due_by": due.due_by,
        "overdue": due.overdue(on),
        "handler_te_office": due.handler_te_office.code if due.handler_te_office_id else None,
        "handler_municipality": due.handler_municipality.code if due.handler_municipality_id else None,
        "target": due.target,
        "rule_version": due.rule_version,
    }


class TransferRequestSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    person = PersonRefSerializer()
    asked_on = serializers.DateField()
    ground = serializers.ChoiceField(choices=REQUEST_GROUND_CHOICES)
    reason = serializers.ChoiceField(choices=RequestReason.choices)
    municipality = serializers.CharField(allow_null=True, help_text="The receiving trial municipality.")
    services_secured = serializers.BooleanField()
    status = serializers.ChoiceField(choices=RequestStatus.choices)
    accepted_on = serializers.DateField(allow_null=True)
    decided_on = serializers.DateField(allow_null=True)
    customership = serializers.IntegerField(allow_null=True, help_text="Made by a granted request.")


class OpenRequestSerializer(TransferRequestSerializer):
    awaiting = serializers.ChoiceField(
        choices=["answer", "decision"], help_text="What the caller may do: accept (answer) or decide."
    )


def request_data(row: TransferRequest) -> dict:
    return {
        "id": row.pk,
        "person": row.person,
        "asked_on": row.asked_on,
        "ground": row.ground,
        "reason": row.reason,
        "municipality": row.municipality.code if row.municipality_id else None,
        "services_secured": row.services_secured,
        "status": row.status,
        "accepted_on": row.accepted_on,
        "decided_on": row.decided_on,
        "customership": row.customership_id,
    }


class AskSerializer(serializers.Serializer):
    person = serializers.UUIDField()
    asked_on = serializers.DateField(required=False, help_text="Today (Helsinki) if omitted.")
    ground = serializers.ChoiceField(choices=REQUEST_GROUND_CHOICES)
    reason = serializers.ChoiceField(choices=RequestReason.choices)
    services_secured = serializers.BooleanField(
        help_text="The move does not endanger access to services matching the person's needs."
    )
    municipality = serializers.CharField(
        required=False, allow_null=True, help_text="The receiving trial municipality's code."
    )


class AnswerSerializer(serializers.Serializer):
    accept = serializers.BooleanField(help_text="The receiving municipality accepts the move.")


class DecideSerializer(serializers.Serializer):
    grant = serializers.BooleanField(help_text="The TE office grants the move.")


class CountSerializer(serializers.Serializer):
    count = serializers.IntegerField(allow_null=True, help_text="null when hidden.")
    suppressed = serializers.ChoiceField(
        choices=["", counts.SMALL, counts.COMPLEMENTARY],
        help_text="small: 1–4 persons; complementary: hidden so that the total does not reveal a small one.",
    )


class MunicipalityCountSerializer(CountSerializer):
    municipality = serializers.CharField()


class MonthCountSerializer(serializers.Serializer):
    month = serializers.CharField(help_text="YYYY-MM")
    on = serializers.DateField(help_text="The month's last day.")
    total = CountSerializer()
    municipalities = MunicipalityCountSerializer(many=True)


class AreaCountsSerializer(serializers.Serializer):
    trial_area = serializers.IntegerField()
    threshold = serializers.IntegerField(help_text="Counts from 1 to below this are hidden.")
    municipalities = serializers.ListField(child=serializers.CharField())
    months = MonthCountSerializer(many=True)


# --- persons: customerships and notices ------------------------------------------------------------


class PersonCustomerships(PersonView):
    """A job seeker's customerships (R-TG-3): who was responsible from when to when, on which ground,
    with the stored decision's checks explained in the request's language; logged."""

    kk_action = "customers.view_person"

    @extend_schema(tags=TAGS, responses={200: CustomershipSerializer(many=True), **ERRORS})
    def get(self, request, person_id):
        lang = _lang()
        with transaction.atomic():
            person = self.get_kk_object()
            rows = [customership_data(row, lang) for row in customerships.timeline(person)]
            audit.record(request.user, [person], "api:person-customerships", Purpose.CUSTOMER_SERVICE)
            return Response(CustomershipSerializer(rows, many=True).data)


class PersonNotices(PersonView):
    """A job seeker's transfer notices (R-TG-7) as stored data (codes and dates); logged."""

    kk_action = "customers.view_notice"

    @extend_schema(tags=TAGS, responses={200: NoticeSerializer(many=True), **ERRORS})
    def get(self, request, person_id):
        with transaction.atomic():
            person = self.get_kk_object()
            rows = Notice.objects.filter(customership__person=person).order_by(
                "customership__valid_from", "pk"
            )
            audit.record(request.user, [person], "api:person-notices", Purpose.CUSTOMER_SERVICE)
            return Response(NoticeSerializer([notice_data(n) for n in rows], many=True).data)


class NoticeView(CatalogueView):
    kk_action = "customers.view_notice"

    def get_kk_object(self) -> Notice:
        notice = (
            Notice.objects.select_related("customership__person")
            .filter(pk=self.kwargs["notice_id"], customership__person_id=self.kwargs["person_id"])
            .first()
        )
        if notice is None:
            raise ApiError(404, "notice_not_found", _("No such notice."))
        return notice

    def lang(self, notice: Notice) -> str:
        lang = self.request.query_params.get("lang") or notice.language
        if lang not in LANGS:
            raise ApiError(
                400, "invalid_language", _("The language is not valid."), {"lang": [_("Give fi, sv or en.")]}
            )
        return lang


class NoticeDetail(NoticeView):
    """A transfer notice (R-TG-7) with its text, in its own language unless `lang` asks; logged."""

    @extend_schema(tags=TAGS, parameters=[LANG_PARAMETER], responses={200: NoticeDetailSerializer, **ERRORS})
    def get(self, request, person_id, notice_id):
        with transaction.atomic():
            notice = self.get_kk_object()
            lang = self.lang(notice)
            audit.record(
                request.user, [notice.customership.person], "api:notice-detail", Purpose.CUSTOMER_SERVICE
            )
            return Response(
                NoticeDetailSerializer({**notice_data(notice), "text": notices.render(notice, lang)}).data
            )


class NoticePdf(NoticeView):
    """A transfer notice (R-TG-7) as a PDF letter, in its own language unless `lang` asks; logged."""

    @extend_schema(
        tags=TAGS,
        parameters=[LANG_PARAMETER],
        responses={(200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY), **ERRORS},
    )
    def get(self, request, person_id, notice_id):
        with transaction.atomic():
            notice = self.get_kk_object()
            lang = self.lang(notice)
            audit.record(
                request.user, [notice.customership.person], "api:notice-pdf", Purpose.CUSTOMER_SERVICE
            )
            response = HttpResponse(
                render_pdf(notice_letter.letter(notice, lang)), content_type="application/pdf"
            )
        response["Content-Disposition"] = f'inline; filename="notice-{notice.pk}-{lang}.pdf"'
        return response


# --- due transfers (the 7-day worklist) -------------------------------------------------------------


class DueTransferList(CatalogueView):
    """The open transfers the caller's organisation must make (R-TG-4), the earliest deadline first;
    each person listed is logged."""

    kk_action = "customers.view_due_transfers"

    @extend_schema(tags=TAGS, responses={200: DueTransferSerializer(many=True), 403: ErrorSerializer})
    def get(self, request):
        today = clock.today()
        with transaction.atomic():
            rows = worklist.open_for(request.user, today)
            audit.record(
                request.user,
                {d.person_id: d.person for d in rows}.values(),
                "api:due-transfers",
                Purpose.TRANSFER,
            )
            return Response(DueTransferSerializer([due_data(d, today) for d in rows], many=True).data)


class DueTransferComplete(CatalogueView):
    """Make a due transfer today (R-TG-4): the customership and its notices (R-TG-7). Answers the new
    customership; a transfer no longer due is refused (400) and nothing changes."""

    kk_action = "customers.complete_transfer"

    def get_kk_object(self) -> DueTransfer:
        due = DueTransfer.objects.select_related("person").filter(pk=self.kwargs["due_id"]).first()
        if due is None:
            raise ApiError(404, "due_transfer_not_found", _("No such due transfer."))
        return due

    @extend_schema(tags=TAGS, request=None, responses={201: CustomershipSerializer, **ERRORS})
    def post(self, request, due_id):
        try:
            with transaction.atomic():
                due = self.get_kk_object()
                row = worklist.complete(due, actor=request.user, on=clock.today())
                audit.record(request.user, [due.person], "api:complete-transfer", Purpose.TRANSFER)
                data = CustomershipSerializer(customership_data(row, _lang())).data
        except ValidationError as exc:
            raise _refused(exc, "transfer_not_possible") from None
        return Response(data, status=201)


# --- transfer requests ----------------------------------------------------------------------------


class TransferRequestList(CatalogueView):
    """GET: the open requests the caller may answer (the receiving municipality) or decide (the TE
    office); each person listed is logged. POST: record a customer's request (R-TG-5; action
    `customers.record_request` on the person)."""

    kk_action = "customers.view_requests"
    method_actions = {"POST": "customers.record_request"}
    schema = MethodCatalogueSchema()

    def initial(self, request, *args, **kwargs):
        self.kk_action = self.method_actions.get(request.method, type(self).kk_action)
        super().initial(request, *args, **kwargs)

    def get_kk_object(self):
        if self.request.method != "POST" or not self.request.user.is_authenticated:
            return None
        body = AskSerializer(data=self.request.data)
        if not body.is_valid():
            raise _invalid(body.errors)
        self.body = body.validated_data
        person = Person.objects.filter(pk=self.body["person"]).first()
        if person is None:
            raise ApiError(404, "person_not_found", _("No such person."))
        return person

    @extend_schema(tags=TAGS, responses={200: OpenRequestSerializer(many=True), 403: ErrorSerializer})
    def get(self, request):
        today = clock.today()
        with transaction.atomic():
            found = transfer_requests.open_for(request.user, today)
            rows = [{**request_data(r), "awaiting": "decision"} for r in found["to_decide"]]
            rows += [{**request_data(r), "awaiting": "answer"} for r in found["to_answer"]]
            persons = {r.person_id: r.person for group in found.values() for r in group}
            audit.record(request.user, persons.values(), "api:transfer-requests", Purpose.TRANSFER)
            return Response(OpenRequestSerializer(rows, many=True).data)

    @extend_schema(
        tags=TAGS,
        request=AskSerializer,
        responses={201: TransferRequestSerializer, **ERRORS},
    )
    def post(self, request):
        person = self.get_kk_object()
        today = clock.today()
        asked_on = self.body.get("asked_on") or today
        if asked_on > today:
            message = _("The request cannot be dated in the future.")
            raise ApiError(400, "invalid", message, {"asked_on": [message]})
        municipality = None
        code = self.body.get("municipality")
        if code:
            municipality = Municipality.objects.filter(code=code).first()
            if municipality is None:
                raise ApiError(
                    400,
                    "municipality_not_found",
                    _("No such municipality."),
                    {"municipality": [_("No such municipality.")]},
                )
        try:
            with transaction.atomic():
                row = transfer_requests.ask(
                    person,
                    actor=request.user,
                    asked_on=asked_on,
                    ground=self.body["ground"],
                    reason=self.body["reason"],
                    services_secured=self.body["services_secured"],
                    municipality=municipality,
                    recorded_on=today,
                )
                audit.record(request.user, [person], "api:transfer-request", Purpose.TRANSFER)
                data = TransferRequestSerializer(request_data(row)).data
        except ValidationError as exc:
            raise _refused(exc, "request_not_possible") from None
        return Response(data, status=201)


class TransferRequestStep(CatalogueView):
    """One step of a request (answer, decide): the body's one yes/no field, the service call in `step`,
    the access log in the same transaction. Subclasses name the action, the body and the step."""

    body_serializer: type[serializers.Serializer]
    name: str

    def get_kk_object(self) -> TransferRequest:
        row = (
            TransferRequest.objects.select_related("person", "municipality")
            .filter(pk=self.kwargs["request_id"])
            .first()
        )
        if row is None:
            raise ApiError(404, "transfer_request_not_found", _("No such transfer request."))
        return row

    def post(self, request, request_id):
        body = self.body_serializer(data=request.data)
        if not body.is_valid():
            raise _invalid(body.errors)
        value = next(iter(body.validated_data.values()))
        try:
            with transaction.atomic():
                row = self.step(self.get_kk_object(), value)
                audit.record(
                    request.user, [row.person], f"api:transfer-request-{self.name}", Purpose.TRANSFER
                )
                data = TransferRequestSerializer(request_data(row)).data
        except ValidationError as exc:
            raise _refused(exc, "request_not_possible") from None
        return Response(data)


class TransferRequestAnswer(TransferRequestStep):
    """The receiving trial municipality accepts the move today, or does not (R-TG-5)."""

    kk_action = "customers.answer_request"
    body_serializer = AnswerSerializer
    name = "answer"

    def step(self, row, value):
        return transfer_requests.answer(row, actor=self.request.user, on=clock.today(), accept=value)

    @extend_schema(tags=TAGS, request=AnswerSerializer, responses={200: TransferRequestSerializer, **ERRORS})
    def post(self, request, request_id):
        return super().post(request, request_id)


class TransferRequestDecide(TransferRequestStep):
    """The TE office's decision today (R-TG-5): a grant needs every condition of the Act and makes the
    customership with its notices (R-TG-7)."""

    kk_action = "customers.decide_request"
    body_serializer = DecideSerializer
    name = "decide"

    def step(self, row, value):
        return transfer_requests.decide(row, actor=self.request.user, on=clock.today(), grant=value)

    @extend_schema(tags=TAGS, request=DecideSerializer, responses={200: TransferRequestSerializer, **ERRORS})
    def post(self, request, request_id):
        return super().post(request, request_id)


# --- customer counts --------------------------------------------------------------------------------


class TrialAreaCustomerCounts(CatalogueView):
    """A trial area's customers on each month's last day, per member municipality and in total; counts
    of 1–4 and a complementary one hidden (aggregates: no personal data, not logged)."""

    kk_action = "customers.view_customer_counts"

    def get_kk_object(self) -> TrialArea:
        area = TrialArea.objects.filter(number=self.kwargs["number"]).first()
        if area is None:
            raise ApiError(404, "trial_area_not_found", _("No such trial area."))
        return area

    @extend_schema(
        tags=TAGS, responses={200: AreaCountsSerializer, 403: ErrorSerializer, 404: ErrorSerializer}
    )
    def get(self, request, number):
        area = self.get_kk_object()
        found = counts.area_counts(area, clock.today())
        codes = [m.code for m in found.members]
        data = {
            "trial_area": area.number,
            "threshold": counts.THRESHOLD,
            "municipalities": codes,
            "months": [
                {
                    "month": month.month,
                    "on": month.on,
                    "total": month.total,
                    "municipalities": [
                        {"municipality": code, "count": cell.count, "suppressed": cell.suppressed}
                        for code, cell in zip(codes, month.cells, strict=True)
                    ],
                }
                for month in found.months
            ],
        }
        return Response(AreaCountsSerializer(data).data)
