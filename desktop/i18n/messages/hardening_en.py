"""Input hardening (issue 13): command-line usage errors, files the user names, NISS parts."""

MESSAGES: dict[str, str] = {
    # argparse errors, one line each
    "cli.arg.command": "command",
    "cli.arg.action": "action",
    "cli.arg.format": "format",
    "cli.arg.invalid_choice": "{option}: “{value}” is not allowed; choose from: {choices}",
    "cli.arg.invalid_number": "{option}: “{value}” is not a whole number",
    "cli.arg.expected_value": "{option}: a value is needed",
    "cli.arg.not_allowed_with": "{option} cannot be used together with {other}",
    "cli.arg.no_value": "{option} takes no value (“{value}” given)",
    "cli.arg.required": "missing: {options} (see --help)",
    "cli.arg.unrecognized": "unknown option or argument: {args} (see --help)",
    "cli.arg.ambiguous": "{option} is ambiguous: {matches}",
    "cli.arg.other": "invalid command line: {detail} (see --help)",
    "cli.arg.not_utf8": "an argument is not valid text (UTF-8); nothing was done",
    "cli.arg.out_of_range": "{option}: {value} is out of range ({low}–{high})",
    "cli.os_error": "the file could not be used: {detail}: {path}",
    "cli.no_server_password": "No server password: set RELAIS_SERVER_PASSWORD or run the command in a terminal.",
    # files named by the user
    "file.not_regular": "this is not a regular file (a folder, device or pipe is not read)",
    "file.too_large": "file too large (at most {max})",
    "file.unreadable": "cannot read the file: {detail}",
    "file.not_utf8": "the file is not UTF-8 text (byte {position})",
    "file.not_json": "the file is not valid JSON (line {line}, column {column})",
    "file.too_deep": "the JSON is nested too deeply (at most {max} levels)",
    # NISS: which part is wrong
    "niss.month": "impossible month “{month}” in this NISS (00–12; BIS number: 20–32 or 40–52)",
    "niss.date": "impossible date in this NISS: day {day} of month {month}",
    "vault.read_only": "The vault is read-only (its folder or files cannot be written): {path}. Nothing was changed; give this account write access or copy the vault elsewhere.",
    "sync.enrolled_device": "This laptop is “{name}”, device id {id} (relais-server device list).",
    "sync.keep_required": "give --keep this-laptop, other-laptop or value (or --choice mine, theirs or edit)",
    "sync.keep_without_resolve": "--keep and --choice go with --resolve CONFLICT_ID",
    "sync.conflict_not_from_here": "neither value of this conflict was sent from this laptop: use --keep value with --value",
    "gdpr.patient_restricted": "this patient's record is restricted (GDPR art. 18): lift the restriction first (relais gdpr unrestrict)",
    "cli.arg.range": "must be between {low} and {high}",
    "cli.arg.bad_value": "{option}: {detail}",
}
