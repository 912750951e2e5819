"""The decisions' endpoints: `/api/v1/persons/{id}/decisions/` (GET `decisions.view`, POST prepare
`decisions.prepare`), `/api/v1/decisions/{id}/` (GET), `…/accept/` (POST `decisions.accept`: never by the
preparer), `…/cancel/` and `…/correct/` (POST `decisions.prepare`: new decisions linked to the old)."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.response import Response

from kuntakokeilu import clock
from kuntakokeilu.access import audit
from kuntakokeilu.access.models import Purpose
from kuntakokeilu.decisions import queries, services
from kuntakokeilu.decisions.models import Decision, DecisionLetter, Instrument
from kuntakokeilu.rules.storage import load_record

from ..base import CatalogueView
from ..customers import PersonView
from ..errors import ApiError
from ..transfers.common import ERRORS, MethodCatalogueSchema, invalid, request_lang

TAGS = ["benefit decisions"]


class LetterSerializer(serializers.Serializer):
    language = serializers.CharField()
    checksum = serializers.CharField(help_text="SHA-256 of the stored PDF (rendered once at acceptance).")
    created_at = serializers.DateTimeField()


class BenefitCheckSerializer(serializers.Serializer):
    code = serializers.CharField()
    status = serializers.CharField()
    text = serializers.CharField(help_text="The explanation in the request's language.")


class DecisionSerializer(serializers.ModelSerializer):
    """A benefit decision with its rule's explanation as stored on its date."""

    person = serializers.UUIDField(source="person_id", read_only=True)
    municipality = serializers.CharField(source="municipality.code", read_only=True)
    prepared_by = serializers.CharField(source="prepared_by.username", read_only=True)
    approved_by = serializers.CharField(source="approved_by.username", read_only=True, allow_null=True)
    replaces = serializers.IntegerField(source="replaces_id", read_only=True, allow_null=True)
    explanation = serializers.SerializerMethodField()
    letter = serializers.SerializerMethodField()

    class Meta:
        model = Decision
        fields = [
            "id",
            "diary_number",
            "person",
            "instrument",
            "kind",
            "status",
            "municipality",
            "decision_date",
            "facts",
            "amount",
            "percent",
            "start",
            "end",
            "reason",
            "prepared_by",
            "prepared_at",
            "approved_by",
            "approved_on",
            "replaces",
            "explanation",
            "letter",
        ]
        read_only_fields = fields

    @extend_schema_field(BenefitCheckSerializer(many=True))
    def get_explanation(self, obj) -> list[dict]:
        lang = request_lang()
        return [
            {"code": c.code, "status": c.status, "text": c.message.render(lang)}
            for c in load_record(obj.outcome).checks
        ]

    @extend_schema_field(LetterSerializer(allow_null=True))
    def get_letter(self, obj) -> dict | None:
        stored = (
            DecisionLetter.objects.filter(decision=obj).only("language", "checksum", "created_at").first()
        )
        if stored is None:
            return None
        return {"language": stored.language, "checksum": stored.checksum, "created_at": stored.created_at}


class TermsSerializer(serializers.Serializer):
    facts = serializers.DictField(
        help_text="The facts the benefit's rule takes (the rules console's fields)."
    )
    amount = serializers.DecimalField(max_digits=12, decimal_places=2, help_text="Euros.")
    percent = serializers.IntegerField(required=False, allow_null=True, min_value=0)
    start = serializers.DateField(required=False, allow_null=True)
    end = serializers.DateField(required=False, allow_null=True)


class PrepareSerializer(TermsSerializer):
    instrument = serializers.ChoiceField(choices=Instrument.values)


class CorrectSerializer(TermsSerializer):
    reason = serializers.CharField(max_length=1000)


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=1000)


def _refused(refused: services.Refused) -> ApiError:
    message = str(refused.message)
    fields = {refused.field: [message]} if refused.field else None
    return ApiError(400, "decision_refused", message, fields)


def _valid(serializer_class, data) -> dict:
    body = serializer_class(data=data)
    if not body.is_valid():
        raise invalid(body.errors)
    return dict(body.validated_data)


