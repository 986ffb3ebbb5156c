MESSAGES: dict[str, str] = {
    "field.server": "Serveur",
    "field.user": "Utilisateur",
    "field.password": "Mot de passe",
    "field.conflict": "Conflit",
    "field.choice": "Choix",
    "field.op": "Modification",
    "sync.password_prompt": "Mot de passe du serveur : ",
    "sync.enrolled": "Appareil enregistré pour {user} ({organisation}) — équipes : {teams}",
    "sync.fingerprint_pinned": "Empreinte du certificat du serveur retenue : {fingerprint}",
    # "1 envoyées" would be wrong: the counts follow their word, whatever the number
    "sync.report": ("Synchronisation terminée — envoyées : {pushed}, reçues : {pulled} ; "
                    "{conflicts}, {rejected} à vérifier, "
                    "{pending} en attente"),
    "sync.conflict_values": "avant : {before} · cet ordinateur : {this} · l'autre ordinateur : {other}",
    "sync.status_server": "Serveur : {url} ({user})",
    "sync.status_last": "Dernière synchronisation réussie : {at}",
    "sync.open_conflicts.one": "{n} conflit ouvert",
    "sync.open_conflicts.other": "{n} conflits ouverts",
    "sync.status_counts": "{pending}, {conflicts}, {rejected} à vérifier",
    "sync.changes_waiting.one": "{n} modification en attente",
    "sync.changes_waiting.other": "{n} modifications en attente",
    "sync.conflicts.one": "{n} conflit",
    "sync.conflicts.other": "{n} conflits",
    "sync.resolved": "Conflit résolu ; le choix sera envoyé à la prochaine synchronisation.",
    "sync.retried": "La modification sera renvoyée à la prochaine synchronisation.",
    "sync.discarded": "La modification a été abandonnée et annulée sur cet ordinateur.",
    "sync.wiped": ("Cet appareil a été révoqué : les données locales ont été effacées "
                   "après l'envoi de ce qui pouvait l'être."),
    "sync.choice_required": "indiquez --choice mine, theirs ou edit",
    "sync.unreachable": "Serveur injoignable : les modifications restent sur cet ordinateur "
                        "et partiront à la prochaine connexion.",
    "sync.timeout": "Le serveur ne répond pas à temps ; nouvel essai plus tard.",
    "sync.tls_error": "Connexion sécurisée impossible avec le serveur.",
    "sync.fingerprint_changed": ("Le certificat du serveur a changé depuis l'enregistrement : "
                                 "synchronisation arrêtée. Contactez votre administrateur."),
    "field.fingerprint": "Empreinte",
    "sync.fingerprint_invalid": ("ce n'est pas une empreinte de certificat : 64 caractères "
                                 "hexadécimaux attendus (SHA-256, paires éventuellement "
                                 "séparées par des deux-points)."),
    "sync.fingerprint_required": ("Indiquez l'empreinte du certificat du serveur avec "
                                  "--fingerprint (votre administrateur la connaît) : sans "
                                  "terminal, Relais ne peut pas vous demander de la comparer. "
                                  "Rien n'a été envoyé."),
    "sync.fingerprint_confirm": ("Empreinte du certificat du serveur :\n    {fingerprint}\n"
                                 "Comparez-la avec celle que votre administrateur vous a "
                                 "donnée. Est-ce la même ? [o/N] "),
    "sync.fingerprint_not_confirmed": ("Inscription annulée : l'empreinte n'a pas été "
                                       "confirmée. Rien n'a été envoyé."),
    "sync.fingerprint_mismatch": ("L'empreinte du certificat ne correspond pas à celle "
                                  "indiquée : enregistrement refusé."),
    "sync.bad_response": "Réponse du serveur incomplète ou illisible ; nouvel essai plus tard.",
    "sync.server_error": "Erreur du serveur ; nouvel essai plus tard, rien n'est perdu.",
    "sync.protocol_unsupported": ("Cette version de Relais n'est plus acceptée par le serveur : "
                                  "mettez l'application à jour."),
    "sync.unauthorized": "Cet appareil n'est pas reconnu par le serveur : enregistrez-le à nouveau.",
    "sync.token_expired": "L'enregistrement de cet appareil a expiré : enregistrez-le à nouveau.",
    "sync.login_failed": "Nom d'utilisateur ou mot de passe incorrect.",
    "sync.device_revoked": "Cet appareil a été révoqué par l'administrateur.",
    "sync.device_stolen": "Cet appareil a été signalé volé : ses données ont été effacées.",
    "sync.forbidden": "Le serveur refuse : ce dossier n'appartient pas à vos équipes.",
    "sync.rate_limited": "Trop de tentatives de connexion ; réessayez dans une minute.",
    "sync.too_large": "Envoi trop volumineux pour le serveur.",
    "sync.request_refused": "Le serveur a refusé la demande.",
    "sync.not_enrolled": "Cet ordinateur n'est pas encore enregistré auprès d'un serveur "
                         "(relais enroll).",
    "sync.cursor_too_old": "Trop longtemps hors ligne : reconstruction depuis le serveur.",
    "sync.scope_changed": "Vos équipes ont changé : reconstruction depuis le serveur.",
    "sync.consent_withdrawn": "Refusé : le consentement au partage en équipe a été retiré.",
    "sync.patient_erased": "Refusé : les données de ce patient ont été effacées (droit à l'effacement).",
    "sync.append_only": "Refusé : cet enregistrement ne peut pas être modifié.",
    "sync.unknown_table": "Refusé : type d'enregistrement inconnu du serveur.",
    "sync.invalid_op": "Refusé : modification mal formée.",
    "sync.record_gone": "Refusé : l'enregistrement n'existe plus sur le serveur.",
    "sync.conflict_unknown": "Refusé : conflit inconnu du serveur.",
    "sync.patient_purged": "Le dossier a été retiré de l'équipe avant l'envoi de cette modification.",
    "sync.rejected": "Refusé par le serveur.",
    "sync.url_invalid": "adresse de serveur invalide (https://hôte:port)",
    "sync.url_insecure": "une adresse http:// n'est permise que sur cet ordinateur ; utilisez https://",
    "sync.choice_invalid": "choix invalide (mine, theirs ou edit)",
    "sync.value_invalid": "valeur invalide pour ce champ",
    "sync.conflict_not_found": "conflit introuvable",
    "sync.conflict_closed": "ce conflit est déjà résolu",
    "sync.op_not_found": "modification introuvable",
    "sync.op_not_rejected": "cette modification n'a pas été refusée",
    "sync.cancelled": "Synchronisation interrompue (coffre verrouillé).",
}
