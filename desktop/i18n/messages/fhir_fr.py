"""Les textes lisibles de l'export FHIR (français, la référence) ; ses codes restent des codes."""

MESSAGES: dict[str, str] = {
    "fhir.episode.type": "gestion de cas",
    "fhir.concertation.type": "concertation multidisciplinaire",
    "fhir.communication.note": "note du journal",
    "fhir.communication.note_author": "rédigée par {author}",
    "fhir.communication.addendum": "complément à une note de visite",
    "fhir.communication.gp_feedback": "retour au médecin traitant",
    "fhir.plan.title": "Plan d'aide et de soins, version {version}",
    "fhir.attachment": "pièce jointe",
    "fhir.attachment.consent_evidence": "preuve écrite du consentement",
    "fhir.snapshot.type": "écocarte datée",
    "fhir.snapshot.title": "écocarte du {date}",
    "fhir.consent.override": "traitement sans consentement, dans les cas où la loi le permet "
                             "(motif consigné)",
}
