"""Child process for the unplanned-visit kill test: the real visit dialog (offscreen) with no
planned visit; the note is typed into it and the process prints the length of each draft the
dialog's DraftGuard has committed, until it is killed."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.services.context import AppContext  # noqa: E402
from desktop.ui.dossier.case_dialogs import VisitDialog  # noqa: E402
from tests.crash.typing_loop import NOTE  # noqa: E402


def main() -> None:
    folder, passphrase, case_id, patient_id = (Path(sys.argv[1]), sys.argv[2], sys.argv[3],
                                               sys.argv[4])
    app = QApplication([])
    ctx = AppContext.open(folder, passphrase)
    dialog = VisitDialog(None, ctx, case_id=case_id, patient_id=patient_id, record=True,
                         autosave_seconds=0.05)
    dialog.show()
    guard = dialog.draft_guard
    assert guard is not None
    last = None
    for ch in NOTE:
        dialog.notes.insertPlainText(ch)
        app.processEvents()
        if guard.autosaver.saved_text != last:
            last = guard.autosaver.saved_text
            print(len((last or "").strip()), flush=True)  # acknowledged: the draft committed
        time.sleep(0.005)
    guard.flush()
    print("done", flush=True)
    while True:
        app.processEvents()
        time.sleep(0.05)


if __name__ == "__main__":
    main()
