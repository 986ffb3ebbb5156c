"""Messages of the server's command line, French first (RELAIS_LANG or LANG picks fr/nl/en)."""

from __future__ import annotations

import os
from typing import Any

MESSAGES: dict[str, dict[str, str]] = {
    "server.name_required": {
        "fr": "Un nom est requis.", "nl": "Een naam is verplicht.", "en": "A name is required."},
    "server.username_invalid": {
        "fr": "Nom d'utilisateur invalide.", "nl": "Ongeldige gebruikersnaam.",
        "en": "Invalid user name."},
    "server.password_too_short": {
        "fr": "Le mot de passe doit compter au moins {min} caractères.",
        "nl": "Het wachtwoord moet minstens {min} tekens bevatten.",
        "en": "The password must have at least {min} characters."},
    "server.user_exists": {
        "fr": "Cet utilisateur existe déjà.", "nl": "Deze gebruiker bestaat al.",
        "en": "This user already exists."},
    "server.role_invalid": {
        "fr": "Rôle inconnu : choisissez parmi {roles}.",
        "nl": "Onbekende rol: kies uit {roles}.",
        "en": "Unknown role: choose one of {roles}."},
    "server.user_unknown": {
        "fr": "Utilisateur inconnu.", "nl": "Onbekende gebruiker.", "en": "Unknown user."},
    "server.team_unknown": {
        "fr": "Équipe inconnue.", "nl": "Onbekend team.", "en": "Unknown team."},
    "server.device_unknown": {
        "fr": "Appareil inconnu.", "nl": "Onbekend toestel.", "en": "Unknown device."},
    "server.device_revoked_done": {
        "fr": "Appareil {device_id} révoqué : il ne peut plus se synchroniser.",
        "nl": "Toestel {device_id} ingetrokken: het kan niet meer synchroniseren.",
        "en": "Device {device_id} revoked: it can no longer sync."},
    "server.device_stolen_done": {
        "fr": "Appareil {device_id} révoqué comme volé : il effacera son coffre à sa prochaine "
              "connexion.",
        "nl": "Toestel {device_id} ingetrokken als gestolen: het wist zijn kluis bij de "
              "volgende verbinding.",
        "en": "Device {device_id} revoked as stolen: it will wipe its vault when it next "
              "connects."},
    "server.no_organisation": {
        "fr": "Aucune organisation : lancez d'abord « relais-server init ».",
        "nl": "Geen organisatie: voer eerst “relais-server init” uit.",
        "en": "No organisation: run “relais-server init” first."},
    "server.password_missing": {
        "fr": "Mot de passe requis (variable RELAIS_SERVER_PASSWORD ou saisie).",
        "nl": "Wachtwoord vereist (variabele RELAIS_SERVER_PASSWORD of invoer).",
        "en": "Password required (RELAIS_SERVER_PASSWORD variable or prompt)."},
    "server.not_initialised": {
        "fr": "Dossier de données non initialisé : lancez « relais-server init --data DIR ».",
        "nl": "Gegevensmap niet geïnitialiseerd: voer “relais-server init --data DIR” uit.",
        "en": "Data directory not initialised: run “relais-server init --data DIR”."},
    "server.database_unreachable_detail": {
        "fr": "Base de données injoignable : {detail}", "nl": "Database onbereikbaar: {detail}",
        "en": "Database unreachable: {detail}"},
    "server.database_missing": {
        "fr": "Base de données introuvable ({path}) : vérifiez --data, ou créez-la avec "
              "« relais-server init ».",
        "nl": "Database niet gevonden ({path}): controleer --data, of maak ze aan met "
              "“relais-server init”.",
        "en": "Database not found ({path}): check --data, or create it with "
              "“relais-server init”."},
    "server.database_url_invalid": {
        "fr": "URL de base de données invalide (ex. postgresql://relais@localhost/relais).",
        "nl": "Ongeldige database-URL (bv. postgresql://relais@localhost/relais).",
        "en": "Invalid database URL (e.g. postgresql://relais@localhost/relais)."},
    "server.database_unreachable": {
        "fr": "Base de données injoignable.", "nl": "Database onbereikbaar.",
        "en": "Database unreachable."},
}


def lang() -> str:
    value = (os.environ.get("RELAIS_LANG") or os.environ.get("LANG") or "fr")[:2].lower()
    return value if value in ("fr", "nl", "en") else "fr"


def text(code: str, **params: Any) -> str:
    entry = MESSAGES.get(code)
    if entry is None:
        from desktop.i18n import t  # the dashboard's and the domain's messages

        return t(code, lang(), **params)
    template = entry.get(lang()) or entry["fr"]
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template
