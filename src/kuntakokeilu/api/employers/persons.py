"""A job seeker's written consents and job offers through the API (R-SP-7): GET (action
`employers.view_offers`) and POST (`employers.record_consent`, `employers.record_offer`) through the same
services as the page; an offer's outcome (POST …/outcome/) answers with the rule `job-offer-refusal`'s
judgement for a refusal (counts or not, and why, in `?lang=` or the request's language). Every answer is
logged in its transaction (R-X-2)."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.response import Response

from kuntakokeilu import clock
from kuntakokeilu.access import audit
from kuntakokeilu.access.models import Purpose
from kuntakokeilu.employers import services
from kuntakokeilu.employers.models import (
    ConsentScope,
    Employer,
    JobOffer,
    OfferedBy,
    Outcome,
    PresentationConsent,
    Vacancy,
)

from ..customers import PersonView
from ..service_process.common import LANG_PARAMETER, explanation_lang
from ..transfers.common import ERRORS, MethodCatalogueSchema, invalid
from .common import TAGS, PerMethodAction, refusal


class ConsentSerializer(serializers.ModelSerializer):
    scope = serializers.ChoiceField(choices=ConsentScope.values)
    employer = serializers.PrimaryKeyRelatedField(
        queryset=Employer.objects.all(), allow_null=True, required=False, help_text="For scope `one` only."
    )

    class Meta:
        model = PresentationConsent
        fields = ["id", "given_on", "written", "document", "scope", "employer", "withdrawn_on"]
        read_only_fields = ["id", "written", "withdrawn_on"]


class JudgementSerializer(serializers.Serializer):
    counts = serializers.BooleanField(help_text="Whether the refusal counts as a failure on its date.")
    model = serializers.CharField(allow_null=True, help_text="before_nordic or nordic (from 2.5.2022).")
    explanation = serializers.ListField(child=serializers.CharField())


class JobOfferSerializer(serializers.ModelSerializer):
    vacancy = serializers.PrimaryKeyRelatedField(
        queryset=Vacancy.objects.all(), allow_null=True, required=False
    )
    offered_by = serializers.ChoiceField(choices=OfferedBy.values)
    outcome = serializers.CharField(read_only=True, help_text="applied, hired, refused, no_answer or empty.")
    judgement = serializers.SerializerMethodField()

    class Meta:
        model = JobOffer
        fields = [
            "id",
            "vacancy",
            "job",
            "offered_on",
            "apply_by",
            "offered_by",
            "outcome",
            "outcome_on",
            "refusal_reason",
            "judgement",
        ]
        read_only_fields = ["id", "outcome_on", "refusal_reason"]
        extra_kwargs = {"job": {"required": False}}

    @extend_schema_field(JudgementSerializer(allow_null=True))
    def get_judgement(self, offer) -> dict | None:
        """The rule's judgement of a refusal (refused, or no answer), else null."""
        judgement = services.judge(offer)
        if judgement is None or judgement.result is None:
            return None
        lang = self.context.get("lang", "fi")
        return {
            "counts": judgement.result["counts"],
            "model": judgement.result["model"],
            "explanation": [check.message.render(lang) for check in judgement.checks],
        }


class OutcomeSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=Outcome.values)
    outcome_on = serializers.DateField()
    refusal_reason = serializers.CharField(required=False, allow_blank=True, max_length=2000)


