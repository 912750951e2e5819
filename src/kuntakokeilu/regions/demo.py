"""Demo step of the regions app: the real reference data."""

from .services import load_reference_data


def run(today):
    report = load_reference_data()
    yield "Reference data: " + ("loaded." if report.changed else "already up to date.")
