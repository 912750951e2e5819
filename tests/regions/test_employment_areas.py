"""Employment areas (R-REF-1, R-REF-2; issue 14 item 7; Act 380/2023, law notes §7.3): a dated
organisation with dated member municipalities, loaded from `regions/data/employment_areas.csv` with each
area's source; only verified areas are shipped (the four municipalities that organise the services alone,
TEM 22.2.2024)."""

import datetime as dt
import shutil

import pytest

from kuntakokeilu.regions.models import EmploymentArea, EmploymentAreaMember
from kuntakokeilu.regions.queries import employment_area_of
from kuntakokeilu.regions.services import (
    DATA_DIR,
    EMPLOYMENT_AREAS_FILE,
    ReferenceDataError,
    load_reference_data,
)

pytestmark = pytest.mark.django_db


def test_the_shipped_areas_with_their_source():
    assert set(EmploymentArea.objects.values_list("code", flat=True)) == {
        "helsinki",
        "vantaa",
        "lahti",
        "kouvola",
    }
    assert all("valtioneuvosto.fi" in a.source for a in EmploymentArea.objects.all())
    helsinki = employment_area_of("091", dt.date(2025, 1, 1))
    assert helsinki.names() == {"fi": "Helsingin kaupunki", "sv": "Helsingfors stad"}
    assert employment_area_of("091", dt.date(2024, 12, 31)) is None  # the areas begin on 1.1.2025
    assert employment_area_of("049", dt.date(2025, 1, 1)) is None  # Espoo: not verified, not shipped


def test_without_the_file_no_area_is_loaded(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    (data / EMPLOYMENT_AREAS_FILE).unlink()
    load_reference_data(data)
    assert not EmploymentArea.objects.exists() and not EmploymentAreaMember.objects.exists()
    assert load_reference_data().tables["EmploymentArea"].created == 4


@pytest.mark.parametrize(
    "row, words",
    [
        ("espoo,Espoo,Esbo,2025-01-01,,999,TEM", "unknown municipality '999'"),
        ("espoo,Espoo,Esbo,1.1.2025,,049,TEM", "not a date"),
        ("espoo,Espoo,Esbo,2025-01-01,,049,", "its source"),
        ("espoo,Espoo,Esbo,2025-01-01,,091,TEM", "091 is already in helsinki"),
    ],
)
def test_a_bad_row_is_refused_naming_the_line_and_changes_nothing(tmp_path, row, words):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    with (data / EMPLOYMENT_AREAS_FILE).open("a", encoding="utf-8") as fh:
        fh.write(row + "\n")
    with pytest.raises(ReferenceDataError) as refused:
        load_reference_data(data)
    assert f"{EMPLOYMENT_AREAS_FILE} line 6" in str(refused.value) and words in str(refused.value)
    assert EmploymentArea.objects.count() == 4
