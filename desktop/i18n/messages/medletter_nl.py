"""The letter asking for a medication review (issue 19, item 2)."""

MESSAGES = {
    "medication.review_none": "geen enkel geneesmiddel is gemarkeerd als “herziening gevraagd” aan {who}",
    "doc.medletter.title": "Vraag om herziening van de geneesmiddelen",
    "doc.medletter.to.gp": "Ter attentie van dokter {name}",
    "doc.medletter.to.pharmacist": "Ter attentie van {name}",
    "doc.medletter.to_blank.gp": "Ter attentie van dokter ……………………………",
    "doc.medletter.to_blank.pharmacist": "Ter attentie van apotheek ……………………………",
    "doc.medletter.about": "Betreft: {patient}, geboren op {date}",
    "doc.medletter.about_no_birth": "Betreft: {patient}",
    "doc.medletter.greeting.gp": "Geachte dokter,",
    "doc.medletter.greeting.pharmacist": "Geachte apotheker,",
    "doc.medletter.intro": "Ik ben casemanager van uw patiënt. Kunt u de geneesmiddelen hieronder samen met hem of haar herzien? Dit is wat wij genoteerd hebben.",
    "doc.medletter.list": "Te herzien geneesmiddelen",
    "doc.medletter.source": "Genoteerd volgens",
    "doc.medletter.checked_on": "Nagekeken op",
    "doc.medletter.question": "Mijn vraag",
    "doc.medletter.closing": "Dank u voor uw hulp. U kunt mij altijd contacteren. Met vriendelijke groeten,",
}
