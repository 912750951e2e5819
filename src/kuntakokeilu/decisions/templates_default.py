"""The default texts of the decision letters' editable parts, drafted from law notes §7.2 and §4.5 and marked
for legal review (`legal_review_pending`): a request for rectification to the trial municipality, then an
appeal to the administrative court (JTYPL ch. 14, L1269 s. 17; from 1.6.2021 delivered to the trial
municipality, L421); for the discretionary expense compensation an appeal to the Social Security Appeal
Board lodged with the deciding body, which treats it first as a rectification request (L421, 422/2021).

`ensure_defaults(on)` stores them once as the first versions; the area manager or an admin edits them on the
templates page (each edit a new version)."""

from __future__ import annotations

import datetime as dt

from .models import LetterTemplate

VALID_FROM = dt.date(2021, 3, 1)  # the pilot's start

GROUNDS = {
    "fi": (
        "Kokeilukunta tekee päätöksen valtion lukuun (laki työllisyyden edistämisen kuntakokeilusta "
        "1269/2020, 10 §). Päätös perustuu julkisesta työvoima- ja yrityspalvelusta annettuun lakiin "
        "(916/2012) ja seuraaviin päätöspäivänä voimassa olleisiin ehtoihin:"
    ),
    "sv": (
        "Försökskommunen fattar beslutet för statens räkning (lagen om kommunförsök för främjande av "
        "sysselsättningen 1269/2020, 10 §). Beslutet grundar sig på lagen om offentlig arbetskrafts- och "
        "företagsservice (916/2012) och på följande villkor som gällde på beslutsdagen:"
    ),
}
APPEAL_HEADING = {"fi": "Oikaisuvaatimusohje", "sv": "Anvisning om begäran om omprövning"}
APPEAL = {
    "fi": (
        "Tähän päätökseen tyytymätön saa vaatia siihen oikaisua. Oikaisuvaatimus tehdään kirjallisesti 30 "
        "päivän kuluessa päätöksen tiedoksisaannista, ja se toimitetaan päätöksen tehneelle kokeilukunnalle "
        "(julkisesta työvoima- ja yrityspalvelusta annettu laki 14 luku; laki 1269/2020, 17 §).\n"
        "Oikaisuvaatimuksessa on ilmoitettava päätös, johon haetaan oikaisua, millaista oikaisua vaaditaan "
        "ja millä perusteilla. Oikaisuvaatimukseen annettuun päätökseen saa hakea muutosta valittamalla "
        "hallinto-oikeuteen.\n"
        "Tiedoksisaannin katsotaan tapahtuneen seitsemäntenä päivänä kirjeen lähettämisestä, jollei muuta "
        "näytetä."
    ),
    "sv": (
        "Den som är missnöjd med detta beslut får begära omprövning av det. Begäran om omprövning ska göras "
        "skriftligen inom 30 dagar från delfåendet av beslutet och lämnas till den försökskommun som har "
        "fattat beslutet (lagen om offentlig arbetskrafts- och företagsservice 14 kap.; lagen 1269/2020, "
        "17 §).\n"
        "I begäran ska anges vilket beslut den gäller, vilken omprövning som begärs och på vilka grunder. "
        "Ändring i beslutet med anledning av begäran om omprövning får sökas genom besvär hos "
        "förvaltningsdomstolen.\n"
        "Delfåendet anses ha skett den sjunde dagen efter att brevet sändes, om inte något annat visas."
    ),
}
EXPENSE_HEADING = {"fi": "Valitusosoitus", "sv": "Besvärsanvisning"}
EXPENSE_APPEAL = {
    "fi": (
        "Harkinnanvaraisen kulukorvauksen epäämiseen viranomaisen harkinnan perusteella ei saa hakea "
        "muutosta. Muuhun kuin tällaiseen päätökseen saa hakea muutosta valittamalla sosiaaliturvan "
        "muutoksenhakulautakuntaan ja edelleen vakuutusoikeuteen.\n"
        "Valitus tehdään kirjallisesti 30 päivän kuluessa päätöksen tiedoksisaannista, ja se toimitetaan "
        "päätöksen tehneelle kokeilukunnalle, joka käsittelee sen ensin oikaisuvaatimuksena "
        "(lait 421/2021 ja 422/2021)."
    ),
    "sv": (
        "Ändring i ett avslag på prövningsbaserad ersättning för resekostnader och uppehälle som grundar sig "
        "på myndighetens prövning får inte sökas. I andra beslut får ändring sökas genom besvär hos "
        "besvärsnämnden för social trygghet och vidare hos försäkringsdomstolen.\n"
        "Besvär ska anföras skriftligen inom 30 dagar från delfåendet av beslutet och lämnas till den "
        "försökskommun som har fattat beslutet, som först behandlar det som en begäran om omprövning "
        "(lagarna 421/2021 och 422/2021)."
    ),
}


def ensure_defaults() -> int:
    """Store the default templates where no version exists; returns how many were created."""
    created = 0
    rows = [(LetterTemplate.ALL, lang, APPEAL_HEADING[lang], APPEAL[lang]) for lang in ("fi", "sv")] + [
        ("expense-compensation", lang, EXPENSE_HEADING[lang], EXPENSE_APPEAL[lang]) for lang in ("fi", "sv")
    ]
    for instrument, lang, heading, text in rows:
        if not LetterTemplate.objects.filter(instrument=instrument, language=lang).exists():
            LetterTemplate.objects.create(
                instrument=instrument,
                language=lang,
                valid_from=VALID_FROM,
                grounds_intro=GROUNDS[lang],
                appeal_heading=heading,
                appeal_text=text,
                legal_review_pending=True,
            )
            created += 1
    return created


def template_for(instrument: str, language: str, on: dt.date) -> LetterTemplate:
    """The template version in force on `on` for the benefit in `language`: the benefit's own before the one
    for all benefits, the latest version first. Stores the defaults if none exist yet."""
    ensure_defaults()
    for name in (instrument, LetterTemplate.ALL):
        found = (
            LetterTemplate.objects.filter(instrument=name, language=language, valid_from__lte=on)
            .order_by("-valid_from", "-id")
            .first()
        )
        if found is not None:
            return found
    return LetterTemplate.objects.filter(language=language).order_by("valid_from", "id").first()  # type: ignore[return-value]