class PersonConsents(PerMethodAction, PersonView):
    """GET: the job seeker's written consents to be presented to employers. POST: store one (the written
    document's reference or text is required; scope all employers, or one named employer)."""

    kk_action = "employers.view_offers"
    method_actions = {"POST": "employers.record_consent"}
    schema = MethodCatalogueSchema()

    @extend_schema(tags=TAGS, responses={200: ConsentSerializer(many=True), **ERRORS})
    def get(self, request, person_id):
        with transaction.atomic():
            person = self.get_kk_object()
            audit.record(request.user, [person], "api:person-consents", Purpose.CUSTOMER_SERVICE)
            return Response(ConsentSerializer(person.presentation_consents.all(), many=True).data)

    @extend_schema(tags=TAGS, request=ConsentSerializer, responses={201: ConsentSerializer, **ERRORS})
    def post(self, request, person_id):
        body = ConsentSerializer(data=request.data)
        if not body.is_valid():
            raise invalid(body.errors)
        try:
            with transaction.atomic():
                person = self.get_kk_object()
                consent = services.record_consent(
                    request.user, person, today=clock.today(), **body.validated_data
                )
                audit.record(request.user, [person], "api:person-consents", Purpose.CUSTOMER_SERVICE)
                data = ConsentSerializer(consent).data
        except services.Refused as refused:
            raise refusal(refused, "consent_refused") from None
        return Response(data, status=201)


class PersonJobOffers(PerMethodAction, PersonView):
    """GET: the job seeker's job offers, the latest first, each refusal with the rule's judgement. POST:
    record a job offer (a vacancy or a job in free text)."""

    kk_action = "employers.view_offers"
    method_actions = {"POST": "employers.record_offer"}
    schema = MethodCatalogueSchema()

    @extend_schema(
        tags=TAGS, parameters=[LANG_PARAMETER], responses={200: JobOfferSerializer(many=True), **ERRORS}
    )
    def get(self, request, person_id):
        lang = explanation_lang(request)
        with transaction.atomic():
            person = self.get_kk_object()
            rows = person.job_offers.select_related("vacancy").order_by("-offered_on", "-id")
            audit.record(request.user, [person], "api:person-job-offers", Purpose.CUSTOMER_SERVICE)
            return Response(JobOfferSerializer(rows, many=True, context={"lang": lang}).data)

    @extend_schema(tags=TAGS, request=JobOfferSerializer, responses={201: JobOfferSerializer, **ERRORS})
    def post(self, request, person_id):
        body = JobOfferSerializer(data=request.data)
        if not body.is_valid():
            raise invalid(body.errors)
        try:
            with transaction.atomic():
                person = self.get_kk_object()
                offer = services.make_offer(request.user, person, today=clock.today(), **body.validated_data)
                audit.record(request.user, [person], "api:person-job-offers", Purpose.CUSTOMER_SERVICE)
                data = JobOfferSerializer(offer).data
        except services.Refused as refused:
            raise refusal(refused, "job_offer_refused") from None
        return Response(data, status=201)


class PersonJobOfferOutcome(PersonView):
    """POST: record the offer's outcome; the answer is the offer with the rule's judgement of a refusal
    (R-SP-8: a refusal that counts is a benefit event). "No answer" only after the date to apply by."""

    kk_action = "employers.record_offer"
    not_found = ("job_offer_not_found", gettext_lazy("No such job offer."))

    def get_kk_object(self) -> JobOffer:
        offer = JobOffer.objects.filter(
            pk=self.kwargs["offer_id"], person_id=self.kwargs["person_id"]
        ).first()
        if offer is None:
            raise self.object_not_found()
        return offer

    @extend_schema(
        tags=TAGS,
        parameters=[LANG_PARAMETER],
        request=OutcomeSerializer,
        responses={200: JobOfferSerializer, **ERRORS},
    )
    def post(self, request, person_id, offer_id):
        lang = explanation_lang(request)
        body = OutcomeSerializer(data=request.data)
        if not body.is_valid():
            raise invalid(body.errors)
        try:
            with transaction.atomic():
                offer = self.get_kk_object()
                done = services.record_outcome(
                    request.user, offer, today=clock.today(), **body.validated_data
                )
                audit.record(request.user, [offer.person], "api:person-job-offers", Purpose.CUSTOMER_SERVICE)
                data = JobOfferSerializer(done.offer, context={"lang": lang}).data
        except services.Refused as refused:
            raise refusal(refused, "outcome_refused") from None
        return Response(data)
