"""R-X-8: the parameters' legal references and sources read in Finnish and Swedish, never in English."""

import re

import pytest

from kuntakokeilu.rules.citations import cite
from kuntakokeilu.rules.parameters import default_store

from ..glossary import ENGLISH_STOP_WORDS

pytestmark = pytest.mark.nodb


def all_references() -> set[str]:
    store = default_store()
    return {v.reference for name in store.parameters for v in store.history(name)}


def test_the_citation_grammar_in_finnish_and_swedish():
    """R-X-8: "s. 23 mom 1 as amended by L287/2022" is "23 § 1 mom." + the amendment in the reader's words."""
    reference = "L1269 s. 23 mom 1 as amended by L287/2022"
    assert cite(reference, "fi") == "L1269 23 § 1 mom. sellaisena kuin se on muutettuna lailla L287/2022"
    assert cite(reference, "sv") == "L1269 23 § 1 mom. i lydelsen enligt L287/2022"
    assert cite(reference, "en") == reference
    assert cite("L1269 s. 4 mom 1 p. 3", "sv") == "L1269 4 § 1 mom. 3 punkten"


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_every_parameter_reference_reads_without_english(lang):
    """R-X-8: no reference of the parameter files keeps an English word in fi/sv."""
    references = all_references()
    assert len(references) > 20
    for reference in references:
        words = set(re.findall(r"[A-Za-z]+", cite(reference, lang)))
        assert not words & ENGLISH_STOP_WORDS, (reference, cite(reference, lang))
