"""Handover inside the team and transfer to another organisation (English)."""

MESSAGES: dict[str, str] = {
    "field.handover_note": "Handover note",
    "gdpr.section.handover_note": "Handover notes",
    "gdpr.field.from_user": "Handed over by (user)",
    "gdpr.field.from_name": "Handed over by",
    "gdpr.field.to_users": "Handed over to",
    "gdpr.field.handed_over_on": "Handover date",
    "gdpr.field.acknowledged_by": "Read by",
    "case.closure.transfer": "transfer to another organisation",
    "handover.same_responsible": "the case is already with this case manager (or pair)",
    "handover.not_addressed": "this handover note is not addressed to you",
    "handover.cli.done": "Case handed over to {names}: {visits} and {procedures} move to "
                         "their Today. Handover note: {id}",
    "handover.cli.visits.one": "{n} planned visit",
    "handover.cli.visits.other": "{n} planned visits",
    "handover.cli.procedures.one": "{n} procedure",
    "handover.cli.procedures.other": "{n} procedures",
    "handover.cli.acknowledged": "Handover note read.",
    "handover.cli.already": "This handover note was already read.",
    "handover.cli.none": "No handover note to read.",
    "handover.cli.from": "Handover of {date} by {name}",
    "transfer.organisation_unknown": "no service “{name}” in the directory: add it first, or "
                                     "give its id",
    "transfer.organisation_ambiguous": "{n} services of the directory are named “{name}”: "
                                       "give the id",
    "transfer.output_suffix": "the transfer pack is a .zip file",
    "transfer.consent_missing": "the patient has not agreed to share the record with this "
                                "organisation: record the consent (sharing with a provider) "
                                "or give the reason for an override",
    "transfer.pack_unreadable": "this file is not a readable transfer pack",
    "transfer.cli.done": "Transfer pack written: {path}. Case closed (transfer to "
                         "{organisation}).",
    "doc.transfer.title": "Transfer of the follow-up",
    "doc.transfer.to": "For the attention of {name}",
    "doc.transfer.about": "Re: {patient}, born on {date}",
    "doc.transfer.about_no_birth": "Re: {patient}",
    "doc.transfer.intro": "We are handing over the case management of this person, whom our "
                          "service has supported since {date}. Our case is closed today.",
    "doc.transfer.intro_no_date": "We are handing over the case management of this person. "
                                  "Our case is closed today.",
    "doc.transfer.basis_consent": "The person agreed on {date} to their record being shared "
                                  "with your organisation.",
    "doc.transfer.basis_care": "The record is sent to you as part of the care the person "
                               "receives from your service.",
    "doc.transfer.basis_override": "The record is sent to you without a recorded consent, for "
                                   "a reason kept in our consent log.",
    "doc.transfer.note": "Note for the organisation taking over",
    "doc.transfer.enclosed": "Enclosed",
    "doc.transfer.file.summary.pdf": "professional summary",
    "doc.transfer.file.record.fhir.json": "the record as FHIR R4 (Bundle)",
    "doc.transfer.file.manifest.json": "list of the files with their SHA-256 fingerprints",
    "doc.transfer.closing": "We remain at your disposal to discuss it. Kind regards,",
}
