MESSAGES: dict[str, str] = {
    "field.organisation_name": "Nom de l'organisation",
    "field.case_manager_phone": "Téléphone du gestionnaire de cas",
    "field.case_manager_email": "E-mail du gestionnaire de cas",
    "settings.not_set": "(non défini)",
    "settings.unknown": "réglage inconnu « {name} » (réglages possibles : {names})",
    "settings.set_format": "écrivez --set NOM=VALEUR (reçu : « {value} »)",
}
