"""The FHIR export's human-readable texts (English); its codes and systems stay as they are."""

MESSAGES: dict[str, str] = {
    "fhir.episode.type": "case management",
    "fhir.concertation.type": "multidisciplinary concertation",
    "fhir.communication.note": "journal note",
    "fhir.communication.note_author": "by {author}",
    "fhir.communication.addendum": "visit addendum",
    "fhir.communication.gp_feedback": "feedback to the GP",
    "fhir.plan.title": "Care and support plan, version {version}",
    "fhir.attachment": "attachment",
    "fhir.attachment.consent_evidence": "signed consent evidence",
    "fhir.snapshot.type": "ecomap snapshot",
    "fhir.snapshot.title": "ecomap of {date}",
    "fhir.consent.override": "processing without consent where the law allows it "
                             "(reason recorded)",
}
