"""The renderer's own words, the same in the HTML page and the PDF (translated in letters/locale)."""

from django.utils import translation
from django.utils.translation import gettext_noop as _

from kuntakokeilu.rules.messages import format_date

from .letter import Letter

SENDER = _("Sender")
RECIPIENT = _("Recipient")
DATE = _("Date")
REFERENCE = _("Reference")
LEGAL_REFERENCES = _("Legal references")
APPEAL_INSTRUCTIONS = _("Appeal instructions")


def words(letter: Letter) -> dict:
    """The labels and the header rows of `letter` in its language (rows without a value left out)."""
    with translation.override(letter.language):
        header = [
            (translation.gettext(SENDER), letter.sender),
            (translation.gettext(DATE), format_date(letter.date, letter.language)),
            (translation.gettext(RECIPIENT), letter.recipient),
            (translation.gettext(REFERENCE), letter.reference),
        ]
        appeal_heading = ""
        if letter.appeal is not None:
            appeal_heading = letter.appeal.heading or translation.gettext(APPEAL_INSTRUCTIONS)
        return {
            "header": [(label, value) for label, value in header if value],
            "legal_references": translation.gettext(LEGAL_REFERENCES),
            "appeal": appeal_heading,
        }
