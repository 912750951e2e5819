"""What the funding endpoints share: the tag, the year parameter, a service's refusal as a 400."""

from __future__ import annotations

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter

from kuntakokeilu import clock
from kuntakokeilu.funding import services

from ..errors import ApiError

TAGS = ["funding"]
MAX_EUR = 10**12  # a bound far above any appropriation, within the database's integers
YEAR_PARAMETER = OpenApiParameter(
    "year",
    OpenApiTypes.INT,
    OpenApiParameter.QUERY,
    description="The year (2021–2024); this year if omitted.",
)


def year_of(request) -> int:
    raw = request.query_params.get("year")
    if raw is None:
        return clock.today().year
    try:
        year = int(raw)
    except ValueError:
        year = 0
    if not services.FIRST_YEAR <= year <= services.LAST_YEAR:
        message = str(services.BAD_YEAR)
        raise ApiError(400, "invalid_year", message, {"year": [message]})
    return year


def refused(exc: services.Refused, code: str) -> ApiError:
    message = exc.message
    return ApiError(400, code, message, {exc.field: [message]} if exc.field else None)


def import_refused(exc: services.ImportRefused) -> ApiError:
    return ApiError(400, "import_refused", _("The request has invalid values."), {"file": exc.errors})


class MethodActions:
    """A view whose POST asks another action than its GET (`method_actions`)."""

    def initial(self, request, *args, **kwargs):
        self.kk_action = self.method_actions.get(request.method, type(self).kk_action)
        super().initial(request, *args, **kwargs)
