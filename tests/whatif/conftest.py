import pytest

from kuntakokeilu.customers.synthetic import generate


@pytest.fixture
def generated(db):
    """400 synthetic job seekers on the real municipalities (seed 13): the population of the what-ifs."""
    generate(400, seed=13)
