"""What the service process's endpoints share: their tag and the language of explanations."""

from __future__ import annotations

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter

from ..errors import ApiError
from ..transfers.common import LANGS, request_lang

TAGS = ["service process"]
LANG_PARAMETER = OpenApiParameter(
    "lang",
    OpenApiTypes.STR,
    OpenApiParameter.QUERY,
    enum=list(LANGS),
    description="The language of the explanations and labels; the request's language (Accept-Language) "
    "if omitted.",
)


def explanation_lang(request) -> str:
    """`?lang=` (fi, sv or en), else the request's language; another value is refused (400)."""
    lang = request.query_params.get("lang")
    if lang is None:
        return request_lang()
    if lang not in LANGS:
        raise ApiError(
            400, "invalid_language", _("The language is not valid."), {"lang": [_("Give fi, sv or en.")]}
        )
    return lang
