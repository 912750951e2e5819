"""Customerships, notices, due transfers, transfer requests and customer counts through the API (issue 6:
R-TG-3…7, R-X-1, R-X-2), one module per section. The same catalogue actions and domain calls as the pages;
every response with a person's data writes the access log in the same transaction; refusals are localised
JSON errors (`errors.py`) and change nothing. Organisations are codes (kunta code, TE office code);
explanations and notices are rendered in the request's language (notices: in their own language unless
`lang` asks). Each resource is declared once, as a serializer over the model (`source=`)."""

from .counts import TrialAreaCustomerCounts
from .customerships import PersonCustomerships
from .due_transfers import DueTransferComplete, DueTransferKeep, DueTransferList
from .notices import NoticeDetail, NoticePdf, PersonNotices
from .request_decisions import TransferRequestDecision, TransferRequestDecisionPdf
from .transfer_requests import TransferRequestAnswer, TransferRequestDecide, TransferRequestList

__all__ = [
    "DueTransferComplete",
    "DueTransferKeep",
    "DueTransferList",
    "NoticeDetail",
    "NoticePdf",
    "PersonCustomerships",
    "PersonNotices",
    "TransferRequestAnswer",
    "TransferRequestDecide",
    "TransferRequestDecision",
    "TransferRequestDecisionPdf",
    "TransferRequestList",
    "TrialAreaCustomerCounts",
]
