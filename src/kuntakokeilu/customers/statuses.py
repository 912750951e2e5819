"""The job seeker's vocabularies: labour-market statuses and mother-tongue codes (R-TG-1, R-TG-2).

- `STATUSES`: the eight labour-market statuses the target-group rule reads (L1269 s. 2 and s. 4 mom 1 as
  amended; law notes §2.1–2.2), as Django choices `(code, label)` with labels translated through gettext.
  A fully laid-off person is `laid_off`; a shortened working week is `employed`. `in_service` includes
  self-motivated study supported by unemployment benefit.
- Mother tongue as registered in the Population Information System: ISO 639-1 codes, the Sámi languages as
  `se` (North Sámi), `smn` (Inari Sámi) and `sms` (Skolt Sámi), and `xx` for unknown. A person is
  foreign-language ("vieraskielinen", L1269 s. 2) when the registered mother tongue is something other than
  Finnish, Swedish or a Sámi language; an unknown mother tongue (`xx`) is not evidence of that.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy, gettext_noop

STATUS_LABELS: dict[str, str] = {
    "unemployed": gettext_noop("unemployed"),
    "laid_off": gettext_noop("fully laid off"),
    "supported_employment": gettext_noop("employed with support (wage subsidy or start-up grant)"),
    "in_service": gettext_noop("in an employment-promoting service"),
    "at_risk": gettext_noop("at risk of unemployment within two weeks"),
    "employed": gettext_noop("employed on the open market"),
    "outside_labour_force": gettext_noop("outside the labour force"),
    "student": gettext_noop("full-time student"),
}
STATUS_CODES: tuple[str, ...] = tuple(STATUS_LABELS)
STATUSES: tuple[tuple[str, object], ...] = tuple(
    (code, gettext_lazy(label)) for code, label in STATUS_LABELS.items()
)

DOMESTIC_LANGUAGES: tuple[str, ...] = ("fi", "sv")
SAMI_LANGUAGES: tuple[str, ...] = ("se", "smn", "sms")
UNKNOWN_LANGUAGE = "xx"
_ISO_639_1_CODES = (
    "aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz "
    "ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii "
    "ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi "
    "mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw "
    "sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk "
    "ur uz ve vi vo wa wo xh yi yo za zh zu"
)
ISO_639_1: frozenset[str] = frozenset(_ISO_639_1_CODES.split())
MOTHER_TONGUE_CODES: frozenset[str] = ISO_639_1 | set(SAMI_LANGUAGES) | {UNKNOWN_LANGUAGE}


def is_mother_tongue_code(code: object) -> bool:
    """A code the population register uses for a mother tongue (lower-case, as registered)."""
    return isinstance(code, str) and code in MOTHER_TONGUE_CODES


def is_sami_language(code: str) -> bool:
    return code in SAMI_LANGUAGES


def is_foreign_language(code: str) -> bool:
    """L1269 s. 2: registered mother tongue other than Finnish, Swedish or Sámi; `xx` (unknown) is not."""
    return code not in DOMESTIC_LANGUAGES and code not in SAMI_LANGUAGES and code != UNKNOWN_LANGUAGE
