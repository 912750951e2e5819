"""The plain-language summary of a run in Finnish, Swedish and English (R-EVAL-3).

It says whether the estimates indicate an effect — judged on the main (baseline and COVID-19) estimates with
trial-area inference — whether the pre-trend test casts doubt on the comparison, and what the public register
data cannot show: register unemployment falls when people move into services (activation).
"""

from __future__ import annotations

from typing import Any

MAIN_VARIANTS = ("baseline", "covid_group_month", "covid_excluded")
# The outcome's name (in the sentence's grammatical case) and unit, per language.
OUTCOME_WORDS = {
    "unemployment_rate_pct": {
        "fi": ("Työttömyysasteen", "prosenttiyksikköä"),
        "sv": ("arbetslöshetsgraden", "procentenheter"),
        "en": ("the unemployment rate", "percentage points"),
    },
    "unemployed_jobseekers": {
        "fi": ("Työttömien työnhakijoiden määrän", "henkilöä kuntaa kohden"),
        "sv": ("antalet arbetslösa arbetssökande", "personer per kommun"),
        "en": ("the number of unemployed job seekers", "persons per municipality"),
    },
    "open_vacancies": {
        "fi": ("Avointen työpaikkojen määrän", "työpaikkaa kuntaa kohden"),
        "sv": ("antalet lediga arbeten", "arbeten per kommun"),
        "en": ("the number of open vacancies", "vacancies per municipality"),
    },
}
# The outcome's name as a label (nominative), per language.
OUTCOME_NAMES = {
    "unemployment_rate_pct": {"fi": "työttömyysaste", "sv": "arbetslöshetsgrad", "en": "unemployment rate"},
    "unemployed_jobseekers": {
        "fi": "työttömät työnhakijat",
        "sv": "arbetslösa arbetssökande",
        "en": "unemployed job seekers",
    },
    "open_vacancies": {"fi": "avoimet työpaikat", "sv": "lediga arbeten", "en": "open vacancies"},
}


def _fmt(x: float, decimal: str) -> str:
    return f"{x:.2f}".replace("-", "−").replace(".", decimal)


def verdict(results: dict[str, Any]) -> dict[str, Any]:
    rows = [
        e for e in results["estimates"] if e["variant"] in MAIN_VARIANTS and "trial area" in e["inference"]
    ]
    significant = [e for e in rows if e["ci_low"] > 0 or e["ci_high"] < 0]
    base = next(e for e in results["estimates"] if e["variant"] == "baseline")
    low = min(e["estimate"] for e in rows)
    high = max(e["estimate"] for e in rows)
    return {
        "any_significant": bool(significant),
        "all_significant": len(significant) == len(rows),
        "base": base["estimate"],
        "low": low,
        "high": high,
        "pre_trend_rejected": results["pre_trend_p_value"] < 0.05,
    }


def summaries(results: dict[str, Any]) -> list[tuple[str, str]]:
    v = verdict(results)
    out = []
    fi_effect = (
        "Arviot eivät osoita kokeilun vaikutusta: kaikkien pää-arvioiden 95 %:n luottamusvälit "
        "sisältävät nollan."
        if not v["any_significant"]
        else "Osa arvioista poikkeaa tilastollisesti merkitsevästi nollasta, mutta eivät kaikki; "
        "tulos riippuu "
        "mallin valinnasta."
        if not v["all_significant"]
        else "Kaikki pää-arviot poikkeavat tilastollisesti merkitsevästi nollasta."
    )
    sv_effect = (
        "Skattningarna visar ingen effekt av försöket: alla huvudskattningars 95 % konfidensintervall "
        "innehåller noll."
        if not v["any_significant"]
        else "En del skattningar avviker statistiskt signifikant från noll, men inte alla; "
        "resultatet beror på "
        "modellvalet."
        if not v["all_significant"]
        else "Alla huvudskattningar avviker statistiskt signifikant från noll."
    )
    en_effect = (
        "The estimates do not indicate an effect of the pilot: the 95 % confidence intervals of all main "
        "estimates include zero."
        if not v["any_significant"]
        else "Some estimates differ significantly from zero, but not all; the result depends on the model."
        if not v["all_significant"]
        else "All main estimates differ significantly from zero."
    )
    fi_pre = (
        "Ennakkotrenditesti hylkää rinnakkaisten trendien oletuksen (p < 0,05): kokeilukuntien kehitys "
        "poikkesi vertailukunnista jo ennen kokeilua, joten arvioihin on suhtauduttava varoen."
        if v["pre_trend_rejected"]
        else "Ennakkotrenditesti ei hylkää rinnakkaisten trendien oletusta."
    )
    sv_pre = (
        "Testet av trender före försöket förkastar antagandet om parallella trender (p < 0,05): "
        "försökskommunerna utvecklades annorlunda redan före försöket, så skattningarna ska tolkas "
        "med försiktighet."
        if v["pre_trend_rejected"]
        else "Testet av trender före försöket förkastar inte antagandet om parallella trender."
    )
    en_pre = (
        "The joint pre-trend test rejects parallel trends (p < 0.05): the pilot municipalities already "
        "developed differently before the pilot, so the estimates must be read with caution."
        if v["pre_trend_rejected"]
        else "The joint pre-trend test does not reject parallel trends."
    )
    words = OUTCOME_WORDS[results["spec"]["outcome"]]
    rng_fi = f"{_fmt(v['low'], ',')}…{_fmt(v['high'], ',')}"
    rng_en = f"{_fmt(v['low'], '.')} to {_fmt(v['high'], '.')}"
    out.append(
        (
            "fi",
            f"{fi_effect} {words['fi'][0]} muutos kokeilukunnissa verrattuna muihin manner-Suomen "
            f"kuntiin oli pää-arvioissa {rng_fi} {words['fi'][1]}. {fi_pre} Rekisteripohjainen "
            "työttömyys laskee myös, kun työttömiä ohjataan palveluihin (esim. työvoimakoulutukseen); "
            "nämä julkiset tilastot eivät erota sitä työllistymisestä. Arvio koskee kuntatasoa, ei "
            "yksittäisiä asiakkaita.",
        )
    )
    out.append(
        (
            "sv",
            f"{sv_effect} Förändringen i {words['sv'][0]} i försökskommunerna jämfört med övriga "
            f"kommuner i Fastlandsfinland var i huvudskattningarna {rng_fi} {words['sv'][1]}. {sv_pre} "
            "Den registerbaserade arbetslösheten sjunker också när arbetslösa hänvisas till tjänster "
            "(t.ex. arbetskraftsutbildning); dessa offentliga data kan inte skilja det från "
            "sysselsättning. Skattningen gäller kommunnivån, inte enskilda kunder.",
        )
    )
    out.append(
        (
            "en",
            f"{en_effect} The change in {words['en'][0]} of the pilot municipalities relative "
            f"to the other mainland municipalities was {rng_en} {words['en'][1]} in the main "
            f"estimates. {en_pre} Register unemployment also falls when unemployed people move into "
            "services (e.g. labour market training); these public data cannot separate that from "
            "employment. The estimate is at the municipality level, not about individual clients.",
        )
    )
    return out
