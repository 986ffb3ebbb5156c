"""A real X session on a virtual 1366×768 screen: Xvfb, the openbox window manager and a tint2
panel, as a case manager's laptop has (title bars and a panel leave about 700 px of height).

`python -m tools.xsession -- CMD ...` runs CMD inside such a session (DISPLAY set, the Qt xcb
platform) and stops the session afterwards. Used by `make screenshots` so the pictures in the
guides show what a person sees, window frame and panel included.

Needs Debian's xvfb, openbox and tint2 (`apt-get install xvfb openbox tint2`).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator

SCREEN = "1366x768x24"
PROGRAMS = {"Xvfb": "xvfb", "openbox": "openbox", "tint2": "tint2"}


def missing_programs() -> list[str]:
    """Debian packages to install before a session can start (empty when all are there)."""
    return [package for program, package in PROGRAMS.items() if shutil.which(program) is None]


def _free_display() -> int:
    for number in range(90, 200):
        if not os.path.exists(f"/tmp/.X11-unix/X{number}") and not os.path.exists(f"/tmp/.X{number}-lock"):
            return number
    raise RuntimeError("no free X display number between :90 and :199")


def _wait_for(display: str, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    socket = f"/tmp/.X11-unix/X{display.lstrip(':')}"
    while not os.path.exists(socket):
        if time.monotonic() > deadline:
            raise RuntimeError(f"Xvfb did not start on {display}")
        time.sleep(0.05)


@contextlib.contextmanager
def session() -> Iterator[dict[str, str]]:
    """Start Xvfb + openbox + tint2; yield the environment for programs to run in it."""
    missing = missing_programs()
    if missing:
        raise RuntimeError("install first: apt-get install " + " ".join(missing))
    display = f":{_free_display()}"
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    env.pop("WAYLAND_DISPLAY", None)
    quiet = subprocess.DEVNULL
    processes = [subprocess.Popen(["Xvfb", display, "-screen", "0", SCREEN, "-nolisten", "tcp"],
                                  stdout=quiet, stderr=quiet)]
    try:
        _wait_for(display)
        processes.append(subprocess.Popen(["openbox"], env=env, stdout=quiet, stderr=quiet))
        processes.append(subprocess.Popen(["tint2"], env=env, stdout=quiet, stderr=quiet))
        time.sleep(1.5)  # the panel reserves its strip before the first window maps
        yield env
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=5)


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["--"]:
        args = args[1:]
    if not args:
        print("usage: python -m tools.xsession -- CMD [ARGS...]", file=sys.stderr)
        return 2
    try:
        with session() as env:
            return subprocess.run(args, env=env).returncode
    except RuntimeError as error:
        print(error, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
