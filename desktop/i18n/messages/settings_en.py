MESSAGES: dict[str, str] = {
    "field.organisation_name": "Organisation name",
    "field.case_manager_phone": "Case manager's phone",
    "field.case_manager_email": "Case manager's e-mail",
    "settings.not_set": "(not set)",
    "settings.unknown": "unknown setting '{name}' (possible settings: {names})",
    "settings.set_format": "write --set NAME=VALUE (received: '{value}')",
}
