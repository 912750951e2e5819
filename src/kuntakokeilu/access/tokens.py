"""API tokens that expire (R-X-1): a token unused for `API_TOKEN_IDLE_HOURS` (default 8) or older than
`API_TOKEN_MAX_DAYS` (default 30) no longer signs in, and is deleted when it is next presented; a token is
revoked by deleting it (the administration site, or `kuntakokeilu revoke_tokens USER`). The last use is
recorded at most once a minute, so that a busy client does not write on every request."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed

from .models import ApiTokenUse

WRITE_EVERY = dt.timedelta(minutes=1)


def expired(created: dt.datetime, last_used: dt.datetime | None, now: dt.datetime) -> bool:
    """Whether a token created at `created` and last used at `last_used` has expired at `now`."""
    idle = dt.timedelta(hours=settings.API_TOKEN_IDLE_HOURS)
    oldest = dt.timedelta(days=settings.API_TOKEN_MAX_DAYS)
    return now - created > oldest or now - (last_used or created) > idle


class ExpiringTokenAuthentication(TokenAuthentication):
    def authenticate_credentials(self, key):
        user, token = super().authenticate_credentials(key)
        now = timezone.now()
        use = ApiTokenUse.objects.filter(token=token).first()
        if expired(token.created, use.last_used if use else None, now):
            token.delete()
            raise AuthenticationFailed(_("The token has expired: ask for a new one."))
        if use is None or now - use.last_used > WRITE_EVERY:
            ApiTokenUse.objects.update_or_create(token=token, defaults={"last_used": now})
        return user, token
