MESSAGES: dict[str, str] = {
    "field.organisation_name": "Naam van de organisatie",
    "field.case_manager_phone": "Telefoon van de casemanager",
    "field.case_manager_email": "E-mail van de casemanager",
    "settings.not_set": "(niet ingesteld)",
    "settings.unknown": "onbekende instelling “{name}” (mogelijke instellingen: {names})",
    "settings.set_format": "schrijf --set NAAM=WAARDE (ontvangen: “{value}”)",
}
