"""The pure screening of one application against the boundary conditions (R-APP-3, R-APP-4).

`decide(app, others, data, params)`: `app` and `others` are validated rule inputs (the other applications
screened together with it in the same round), `data` the round's reference snapshot
(`queries.screening_data`). A batch judges every application once (`Together`) and then each against the
sums, so screening n applications together takes time and output linear in n (`decide_together`); an
application's figures name at most `OTHERS_NAMED` of the others in its ELY area (and of those listing one of
its municipalities), with their count and sum.
Parameters are read on the round's opening date. For an enlargement, population,
ELY area and customer share judge the enlarged area (earlier members plus new ones, each counted once).
"""

from __future__ import annotations

from dataclasses import dataclass

from kuntakokeilu.rules.messages import Message
from kuntakokeilu.rules.outcome import Check, Decision, ParameterUse, worst_status
from kuntakokeilu.rules.parameters import ParameterStore

from . import messages as m
from .queries import POPULATION_SOURCE, STATISTICS_SOURCE, MunicipalityFacts, ScreeningData, SelectedArea

PARAMS = (
    "selection.min_population",
    "selection.ely_customer_share_max",
    "selection.own_resourcing_share",
    "selection.target_group_share_of_unemployed",
)
TEXT_ITEMS = ("service_model", "cooperation_structure", "premises")


def text(value) -> str:
    return value.strip() if isinstance(value, str) else ""


def percent(share: float) -> dict[str, str]:
    figure = f"{share * 100:.1f}"
    return {"fi": f"{figure.replace('.', ',')} %", "sv": f"{figure.replace('.', ',')} %", "en": f"{figure} %"}


def euros(value: float) -> int:
    return round(value)


def decimal_texts(value: float) -> dict[str, str]:
    figure = f"{value:g}"
    return {"fi": figure.replace(".", ","), "sv": figure.replace(".", ","), "en": figure}


@dataclass(frozen=True)
class Judged:
    """The area an application is judged as: its new municipalities, plus an enlarged area's members."""

    area: SelectedArea | None
    existing: tuple[str, ...]
    new: tuple[str, ...]
    members: tuple[MunicipalityFacts, ...]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(x.code for x in self.members)


def judged_area(app: dict, data: ScreeningData) -> Judged:
    area = data.earlier_areas.get(app["extends_area"]) if app.get("extends_area") else None
    existing = area.members if area else ()
    new = tuple(app["municipalities"])
    codes = list(existing) + [c for c in new if c not in existing]
    return Judged(area, existing, new, tuple(data.municipalities[c] for c in codes))


def estimate(codes, data: ScreeningData, target_share: float) -> int:
    """System estimate of pilot customers: unemployed job seekers × the target-group share (R-APP-4)."""
    return round(sum(data.municipalities[c].unemployed or 0 for c in codes) * target_share)


def application_ely(app: dict, judged: Judged) -> str:
    elys = {x.ely_at_start.code for x in judged.members}
    if len(elys) == 1:
        return elys.pop()
    lead = next((x for x in judged.members if x.code == app.get("lead")), judged.members[0])
    return lead.ely_at_start.code


OTHERS_NAMED = 10


@dataclass(frozen=True)
class Together:
    """The applications of one round screened together, each judged once: its ELY area and its part of
    the pilot customers (its own estimate, or the system's of its new municipalities), the sums per ELY
    area, and which applications list each municipality."""

    names: tuple[str, ...]
    elys: tuple[str, ...]
    parts: tuple[int, ...]
    ely_totals: dict[str, int]
    by_ely: dict[str, tuple[int, ...]]
    listing: dict[str, tuple[int, ...]]

    @classmethod
    def of(cls, apps: list[dict], data: ScreeningData, target_share: float) -> Together:
        names, elys, parts = [], [], []
        totals: dict[str, int] = {}
        by_ely: dict[str, list[int]] = {}
        listing: dict[str, list[int]] = {}
        for index, app in enumerate(apps):
            judged = judged_area(app, data)
            ely = application_ely(app, judged)
            given = app.get("estimated_customers")
            part = given if given is not None else estimate(judged.new, data, target_share)
            names.append(str(app.get("name") or app.get("id")))
            elys.append(ely)
            parts.append(part)
            totals[ely] = totals.get(ely, 0) + part
            by_ely.setdefault(ely, []).append(index)
            for code in dict.fromkeys(app["municipalities"]):
                listing.setdefault(code, []).append(index)
        return cls(
            tuple(names),
            tuple(elys),
            tuple(parts),
            totals,
            {k: tuple(v) for k, v in by_ely.items()},
            {k: tuple(v) for k, v in listing.items()},
        )

    def others_in(self, ely: str, index: int) -> tuple[int, int, dict[str, int]]:
        """The other applications of the ELY area: their count, the sum of their parts, and the first
        `OTHERS_NAMED` of them by name."""
        mine = self.parts[index] if self.elys[index] == ely else 0
        members = [i for i in self.by_ely.get(ely, ())[: OTHERS_NAMED + 1] if i != index][:OTHERS_NAMED]
        count = len(self.by_ely.get(ely, ())) - (1 if self.elys[index] == ely else 0)
        return count, self.ely_totals.get(ely, 0) - mine, {self.names[i]: self.parts[i] for i in members}

    def listing_others(self, code: str, index: int) -> list[str]:
        return [self.names[i] for i in self.listing.get(code, ()) if i != index]


