"""Shared by the fuzzing tests (schemathesis over the API, hypothesis over the rules console and the
job-seeker import): the hypothesis settings that keep them bounded and repeatable in CI, and the count of
cases each ran, printed at the end of the run (tests/conftest.py), so that any run's output shows them."""

from __future__ import annotations

from collections import Counter

from hypothesis import HealthCheck, Phase, settings

# Cases run, by target (e.g. "schemathesis anonymous"); printed by tests/conftest.py's terminal summary.
CASES: Counter[str] = Counter()


def bounded(max_examples: int) -> settings:
    """At most `max_examples` examples, no deadline (a request or a database round trip may be slow on a
    loaded CI machine) and derandomized: the same examples on every run, so CI is repeatable. A failure is
    still shrunk to its smallest example."""
    return settings(
        max_examples=max_examples,
        deadline=None,
        derandomize=True,
        database=None,
        phases=(Phase.explicit, Phase.generate, Phase.shrink),
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
    )


def summary_lines() -> list[str]:
    return [f"{target}: {count} cases" for target, count in sorted(CASES.items())]
