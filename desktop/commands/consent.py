"""`relais consent grant|refuse|withdraw|override|show|object|lift-objection|provider|carer`."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import TYPE_CHECKING

from desktop.commands.common import add_common, emit, open_context
from desktop.domain.consent_policy import CARER_AGREEMENT, METHODS
from desktop.i18n import user_language
from desktop.i18n.punctuation import colon

if TYPE_CHECKING:
    from desktop.services.context import AppContext


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("consent", help="record and show the patient's consent choices")
    ps = p.add_subparsers(dest="consent_command", metavar="ACTION", required=True)
    for action, text in (("grant", "record a consent"), ("refuse", "record a refusal"),
                         ("withdraw", "withdraw a consent (takes effect at once)")):
        a = ps.add_parser(action, help=text)
        add_common(a)
        a.add_argument("--patient", required=True, metavar="ID")
        a.add_argument("--purpose", required=True, metavar="P",
                       help="information_notice, team_sharing, provider_sharing, "
                            "statistics (carer_on_handout: only to refuse or withdraw a grant "
                            "recorded before; a carer agrees on their contact: consent carer)")
        a.add_argument("--contact", metavar="ID", help="the provider or carer (per-contact purposes)")
        a.add_argument("--method", default="oral", metavar="M", help="|".join(METHODS))
        a.add_argument("--notice-version", metavar="V")
        a.add_argument("--evidence", metavar="FILE", help="scanned form or photo (PDF or image, "
                                                          "at most 20 MB)")
        a.add_argument("--date", metavar="YYYY-MM-DD", help="date of the decision (default today)")
        a.add_argument("--review-date", metavar="YYYY-MM-DD")
        a.add_argument("--note", metavar="TEXT")
        a.set_defaults(handler=cmd_decide, decision={"grant": "granted", "refuse": "refused",
                                                     "withdraw": "withdrawn"}[action])
    o = ps.add_parser("override", help="act without consent where the law allows it (typed reason)")
    add_common(o)
    o.add_argument("--patient", required=True, metavar="ID")
    o.add_argument("--purpose", required=True, metavar="P", help="provider_sharing, carer_on_handout")
    o.add_argument("--contact", metavar="ID")
    o.add_argument("--reason", required=True)
    o.set_defaults(handler=cmd_override)
    for action, text in (("object", "the patient objects to documents going to a provider "
                                    "(even the GP or a provider of the care plan)"),
                         ("lift-objection", "lift the patient's objection to a provider")):
        ob = ps.add_parser(action, help=text)
        add_common(ob)
        ob.add_argument("--patient", required=True, metavar="ID")
        ob.add_argument("--contact", required=True, metavar="ID", help="the provider")
        ob.add_argument("--method", default="oral", metavar="M", help="|".join(METHODS))
        ob.add_argument("--date", metavar="YYYY-MM-DD", help="date of the decision (default today)")
        ob.add_argument("--note", metavar="TEXT")
        ob.set_defaults(handler=cmd_objection,
                        decision="objected" if action == "object" else "lifted")
    pv = ps.add_parser("provider", help="may documents of the patient go to this provider, and why")
    add_common(pv)
    pv.add_argument("--patient", required=True, metavar="ID")
    pv.add_argument("--contact", required=True, metavar="ID")
    pv.set_defaults(handler=cmd_provider)
    ca = ps.add_parser("carer", help="the carer's own agreement to their phone and address on "
                                     "the handout, recorded on their contact")
    add_common(ca)
    ca.add_argument("--contact", required=True, metavar="ID", help="the carer")
    ca.add_argument("--decision", metavar="D", help="granted, refused or withdrawn (without it: "
                                                    "show the agreement)")
    ca.add_argument("--method", default="oral", metavar="M", help="|".join(METHODS))
    ca.add_argument("--date", metavar="YYYY-MM-DD", help="date of the decision (default today)")
    ca.set_defaults(handler=cmd_carer)
    s = ps.add_parser("show", help="current state per purpose and the history")
    add_common(s)
    s.add_argument("--patient", required=True, metavar="ID")
    s.add_argument("--purpose", metavar="P")
    s.add_argument("--contact", metavar="ID")
    s.set_defaults(handler=cmd_show)


def cmd_decide(args: argparse.Namespace) -> int:
    from desktop.i18n import t
    from desktop.services import consents

    evidence = consents.load_evidence(args.evidence) if args.evidence else None
    with open_context(args) as ctx:
        event_id = consents.record_decision(
            ctx, args.patient, args.purpose, args.decision, contact_id=args.contact,
            method=args.method, notice_version=args.notice_version, evidence=evidence,
            decided_on=args.date, review_date=args.review_date, note=args.note)
        local_only = consents.overview(ctx, args.patient).local_only
        warning = _local_only_text(ctx)
    text = t("consent.cli.recorded", id=event_id)
    if local_only:
        text += "\n" + warning
    emit(args, {"id": event_id, "local_only": local_only}, text)
    return 0


def cmd_override(args: argparse.Namespace) -> int:
    from desktop.i18n import t
    from desktop.services import consents

    with open_context(args) as ctx:
        oid = consents.record_override(ctx, args.patient, args.purpose, args.reason,
                                       contact_id=args.contact)
    emit(args, {"id": oid}, t("consent.cli.override_recorded", id=oid))
    return 0


def cmd_objection(args: argparse.Namespace) -> int:
    from desktop.domain.consent_policy import PURPOSE_PROVIDER_OBJECTION
    from desktop.i18n import t
    from desktop.services import consents

    with open_context(args) as ctx:
        event_id = consents.record_decision(
            ctx, args.patient, PURPOSE_PROVIDER_OBJECTION, args.decision,
            contact_id=args.contact, method=args.method, decided_on=args.date, note=args.note)
    emit(args, {"id": event_id, "decision": args.decision},
         t(f"consent.cli.{args.decision}", id=event_id))
    return 0


def cmd_provider(args: argparse.Namespace) -> int:
    from desktop.i18n import t
    from desktop.services import consents

    with open_context(args) as ctx:
        st = consents.provider_status(ctx, args.patient, args.contact)
    emit(args, {**asdict(st), "allowed": st.allowed},
         colon(st.contact_name or st.contact_id, t("consent.provider." + st.code),
               user_language()))
    return 0


def cmd_carer(args: argparse.Namespace) -> int:
    from desktop.i18n import t
    from desktop.services import consents

    with open_context(args) as ctx:
        if args.decision is not None:
            consents.record_carer_agreement(ctx, args.contact, args.decision,
                                            method=args.method, decided_on=args.date)
        ag = consents.carer_agreement(ctx, args.contact)
    decision = t(f"consent.decision.{ag.decision or 'none'}")
    text = colon(ag.contact_name or ag.contact_id, f"{t('consent.cli.carer_agreement')} {decision}",
                 user_language())
    if ag.decided_on:
        text += f" ({ag.decided_on}, {t('consent.method.' + (ag.method or 'oral'))})"
    emit(args, asdict(ag), text)
    return 0


def _local_only_text(ctx: AppContext) -> str:
    """What a record not shared with the team means here: backed up on the server, or, on a
    computer connected to none, kept on this computer only (it said "backed up" there too)."""
    from desktop.i18n import t
    from desktop.services.sync_status import is_enrolled

    return t("consent.cli.local_only" if is_enrolled(ctx) else "consent.cli.local_only_here")


def cmd_show(args: argparse.Namespace) -> int:
    from desktop.i18n import t
    from desktop.services import audit_log, consents

    with open_context(args) as ctx:
        overview = consents.overview(ctx, args.patient)
        events = consents.history(ctx, args.patient, args.purpose, args.contact)
        audit_log.record_access(ctx, args.patient, "view", purpose="consent")
        warning = _local_only_text(ctx)

    def human() -> str:
        lang = user_language()
        lines = []
        for s in overview.states:
            if args.purpose and s.purpose != args.purpose:
                continue
            who = f" — {s.contact_name or s.contact_id}" if s.contact_id else ""
            decision = t(f"consent.decision.{s.decision or 'none'}")
            when = f" ({s.decided_on})" if s.decided_on else ""
            lines.append(colon(f"{t('consent.purpose.' + s.purpose)}{who}", f"{decision}{when}",
                               lang))
        if args.purpose in (None, CARER_AGREEMENT):
            for a in overview.carers:
                decision = t(f"consent.decision.{a.decision or 'none'}")
                if a.decision is None and a.legacy_grant:
                    decision = t("consent.cli.carer_legacy")
                lines.append(colon(
                    f"{t('consent.cli.carer_agreement')} — {a.contact_name or a.contact_id}",
                    decision + (f" ({a.decided_on})" if a.decided_on else ""), lang))
        if overview.local_only:
            lines.append(warning)
        lines.append("")
        for e in events:
            who = f" [{e.contact_name or e.contact_id}]" if e.contact_id else ""
            how = t("consent.method." + e.method) if e.method else ""  # older carer decisions
            lines.append(f"{e.decided_on}  {e.purpose}{who}  {t('consent.decision.' + e.decision)}"
                         f"  {how}  {e.recorded_by or ''}  {e.id}")
        return "\n".join(lines).rstrip()

    emit(args, {"patient_id": args.patient, "local_only": overview.local_only,
                "badges": overview.badges,
                "states": [asdict(s) for s in overview.states],
                "carers": [asdict(a) for a in overview.carers],
                "history": [asdict(e) for e in events]}, human)
    return 0
