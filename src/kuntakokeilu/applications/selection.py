"""What a set of ticked applications would mean (R-APP-5): cumulative ELY shares, size classes, bilingualism.

Pure: the ticked applications are rule inputs (`services.application_item`), `data` the round's snapshot.
Customers are counted as the screening counts them (`screening`): areas selected in earlier rounds by the
system's estimate, each ticked application by its own estimate or the system's, an enlarged area's earlier
members once.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from kuntakokeilu.rules.messages import format_int
from kuntakokeilu.rules.parameters import ParameterStore

from .queries import ScreeningData
from .screening import application_ely, estimate, judged_area, percent

# (upper bound exclusive, label); the last class is open.
SIZE_CLASSES = (
    (50_000, _("under 50,000")),
    (100_000, _("50,000–100,000")),
    (250_000, _("100,000–250,000")),
    (None, _("over 250,000")),
)


@dataclass(frozen=True)
class ElyShare:
    code: str
    names: dict[str, str]
    customers: int
    unemployed: int
    share: float
    over: bool

    def share_text(self, lang: str) -> str:
        return percent(self.share)[lang]


@dataclass(frozen=True)
class Summary:
    elys: tuple[ElyShare, ...]
    size_classes: tuple[tuple[str, int], ...]  # (label, number of ticked areas)
    bilingual: tuple[str, ...]  # codes of the bilingual municipalities in the ticked applications
    maximum: float

    def to_json(self, lang: str) -> dict:
        return {
            "elys": [
                {
                    "code": e.code,
                    "customers": e.customers,
                    "customers_text": format_int(e.customers, lang),
                    "share": round(e.share, 4),
                    "share_text": e.share_text(lang),
                    "over": e.over,
                }
                for e in self.elys
            ],
            "size_classes": [count for _label, count in self.size_classes],
            "bilingual": len(self.bilingual),
        }


def size_class(population: int) -> int:
    for index, (bound, _label) in enumerate(SIZE_CLASSES):
        if bound is None or population < bound:
            return index
    return len(SIZE_CLASSES) - 1


def summarise(ticked: list[dict], data: ScreeningData, params: ParameterStore) -> Summary:
    on = data.round.opens
    target = params.value("selection.target_group_share_of_unemployed", on)
    maximum = params.value("selection.ely_customer_share_max", on)
    customers: dict[str, int] = {}
    enlarged = set()
    counts = [0] * len(SIZE_CLASSES)
    bilingual: list[str] = []
    for item in ticked:
        judged = judged_area(item, data)
        ely = application_ely(item, judged)
        given = item.get("estimated_customers")
        own = (given if given is not None else estimate(judged.new, data, target)) + estimate(
            judged.existing, data, target
        )
        customers[ely] = customers.get(ely, 0) + own
        if judged.area is not None:
            enlarged.add(judged.area.number)
        counts[size_class(sum(x.population or 0 for x in judged.members))] += 1
        bilingual.extend(x.code for x in judged.members if x.bilingual and x.code in judged.new)
    for area in data.earlier_areas.values():
        if area.number not in enlarged:
            customers[area.ely_code] = customers.get(area.ely_code, 0) + estimate(area.members, data, target)
    elys = []
    for code in sorted(set(customers) | {c for c, n in data.ely_unemployed.items() if n}):
        unemployed = data.ely_unemployed.get(code, 0)
        share = customers.get(code, 0) / unemployed if unemployed else 0.0
        names = data.ely_names.get(code, {"fi": code})
        elys.append(ElyShare(code, names, customers.get(code, 0), unemployed, share, share > maximum))
    labels = tuple((str(label), count) for (_bound, label), count in zip(SIZE_CLASSES, counts, strict=True))
    return Summary(tuple(elys), labels, tuple(sorted(set(bilingual))), maximum)
