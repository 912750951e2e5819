"""Demo step of the customers app: synthetic job seekers on real places (R-TG-1).

Identity codes use individual numbers 900–999 (the temporary range), so they are recognisably not real
people's codes. The rows go through the CSV import (docs/formats/job_seekers.md), so a second run changes
nothing. Loviisa is outside the pilot; Porvoo's job seekers are served in Swedish.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from .identity import make_henkilotunnus
from .importer import COLUMNS, import_job_seekers

D = dt.date

# (birth date, individual number, last name, first names, language, [rows of facts from a date])
PEOPLE = [
    (D(1978, 5, 14), 901, "Lahtinen", "Mikael", "fi", [
        {"valid_from": "2021-01-01", "kotikunta": "091", "mother_tongue": "fi", "immigrant": "false",
         "status": "unemployed", "earnings_related_entitlement": "true", "job_search_start": "2020-11-02"},
    ]),
    (D(1985, 9, 2), 902, "Warsame", "Hodan", "fi", [
        {"valid_from": "2021-01-01", "kotikunta": "091", "mother_tongue": "so", "immigrant": "true",
         "status": "unemployed", "earnings_related_entitlement": "true", "job_search_start": "2020-09-14"},
        {"valid_from": "2022-08-15", "status": "in_service"},
    ]),
    (D(2000, 2, 11), 903, "Nieminen", "Emilia", "fi", [
        {"valid_from": "2021-01-01", "kotikunta": "091", "mother_tongue": "fi", "immigrant": "false",
         "status": "student", "earnings_related_entitlement": "false"},
        {"valid_from": "2022-06-01", "status": "unemployed", "job_search_start": "2022-06-01"},
    ]),
    (D(1990, 7, 23), 904, "Kovalenko", "Oleksandr", "fi", [
        {"valid_from": "2022-04-15", "residence": "091", "mother_tongue": "uk", "immigrant": "true",
         "status": "unemployed", "earnings_related_entitlement": "false", "temporary_protection": "true",
         "job_search_start": "2022-04-20"},
    ]),
    (D(1967, 11, 30), 905, "Mäkelä", "Ville", "fi", [
        {"valid_from": "2021-01-01", "kotikunta": "049", "mother_tongue": "fi", "immigrant": "false",
         "status": "employed", "earnings_related_entitlement": "true", "change_security_55": "false"},
        {"valid_from": "2023-04-03", "status": "laid_off", "change_security_55": "true",
         "change_security_notice_date": "2023-02-01", "job_search_start": "2023-04-03"},
    ]),
    (D(1995, 3, 8), 906, "Lehtonen", "Anna", "fi", [
        {"valid_from": "2021-01-01", "kotikunta": "049", "mother_tongue": "fi", "immigrant": "false",
         "status": "employed", "earnings_related_entitlement": "true"},
        {"valid_from": "2022-06-01", "status": "at_risk", "job_search_start": "2022-06-01"},
    ]),
    (D(1993, 1, 20), 907, "Räsänen", "Aleksi", "fi", [
        {"valid_from": "2021-01-01", "kotikunta": "049", "mother_tongue": "ru", "immigrant": "false",
         "status": "unemployed", "earnings_related_entitlement": "true", "job_search_start": "2020-12-01",
         "job_search_end": "2023-09-30"},
        {"valid_from": "2023-05-01", "kotikunta": "091"},
    ]),
    (D(1988, 4, 19), 908, "Nyström", "Johan", "sv", [
        {"valid_from": "2021-01-01", "kotikunta": "638", "mother_tongue": "sv", "immigrant": "false",
         "status": "unemployed", "earnings_related_entitlement": "false", "job_search_start": "2020-10-05"},
    ]),
    (D(1999, 12, 1), 909, "Holmberg", "Sofia", "sv", [
        {"valid_from": "2021-01-01", "kotikunta": "638", "mother_tongue": "sv", "immigrant": "false",
         "status": "in_service", "earnings_related_entitlement": "false", "job_search_start": "2020-08-17"},
    ]),
    (D(1972, 8, 15), 910, "Kemppainen", "Jari", "fi", [
        {"valid_from": "2021-01-01", "kotikunta": "205", "mother_tongue": "fi", "immigrant": "false",
         "status": "unemployed", "earnings_related_entitlement": "false", "job_search_start": "2019-03-11"},
    ]),
    (D(1980, 6, 6), 911, "Ekholm", "Kristina", "sv", [
        {"valid_from": "2021-01-01", "kotikunta": "434", "mother_tongue": "sv", "immigrant": "false",
         "status": "unemployed", "earnings_related_entitlement": "false", "job_search_start": "2021-02-01"},
    ]),
]  # fmt: skip


def demo_csv() -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, restval="", lineterminator="\n")
    writer.writeheader()
    for birth, number, last, first, language, rows in PEOPLE:
        for facts in rows:
            writer.writerow(
                {
                    "henkilotunnus": make_henkilotunnus(birth, number),
                    "last_name": last,
                    "first_name": first,
                    "service_language": language,
                    **facts,
                }
            )
    return out.getvalue().encode()


def run(today):
    report = import_job_seekers(demo_csv(), source="demo")
    yield ""
    if report.changed:
        yield (
            f"Demo job seekers: {report.persons_created} created, {report.persons_updated} updated, "
            f"{report.facts_created + report.facts_corrected} facts stored."
        )
    else:
        yield "Demo job seekers: no change (already loaded)."
