"""The service process through the API (issue 16 item 5; R-SP-1, R-SP-2, R-SP-3, R-X-1, R-X-2), one module
per resource: a person's deadlines (`deadlines.py`), meetings (`meetings.py`), the caller's worklist
(`worklist.py`) and a trial area's service points (`service_points.py`). The same catalogue actions and
domain calls as the pages (`service_process.queries`, `services`); every answer with a person's data writes
the access log in the same transaction; refusals are localised JSON errors (`errors.py`) and change
nothing; explanations are rendered in the request's language (`?lang=`, else Accept-Language)."""

from .deadlines import PersonDeadlines
from .meetings import PersonMeetings
from .service_points import TrialAreaServicePoints
from .worklist import ServiceWorklist

__all__ = ["PersonDeadlines", "PersonMeetings", "ServiceWorklist", "TrialAreaServicePoints"]
