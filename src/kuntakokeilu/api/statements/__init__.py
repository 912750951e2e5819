"""Labour-policy statements through the API (issue 17 item 5; R-SP-8, R-X-1, R-X-2): a person's benefit
events (`events.py`: GET and POST through `statements.services.record_by_hand`), the caller's statements and
notices with their status changes (`items.py`), and the TE office's notices (`items.py`). The same catalogue
actions and domain calls as the pages; every answer with a person's data writes the access log in its
transaction; refusals are localised JSON errors and change nothing."""

from .events import PersonBenefitEvents
from .items import (
    NoticeList,
    NoticeStatus,
    StatementList,
    StatementStatus,
    TeOfficeAcknowledge,
    TeOfficeNotices,
)

__all__ = [
    "NoticeList",
    "NoticeStatus",
    "PersonBenefitEvents",
    "StatementList",
    "StatementStatus",
    "TeOfficeAcknowledge",
    "TeOfficeNotices",
]
