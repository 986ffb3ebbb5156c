"""The letter asking for a medication review (issue 19, item 2)."""

MESSAGES = {
    "medication.review_none": "aucun médicament n'est marqué « révision demandée » pour {who}",
    "doc.medletter.title": "Demande de révision des médicaments",
    "doc.medletter.to.gp": "À l'attention du Dr {name}",
    "doc.medletter.to.pharmacist": "À l'attention de {name}",
    "doc.medletter.to_blank.gp": "À l'attention du Dr ……………………………",
    "doc.medletter.to_blank.pharmacist": "À l'attention de la pharmacie ……………………………",
    "doc.medletter.about": "Concerne : {patient}, né(e) le {date}",
    "doc.medletter.about_no_birth": "Concerne : {patient}",
    "doc.medletter.greeting.gp": "Docteur,",
    "doc.medletter.greeting.pharmacist": "Madame, Monsieur,",
    "doc.medletter.intro": "Je suis gestionnaire de cas auprès de votre patient(e). Pourriez-vous revoir avec lui ou elle les médicaments ci-dessous ? Voici ce que nous avons noté.",
    "doc.medletter.list": "Médicaments à revoir",
    "doc.medletter.source": "Noté d'après",
    "doc.medletter.checked_on": "Vérifié le",
    "doc.medletter.question": "Ma question",
    "doc.medletter.closing": "Merci de votre aide. Je reste joignable pour en parler. Bien cordialement,",
}
