"""Overdracht binnen het team en transfer naar een andere organisatie (Nederlands)."""

MESSAGES: dict[str, str] = {
    "field.handover_note": "Overdrachtsnota",
    "gdpr.section.handover_note": "Overdrachtsnota's",
    "gdpr.field.from_user": "Overgedragen door (gebruiker)",
    "gdpr.field.from_name": "Overgedragen door",
    "gdpr.field.to_users": "Overgedragen aan",
    "gdpr.field.handed_over_on": "Datum van de overdracht",
    "gdpr.field.acknowledged_by": "Gelezen door",
    "case.closure.transfer": "transfer naar een andere organisatie",
    "handover.same_responsible": "het dossier is al toevertrouwd aan deze casemanager (of dit duo)",
    "handover.not_addressed": "deze overdrachtsnota is niet aan u gericht",
    "handover.cli.done": "Dossier toevertrouwd aan {names}: {visits} en {procedures} gaan naar "
                         "hun dag. Overdrachtsnota: {id}",
    "handover.cli.visits.one": "{n} gepland bezoek",
    "handover.cli.visits.other": "{n} geplande bezoeken",
    "handover.cli.procedures.one": "{n} aanvraag",
    "handover.cli.procedures.other": "{n} aanvragen",
    "handover.cli.acknowledged": "Overdrachtsnota gelezen.",
    "handover.cli.already": "Deze overdrachtsnota was al gelezen.",
    "handover.cli.none": "Geen overdrachtsnota te lezen.",
    "handover.cli.from": "Overdracht van {date} door {name}",
    "transfer.organisation_unknown": "geen dienst “{name}” in het adresboek: voeg hem eerst "
                                     "toe, of geef zijn id",
    "transfer.organisation_ambiguous": "{n} diensten in het adresboek heten “{name}”: geef "
                                       "de id",
    "transfer.output_suffix": "het transferpakket is een .zip-bestand",
    "transfer.consent_missing": "de patiënt heeft niet ingestemd met delen met deze "
                                "organisatie: registreer de toestemming (delen met een "
                                "zorgverlener) of geef de reden van de afwijking",
    "transfer.pack_unreadable": "dit bestand is geen leesbaar transferpakket",
    "transfer.cli.done": "Transferpakket geschreven: {path}. Dossier afgesloten (transfer naar "
                         "{organisation}).",
    "doc.transfer.title": "Transfer van de begeleiding",
    "doc.transfer.to": "Ter attentie van {name}",
    "doc.transfer.about": "Betreft: {patient}, geboren op {date}",
    "doc.transfer.about_no_birth": "Betreft: {patient}",
    "doc.transfer.intro": "Wij dragen de casemanagement-begeleiding van deze persoon aan u "
                          "over; onze dienst begeleidt hem of haar sinds {date}. Ons dossier "
                          "wordt vandaag afgesloten.",
    "doc.transfer.intro_no_date": "Wij dragen de casemanagement-begeleiding van deze persoon "
                                  "aan u over. Ons dossier wordt vandaag afgesloten.",
    "doc.transfer.basis_consent": "De persoon heeft op {date} ingestemd met het delen van "
                                  "het dossier met uw organisatie.",
    "doc.transfer.basis_care": "Het dossier wordt u bezorgd in het kader van de zorg die de "
                               "persoon van uw dienst krijgt.",
    "doc.transfer.basis_override": "Het dossier wordt u bezorgd zonder geregistreerde "
                                   "toestemming, om een reden die in ons "
                                   "toestemmingsregister staat.",
    "doc.transfer.note": "Nota voor de organisatie die de begeleiding overneemt",
    "doc.transfer.enclosed": "Bijlagen",
    "doc.transfer.file.summary.pdf": "professionele samenvatting",
    "doc.transfer.file.record.fhir.json": "dossier in FHIR R4-formaat (Bundle)",
    "doc.transfer.file.manifest.json": "lijst van de bestanden met SHA-256-vingerafdrukken",
    "doc.transfer.closing": "Wij zijn graag bereid om erover te praten. Met vriendelijke "
                            "groeten,",
}
