"""A job seeker's deadlines through the API (R-SP-1, R-SP-3): the rule `service-deadlines`' result for
the person on `on` (`queries.deadlines_for`: the register's job search and status and the meetings held),
each item with its explanation in the request's language; the regime with its own. Logged (R-X-2)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from kuntakokeilu.access import audit
from kuntakokeilu.access.models import Purpose
from kuntakokeilu.rules.messages import Message
from kuntakokeilu.rules.outcome import Check, Outcome
from kuntakokeilu.service_process import queries
from kuntakokeilu.service_process.deadlines import ITEM_TYPES, REGIMES, STATE_LABELS
from kuntakokeilu.service_process.explanations import ITEM_LABELS
from kuntakokeilu.service_process.rules import NAME

from ..base import ON_PARAMETER, on_date
from ..customers import PersonView
from ..transfers.common import ERRORS
from .common import LANG_PARAMETER, TAGS, explanation_lang


@dataclass(frozen=True)
class Item:
    """One item of the rule's result (`result["due"]`) with its check, words in `lang`."""

    due: dict
    check: Check
    lang: str

    @property
    def label(self) -> str:
        return Message(ITEM_LABELS[self.due["type"]]).render(self.lang)

    @property
    def state_label(self) -> str:
        return Message(STATE_LABELS[self.due["state"]], {"date": self.check.found["done_on"]}).render(
            self.lang
        )

    @property
    def explanation(self) -> str:
        return self.check.message.render(self.lang)


@dataclass(frozen=True)
class Deadlines:
    person_id: object
    on: object
    outcome: Outcome | None
    lang: str

    @property
    def rule_version(self) -> str | None:
        return self.outcome.rule_version if self.outcome else None

    @property
    def regime(self) -> str | None:
        return self.outcome.result["regime"] if self.outcome else None

    @property
    def regime_explanation(self) -> str | None:
        checks = [c for c in self.outcome.checks if c.code == "regime"] if self.outcome else []
        return checks[0].message.render(self.lang) if checks else None

    @property
    def items(self) -> list[Item]:
        if self.outcome is None:
            return []
        checks = {c.code: c for c in self.outcome.checks}
        return [Item(due, checks[f"due_{due['type']}"], self.lang) for due in self.outcome.result["due"]]


class DeadlineItemSerializer(serializers.Serializer):
    type = serializers.ChoiceField(source="due.type", choices=ITEM_TYPES)
    label = serializers.CharField(help_text="The item's name in the request's language.")
    due_date = serializers.DateField(source="due.due_date", allow_null=True, help_text="null: no date yet.")
    count = serializers.IntegerField(
        source="due.count", allow_null=True, help_text="Which one of a series (e.g. the 2nd discussion)."
    )
    state = serializers.ChoiceField(source="due.state", choices=list(STATE_LABELS))
    state_label = serializers.CharField(help_text="The state in the request's language.")
    reference = serializers.CharField(source="due.reference", help_text="The legal reference.")
    explanation = serializers.CharField(
        help_text="Why this deadline, in the request's language: the basis, the period and the days skipped."
    )


class DeadlinesSerializer(serializers.Serializer):
    person = serializers.UUIDField(source="person_id")
    on = serializers.DateField()
    rule = serializers.CharField(default=NAME)
    rule_version = serializers.CharField(allow_null=True, help_text="null when no job search had begun.")
    regime = serializers.ChoiceField(
        choices=REGIMES, allow_null=True, help_text="null when no job search had begun by `on`."
    )
    regime_explanation = serializers.CharField(allow_null=True)
    items = DeadlineItemSerializer(many=True)


class PersonDeadlines(PersonView):
    """A job seeker's deadlines on `on` (today if omitted) by the rule `service-deadlines` (R-SP-1): the
    regime and the next item of every type, with explanations in the request's language; logged."""

    kk_action = "service_process.view_deadlines"

    @extend_schema(
        tags=TAGS, parameters=[ON_PARAMETER, LANG_PARAMETER], responses={200: DeadlinesSerializer, **ERRORS}
    )
    def get(self, request, person_id):
        on = on_date(request)
        lang = explanation_lang(request)
        with transaction.atomic():
            person = self.get_kk_object()
            found = Deadlines(person.pk, on, queries.deadlines_for(person, on), lang)
            audit.record(request.user, [person], "api:person-deadlines", Purpose.CUSTOMER_SERVICE)
            return Response(DeadlinesSerializer(found).data)
