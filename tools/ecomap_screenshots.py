"""Screenshots of a 25-contact ecomap for review: the exported PNG (reportlab renderer) and the
Qt editor. `python -m tools.ecomap_screenshots [OUT_DIR]` (default docs/screenshots)."""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from desktop.services.context import AppContext
    from desktop.ui.dossier.window import DossierWindow

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TODAY = dt.date(2026, 11, 23)
# (kind, given, family or organisation, role, strength, quality, flow, flags)
PEOPLE = [
    ("informal_carer", "Monique", "Lejeune", "épouse, aidante principale", "strong", "supportive", "both", "carer,reference"),
    ("informal_carer", "Sophie", "Lejeune", "fille, courses et papiers", "strong", "stressful", "to_patient", "carer"),
    ("family", "Thomas", "Lejeune", "fils, vit à Liège", "tenuous", "neutral", "none", ""),
    ("family", "Léa", "Lejeune", "petite-fille", "moderate", "supportive", "both", ""),
    ("family", "Jean-Pierre", "Lejeune", "frère", "tenuous", "stressful", "from_patient", ""),
    ("friend", "Robert", "Gilson", "ami, partie de cartes", "moderate", "supportive", "both", ""),
    ("neighbour", "Josiane", "Renard", "voisine, clé de secours", "moderate", "supportive", "to_patient", ""),
    ("gp", "Anne", "Claes", "médecin traitant", "strong", "supportive", "to_patient", "gp"),
    ("nurse", None, "Soins à domicile Marche", "toilette matin et soir", "strong", "supportive", "to_patient", ""),
    ("nurse", "Brigitte", "Rousseau", "pansements", "moderate", "neutral", "to_patient", ""),
    ("pharmacist", None, "Pharmacie du Centre", "pilulier hebdomadaire", "moderate", "supportive", "to_patient", ""),
    ("physio", "Olivier", "Peeters", "kiné à domicile, lundi et jeudi", "moderate", "neutral", "to_patient", ""),
    ("specialist", "Luc", "Vandenbroucke", "cardiologue", "tenuous", "neutral", "to_patient", ""),
    ("hospital", None, "CHU de Namur", "suivi gériatrique", "tenuous", "stressful", "to_patient", ""),
    ("home_help", None, "Aide familiale CSD", "ménage et courses, mardi", "moderate", "supportive", "to_patient", ""),
    ("meals", None, "Repas à domicile Marche", "repas chauds en semaine", "moderate", "neutral", "to_patient", ""),
    ("social_worker", None, "Service social de la mutualité", "droits, aides financières", "tenuous", "supportive", "to_patient", ""),
    ("cpas", None, "CPAS de Marche-en-Famenne", "médiation de dettes", "moderate", "stressful", "both", ""),
    ("mutualite", None, "Mutualité chrétienne", "remboursements, MAF", "tenuous", "neutral", "to_patient", ""),
    ("patient_association", None, "Ligue Alzheimer", "groupe de parole des aidants", "tenuous", "supportive", "to_patient", ""),
    ("friend", "Marcel", "Hubert", "ancien collègue", "tenuous", "neutral", "both", ""),
    ("neighbour", "Ghislaine", "Piette", "voisine", "tenuous", "stressful", "none", ""),
    ("other", None, "Paroisse Saint-Remacle", "visites le dimanche", "moderate", "supportive", "to_patient", ""),
    ("other", None, "Taxi social de la commune", "transport à l'hôpital", "tenuous", "neutral", "to_patient", ""),
    ("family", "Hélène", "Lejeune", "belle-fille", "moderate", "neutral", "both", ""),
]


def build(ctx: AppContext) -> str:
    from desktop.domain.contacts import ContactFields
    from desktop.domain.ecomap import TieFields
    from desktop.services import ecosystem
    from desktop.services.patients import PatientFields, add_patient

    pid = add_patient(ctx, PatientFields(family_name="Lejeune", given_name="Marcel"))
    for kind, given, name, role, strength, quality, flow, flags in PEOPLE:
        person = given is not None
        contact = ContactFields(kind=kind, given_name=given, family_name=name if person else None,
                                organisation=None if person else name,
                                is_organisation=not person)
        tie = TieFields(role=role, strength=strength, quality=quality, energy_flow=flow,
                        is_gp="gp" in flags, is_informal_carer="carer" in flags,
                        is_reference_person="reference" in flags)
        ecosystem.add_contact_and_link(ctx, pid, contact, tie)
    return pid


def main(out_dir: Path) -> list[Path]:
    from desktop.services import ecosystem
    from desktop.services.context import AppContext

    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        ctx, _ = AppContext.create(Path(tmp) / "vault", "screenshots only", user_name="Demo",
                                   today=lambda: TODAY, throwaway=True)  # cheap KDF
        try:
            pid = build(ctx)
            exported = ecosystem.export_ecomap(ctx, pid, out_dir / "ecomap.png", lang="fr")
            from desktop.ui.app import make_app
            from desktop.ui.bus import DataBus
            from desktop.ui.ecomap.tab import EcosystemTab
            from desktop.ui.i18n import install_language

            app = make_app()
            install_language("fr")
            # a stand-in for the dossier window: the screenshot shows the tab alone
            dossier = cast("DossierWindow", SimpleNamespace(ctx=ctx, patient_id=pid, bus=DataBus()))
            tab = EcosystemTab(dossier)
            tab.resize(1500, 1000)
            tab.show()
            app.processEvents()
            tab.refresh()
            tab.map.view.fit()
            app.processEvents()
            editor = out_dir / "ecomap_editor.png"
            tab.grab().save(str(editor))
            tab.close()
        finally:
            ctx.lock()
    return [exported, editor]


if __name__ == "__main__":
    for path in main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")):
        print(path)