def decide(app: dict, others: list[dict], data: ScreeningData, params: ParameterStore) -> Decision:
    """One application screened with the others of its round."""
    return decide_together([app, *others], data, params)[0]


def decide_together(apps: list[dict], data: ScreeningData, params: ParameterStore) -> list[Decision]:
    """Every application of one round, each screened with all the others (linear in their number)."""
    target = params.get("selection.target_group_share_of_unemployed", data.round.opens).value
    together = Together.of(apps, data, target)
    return [_decide(app, index, together, data, params) for index, app in enumerate(apps)]


def _decide(app: dict, index: int, others: Together, data: ScreeningData, params: ParameterStore) -> Decision:
    on = data.round.opens
    values = {name.split(".", 1)[1]: params.get(name, on) for name in PARAMS}
    judged = judged_area(app, data)
    justification = text(app.get("justification"))
    population_check, population = _population(judged, data, values["min_population"], justification)
    ely_check = _single_ely(judged, data)
    ely = application_ely(app, judged)
    share_check, customers, by_system, share = _share(
        app, (others, index), judged, ely, data, values, justification
    )
    departs = population < values["min_population"].value or share > values["ely_customer_share_max"].value
    checks = (
        population_check,
        ely_check,
        share_check,
        _own_resourcing(app, judged, values["own_resourcing_share"]),
        _form_complete(app, judged, departs and not justification),
        _no_overlap(app, (others, index), judged, data),
    )
    status = worst_status(checks)
    result = {
        "eligible": status != "fail",
        "population": population,
        "ely_code": ely,
        "estimated_customers": customers,
        "customers_estimated_by_system": by_system,
    }
    return Decision(result, status, checks)


def _whose(judged: Judged) -> Message:
    if judged.area is None:
        return Message(m.WHOSE_APPLICANT if len(judged.members) == 1 else m.WHOSE_APPLICANTS)
    existing = Message(m.EARLIER_MEMBERS, {"n": len(judged.existing)}, m.EARLIER_MEMBERS_PLURAL, "n")
    new = Message(m.NEW_MUNICIPALITIES, {"n": len(judged.new)}, m.NEW_MUNICIPALITIES_PLURAL, "n")
    return Message(
        m.WHOSE_ENLARGED_COUNTED, {"area_no": judged.area.number, "existing": existing, "new": new}
    )


def _population(judged: Judged, data: ScreeningData, minimum, justification: str) -> tuple[Check, int]:
    per_member = {x.code: x.population for x in judged.members}
    population = sum(v or 0 for v in per_member.values())
    date = data.round.population_date
    sources = sorted({x.population_source for x in judged.members if x.population_source})
    found = {
        "population": population,
        "reference_date": date,
        "members": per_member,
        "without_figure": [c for c, v in per_member.items() if v is None],
        "enlarged_area": judged.area.number if judged.area else None,
        "source": sources or [POPULATION_SOURCE],
    }
    args = {
        "whose": _whose(judged),
        "date": date,
        "population": population,
        "minimum": minimum.value,
        "source": [Message(m.POPULATION_SOURCES[code]) for code in sources] or Message(m.POPULATION_SOURCE),
    }
    used = (ParameterUse.of(minimum),)
    if population >= minimum.value:
        return Check("min_population", "pass", found, Message(m.POPULATION_PASS, args), used), population
    if justification:
        message = Message(m.POPULATION_WARN, {**args, "justification": justification})
        return Check("min_population", "warn", found, message, used), population
    return Check("min_population", "fail", found, Message(m.POPULATION_FAIL, args), used), population


