"""Passation dans l'équipe et transfert vers une autre organisation (français)."""

MESSAGES: dict[str, str] = {
    "field.handover_note": "Note de passation",
    # the access export (art. 15) names the table and its fields
    "gdpr.section.handover_note": "Notes de passation",
    "gdpr.field.from_user": "Transmis par (utilisateur)",
    "gdpr.field.from_name": "Transmis par",
    "gdpr.field.to_users": "Transmis à",
    "gdpr.field.handed_over_on": "Date de la passation",
    "gdpr.field.acknowledged_by": "Lu par",
    "case.closure.transfer": "transfert vers une autre organisation",
    "handover.same_responsible": "le dossier est déjà confié à ce gestionnaire de cas (ou ce binôme)",
    "handover.not_addressed": "cette note de passation ne vous est pas adressée",
    "handover.cli.done": "Dossier confié à {names} : {visits} et {procedures} passent dans sa "
                         "journée. Note de passation : {id}",
    "handover.cli.visits.one": "{n} visite prévue",
    "handover.cli.visits.other": "{n} visites prévues",
    "handover.cli.procedures.one": "{n} démarche",
    "handover.cli.procedures.other": "{n} démarches",
    "handover.cli.acknowledged": "Note de passation lue.",
    "handover.cli.already": "Cette note de passation était déjà lue.",
    "handover.cli.none": "Aucune note de passation à lire.",
    "handover.cli.from": "Passation du {date} par {name}",
    "transfer.organisation_unknown": "aucun service « {name} » dans l'annuaire : ajoutez-le "
                                     "d'abord, ou donnez son identifiant",
    "transfer.organisation_ambiguous": "{n} services de l'annuaire s'appellent « {name} » : "
                                       "donnez l'identifiant",
    "transfer.output_suffix": "le dossier de transfert est un fichier .zip",
    "transfer.consent_missing": "le patient n'a pas consenti au partage avec cette "
                                "organisation : enregistrez son consentement (partage avec un "
                                "prestataire) ou donnez le motif de la dérogation",
    "transfer.pack_unreadable": "ce fichier n'est pas un dossier de transfert lisible",
    "transfer.cli.done": "Dossier de transfert écrit : {path}. Dossier clôturé (transfert vers "
                         "{organisation}).",
    # the cover letter (reports read "doc." keys)
    "doc.transfer.title": "Transfert du suivi",
    "doc.transfer.to": "À l'attention de {name}",
    "doc.transfer.about": "Concerne : {patient}, né(e) le {date}",
    "doc.transfer.about_no_birth": "Concerne : {patient}",
    "doc.transfer.intro": "Nous vous transmettons le suivi en gestion de cas de cette personne, "
                          "accompagnée par notre service depuis le {date}. Notre dossier est "
                          "clôturé ce jour.",
    "doc.transfer.intro_no_date": "Nous vous transmettons le suivi en gestion de cas de cette "
                                  "personne. Notre dossier est clôturé ce jour.",
    "doc.transfer.basis_consent": "La personne a consenti le {date} au partage de son dossier "
                                  "avec votre organisation.",
    "doc.transfer.basis_care": "Le dossier vous est transmis dans le cadre des soins que la "
                               "personne reçoit de votre service.",
    "doc.transfer.basis_override": "Le dossier vous est transmis sans consentement enregistré, "
                                   "pour un motif consigné dans notre registre des "
                                   "consentements.",
    "doc.transfer.note": "Note pour l'organisation qui reprend le suivi",
    "doc.transfer.enclosed": "Pièces jointes",
    "doc.transfer.file.summary.pdf": "résumé professionnel",
    "doc.transfer.file.record.fhir.json": "dossier au format FHIR R4 (Bundle)",
    "doc.transfer.file.manifest.json": "inventaire des fichiers et empreintes SHA-256",
    "doc.transfer.closing": "Nous restons à votre disposition pour en parler. Bien cordialement,",
}
