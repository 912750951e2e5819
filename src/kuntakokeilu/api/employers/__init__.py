"""The employer side through the API (issue 17 item 4; R-SP-7, R-X-1, R-X-2): employers and their vacancies
(`employers.py`), a vacancy's presentations (`vacancies.py`), a job seeker's written consents and job offers
with their outcome (`persons.py`). The same catalogue actions and services as the pages
(`kuntakokeilu.employers.services`); answers with a person's data write the access log in their transaction;
refusals are localised JSON errors (400, naming the field) and change nothing."""

from .employers import EmployerList, EmployerVacancies
from .persons import PersonConsents, PersonJobOfferOutcome, PersonJobOffers
from .vacancies import VacancyPresentations

__all__ = [
    "EmployerList",
    "EmployerVacancies",
    "PersonConsents",
    "PersonJobOfferOutcome",
    "PersonJobOffers",
    "VacancyPresentations",
]
