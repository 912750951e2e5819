"""The TE office's decision on a transfer request as a decision letter (issue 14 item 3; R-TG-5, R-TG-7;
L1269 s. 5 as amended by L421/2021 — mom 6, later mom 8 — and s. 17; law notes §2.3, §7.2).

A decided request (`transferred` or `refused`) is a decision: the letter is built on demand from the stored
request (no text is stored) in the person's service language (fi or sv; another language when asked), with
the request, the decision, its grounds (the conditions of s. 5 as `transfer_requests.conditions` weighs
them), the legal references, the copies (the municipality that had the customer and, for a move to another
trial municipality, the receiving one: L421 s. 5 mom 6) and the remedy, rendered by the letters app.

The remedy, as this module reads the law notes: the TE office's decisions under these transfer rules are
appealed like TE-office decisions (L421 s. 17, §2.3), i.e. under the Public Employment and Business Service
Act 916/2012 ch. 14 (§7.2): first a request for rectification (oikaisuvaatimus / begäran om omprövning),
whose decision may then be appealed to the administrative court. So the letter carries rectification
instructions, not a direct appeal. The law notes name no other authority for the request, so it is
addressed to the authority that decided, within 30 days of service (Administrative Procedure Act 434/2003
s. 49 b: the authority and the period), stating the decision, the change asked and its grounds (s. 49 c: form
and content), an ordinary letter served on the seventh day after sending (s. 59) — a reading [I] to confirm
with the ministry's model instructions before release. Section numbers checked in issue 14 (s. 49 c was
cited for the 30 days; it is s. 49 b's).

A refusal with every condition met (the Act says the TE office *may* transfer) states that the transfer was
left to the TE office's discretion; a case-specific reasoning is not recorded today.
"""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext as _

from kuntakokeilu.letters.letter import Appeal, Letter, Section
from kuntakokeilu.rules.messages import format_date as _day

from . import customerships
from .models import Ground, RequestStatus, TransferRequest
from .transfer_requests import conditions

DECIDED = (RequestStatus.TRANSFERRED, RequestStatus.REFUSED)


def is_decided(request: TransferRequest) -> bool:
    return request.status in DECIDED and request.decided_on is not None


def _name(place, lang: str) -> str:
    return place.name_in(lang) if place is not None else "–"


def letter(request: TransferRequest, lang: str | None = None) -> Letter:
    """The decision letter in `lang` (default: the person's service language). Only a decided request
    has one (`is_decided`); asking for another raises ValueError."""
    if not is_decided(request):
        raise ValueError("only a decided request has a decision letter")
    lang = lang or request.person.service_language
    with translation.override(lang):
        return _letter(request, lang)


def _letter(request: TransferRequest, lang: str) -> Letter:
    office = request.handler_te_office
    office_name = _name(office, lang)
    losing = customerships.municipal_customership(request.person, request.asked_on)
    losing_name = _name(losing.municipality if losing else None, lang)
    if request.ground == Ground.REQUEST_TO_MUNICIPALITY:
        target = _name(request.municipality, lang)
        asked = _("a transfer from %(from)s to the trial municipality %(to)s") % {
            "from": losing_name,
            "to": target,
        }
    else:
        target = office_name
        asked = _("a transfer from %(from)s back to the TE office") % {"from": losing_name}
    found = conditions(request)
    granted = request.status == RequestStatus.TRANSFERRED
    if granted:
        decision = [
            _(
                "The TE office grants the transfer. From %(on)s your employment services are provided by "
                "%(to)s."
            )
            % {"on": _day(request.customership.valid_from, lang), "to": target},
            _(
                "An employment plan in force stays binding until it is reviewed; report its progress to the "
                "organisation now responsible."
            ),
        ]
        grounds = [_("Every condition of the Act is met:")]
        items = [c.text for c in found]
    else:
        decision = [
            _(
                "The TE office refuses the transfer. %(from)s remains responsible for your employment "
                "services."
            )
            % {"from": losing_name}
        ]
        unmet = [c.text for c in found if not c.met]
        if unmet:
            grounds = [_("The transfer requires every condition of the Act; these are not met:")]
            items = unmet
        else:
            grounds = [
                _(
                    "The conditions of the Act are met, but the Act allows the transfer without requiring "
                    "it; the TE office did not find the transfer justified."
                )
            ]
            items = [c.text for c in found]
    copies = [losing_name]
    if request.ground == Ground.REQUEST_TO_MUNICIPALITY:
        copies.append(target)
    decider = request.decided_by
    return Letter(
        language=lang,
        title=_("Decision on a request for transfer"),
        sender=office_name,
        date=request.decided_on,
        recipient=request.person.full_name,
        reference=f"TR-{request.pk}",
        sections=(
            Section(
                heading=_("Request"),
                paragraphs=(
                    _("On %(on)s you asked for %(what)s, %(reason)s.")
                    % {
                        "on": _day(request.asked_on, lang),
                        "what": asked,
                        "reason": request.get_reason_display(),
                    },
                ),
            ),
            Section(heading=_("Decision"), paragraphs=tuple(decision)),
            Section(heading=_("Grounds"), paragraphs=tuple(grounds), items=tuple(items)),
            Section(heading=_("Copies to"), items=tuple(copies)),
        ),
        legal_references=(
            _(
                "Act on municipal pilots for promoting employment (1269/2020), section 5 as amended by "
                "Act 421/2021"
            ),
            _("Act 1269/2020, section 17; Public Employment and Business Service Act (916/2012), chapter 14"),
        ),
        appeal=Appeal(
            heading=_("Instructions for requesting rectification"),
            paragraphs=(
                _(
                    "If you are dissatisfied with this decision, you may request its rectification in "
                    "writing. The decision cannot be appealed directly to a court."
                ),
                _(
                    "Send the request to %(office)s, which made the decision, within 30 days of receiving "
                    "this decision. A decision sent by post is deemed received on the seventh day after it "
                    "was sent (Administrative Procedure Act 434/2003, sections 49 b and 59)."
                )
                % {"office": office_name},
                _(
                    "State the decision, the change you ask for and its grounds, and your contact details "
                    "(Administrative Procedure Act 434/2003, section 49 c). The decision on your request may "
                    "be appealed to the administrative court; its appeal "
                    "instructions come with it."
                ),
            ),
        ),
        signature=(office_name, decider.get_full_name() or decider.get_username())
        if decider
        else (office_name,),
    )
