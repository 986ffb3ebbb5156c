"""Child process for the kill -9 tests: writes patients forever, printing each acknowledged id."""

from __future__ import annotations

import sys
from pathlib import Path

from desktop.services import patients
from desktop.services.context import AppContext


def main() -> None:
    folder, passphrase = Path(sys.argv[1]), sys.argv[2]
    ctx = AppContext.open(folder, passphrase)
    i = 0
    while True:
        pid = patients.add_patient(ctx, patients.PatientFields(
            family_name=f"Crash{i}", given_name="Test", city="Namur", phones=["0470 12 34 56"]))
        if i % 3 == 0:
            patients.edit_patient(ctx, pid, patients.PatientFields(city="Jambes"))
        print(pid, flush=True)  # acknowledged: the transaction has committed
        i += 1


if __name__ == "__main__":
    main()
