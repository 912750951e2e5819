"""What every API view shares: the catalogue's permission, the schema that documents it, the `on` date.

A view subclasses `CatalogueView` and sets `kk_action`; the OpenAPI description then names the action and
marks public actions as needing no authentication (R-INT-3, R-X-1).
"""

from __future__ import annotations

import datetime as dt

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers
from rest_framework.views import APIView

from kuntakokeilu import clock
from kuntakokeilu.access.actions import get_action
from kuntakokeilu.rules.schema import parse_date

from .errors import ApiError
from .permissions import Catalogue


class CatalogueSchema(AutoSchema):
    """Documents the view's catalogue action; a public action needs no credentials. Every other operation
    answers an anonymous caller 401, and one whom the catalogue refuses 404 where the path names an object
    (the same answer as for a missing one) or else 403 (api/permissions.py), so its responses list them
    whether or not the view names them (found by tests/api/test_schemathesis.py)."""

    def get_operation(self, path, path_regex, path_prefix, method, registry):
        operation = super().get_operation(path, path_regex, path_prefix, method, registry)
        if operation is not None and not get_action(self.view.kk_action).public:
            responses = operation.setdefault("responses", {})
            names_object = "{" in path and hasattr(self.view, "get_kk_object")
            for code in ("401", "404" if names_object else "403"):
                if code not in responses:
                    responses[code] = self._get_response_for_code(ErrorSerializer, code)
            if names_object:
                responses.pop("403", None)
        return operation

    def get_auth(self):
        auths = super().get_auth()
        if get_action(self.view.kk_action).public and {} not in auths:
            auths.append({})
        return auths

    def get_description(self):
        action = get_action(self.view.kk_action)
        who = "public" if action.public else "signed-in staff with a role that allows it"
        return f"{super().get_description()}\n\nAction `{action.code}` of the catalogue ({who})."


class CatalogueView(APIView):
    """An API view that asks the catalogue of actions (R-X-1): set `kk_action`."""

    kk_action: str
    permission_classes = [Catalogue]
    schema = CatalogueSchema()
    # A view of one object: the code and message of its 404, for an object that does not exist and, the
    # same, for one the catalogue refuses the caller (R-X-1, R-X-2; `permissions.Catalogue`).
    not_found: tuple[str, str | Promise] = ("not_found", gettext_lazy("Not found."))

    def object_not_found(self) -> ApiError:
        code, message = self.not_found
        return ApiError(404, code, str(message))


class ErrorBodySerializer(serializers.Serializer):
    code = serializers.CharField(help_text="A stable code, e.g. municipality_not_found, invalid_date.")
    message = serializers.CharField(help_text="The message in the request's language (fi, sv or en).")
    fields = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="Only where a parameter was invalid: its name and what is wrong with it.",
    )


class ErrorSerializer(serializers.Serializer):
    error = ErrorBodySerializer()


# The dates `on` accepts are those of the rules' input (rules.schema: 1800-01-01…2199-12-31); the pattern
# says so in the description, so that a client (and schemathesis) knows a year like 0177 is refused with 400.
ON_PATTERN = r"^(1[89]|2[01])[0-9]{2}-[0-9]{2}-[0-9]{2}$"
ON_PARAMETER = OpenApiParameter(
    "on",
    OpenApiTypes.DATE,
    OpenApiParameter.QUERY,
    description="The date the answer holds on, YYYY-MM-DD between 1800-01-01 and 2199-12-31; today "
    "(Helsinki) if omitted.",
    pattern=ON_PATTERN,
)


def on_date(request) -> dt.date:
    """The `on` query parameter (YYYY-MM-DD, as the rules console reads it), or today."""
    raw = request.query_params.get("on")
    if raw is None:
        return clock.today()
    try:
        return parse_date(raw)
    except ValueError:
        raise ApiError(
            400,
            "invalid_date",
            _("The date is not valid."),
            {"on": [_("Give a real date as YYYY-MM-DD, e.g. 2021-06-01.")]},
        ) from None
