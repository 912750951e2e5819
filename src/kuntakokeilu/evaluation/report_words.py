"""The words of the run's report in the reader's language (issue 15 item 2): the variants, weights and
inference methods of the estimates table, and the periods of the event study and the placebo table.

The runner's results keep their codes and English method names (results.json is a data file); these are
their names when a report shows them. Message ids are English and translated in the app's catalogue.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

VARIANTS = {
    "baseline": _("baseline model"),
    "covid_group_month": _("municipal group × month fixed effects (COVID-19)"),
    "covid_excluded": _("months 3/2020–2/2021 left out (COVID-19)"),
    "no_capital": _("without Helsinki, Espoo, Vantaa and Kauniainen"),
    "supplementary_only": _("only the areas of the supplementary round as treated"),
}
WEIGHTS = {"none": _("unweighted"), "labour_force": _("weighted by the labour force")}
CLUSTERS = {"municipality": _("by municipality"), "trial area": _("by trial area")}
_CRV = re.compile(r"^(CRV1|CRV3 \(jackknife\)) by (municipality|trial area)$")
_RANDOMISATION = re.compile(r"^randomisation inference over trial-area assignment \((\d+) draws\)$")


def variant(code: str) -> str:
    return str(VARIANTS[code]) if code in VARIANTS else code


def weights(code: str) -> str:
    return str(WEIGHTS[code]) if code in WEIGHTS else code


def inference(text: str) -> str:
    """The runner's method name (`estimators`) in the active language; an unknown one as it is."""
    crv = _CRV.match(text)
    if crv:
        return f"{crv.group(1)} {CLUSTERS[crv.group(2)]}"
    drawn = _RANDOMISATION.match(text)
    if drawn:
        return gettext("randomisation inference over the assignment of trial areas (%(draws)s draws)") % {
            "draws": drawn.group(1)
        }
    return text


def month(value: str) -> str:
    """'2017-03' → '3/2017' (as Statistics Finland writes months in Finnish and Swedish)."""
    year, number = value.split("-")
    return f"{int(number)}/{year}"


def period(value: str) -> str:
    """An event-study period: a quarter '2015-Q1' → 'Q1/2015' (neljännes / kvartal), a month as `month`."""
    year, part = value.split("-")
    if part.startswith("Q"):
        return gettext("Q%(quarter)s/%(year)s") % {"quarter": part[1:], "year": year}
    return month(value)