class PersonDecisions(PersonView):
    """GET: a job seeker's benefit decisions, the latest first; logged. POST: prepare a draft (the rule runs
    today; a percentage or period beyond what it allows, a benefit the TE office or Kela decides, is refused
    with 400 and nothing is written)."""

    kk_action = "decisions.view"
    method_actions = {"POST": "decisions.prepare"}
    schema = MethodCatalogueSchema()

    def initial(self, request, *args, **kwargs):
        self.kk_action = self.method_actions.get(request.method, type(self).kk_action)
        super().initial(request, *args, **kwargs)

    @extend_schema(tags=TAGS, responses={200: DecisionSerializer(many=True), **ERRORS})
    def get(self, request, person_id):
        with transaction.atomic():
            person = self.get_kk_object()
            audit.record(request.user, [person], "api:person-decisions", Purpose.CUSTOMER_SERVICE)
            return Response(DecisionSerializer(queries.of_person(person), many=True).data)

    @extend_schema(tags=TAGS, request=PrepareSerializer, responses={201: DecisionSerializer, **ERRORS})
    def post(self, request, person_id):
        data = _valid(PrepareSerializer, request.data)
        try:
            with transaction.atomic():
                person = self.get_kk_object()
                decision = services.prepare(person, by=request.user, on=clock.today(), **data)
                audit.record(request.user, [person], "api:person-decisions", Purpose.CUSTOMER_SERVICE)
                body = DecisionSerializer(decision).data
        except services.Refused as refused:
            raise _refused(refused) from None
        return Response(body, status=201)


class DecisionView(CatalogueView):
    not_found = ("decision_not_found", gettext_lazy("Not found."))

    def get_kk_object(self):
        decision = (
            Decision.objects.select_related("person", "municipality", "prepared_by", "approved_by")
            .filter(pk=self.kwargs["decision_id"])
            .first()
        )
        if decision is None:
            raise self.object_not_found()
        return decision


class DecisionDetail(DecisionView):
    """A benefit decision with its explanation as stored on its date and its letter's checksum; logged."""

    kk_action = "decisions.view"

    @extend_schema(tags=TAGS, responses={200: DecisionSerializer, **ERRORS})
    def get(self, request, decision_id):
        with transaction.atomic():
            decision = self.get_kk_object()
            audit.record(request.user, [decision.person], "api:decision", Purpose.CUSTOMER_SERVICE)
            return Response(DecisionSerializer(decision).data)


class DecisionAccept(DecisionView):
    """Accept a draft (an approver of the deciding municipality, never its preparer: 400 maker–checker); the
    letter is rendered once in the person's service language and stored."""

    kk_action = "decisions.accept"

    @extend_schema(tags=TAGS, request=None, responses={200: DecisionSerializer, **ERRORS})
    def post(self, request, decision_id):
        try:
            with transaction.atomic():
                decision = services.accept(self.get_kk_object(), request.user, clock.today())
                audit.record(request.user, [decision.person], "api:decision", Purpose.CUSTOMER_SERVICE)
                body = DecisionSerializer(decision).data
        except services.Refused as refused:
            raise _refused(refused) from None
        return Response(body)


class DecisionCancel(DecisionView):
    """Cancel an accepted decision: a new draft cancellation linked to it (the old one is marked cancelled
    when the cancellation is accepted)."""

    kk_action = "decisions.prepare"

    @extend_schema(tags=TAGS, request=ReasonSerializer, responses={201: DecisionSerializer, **ERRORS})
    def post(self, request, decision_id):
        data = _valid(ReasonSerializer, request.data)
        try:
            with transaction.atomic():
                new = services.cancel(self.get_kk_object(), request.user, clock.today(), data["reason"])
                audit.record(request.user, [new.person], "api:decision", Purpose.CUSTOMER_SERVICE)
                body = DecisionSerializer(new).data
        except services.Refused as refused:
            raise _refused(refused) from None
        return Response(body, status=201)


class DecisionCorrect(DecisionView):
    """Correct an accepted decision: a new draft with new values, run through the rule today, linked to it."""

    kk_action = "decisions.prepare"

    @extend_schema(tags=TAGS, request=CorrectSerializer, responses={201: DecisionSerializer, **ERRORS})
    def post(self, request, decision_id):
        data = _valid(CorrectSerializer, request.data)
        try:
            with transaction.atomic():
                new = services.correct(self.get_kk_object(), by=request.user, on=clock.today(), **data)
                audit.record(request.user, [new.person], "api:decision", Purpose.CUSTOMER_SERVICE)
                body = DecisionSerializer(new).data
        except services.Refused as refused:
            raise _refused(refused) from None
        return Response(body, status=201)
