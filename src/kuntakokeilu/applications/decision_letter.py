"""The ministry's selection decision (valintapäätös / urvalsbeslut) as a `Letter` in fi or sv (R-APP-5),
rendered by the letters app to the decision page and to PDF.

No appeal instructions: the ministry chose the areas for the further preparation of a government bill
(law notes §1.2: "selected for further preparation"; the areas were then fixed by Act 1269/2020 s. 3). The
choice decides no applicant's right or duty, and under the Administrative Judicial Procedure Act
(808/2019) an appeal lies against an administrative decision, not against a step in preparing a matter
[I: our reading; confirm with the ministry's lawyers]. For the same reason the letter cites no provision:
the selection conditions were policy conditions of the ministry's application letter
(parameters/selection.yaml), not law.
"""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext_noop as _

from kuntakokeilu.letters.letter import Letter, Section

from .models import ApplicationStatus, SelectionDecision

TITLE = _("Decision on the selection of trial areas")
MINISTRY = _("Ministry of Economic Affairs and Employment")
RECIPIENT = _("The applicants of the round")
SELECTED = _("Selected")
NOT_SELECTED = _("Not selected")
GROUNDS = _("Grounds")
NEW_AREA = _("New trial area %(number)s %(name)s:")
ENLARGED = _("Trial area %(number)s %(name)s is enlarged with:")
LANGUAGES = ("fi", "sv")


def _name(obj, lang: str) -> str:
    return getattr(obj, f"name_{lang}", None) or obj.name_fi


def _selected(decision: SelectionDecision, lang: str) -> tuple[str, ...]:
    selections = decision.selections.select_related("trial_area").prefetch_related("municipalities")
    items = []
    for s in selections:
        area = {"number": s.trial_area.number, "name": _name(s.trial_area, lang)}
        members = ", ".join(_name(m, lang) for m in s.municipalities.all())
        items.append(f"{translation.gettext(ENLARGED if s.enlarges else NEW_AREA) % area} {members}")
    return tuple(items)


def letter(decision: SelectionDecision, lang: str) -> Letter:
    """The decision in `lang` (fi or sv): what was selected, what not, the grounds, the decision-maker."""
    if lang not in LANGUAGES:
        raise ValueError(f"the decision is given in Finnish and Swedish, not {lang!r}")
    not_selected = decision.round.applications.filter(status=ApplicationStatus.NOT_SELECTED)
    with translation.override(lang):
        sections = [Section(translation.gettext(SELECTED), items=_selected(decision, lang))]
        if not_selected:
            names = tuple(a.name or _name(a.lead, lang) for a in not_selected.select_related("lead"))
            sections.append(Section(translation.gettext(NOT_SELECTED), items=names))
        sections.append(Section(translation.gettext(GROUNDS), paragraphs=(decision.grounds,)))
        return Letter(
            language=lang,
            title=translation.gettext(TITLE),
            subtitle=_name(decision.round, lang),
            sender=translation.gettext(MINISTRY),
            date=decision.decided_on,
            recipient=translation.gettext(RECIPIENT),
            sections=tuple(sections),
            signature=(decision.decision_maker,),
        )
