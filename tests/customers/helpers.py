"""Test data shared by the customers tests and the browser tests: job seekers imported from CSV rows, and
customers written in bulk."""

import csv
import datetime as dt
import io

from kuntakokeilu.customers.identity import make_henkilotunnus
from kuntakokeilu.customers.importer import COLUMNS, import_job_seekers
from kuntakokeilu.customers.models import Customership, Ground, Person, Responsible
from kuntakokeilu.regions.models import Municipality, TeOffice

START = dt.date(2021, 3, 1)  # the pilot's start


def load(*rows: dict, source: str = "test.csv") -> None:
    """Import the rows (column name -> value; missing columns empty) as one register CSV file."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, restval="", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    import_job_seekers(out.getvalue().encode(), source=source)


def bulk_customers(kunta_code: str, spans, *, responsible=Responsible.MUNICIPALITY, first_number=100):
    """One person per (valid_from, valid_to) span, responsible the municipality (or, with `responsible` TE
    office, the Kainuu TE office) — bulk rows, as the initial transfer writes them."""
    municipality = Municipality.objects.get(code=kunta_code)
    office = TeOffice.objects.get(code="14") if responsible == Responsible.TE_OFFICE else None
    persons, rows = [], []
    for i, (start, end) in enumerate(spans):
        born = dt.date(1980, 1, 1) + dt.timedelta(days=i)
        person = Person(
            henkilotunnus=make_henkilotunnus(born, first_number + i),
            birth_date=born,
            first_name="Testi",
            last_name=f"Aggregaatti {kunta_code}-{i}",
            service_language="fi",
        )
        persons.append(person)
        rows.append(
            Customership(
                person=person,
                responsible=responsible,
                municipality=municipality if office is None else None,
                te_office=office,
                valid_from=start,
                valid_to=end,
                ground=Ground.INITIAL_TRANSFER,
            )
        )
    Person.objects.bulk_create(persons)
    Customership.objects.bulk_create(rows)
