"""`kuntakokeilu evaluate` refuses a bad specification before it writes anything (R-EVAL-3)."""

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.nodb


def test_bad_spec_file_is_refused_and_nothing_is_written(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "outcome: unemployment_rate_pct\nsample: {start: '2015-01', end: '2023-10'}\n"
        "treatment: {start: '2014-03'}\nseed: 1\n",
        encoding="utf-8",
    )
    with pytest.raises(CommandError, match=r"treatment\.start"):
        call_command("evaluate", spec=bad, out=tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_missing_spec_file_is_refused(tmp_path):
    with pytest.raises(CommandError, match="Cannot read the specification"):
        call_command("evaluate", spec=tmp_path / "none.yaml", out=tmp_path / "out")


def test_the_command_words_errors_in_the_language_asked(tmp_path):
    """R-EVAL-3: the same message ids as the page, here in Swedish."""
    with pytest.raises(CommandError, match=r"Specifikationen .* kan inte läsas"):
        call_command("evaluate", spec=tmp_path / "none.yaml", out=tmp_path / "out", lang="sv")
