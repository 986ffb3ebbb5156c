MESSAGES: dict[str, str] = {
    "field.server": "Server",
    "field.user": "Gebruiker",
    "field.password": "Wachtwoord",
    "field.conflict": "Conflict",
    "field.choice": "Keuze",
    "field.op": "Wijziging",
    "sync.password_prompt": "Wachtwoord van de server: ",
    "sync.enrolled": "Toestel geregistreerd voor {user} ({organisation}) — teams: {teams}",
    "sync.fingerprint_pinned": "Vingerafdruk van het servercertificaat vastgelegd: {fingerprint}",
    "sync.report": ("Synchronisatie klaar: {pushed} verzonden, {pulled} ontvangen; "
                    "{conflicts}, {rejected} na te kijken, "
                    "{pending} wachtend"),
    "sync.conflict_values": "ervoor: {before} · deze laptop: {this} · de andere laptop: {other}",
    "sync.status_server": "Server: {url} ({user})",
    "sync.status_last": "Laatste geslaagde synchronisatie: {at}",
    "sync.open_conflicts.one": "{n} open conflict",
    "sync.open_conflicts.other": "{n} open conflicten",
    "sync.status_counts": "{pending}, {conflicts}, {rejected} na te kijken",
    "sync.changes_waiting.one": "{n} wijziging wachtend",
    "sync.changes_waiting.other": "{n} wijzigingen wachtend",
    "sync.conflicts.one": "{n} conflict",
    "sync.conflicts.other": "{n} conflicten",
    "sync.resolved": "Conflict opgelost; de keuze wordt bij de volgende synchronisatie verzonden.",
    "sync.retried": "De wijziging wordt bij de volgende synchronisatie opnieuw verzonden.",
    "sync.discarded": "De wijziging is geschrapt en op deze computer ongedaan gemaakt.",
    "sync.wiped": ("Dit toestel is ingetrokken: de lokale gegevens zijn gewist na het "
                   "verzenden van wat nog kon."),
    "sync.choice_required": "geef --choice mine, theirs of edit",
    "sync.unreachable": "Server onbereikbaar: de wijzigingen blijven op deze computer en "
                        "vertrekken bij de volgende verbinding.",
    "sync.timeout": "De server antwoordt niet op tijd; later opnieuw.",
    "sync.tls_error": "Geen beveiligde verbinding met de server mogelijk.",
    "sync.fingerprint_changed": ("Het certificaat van de server is veranderd sinds de registratie: "
                                 "synchronisatie gestopt. Neem contact op met uw beheerder."),
    "field.fingerprint": "Vingerafdruk",
    "sync.fingerprint_invalid": ("geen certificaatvingerafdruk: 64 hexadecimale tekens "
                                 "verwacht (SHA-256, paren eventueel gescheiden door "
                                 "dubbelepunten)."),
    "sync.fingerprint_required": ("Geef de vingerafdruk van het servercertificaat met "
                                  "--fingerprint (uw beheerder heeft die): zonder terminal kan "
                                  "Relais u niet vragen ze te vergelijken. Er is niets "
                                  "verzonden."),
    "sync.fingerprint_confirm": ("Vingerafdruk van het servercertificaat:\n    {fingerprint}\n"
                                 "Vergelijk ze met die van uw beheerder. Is ze dezelfde? "
                                 "[j/N] "),
    "sync.fingerprint_not_confirmed": ("Inschrijving geannuleerd: de vingerafdruk werd niet "
                                       "bevestigd. Er is niets verzonden."),
    "sync.fingerprint_mismatch": ("De vingerafdruk van het certificaat komt niet overeen met de "
                                  "opgegeven: registratie geweigerd."),
    "sync.bad_response": "Onvolledig of onleesbaar antwoord van de server; later opnieuw.",
    "sync.server_error": "Serverfout; later opnieuw, er gaat niets verloren.",
    "sync.protocol_unsupported": ("Deze versie van Relais wordt niet meer aanvaard door de server: "
                                  "werk de toepassing bij."),
    "sync.unauthorized": "Dit toestel wordt niet herkend door de server: registreer het opnieuw.",
    "sync.token_expired": "De registratie van dit toestel is verlopen: registreer het opnieuw.",
    "sync.login_failed": "Gebruikersnaam of wachtwoord onjuist.",
    "sync.device_revoked": "Dit toestel is ingetrokken door de beheerder.",
    "sync.device_stolen": "Dit toestel is als gestolen gemeld: de gegevens zijn gewist.",
    "sync.forbidden": "De server weigert: dit dossier hoort niet bij uw teams.",
    "sync.rate_limited": "Te veel aanmeldpogingen; probeer over een minuut opnieuw.",
    "sync.too_large": "Verzending te groot voor de server.",
    "sync.request_refused": "De server heeft de aanvraag geweigerd.",
    "sync.not_enrolled": "Deze computer is nog niet geregistreerd bij een server (relais enroll).",
    "sync.cursor_too_old": "Te lang offline: heropbouw vanaf de server.",
    "sync.scope_changed": "Uw teams zijn gewijzigd: heropbouw vanaf de server.",
    "sync.consent_withdrawn": "Geweigerd: de toestemming voor delen in het team is ingetrokken.",
    "sync.patient_erased": "Geweigerd: de gegevens van deze patiënt zijn gewist (recht op gegevenswissing).",
    "sync.append_only": "Geweigerd: dit gegeven kan niet gewijzigd worden.",
    "sync.unknown_table": "Geweigerd: soort gegeven onbekend bij de server.",
    "sync.invalid_op": "Geweigerd: ongeldige wijziging.",
    "sync.record_gone": "Geweigerd: het gegeven bestaat niet meer op de server.",
    "sync.conflict_unknown": "Geweigerd: conflict onbekend bij de server.",
    "sync.patient_purged": "Het dossier is uit het team gehaald voor deze wijziging verzonden werd.",
    "sync.rejected": "Geweigerd door de server.",
    "sync.url_invalid": "ongeldig serveradres (https://host:poort)",
    "sync.url_insecure": "een http://-adres mag alleen op deze computer; gebruik https://",
    "sync.choice_invalid": "ongeldige keuze (mine, theirs of edit)",
    "sync.value_invalid": "ongeldige waarde voor dit veld",
    "sync.conflict_not_found": "conflict niet gevonden",
    "sync.conflict_closed": "dit conflict is al opgelost",
    "sync.op_not_found": "wijziging niet gevonden",
    "sync.op_not_rejected": "deze wijziging werd niet geweigerd",
    "sync.cancelled": "Synchronisatie onderbroken (kluis vergrendeld).",
}
