"""Job seekers through the API (R-TG-1, R-X-1, R-X-2): the same catalogue actions as the pages, and every
read of a person's data writes the access log in the same transaction. Persons are named by their opaque
id; a search (by name or identity code) is a POST, so no identity code appears in a URL."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from kuntakokeilu import clock
from kuntakokeilu.access import audit
from kuntakokeilu.access.models import Purpose
from kuntakokeilu.customers import queries, search
from kuntakokeilu.customers.models import FactKind, Person
from kuntakokeilu.customers.statuses import STATUS_CODES

from .base import ON_PARAMETER, CatalogueView, ErrorSerializer, on_date
from .errors import ApiError

TAGS = ["job seekers"]


class SearchRequestSerializer(serializers.Serializer):
    query = serializers.CharField(
        max_length=100, help_text="A name (all words must match) or an identity code."
    )
    purpose = serializers.ChoiceField(
        choices=[p.value for p in search.SEARCH_PURPOSES],
        required=False,
        help_text="Required when searching by identity code; logged with every person listed.",
    )


class PersonSummarySerializer(serializers.Serializer):
    id = serializers.UUIDField()
    first_name = serializers.CharField()
    last_name = serializers.CharField()
    birth_date = serializers.DateField()


class FactsOnSerializer(serializers.Serializer):
    """The target-group rule's input as the register held it on the date (issue 5's console input)."""

    kotikunta = serializers.CharField(allow_null=True)
    residence = serializers.CharField(allow_null=True)
    mother_tongue = serializers.CharField()
    immigrant = serializers.BooleanField()
    status = serializers.ChoiceField(choices=STATUS_CODES, allow_null=True)
    earnings_related_entitlement = serializers.BooleanField()
    temporary_protection = serializers.BooleanField()
    change_security_55 = serializers.BooleanField()
    change_security_notice_date = serializers.DateField(allow_null=True)
    job_search_valid = serializers.BooleanField()


class PersonSerializer(PersonSummarySerializer):
    henkilotunnus = serializers.CharField()
    service_language = serializers.CharField()
    on = serializers.DateField()
    facts = FactsOnSerializer()


class FactSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=FactKind.values)
    valid_from = serializers.DateField()
    valid_to = serializers.DateField(
        allow_null=True, help_text="Derived: the day before the next fact of the kind."
    )
    municipality = serializers.CharField(
        allow_null=True, help_text="kotikunta, residence: the municipality code."
    )
    code = serializers.CharField(help_text="mother_tongue, status.")
    flag = serializers.BooleanField(allow_null=True)
    date_value = serializers.DateField(
        allow_null=True, help_text="change_security: the date notice was given."
    )
    end_date = serializers.DateField(allow_null=True, help_text="job_search: its end.")
    superseded = serializers.BooleanField(help_text="Corrected by a later row (kept for the history).")
    corrects = serializers.IntegerField(allow_null=True, help_text="The row this one corrected.")
    reason = serializers.CharField(help_text="The reason for the correction.")
    recorded_at = serializers.DateTimeField()


class PersonView(CatalogueView):
    not_found = ("person_not_found", gettext_lazy("No such person."))

    def get_kk_object(self):
        person = Person.objects.filter(pk=self.kwargs["person_id"]).first()
        if person is None:
            raise self.object_not_found()
        return person


class PersonSearch(CatalogueView):
    """Find job seekers within your scope by name or identity code (POST: no identity code in the URL).
    Every person listed is written in the access log with the purpose."""

    kk_action = "customers.search"

    @extend_schema(
        tags=TAGS,
        request=SearchRequestSerializer,
        responses={200: PersonSummarySerializer(many=True), 400: ErrorSerializer, 403: ErrorSerializer},
    )
    def post(self, request):
        query, purpose = _search_request(request)
        with transaction.atomic():
            found = search.search(request.user, query, clock.today())
            audit.record(request.user, found, "api:person-search", purpose)
            data = PersonSummarySerializer(found, many=True).data
        return Response(data)


def _search_request(request) -> tuple[str, str]:
    body = SearchRequestSerializer(data=request.data)
    if not body.is_valid():
        raise ApiError(400, "invalid", _("The request has invalid values."), body.errors)
    query = body.validated_data["query"]
    try:
        purpose = search.purpose_of(query, body.validated_data.get("purpose"))
    except ValidationError as exc:
        code = "invalid_identity_code" if "query" in exc.message_dict else "purpose_required"
        raise ApiError(400, code, " ".join(exc.messages), exc.message_dict) from None
    return query, purpose


class TeOfficeCustomerSerializer(serializers.Serializer):
    first_name = serializers.CharField(source="person.first_name")
    last_name = serializers.CharField(source="person.last_name")
    keep_reason = serializers.CharField(help_text="Why the TE office kept the person; empty when it did not.")
    keep_reason_label = serializers.CharField(help_text="The reason in the request's language.")
    keep_text = serializers.CharField(help_text="The TE office's explanation of another justified reason.")


class TeOfficeCustomerSearch(CatalogueView):
    """The same search's answer on who is the TE office's (issue 14): for a municipal worker, the matching
    job seekers of the worker's own area whose customer the TE office is, with its reason for keeping them.
    No id: nothing of theirs opens. Persons outside the area are not mentioned. Each listed is logged."""

    kk_action = "customers.search"

    @extend_schema(
        tags=TAGS,
        request=SearchRequestSerializer,
        responses={200: TeOfficeCustomerSerializer(many=True), 400: ErrorSerializer, 403: ErrorSerializer},
    )
    def post(self, request):
        query, purpose = _search_request(request)
        today = clock.today()
        with transaction.atomic():
            found = search.search(request.user, query, today)
            rows = search.te_office_customers(request.user, query, today, found)
            audit.record(request.user, [row.person for row in rows], "api:person-search", purpose)
            data = TeOfficeCustomerSerializer(rows, many=True).data
        return Response(data)


class PersonDetail(PersonView):
    """A job seeker and the facts the register held for them on `on` (today if omitted); logged."""

    kk_action = "customers.view_person"

    @extend_schema(
        tags=TAGS,
        parameters=[ON_PARAMETER],
        responses={200: PersonSerializer, 400: ErrorSerializer, 403: ErrorSerializer, 404: ErrorSerializer},
    )
    def get(self, request, person_id):
        on = on_date(request)
        with transaction.atomic():
            person = self.get_kk_object()
            facts = queries.facts_on(person, on)
            audit.record(request.user, [person], "api:person-detail", Purpose.CUSTOMER_SERVICE)
            data = {
                "id": person.pk,
                "henkilotunnus": person.henkilotunnus,
                "first_name": person.first_name,
                "last_name": person.last_name,
                "birth_date": person.birth_date,
                "service_language": person.service_language,
                "on": on,
                "facts": facts,
            }
            return Response(PersonSerializer(data).data)


class PersonFacts(PersonView):
    """Every fact row of a job seeker, corrections included (the history); logged."""

    kk_action = "customers.view_person"

    @extend_schema(
        tags=TAGS, responses={200: FactSerializer(many=True), 403: ErrorSerializer, 404: ErrorSerializer}
    )
    def get(self, request, person_id):
        with transaction.atomic():
            person = self.get_kk_object()
            rows = queries.history(person)
            audit.record(request.user, [person], "api:person-facts", Purpose.CUSTOMER_SERVICE)
            data = [
                {
                    "id": row.fact.pk,
                    "kind": row.fact.kind,
                    "valid_from": row.fact.valid_from,
                    "valid_to": row.valid_to,
                    "municipality": row.fact.municipality.code if row.fact.municipality_id else None,
                    "code": row.fact.code,
                    "flag": row.fact.flag,
                    "date_value": row.fact.date_value,
                    "end_date": row.fact.end_date,
                    "superseded": row.superseded,
                    "corrects": row.fact.corrects_id,
                    "reason": row.fact.reason,
                    "recorded_at": row.fact.recorded_at,
                }
                for kind in FactKind.values
                for row in rows[kind]
            ]
            return Response(FactSerializer(data, many=True).data)
