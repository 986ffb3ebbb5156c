MESSAGES: dict[str, str] = {
    "field.server": "Server",
    "field.user": "User",
    "field.password": "Password",
    "field.conflict": "Conflict",
    "field.choice": "Choice",
    "field.op": "Change",
    "sync.password_prompt": "Server password: ",
    "sync.enrolled": "Device enrolled for {user} ({organisation}) — teams: {teams}",
    "sync.fingerprint_pinned": "Server certificate fingerprint pinned: {fingerprint}",
    "sync.report": ("Sync done: {pushed} sent, {pulled} received; {conflicts} open conflict(s), "
                    "{rejected} needing attention, {pending} waiting"),
    "sync.conflict_values": "before: {before} · this laptop: {this} · other laptop: {other}",
    "sync.status_server": "Server: {url} ({user})",
    "sync.status_last": "Last successful sync: {at}",
    "sync.status_counts": ("{pending} change(s) waiting, "
                           "{conflicts} conflict(s), {rejected} needing attention"),
    "sync.resolved": "Conflict resolved; the choice goes up with the next sync.",
    "sync.retried": "The change will be sent again with the next sync.",
    "sync.discarded": "The change was dropped and undone on this computer.",
    "sync.wiped": ("This device was revoked: its local data was wiped after sending what "
                   "could be sent."),
    "sync.choice_required": "give --choice mine, theirs or edit",
    "sync.unreachable": "Server unreachable: changes stay on this computer and go up at the "
                        "next connection.",
    "sync.timeout": "The server did not answer in time; will try again later.",
    "sync.tls_error": "No secure connection to the server could be made.",
    "sync.fingerprint_changed": ("The server's certificate changed since enrolment: sync "
                                 "stopped. Contact your administrator."),
    "field.fingerprint": "Fingerprint",
    "sync.fingerprint_invalid": ("not a certificate fingerprint: expected 64 hexadecimal "
                                 "characters (SHA-256, pairs may be separated by colons)."),
    "sync.fingerprint_required": ("Give the server certificate's fingerprint with --fingerprint "
                                  "(your administrator has it): without a terminal, Relais "
                                  "cannot ask you to compare it. Nothing was sent."),
    "sync.fingerprint_confirm": ("Server certificate fingerprint:\n    {fingerprint}\n"
                                 "Compare it with the one your administrator gave you. "
                                 "Is it the same? [y/N] "),
    "sync.fingerprint_not_confirmed": ("Enrolment cancelled: the fingerprint was not "
                                       "confirmed. Nothing was sent."),
    "sync.fingerprint_mismatch": ("The certificate fingerprint does not match the one given: "
                                  "enrolment refused."),
    "sync.bad_response": "Incomplete or unreadable answer from the server; will try again later.",
    "sync.server_error": "Server error; will try again later, nothing is lost.",
    "sync.protocol_unsupported": ("This version of Relais is no longer accepted by the server: "
                                  "update the application."),
    "sync.unauthorized": "The server does not recognise this device: enrol it again.",
    "sync.token_expired": "This device's enrolment expired: enrol it again.",
    "sync.login_failed": "Wrong user name or password.",
    "sync.device_revoked": "This device was revoked by the administrator.",
    "sync.device_stolen": "This device was reported stolen: its data was wiped.",
    "sync.forbidden": "The server refuses: this record does not belong to your teams.",
    "sync.rate_limited": "Too many login attempts; try again in a minute.",
    "sync.too_large": "Upload too large for the server.",
    "sync.request_refused": "The server refused the request.",
    "sync.not_enrolled": "This computer is not enrolled with a server yet (relais enroll).",
    "sync.cursor_too_old": "Offline for too long: rebuilding from the server.",
    "sync.scope_changed": "Your teams changed: rebuilding from the server.",
    "sync.consent_withdrawn": "Refused: consent to team sharing was withdrawn.",
    "sync.patient_erased": "Refused: this patient's data was erased (right to erasure).",
    "sync.append_only": "Refused: this record cannot be changed.",
    "sync.unknown_table": "Refused: record type unknown to the server.",
    "sync.invalid_op": "Refused: malformed change.",
    "sync.record_gone": "Refused: the record no longer exists on the server.",
    "sync.conflict_unknown": "Refused: conflict unknown to the server.",
    "sync.patient_purged": "The record left the team before this change was sent.",
    "sync.rejected": "Refused by the server.",
    "sync.url_invalid": "invalid server address (https://host:port)",
    "sync.url_insecure": "an http:// address is allowed on this computer only; use https://",
    "sync.choice_invalid": "invalid choice (mine, theirs or edit)",
    "sync.value_invalid": "invalid value for this field",
    "sync.conflict_not_found": "conflict not found",
    "sync.conflict_closed": "this conflict is already resolved",
    "sync.op_not_found": "change not found",
    "sync.op_not_rejected": "this change was not refused",
    "sync.cancelled": "Sync interrupted (vault locked).",
}
