"""De leesbare teksten van de FHIR-export (Nederlands); de codes blijven codes."""

MESSAGES: dict[str, str] = {
    "fhir.episode.type": "casemanagement",
    "fhir.concertation.type": "multidisciplinair overleg",
    "fhir.communication.note": "logboeknotitie",
    "fhir.communication.note_author": "geschreven door {author}",
    "fhir.communication.addendum": "aanvulling bij een bezoeknotitie",
    "fhir.communication.gp_feedback": "terugkoppeling naar de huisarts",
    "fhir.plan.title": "Zorg- en ondersteuningsplan, versie {version}",
    "fhir.attachment": "bijlage",
    "fhir.attachment.consent_evidence": "schriftelijk bewijs van toestemming",
    "fhir.snapshot.type": "gedateerde ecomap",
    "fhir.snapshot.title": "ecomap van {date}",
    "fhir.consent.override": "verwerking zonder toestemming, in de gevallen waarin de wet dat "
                             "toelaat (reden geregistreerd)",
}
