"""Mother tongues by name (R-X-8: pages and explanations say "ukraina", not `uk`).

The population register's codes are ISO 639-1 (and 639-3 for the Sámi languages, `xx` unknown); the names
are message ids translated in customers/locale. A code without a name here is shown as the code.
"""

from __future__ import annotations

from django.utils.translation import gettext_noop as _

from kuntakokeilu.rules.messages import Message

LANGUAGE_NAMES = {
    "fi": _("Finnish"),
    "sv": _("Swedish"),
    "se": _("Northern Sámi"),
    "smn": _("Inari Sámi"),
    "sms": _("Skolt Sámi"),
    "xx": _("unknown"),
    "ru": _("Russian"),
    "et": _("Estonian"),
    "ar": _("Arabic"),
    "so": _("Somali"),
    "en": _("English"),
    "fa": _("Persian"),
    "ku": _("Kurdish"),
    "sq": _("Albanian"),
    "vi": _("Vietnamese"),
    "th": _("Thai"),
    "uk": _("Ukrainian"),
    "zh": _("Chinese"),
    "tr": _("Turkish"),
    "pl": _("Polish"),
    "es": _("Spanish"),
    "de": _("German"),
    "fr": _("French"),
    "ti": _("Tigrinya"),
    "ps": _("Pashto"),
    "ro": _("Romanian"),
    "bg": _("Bulgarian"),
    "lt": _("Lithuanian"),
    "lv": _("Latvian"),
    "tl": _("Tagalog"),
    "ne": _("Nepali"),
    "pt": _("Portuguese"),
    "hu": _("Hungarian"),
    "it": _("Italian"),
}


def language(code: str) -> Message | str:
    """The language's name as a message (rendered in the reader's language), or the code if unnamed."""
    msgid = LANGUAGE_NAMES.get(code)
    return Message(msgid) if msgid else code
