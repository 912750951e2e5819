"""The trial area's regional co-operation network through the API (R-SP-9, R-INT-3, R-X-1): its members
(`members.py`) and meetings (`meetings.py`), read with `cooperation.view` and written with
`cooperation.manage` through the same `cooperation.services` as the pages; a refusal is a 400 naming the field
with its message in the request's language, and nothing is written. No job seeker's data: nothing is
access-logged."""

from .meetings import NetworkMeetings
from .members import NetworkMembers

__all__ = ["NetworkMeetings", "NetworkMembers"]
