"""Demo step: cases with their requests, visits (past, today, this week, late), journal notes and
hospital stays, so the Today view, the caseload and the dossier have something real to show.

`case_rows` only builds the rows, keyed by table name (deterministic for a seed); `step` writes
them through the services (open the case, walk its statuses, record and plan the visits, write
the notes, close it); the caseload benchmark bulk-inserts the same rows.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from typing import Any, NamedTuple

from desktop.demo.common import (
    DAUGHTER,
    OLD,
    SON,
    SPOUSE,
    WIDOWED,
    family_facts,
    fits,
    said,
    with_age,
)
from desktop.demo.common import people as read_people
from desktop.domain import case_lifecycle as L
from desktop.domain.contacts import PRIVATE_KINDS
from desktop.domain.ids import uuid7
from desktop.services import care_plans, cases, journal, stays, visits
from desktop.services.context import AppContext

BATCH = 25  # patients per transaction
# the tables of `case_rows`
CASE, STATUS, VISIT, NOTE, STAY = ("case_record", "case_status_change", "visit", "note",
                                   "hospital_stay")

# Demo text in the patient's language; "[her|his]" picks the patient's gender (female|male).
# (requester kind, name, words, the family fact they assume: desktop.demo.common.family_facts)
REQUESTS = {
    "fr": [
        ("gp", "Dr Piette", "[Elle ne s'en sort plus seule depuis le décès de son mari"
                            "|Il ne s'en sort plus seul depuis le décès de son épouse].", WIDOWED),
        ("relative", "Sa fille", "[Maman|Papa] tombe souvent et refuse l'aide familiale.",
         DAUGHTER),
        ("hospital", "Service social CHU", "Retour à domicile fragile après une fracture du col.",
         OLD),
        ("home_care_coordinator", "Coordination CSD",
         "Beaucoup d'intervenants, personne ne coordonne.", None),
        ("cpas", "Assistante sociale CPAS", "Factures impayées, logement insalubre, isolement.",
         None),
        ("patient", None, "Je voudrais rester chez moi mais je n'y arrive plus.", None),
        ("relative", "Son fils", "[Maman|Papa] oublie ses médicaments et ne mange plus bien.", SON),
        ("gp", "Dr Collard", "Situation complexe : diabète, insuffisance cardiaque, aidant épuisé.",
         None),
        ("patient_association", "Ligue Alzheimer", "[Son mari|Son épouse], qui l'aide, est "
                                                   "[épuisé|épuisée].", (SPOUSE, OLD)),
    ],
    "nl": [
        ("gp", "Dr. Peeters", "[Ze redt het niet meer alleen sinds haar man overleden is"
                              "|Hij redt het niet meer alleen sinds zijn vrouw overleden is].",
         WIDOWED),
        ("relative", "[Haar|Zijn] dochter", "[Moeder|Vader] valt vaak en weigert gezinszorg.",
         DAUGHTER),
        ("hospital", "Sociale dienst AZ", "Broze terugkeer naar huis na een heupbreuk.", OLD),
        ("home_care_coordinator", "Samenwerkingsinitiatief thuiszorg",
         "Veel hulpverleners, niemand coördineert.", None),
        ("cpas", "Maatschappelijk werker OCMW", "Onbetaalde rekeningen, ongezonde woning, eenzaamheid.",
         None),
        ("patient", None, "Ik wil thuis blijven wonen, maar het lukt niet meer.", None),
        ("relative", "[Haar|Zijn] zoon",
         "[Moeder|Vader] vergeet [haar|zijn] medicatie en eet niet meer goed.", SON),
        ("gp", "Dr. Maes", "Complexe situatie: diabetes, hartfalen, mantelzorger overbelast.", None),
        ("patient_association", "Alzheimer Liga", "[Haar man|Zijn vrouw] zorgt voor [haar|hem] "
                                                  "en is uitgeput.", (SPOUSE, OLD)),
    ],
}
CLARIFIED = {"fr": "Rester à domicile en sécurité, soulager l'aidant.",
             "nl": "Veilig thuis blijven wonen, de mantelzorger ontlasten."}
VISIT_NOTES = {
    "fr": [
        "Visite à domicile avec l'aidant proche. [Mme|M.] se déplace avec le rollator ; deux chutes ce "
        "mois-ci.",
        "Bilan des besoins : aide au bain souhaitée, repas livrés à organiser.",
        "Appel au médecin traitant : adaptation du traitement, prise de sang prévue.",
        "L'aidant proche se dit épuisé ; proposition de répit en centre de jour.",
        "Concertation avec l'infirmière et la kiné : passage trois fois par semaine.",
        "[Mme|M.] a reçu la visite de l'ergothérapeute pour l'aménagement de la salle de bain.",
        "[Mme|M.] a le moral en berne, dort mal. Médecin traitant prévenu.",
        "Appel des soins infirmiers à domicile : les soins de plaie se passent bien.",
        "Point sur les droits : demande d'allocation pour l'aide aux personnes âgées introduite.",
        "Situation stable ; le plan convenu est suivi. Prochaine visite dans un mois.",
        "Passage du kiné confirmé ; exercices de marche à poursuivre entre les séances.",
        "Pilulier vérifié avec [Mme|M.] : les prises du soir oubliées deux fois cette semaine.",
        "Appel au service d'aide familiale : le passage du matin avancé à 8 h.",
        "Au bureau avec le proche : questions sur les aides financières, documents à rassembler.",
        "Téléalarme installée ; [Mme|M.] sait comment l'utiliser.",
        "Concertation : chacun a repris sa part du plan ; prochaine réunion dans trois mois.",
    ],
    "nl": [
        "Huisbezoek met de mantelzorger. [Mevrouw|Meneer] stapt met de rollator; twee keer gevallen "
        "deze maand.",
        "Noden overlopen: hulp bij het baden gewenst, maaltijden aan huis te regelen.",
        "Telefoon met de huisarts: behandeling aangepast, bloedafname gepland.",
        "De mantelzorger zegt uitgeput te zijn; dagopvang voorgesteld als respijt.",
        "Overleg met de verpleegkundige en de kinesitherapeut: drie keer per week langs.",
        "[Mevrouw|Meneer] kreeg bezoek van de ergotherapeut voor de aanpassing van de badkamer.",
        "Huisbezoek: [mevrouw|meneer] is somber, slaapt slecht. Huisarts verwittigd.",
        "Telefoon met de thuisverpleging: wondzorg verloopt goed.",
        "Rechten overlopen: aanvraag tegemoetkoming voor hulp aan bejaarden ingediend.",
        "Stabiele situatie; het afgesproken plan wordt gevolgd. Volgend bezoek over een maand.",
        "Kinesitherapie bevestigd; stapoefeningen tussen de sessies verder doen.",
        "Pillendoos samen met [mevrouw|meneer] nagekeken: avondmedicatie twee keer vergeten.",
        "Telefoon met de gezinszorg: de ochtendbeurt vervroegd naar 8 uur.",
        "Op kantoor met de naaste: vragen over financiële steun, documenten te verzamelen.",
        "Personenalarm geplaatst; [mevrouw|meneer] weet hoe het werkt.",
        "Overleg: ieder neemt zijn deel van het plan op; volgende vergadering over drie maanden.",
    ],
}
# the kinds of contact each note above was written after, in order ("Appel au médecin" is not
# the note of a home visit, nor "Concertation avec…" that of a phone call), and the fact it
# assumes (a walking frame or the allowance for the elderly: a patient of 60 or more)
NOTE_FITS: list[tuple[set[str], str | None]] = [
    ({"home_visit"}, OLD), ({"home_visit", "office"}, None), ({"phone"}, None),
    ({"home_visit", "phone", "office"}, None), ({"concertation"}, None),
    ({"home_visit", "phone"}, None), ({"home_visit"}, None), ({"phone"}, None),
    ({"home_visit", "office"}, OLD), ({"home_visit", "concertation", "office"}, None),
    ({"home_visit", "phone"}, None), ({"home_visit"}, None), ({"phone"}, None),
    ({"office"}, None), ({"home_visit"}, None), ({"concertation"}, None)]
JOURNAL = {
    "fr": [
        "Appel de la pharmacie : le pilulier n'a pas été retiré cette semaine.",
        "Message de l'aidant proche : [Mme|M.] a été plus [confuse|confus] ce week-end.",
        "Mail du CPAS : dossier de guidance budgétaire accepté.",
        "Le médecin traitant demande un retour après la concertation.",
        "Message de l'aidant : ça va mieux depuis l'accueil de jour.",
        "Livraison des repas confirmée à partir de lundi.",
        "Annulation de la kiné (malade), reprise la semaine prochaine.",
        "La kiné signale que [Mme|M.] marche mieux avec la canne.",
        "Rendez-vous chez le cardiologue déplacé au mois prochain.",
        "L'aide familiale passera aussi le samedi matin à partir du mois prochain.",
        "La mutualité confirme l'intervention pour le lit médicalisé.",
        "Message du voisin : volets fermés ce matin ; après un appel, tout va bien.",
    ],
    "nl": [
        "Telefoon van de apotheek: de pillendoos is deze week niet opgehaald.",
        "Bericht van de mantelzorger: [mevrouw|meneer] was dit weekend meer verward.",
        "Mail van het OCMW: budgetbegeleiding goedgekeurd.",
        "De huisarts vraagt een terugkoppeling na het overleg.",
        "Bericht van de mantelzorger: het gaat beter sinds de dagopvang.",
        "Levering van de maaltijden bevestigd vanaf maandag.",
        "Kinesitherapie afgezegd (ziek), volgende week hervat.",
        "De kinesitherapeut meldt dat [mevrouw|meneer] beter stapt met de wandelstok.",
        "Afspraak bij de cardioloog verschoven naar volgende maand.",
        "De gezinszorg komt vanaf volgende maand ook op zaterdagochtend.",
        "Het ziekenfonds bevestigt de tegemoetkoming voor het hoog-laagbed.",
        "Bericht van de buurman: rolluiken dicht vanochtend; na een telefoontje is alles in orde.",
    ],
}
HOSPITALS = {"fr": ["CHU UCL Namur", "Clinique Saint-Luc Bouge", "CHR Sambre et Meuse",
                    "Vivalia Marche", "CHC Liège"],
             "nl": ["AZ Delta", "AZ Jan Yperman", "UZ Gent", "AZ Sint-Jan Brugge"]}
STAY_REASONS = {"fr": ["Chute, fracture du poignet", "Décompensation cardiaque", "Pneumonie",
                       "Déshydratation", "Confusion aiguë", "Intervention programmée (hanche)"],
                "nl": ["Val, polsbreuk", "Hartdecompensatie", "Longontsteking", "Uitdroging",
                       "Acute verwardheid", "Geplande ingreep (heup)"]}
# a place only where the kind does not say it already ("Visite à domicile (Domicile)")
PLACES = {"fr": {"home_visit": None, "phone": None, "concertation": "Domicile",
                 "office": None, "other": None},
          "nl": {"home_visit": None, "phone": None, "concertation": "Thuis",
                 "office": None, "other": None}}
TODAY_SLOTS = [(9, 30), (11, 0), (14, 0), (16, 0)]

Rows = dict[str, list[dict[str, Any]]]  # table name → rows
__all__ = ["case_rows", "said", "step", "uuid7"]


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


def _workday(day: dt.date, *, later: bool) -> dt.date:
    """A Saturday or Sunday moved to the Monday after (`later`) or the Friday before: case
    managers visit on working days."""
    if day.weekday() < 5:
        return day
    return day + dt.timedelta(days=7 - day.weekday()) if later else \
        day - dt.timedelta(days=day.weekday() - 4)


class Circle(NamedTuple):
    """Who may be at a visit with the case manager, written as she would ("Hélène Peeters
    (fille)"): the patient's own people, and the professionals a concertation gathers; the
    roles of her people (what a request may say of her family)."""

    private: Sequence[str] = ()
    professionals: Sequence[str] = ()
    roles: frozenset[str] = frozenset()


def _participants(rng: random.Random, kind: str, circle: Circle) -> list[str]:
    if kind == "concertation" and circle.professionals:  # the GP, the nurse… and a relative
        pros = rng.sample(list(circle.professionals),
                          min(len(circle.professionals), rng.randint(2, 4)))
        return pros + rng.sample(list(circle.private), min(len(circle.private), 1))
    return rng.sample(list(circle.private), min(len(circle.private), rng.randint(0, 2)))


class _Deck:
    """Draws a patient's notes as a deck of cards: none comes back before every other that fits
    has been used, and never twice in a row (a dossier that says the same thing four times
    reads as a broken demo)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()
        self.last: str | None = None

    def draw(self, texts: Sequence[str]) -> str:
        fresh = [t for t in texts if t not in self.used]
        if not fresh:  # all used: shuffle them back in, but the last one drawn
            self.used -= set(texts)
            fresh = [t for t in texts if t != self.last] or list(texts)
        self.last = self.rng.choice(fresh)
        self.used.add(self.last)
        return self.last


def _visit(rng: random.Random, case: dict[str, Any], start: dt.datetime, status: str,
           kind: str | None = None, lang: str = "fr", female: bool = True,
           circle: Circle = Circle(), notes: _Deck | None = None,
           facts: AbstractSet[str] = frozenset({OLD})) -> dict[str, Any]:
    kind = kind or rng.choices(["home_visit", "phone", "concertation", "office"], [7, 3, 1, 1])[0]
    end = start + dt.timedelta(minutes=15 if kind == "phone" else rng.choice([45, 60, 90]))
    row: dict[str, Any] = {
        "id": uuid7(), "case_id": case["id"], "patient_id": case["patient_id"], "kind": kind,
        "status": status, "planned_start": start, "planned_end": end, "place": PLACES[lang][kind],
        "participants": _participants(rng, kind, circle), "notes": None,
    }
    if status == "done":
        fitting = [n for n, (kinds, needs) in zip(VISIT_NOTES[lang], NOTE_FITS, strict=True)
                   if kind in kinds and fits(needs, facts)]
        text = (notes or _Deck(rng)).draw(fitting)
        row.update(actual_start=start, actual_end=end, notes=said(text, female))
    return row


def _case_history(rng: random.Random, case: dict[str, Any], final: str, opened: dt.date,
                  until: dt.date) -> list[dict[str, Any]]:
    path = {"referred": [], "assessing": ["assessing"], "active": ["assessing", "active"],
            "stabilised": ["assessing", "active", "stabilised"],
            "closed": ["assessing", "active", "stabilised", "closed"]}[final]
    out = [{"to_status": "referred", "from_status": None, "changed_on": opened}]
    span = max(1, (until - opened).days)
    # every step of the lifecycle, in order (a short span: several on the last day)
    days = (sorted(rng.sample(range(1, span + 1), len(path))) if len(path) <= span
            else [span] * len(path))
    prev = "referred"
    for status, offset in zip(path, days, strict=True):
        out.append({"to_status": status, "from_status": prev,
                    "changed_on": min(until, opened + dt.timedelta(days=offset))})
        prev = status
    return [{"id": uuid7(), "case_id": case["id"], "patient_id": case["patient_id"],
             "changed_by": case["primary_case_manager"], "note": None, **h} for h in out]


def case_rows(rng: random.Random, today: dt.date, patient_ids: list[str], user: str | None, *,
              max_visits: int = 14, people: dict[str, tuple[str, bool, int]] | None = None,
              circles: dict[str, Circle] | None = None) -> Iterator[tuple[str, Rows]]:
    """Rows per patient: yields (patient_id, {Model: [values]}). `people` gives each patient's
    language, whether she is a woman and her age, so the demo text reads as written about her;
    `circles` the people who may be at a visit with the case manager (none without)."""
    for index, pid in enumerate(patient_ids):
        lang, female, age = (people or {}).get(pid, ("fr", True, 80))
        circle = (circles or {}).get(pid, Circle())
        rows: Rows = {CASE: [], STATUS: [], VISIT: [], NOTE: [], STAY: []}
        episodes: list[tuple[dt.date, dt.date | None, str]] = []
        earlier = (rng.randint(800, 1500), rng.randint(90, 400)) if rng.random() < 0.2 else None
        opened = today - dt.timedelta(days=rng.randint(5, 700))
        status = rng.choices(["referred", "assessing", "active", "stabilised"], [4, 10, 62, 24])[0]
        if index < len(TODAY_SLOTS) and status == "referred":
            status = "active"  # the first patients carry today's visits
        if status == "referred":
            opened = today - dt.timedelta(days=rng.randint(1, 20))
        elif status == "assessing":  # an assessment takes weeks, not years
            opened = today - dt.timedelta(days=rng.randint(5, 60))
        if earlier is not None:  # an earlier episode, closed 10 to 69 days before this one opened
            # (so that the indicators' default year holds closed episodes and their length)
            ended = opened - dt.timedelta(days=earlier[0] % 60 + 10)
            episodes.append((ended - dt.timedelta(days=earlier[1]), ended, "closed"))
        episodes.append((opened, None, status))
        facts = with_age(family_facts(circle.roles), age)
        deck, journal_deck = _Deck(rng), _Deck(rng)
        requests = [r for r in REQUESTS[lang] if fits(r[3], facts)]
        for opened, closed, status in episodes:
            kind, name, reason, _fact = rng.choice(requests)
            last_review = opened
            while L.add_months(last_review, 3) < today - dt.timedelta(days=rng.randint(0, 20)):
                last_review = L.add_months(last_review, 3)
            case = {
                "id": uuid7(), "patient_id": pid, "status": status, "requester_type": kind,
                "requester_name": said(name, female) if name else None, "request_date": opened - dt.timedelta(days=rng.randint(0, 10)),
                "request_reason": said(reason, female), "opened_on": opened, "primary_case_manager": user,
                "complexity_tier": rng.choices(list(L.TIERS), [1, 3, 6])[0],
                "clarified_request": None if status == "referred" else CLARIFIED[lang],
                "relevance_review_due": None if closed else L.add_months(last_review, 3),
            }
            if closed:
                case.update(closed_on=closed, closure_reason=rng.choice(
                    ["stabilised", "stabilised", "moved", "refused", "other"]))
            rows[CASE].append(case)
            end = closed or today
            rows[STATUS].extend(_case_history(rng, case, status, opened, end))
            if status == "referred":
                continue
            # done visits every 2 to 5 weeks, walking back from the end
            day = end - dt.timedelta(days=rng.randint(1, 20))
            done = 0
            first_home: dt.date | None = None
            while (visit_day := _workday(day, later=False)) > opened and done < max_visits:
                start = _at(visit_day, rng.choice([9, 10, 11, 14, 15, 16]), rng.choice([0, 30]))
                rows[VISIT].append(_visit(rng, case, start, "done", lang=lang, female=female,
                                          circle=circle, notes=deck, facts=facts))
                if rows[VISIT][-1]["kind"] == "home_visit":
                    first_home = visit_day
                if rng.random() < 0.7:
                    note_at = start + dt.timedelta(days=rng.randint(1, 6), hours=rng.randint(0, 3))
                    if note_at.date() < today:
                        rows[NOTE].append({"id": uuid7(), "patient_id": pid, "case_id": case["id"],
                                           "written_at": note_at, "author": user,
                                           "text": said(journal_deck.draw(JOURNAL[lang]),
                                                        female)})
                done += 1
                day -= dt.timedelta(days=rng.randint(14, 35))
            # the first home visit came days after the request, not months (the walk back stops
            # after max_visits; the access indicators measure that delay)
            first = _workday(opened + dt.timedelta(days=rng.randint(2, 14)), later=True)
            if (first_home is None or first_home > opened + dt.timedelta(days=30)) and first < end:
                rows[VISIT].append(_visit(rng, case, _at(first, rng.choice([10, 14])), "done",
                                          "home_visit", lang=lang, female=female, circle=circle,
                                          notes=deck, facts=facts))
            if closed:
                continue
            if index < len(TODAY_SLOTS):
                h, m = TODAY_SLOTS[index]
                rows[VISIT].append(_visit(rng, case, _at(today, h, m), "planned", "home_visit",
                                          lang=lang, circle=circle))
            elif rng.random() < 0.06:  # planned, the day passed, not recorded yet
                late = _workday(today - dt.timedelta(days=rng.randint(1, 5)), later=False)
                rows[VISIT].append(_visit(rng, case, _at(late, 10), "planned", lang=lang,
                                          circle=circle))
            elif rng.random() < 0.8:
                ahead = _workday(today + dt.timedelta(days=rng.randint(1, 28)), later=True)
                rows[VISIT].append(_visit(rng, case, _at(ahead, rng.choice([9, 10, 14, 15])),
                                          "planned", lang=lang, circle=circle))
        if rng.random() < 0.22:
            for _ in range(rng.randint(1, 2)):
                admitted = today - dt.timedelta(days=rng.randint(2, 330))
                stay_days = rng.randint(0, 12)
                discharged = admitted + dt.timedelta(days=stay_days)
                rows[STAY].append({
                    "id": uuid7(), "patient_id": pid, "case_id": None,
                    "kind": "emergency" if stay_days == 0 else "admission",
                    "admitted_on": admitted,
                    "discharged_on": None if discharged >= today else discharged,
                    "hospital": rng.choice(HOSPITALS[lang]),
                    "reason": rng.choice(STAY_REASONS[lang]),
                    "planned": rng.random() < 0.15})
        yield pid, rows


def _write_case(ctx: AppContext, pid: str, case: dict[str, Any], rows: Rows,
                today: dt.date) -> None:
    """One episode through the services, in the order a case manager lives it."""
    request = L.RequestFields(
        requester_type=case["requester_type"], requester_name=case["requester_name"],
        request_date=case["request_date"], request_reason=case["request_reason"],
        clarified_request=case["clarified_request"])
    cid = cases.open_case(ctx, pid, request, opened_on=case["opened_on"],
                          tier=case["complexity_tier"])
    history = [h for h in rows[STATUS] if h["case_id"] == case["id"]]
    for h in history[1:]:  # the first is the opening
        if h["to_status"] != "closed":
            cases.change_status(ctx, cid, h["to_status"], on=h["changed_on"])
    for v in sorted((v for v in rows[VISIT] if v["case_id"] == case["id"]),
                    key=lambda v: v["planned_start"]):
        if v["status"] == "done":
            visits.record_visit(ctx, case_id=cid, kind=v["kind"], start=v["actual_start"],
                                end=v["actual_end"], place=v["place"],
                                participants=v["participants"], notes=v["notes"])
        else:
            visits.plan_visit(ctx, cid, kind=v["kind"], start=v["planned_start"],
                              end=v["planned_end"], place=v["place"],
                              participants=v["participants"])
    for n in (n for n in rows[NOTE] if n["case_id"] == case["id"]):
        journal.add_note(ctx, pid, n["text"], case_id=cid, written_at=n["written_at"])
    if case.get("closed_on"):
        cases.close_case(ctx, cid, case["closure_reason"], case["closed_on"])
        return
    # the relevance reviews answered every three months, the last one as `case_rows` planned
    due, last = case["relevance_review_due"], case["opened_on"]
    while due is not None and L.add_months(last, 3) < due:
        last = L.add_months(last, 3)
    if last > case["opened_on"]:
        cases.record_relevance_review(ctx, cid, on=min(today, last))


def _circle(ctx: AppContext, patient_id: str) -> Circle:
    """The patient's people of the ecosystem step: family, carers, friends and neighbours;
    and the professionals around them."""
    private: list[str] = []
    pros: list[str] = []
    roles: set[str] = set()
    for p in care_plans.ecosystem_choices(ctx, patient_id):
        name = f"{p.short_name or p.name} ({p.role})" if p.role else p.short_name or p.name
        (private if p.kind in PRIVATE_KINDS else pros).append(name)
        if p.kind in PRIVATE_KINDS and p.role:
            roles.add(p.role)
    return Circle(private, pros, frozenset(roles))


def step(ctx: AppContext, rng: random.Random, patient_ids: list[str],
         report: Callable[[int, int], None]) -> None:
    """Write the demo cases through the services, BATCH patients per transaction."""
    today = ctx.today()
    people = {pid: (p.lang, p.female, p.age(today))
              for pid, p in read_people(ctx, patient_ids).items()}
    circles = {pid: _circle(ctx, pid) for pid in patient_ids}
    batch: list[tuple[str, Rows]] = []
    done = 0

    def flush(items: list[tuple[str, Rows]]) -> None:
        def run() -> None:
            for pid, rows in items:
                for case in rows[CASE]:
                    _write_case(ctx, pid, case, rows, today)
                for h in rows[STAY]:
                    stays.add_stay(ctx, pid, kind=h["kind"], admitted_on=h["admitted_on"],
                                   discharged_on=h["discharged_on"], hospital=h["hospital"],
                                   reason=h["reason"], planned=h["planned"])
        ctx.write_many(run)

    for pid, rows in case_rows(rng, today, patient_ids, ctx.user_name, people=people,
                               circles=circles):
        batch.append((pid, rows))
        if len(batch) >= BATCH:
            flush(batch)
            done += len(batch)
            batch = []
            report(done, len(patient_ids))
    if batch:
        flush(batch)
        report(len(patient_ids), len(patient_ids))
