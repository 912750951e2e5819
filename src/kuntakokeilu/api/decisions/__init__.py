"""Benefit decisions through the API (issue 18 item 2; R-BEN-1, R-X-1, R-X-2): a person's decisions and
preparing one, a decision, and accepting, cancelling and correcting it (`decisions.py`). The same catalogue
actions and domain calls as the pages (`decisions.services`, `decisions.queries`); every answer with a
person's data writes the access log in its transaction; refusals are localised JSON errors and change
nothing."""

from .decisions import DecisionAccept, DecisionCancel, DecisionCorrect, DecisionDetail, PersonDecisions

__all__ = ["DecisionAccept", "DecisionCancel", "DecisionCorrect", "DecisionDetail", "PersonDecisions"]
