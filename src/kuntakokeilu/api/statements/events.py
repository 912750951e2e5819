"""A job seeker's benefit events through the API (R-SP-8): the list with what each created and the rules'
explanations (action `statements.view`) and recording one (`statements.record`) through
`statements.services.record_by_hand`; a refusal is a 400 with the localised message and nothing is written."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from kuntakokeilu import clock
from kuntakokeilu.access import audit
from kuntakokeilu.access.models import Purpose
from kuntakokeilu.statements import services
from kuntakokeilu.statements.letters import explanation
from kuntakokeilu.statements.models import BenefitEvent, EventKind, Recipient
from kuntakokeilu.statements.rules import SUBJECTS

from ..customers import PersonView
from ..service_process.common import LANG_PARAMETER, explanation_lang
from ..transfers.common import ERRORS, MethodCatalogueSchema, invalid, refused

TAGS = ["statements"]


class BenefitEventInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=EventKind.values)
    date = serializers.DateField()
    subject = serializers.ChoiceField(choices=[s for s in SUBJECTS if s != "sanction"], required=False)
    service = serializers.CharField(required=False, max_length=200)
    description = serializers.CharField(required=False, max_length=2000)
    information_complete = serializers.DateField(required=False)
    initial_interview = serializers.DateField(required=False)
    counts = serializers.BooleanField(
        required=False, allow_null=True, default=None, help_text="A job offer: whether the refusal counts."
    )
    recipient = serializers.ChoiceField(choices=Recipient.values, required=False)
    fund_name = serializers.CharField(required=False, max_length=200)


class BenefitEventSerializer(serializers.ModelSerializer):
    """A benefit event, what it created (reminder, statement or notice: their ids) and the explanations of
    the competence and the sanction ladder in the request's language."""

    municipality = serializers.CharField(source="municipality.code", read_only=True)
    reminder = serializers.SerializerMethodField()
    statement = serializers.SerializerMethodField()
    notice = serializers.SerializerMethodField()
    competence = serializers.SerializerMethodField()
    ladder = serializers.SerializerMethodField()

    class Meta:
        model = BenefitEvent
        fields = [
            "id",
            "kind",
            "date",
            "municipality",
            "source",
            "facts",
            "counts_as_failure",
            "ladder_step",
            "consequence",
            "handling",
            "reminder",
            "statement",
            "notice",
            "competence",
            "ladder",
            "recorded_at",
        ]

    def _id(self, obj, name) -> int | None:
        related = getattr(obj, name, None)
        return related.pk if related is not None else None

    def get_reminder(self, obj) -> int | None:
        return self._id(obj, "reminder")

    def get_statement(self, obj) -> int | None:
        return self._id(obj, "statement")

    def get_notice(self, obj) -> int | None:
        return self._id(obj, "notice")

    def get_competence(self, obj) -> list[str]:
        return explanation(obj.competence, self.context.get("lang", "fi"))

    def get_ladder(self, obj) -> list[str]:
        return explanation(obj.ladder, self.context.get("lang", "fi"))


class PersonBenefitEvents(PersonView):
    """GET: a job seeker's benefit events, the latest first; logged. POST: record one (R-SP-8): the rules
    answer on its date and the written reminder, the municipality's statement or the notice to the TE
    office is created. An event after today, outside a customership of a trial municipality or to a fund
    without its name is refused (400) and nothing is written."""

    kk_action = "statements.view"
    method_actions = {"POST": "statements.record"}
    schema = MethodCatalogueSchema()

    def initial(self, request, *args, **kwargs):
        self.kk_action = self.method_actions.get(request.method, type(self).kk_action)
        super().initial(request, *args, **kwargs)

    @extend_schema(
        tags=TAGS, parameters=[LANG_PARAMETER], responses={200: BenefitEventSerializer(many=True), **ERRORS}
    )
    def get(self, request, person_id):
        lang = explanation_lang(request)
        with transaction.atomic():
            person = self.get_kk_object()
            rows = (
                BenefitEvent.objects.filter(person=person)
                .select_related("municipality")
                .order_by("-date", "-id")
            )
            audit.record(request.user, [person], "api:benefit-events", Purpose.CUSTOMER_SERVICE)
            return Response(BenefitEventSerializer(rows, many=True, context={"lang": lang}).data)

    @extend_schema(
        tags=TAGS,
        parameters=[LANG_PARAMETER],
        request=BenefitEventInputSerializer,
        responses={201: BenefitEventSerializer, **ERRORS},
    )
    def post(self, request, person_id):
        lang = explanation_lang(request)
        body = BenefitEventInputSerializer(data=request.data)
        if not body.is_valid():
            raise invalid(body.errors)
        data = dict(body.validated_data)
        kind, on = data.pop("kind"), data.pop("date")
        facts = {k: v for k, v in data.items() if v is not None}
        try:
            with transaction.atomic():
                person = self.get_kk_object()
                event = services.record_by_hand(
                    request.user, person, kind=kind, on=on, facts=facts, today=clock.today()
                )
                audit.record(request.user, [person], "api:benefit-events", Purpose.CUSTOMER_SERVICE)
                answer = BenefitEventSerializer(event, context={"lang": lang}).data
        except ValidationError as exc:
            raise refused(exc, "event_refused") from None
        return Response(answer, status=201)
