"""The letter asking for a medication review (issue 19, item 2)."""

MESSAGES = {
    "medication.review_none": "no medicine is marked 'review requested' to {who}",
    "doc.medletter.title": "Request for a medication review",
    "doc.medletter.to.gp": "For the attention of Dr {name}",
    "doc.medletter.to.pharmacist": "For the attention of {name}",
    "doc.medletter.to_blank.gp": "For the attention of Dr ……………………………",
    "doc.medletter.to_blank.pharmacist": "For the attention of the pharmacy ……………………………",
    "doc.medletter.about": "Re: {patient}, born on {date}",
    "doc.medletter.about_no_birth": "Re: {patient}",
    "doc.medletter.greeting.gp": "Dear Doctor,",
    "doc.medletter.greeting.pharmacist": "Dear Pharmacist,",
    "doc.medletter.intro": "I am the case manager of your patient. Could you review the medicines below with them? This is what we have noted.",
    "doc.medletter.list": "Medicines to review",
    "doc.medletter.source": "Noted from",
    "doc.medletter.checked_on": "Checked on",
    "doc.medletter.question": "My question",
    "doc.medletter.closing": "Thank you for your help. I remain available to talk about it. Kind regards,",
}
