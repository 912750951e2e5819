"""Municipalities, ELY centres, TE offices, maakunnat, trial areas and memberships over time.

R-REF-1, R-REF-2.
"""
