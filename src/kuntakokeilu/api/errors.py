"""API errors as JSON with a stable code and a localised message (in the request's language).

`{"error": {"code": "not_found", "message": "…", "fields": {"on": ["…"]}}}` — `fields` only where a
parameter or field was invalid.
"""

from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler


class ApiError(exceptions.APIException):
    """An error with its own stable code, e.g. ApiError(404, "municipality_not_found", message)."""

    def __init__(self, status_code: int, code: str, message: str, fields: dict | None = None):
        super().__init__(detail=message, code=code)
        self.status_code = status_code
        self.code = code
        self.fields = fields


def _message_for(exc) -> tuple[str, str]:
    if isinstance(exc, exceptions.NotAuthenticated | exceptions.AuthenticationFailed):
        return "not_authenticated", _("Sign in to use this endpoint.")
    if isinstance(exc, exceptions.PermissionDenied):
        return "permission_denied", _("You do not have permission for this.")
    if isinstance(exc, exceptions.NotFound):
        return "not_found", _("Not found.")
    if isinstance(exc, exceptions.MethodNotAllowed):
        return "method_not_allowed", _("This method is not allowed here.")
    if isinstance(exc, exceptions.Throttled):
        return "throttled", _("Too many requests; try again later.")
    if isinstance(exc, exceptions.ValidationError):
        return "invalid", _("The request has invalid values.")
    return "error", _("The request could not be handled.")


def exception_handler(exc, context):
    if isinstance(exc, ApiError):
        body = {"code": exc.code, "message": str(exc.detail)}
        if exc.fields:
            body["fields"] = exc.fields
        return Response({"error": body}, status=exc.status_code)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    code, message = _message_for(exc)
    body = {"code": code, "message": message}
    if isinstance(exc, exceptions.ValidationError) and isinstance(exc.detail, dict):
        body["fields"] = exc.detail
    response.data = {"error": body}
    return response
