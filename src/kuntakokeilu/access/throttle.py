"""Sign-in throttling (R-X-6): django-axes' database handler with one more limit.

Axes locks one username from one address after `AXES_FAILURE_LIMIT` failures. An attacker who tries many
usernames from one address would never reach that, so the address itself is locked for the same cool-off
once the failures from it, over all usernames, reach `AXES_ADDRESS_FAILURE_LIMIT` (higher, because a
municipality's office signs in from one address).
"""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


def address_failures(request) -> int:
    """Failed sign-ins from the request's address within the cool-off, whatever the username."""
    attempts = AccessAttempt.objects.filter(
        ip_address=request.axes_ip_address, attempt_time__gte=get_cool_off_threshold(request)
    )
    return attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0


class SignInThrottle(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None) -> int:
        failures = super().get_failures(request, credentials)
        if address_failures(request) >= settings.AXES_ADDRESS_FAILURE_LIMIT:
            request.kk_address_locked = True  # the lock-out page says that the address is locked
            return max(failures, get_failure_limit(request, credentials))
        return failures
