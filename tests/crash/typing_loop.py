"""Child process for the autosave kill test: types a visit note through the draft service,
printing the text after each acknowledged autosave, until it is killed."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from desktop.services import drafts
from desktop.services.context import AppContext

NOTE = ("Visite à domicile avec la fille de Mme. Deux chutes ce mois-ci, la dernière la nuit "
        "en allant aux toilettes. Elle refuse encore le bracelet d'appel. Proposition : "
        "veilleuse dans le couloir, kiné deux fois par semaine, rappel au médecin traitant "
        "pour revoir le somnifère. L'aidante se dit épuisée ; parler du centre de jour. ") * 3


def main() -> None:
    folder, passphrase, visit_id, patient_id = Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
    ctx = AppContext.open(folder, passphrase)
    saver = drafts.Autosaver(ctx, drafts.visit_notes_key(visit_id), "visit_notes",
                             patient_id=patient_id, context={"visit_id": visit_id}, interval=0.05)
    for i in range(1, len(NOTE) + 1):
        if saver.typed(NOTE[:i]):
            print(len(NOTE[:i].strip()), flush=True)  # acknowledged: the draft has committed
        time.sleep(0.005)
    saver.flush()
    print("done", flush=True)
    while True:
        time.sleep(1)


if __name__ == "__main__":
    main()