def _single_ely(judged: Judged, data: ScreeningData) -> Check:
    start, date = data.round.pilot_start, data.round.population_date
    found = {
        "pilot_start": start,
        "reference_date": date,
        "ely_at_start": {x.code: x.ely_at_start.code for x in judged.members},
        "ely_on_reference_date": {x.code: x.ely_on_reference.code for x in judged.members},
        "reference_division_approximated": any(x.reference_approximated for x in judged.members),
    }
    elys = {x.ely_at_start.code for x in judged.members}
    if len(elys) > 1:
        areas = [
            Message(
                m.ELY_MEMBER,
                {
                    "name": x.names(),
                    "code": x.code,
                    "ely": x.ely_at_start.names(),
                    "ely_code": x.ely_at_start.code,
                },
            )
            for x in judged.members
        ]
        return Check("single_ely_area", "fail", found, Message(m.ELY_FAIL, {"start": start, "areas": areas}))
    ely = judged.members[0].ely_at_start
    args = {"count": len(judged.members), "ely": ely.names(), "ely_code": ely.code, "start": start}
    movers = [x for x in judged.members if x.ely_on_reference.code != x.ely_at_start.code]
    if movers:
        moves = [
            Message(
                m.ELY_MOVE,
                {
                    "name": x.names(),
                    "code": x.code,
                    "ely_before": x.ely_on_reference.names(),
                    "ely_after": x.ely_at_start.names(),
                    "moved_on": x.moved_on or start,
                },
            )
            for x in movers
        ]
        found["moves"] = [{"kunta_code": x.code, "moved_on": x.moved_on} for x in movers]
        moves_id = m.ELY_MOVES_ONE if len(judged.members) == 1 else m.ELY_MOVES
        message = Message(moves_id, {**args, "date": date, "moves": moves})
        return Check("single_ely_area", "warn", found, message)
    pass_id = m.ELY_PASS_ONE if len(judged.members) == 1 else m.ELY_PASS
    return Check("single_ely_area", "pass", found, Message(pass_id, args))


def _share(
    app,
    others: tuple[Together, int],
    judged: Judged,
    ely: str,
    data: ScreeningData,
    values,
    justification: str,
):
    target = values["target_group_share_of_unemployed"]
    maximum = values["ely_customer_share_max"]
    month = data.round.statistics_month
    given = app.get("estimated_customers")
    new_part = given if given is not None else estimate(judged.new, data, target.value)
    existing_part = estimate(judged.existing, data, target.value)
    own = new_part + existing_part
    earlier = {
        a.number: estimate(a.members, data, target.value)
        for a in data.earlier_areas.values()
        if a.ely_code == ely and (judged.area is None or a.number != judged.area.number)
    }
    together, index = others
    others_count, others_sum, other_parts = together.others_in(ely, index)
    total = own + sum(earlier.values()) + others_sum
    denominator = data.ely_unemployed.get(ely, 0)
    share = total / denominator if denominator else 0.0
    new_source = (
        Message(m.OWN_BY_APPLICANT)
        if given is not None
        else Message(m.OWN_BY_SYSTEM, {"unemployed": _unemployed(judged.new, data), "month": month})
    )
    own_source = (
        new_source
        if judged.area is None
        else Message(m.OWN_ENLARGED, {"new": new_part, "new_source": new_source, "existing": existing_part})
    )
    breakdown = Message(
        m.SHARE_BREAKDOWN,
        {
            "own": own,
            "own_source": own_source,
            "earlier": sum(earlier.values()),
            "others": others_sum,
            "ely_unemployed": denominator,
            "month": month,
            "target_share": percent(target.value),
            "source": Message(m.STATISTICS_SOURCE),
        },
    )
    found = {
        "ely_code": ely,
        "statistics_month": month,
        "estimated_customers": own,
        "customers_estimated_by_system": given is None,
        "earlier_areas": earlier,
        "other_applications": other_parts,
        "other_applications_count": others_count,
        "other_applications_customers": others_sum,
        "pilot_customers": total,
        "ely_unemployed": denominator,
        "share": round(share, 4),
        "without_figure": [c for c in judged.codes if data.municipalities[c].unemployed is None],
        "source": STATISTICS_SOURCE,
    }
    args = {
        "ely": data.ely_names.get(ely, {"fi": ely}),
        "total": total,
        "share": percent(share),
        "maximum": percent(maximum.value),
        "breakdown": breakdown,
    }
    used = (ParameterUse.of(maximum), ParameterUse.of(target))
    if share <= maximum.value:
        check = Check("ely_customer_share", "pass", found, Message(m.SHARE_PASS, args), used)
    elif justification:
        message = Message(m.SHARE_WARN_JUSTIFIED, {**args, "justification": justification})
        check = Check("ely_customer_share", "warn", found, message, used)
    else:
        check = Check("ely_customer_share", "warn", found, Message(m.SHARE_WARN, args), used)
    return check, own, given is None, share


