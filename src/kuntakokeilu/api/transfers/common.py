"""What the transfer endpoints share: tags, error responses, the language, refusals, small serializers."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _
from rest_framework import serializers

from kuntakokeilu.customers.models import Responsible

from ..base import CatalogueSchema, ErrorSerializer
from ..errors import ApiError

TAGS = ["transfers"]
LANGS = ("fi", "sv", "en")
ERRORS = {400: ErrorSerializer, 403: ErrorSerializer, 404: ErrorSerializer}


class MethodCatalogueSchema(CatalogueSchema):
    """Documents the action of each method where a view's methods ask different ones."""

    def get_description(self):
        view = self.view
        view.kk_action = view.method_actions.get(self.method, type(view).kk_action)
        return super().get_description()


def request_lang() -> str:
    return (translation.get_language() or "fi")[:2]


def refused(exc: ValidationError, code: str) -> ApiError:
    """A service's refusal as a 400 with its localised messages (and fields, where it names them)."""
    fields = exc.message_dict if hasattr(exc, "error_dict") else None
    return ApiError(400, code, " ".join(exc.messages), fields)


def invalid(errors) -> ApiError:
    return ApiError(400, "invalid", _("The request has invalid values."), errors)


class BlankAsNullChoiceField(serializers.ChoiceField):
    """A choice stored as "" when there is none, given as null."""

    def to_representation(self, value):
        return value or None


class OrganisationSerializer(serializers.Serializer):
    """An organisation as the rule names it: its type and code."""

    type = serializers.ChoiceField(choices=Responsible.choices)
    kunta_code = serializers.CharField(allow_null=True, required=False)
    te_office_code = serializers.CharField(allow_null=True, required=False)
    area_code = serializers.CharField(allow_null=True, required=False)  # an employment area (issue 14)


class PersonRefSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    first_name = serializers.CharField()
    last_name = serializers.CharField()