def _unemployed(codes, data: ScreeningData) -> int:
    return sum(data.municipalities[c].unemployed or 0 for c in codes)


def _own_resourcing(app: dict, judged: Judged, share) -> Check:
    declared = app.get("own_resourcing")
    expenditure = app.get("lms_expenditure_2018_eur") or {}
    used = (ParameterUse.of(share),)
    found = {
        "eur_per_year": declared["eur_per_year"] if declared else None,
        "person_years": declared["person_years"] if declared else None,
        "lms_expenditure_2018_eur": expenditure,
    }
    if not expenditure:
        return Check(
            "own_resourcing", "info", found, Message(m.RESOURCING_INFO, {"share": percent(share.value)}), used
        )
    total = sum(expenditure.values())
    reference = total * share.value
    found |= {
        "reference_eur": round(reference, 2),
        "without_figure": [c for c in judged.new if c not in expenditure],
    }
    args = {"share": percent(share.value), "expenditure": euros(total), "reference": euros(reference)}
    if declared is None:
        return Check("own_resourcing", "warn", found, Message(m.RESOURCING_NONE, args), used)
    args |= {"eur": euros(declared["eur_per_year"]), "person_years": decimal_texts(declared["person_years"])}
    status, msgid = (
        ("pass", m.RESOURCING_PASS) if declared["eur_per_year"] >= reference else ("warn", m.RESOURCING_WARN)
    )
    return Check("own_resourcing", status, found, Message(msgid, args), used)


def missing_items(app: dict, joint: bool, lead_in_area: bool, needs_justification: bool) -> list[str]:
    """The form items (R-APP-2) an application lacks, by code; an empty string is missing."""
    missing = []
    if not text(app.get("name")):
        missing.append("name")
    if not lead_in_area:
        missing.append("lead")
    if app.get("extends_area") and app.get("extension_consent") is None:
        missing.append("extension_consent")
    if app.get("own_resourcing") is None:
        missing.append("own_resourcing")
    missing.extend(item for item in TEXT_ITEMS[:2] if not text(app.get(item)))
    if joint and not text(app.get("division_of_work")):
        missing.append("division_of_work")
    negotiations = app.get("negotiations") or {}
    if not negotiations.get("ely_centre"):
        missing.append("negotiations_ely")
    if not negotiations.get("te_office"):
        missing.append("negotiations_te")
    if not text(app.get("premises")):
        missing.append("premises")
    if needs_justification:
        missing.append("justification")
    return missing


def _form_complete(app: dict, judged: Judged, needs_justification: bool) -> Check:
    joint = len(judged.members) > 1
    missing = missing_items(app, joint, app.get("lead") in judged.codes, needs_justification)
    found = {"missing": missing}
    if not missing:
        return Check("form_complete", "pass", found, Message(m.FORM_PASS))
    items = [Message(m.ITEMS[code]) for code in missing]
    return Check("form_complete", "fail", found, Message(m.FORM_FAIL, {"items": items}))


def _no_overlap(app: dict, others: tuple[Together, int], judged: Judged, data: ScreeningData) -> Check:
    problems: list[Message] = []
    found: dict = {
        "in_earlier_areas": {},
        "in_other_applications": {},
        "in_other_applications_count": {},
        "extension_consent": None,
    }
    for code in judged.new:
        mun = data.municipalities[code]
        for area in data.earlier_areas.values():
            if code in area.members:
                found["in_earlier_areas"][code] = area.number
                args = {"name": mun.names(), "code": code, "area_no": area.number}
                problems.append(Message(m.OVERLAP_IN_AREA, args))
        together, index = others
        listing = together.listing_others(code, index)
        if listing:
            found["in_other_applications_count"][code] = len(listing)
        for other_name in listing[:OTHERS_NAMED]:  # named up to ten; all counted
            found["in_other_applications"].setdefault(code, []).append(other_name)
            args = {"name": mun.names(), "code": code, "other": other_name}
            problems.append(Message(m.OVERLAP_IN_OTHER, args))
    if judged.area is not None:
        found["extension_consent"] = app.get("extension_consent")
        if app.get("extension_consent") is not True:
            problems.append(Message(m.OVERLAP_NO_CONSENT, {"area_no": judged.area.number}))
    if problems:
        return Check("no_overlap", "fail", found, Message(m.OVERLAP_FAIL, {"problems": problems}))
    if judged.area is not None:
        return Check(
            "no_overlap", "pass", found, Message(m.OVERLAP_PASS_ENLARGEMENT, {"area_no": judged.area.number})
        )
    return Check("no_overlap", "pass", found, Message(m.OVERLAP_PASS))
