"""`make run`, before any window: can Qt's platform plugin load on this machine?

Qt's wheels bring Qt itself, not the X11/Wayland client libraries of the system. On a fresh Linux
desktop the first window dies with "Could not load the Qt platform plugin "xcb" … libxcb-cursor0
is needed". This check runs a tiny QApplication in a subprocess; when it fails it finds the
missing libraries (ldd on the venv's plugin, Qt's own plugin messages), names them and the one
command that installs them, and installs them itself when run as root on Debian/Ubuntu.

    python -m tools.qt_check      # exit 0: go ahead; 1: explained on stderr
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

# shared library (soname) -> (Debian/Ubuntu package, Fedora package)
PACKAGES: dict[str, tuple[str, str]] = {
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libxcb-glx.so.0": ("libxcb-glx0", "libxcb"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-xinerama.so.0": ("libxcb-xinerama0", "libxcb"),
    "libxcb-xinput.so.0": ("libxcb-xinput0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libSM.so.6": ("libsm6", "libSM"),
    "libICE.so.6": ("libice6", "libICE"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libGLX.so.0": ("libglx0", "libglvnd-glx"),
    "libOpenGL.so.0": ("libopengl0", "libglvnd-opengl"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libgthread-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libwayland-client.so.0": ("libwayland-client0", "libwayland-client"),
    "libwayland-cursor.so.0": ("libwayland-cursor0", "libwayland-cursor"),
    "libwayland-egl.so.1": ("libwayland-egl1", "libwayland-egl"),
}
DEBIAN, FEDORA = "debian", "fedora"
# Qt (6.5+) says this one in words rather than by file name
QT_HINTS = {"xcb-cursor0 or libxcb-cursor0 is needed": "libxcb-cursor.so.0"}


@dataclass(frozen=True)
class Advice:
    missing: tuple[str, ...]  # sonames
    apt: tuple[str, ...]
    dnf: tuple[str, ...]
    unknown: tuple[str, ...]  # sonames we have no package name for


def advise(missing: Iterable[str]) -> Advice:
    names = tuple(dict.fromkeys(missing))
    known = [PACKAGES[n] for n in names if n in PACKAGES]
    return Advice(missing=names,
                  apt=tuple(dict.fromkeys(a for a, _ in known)),
                  dnf=tuple(dict.fromkeys(d for _, d in known)),
                  unknown=tuple(n for n in names if n not in PACKAGES))


def parse_ldd(output: str) -> list[str]:
    """Sonames ldd reports as "not found" (transitive dependencies included)."""
    return list(dict.fromkeys(re.findall(r"^\s*(\S+\.so[.\d]*)\s+=>\s+not found", output, re.M)))


def parse_qt_messages(output: str) -> list[str]:
    """Missing libraries named in Qt's plugin messages (QT_DEBUG_PLUGINS=1 output included)."""
    found = re.findall(r"(lib[\w.+-]+\.so[.\d]*): cannot open shared object file", output)
    return list(dict.fromkeys(found))


def parse_qt_hints(output: str) -> list[str]:
    """Libraries Qt names in words. Qt 6.5+ prints the xcb-cursor hint whenever the xcb plugin
    fails, whatever the cause: a last resort when nothing else names the culprit."""
    return [so for hint, so in QT_HINTS.items() if hint in output]


def distro(os_release: str | None = None) -> str | None:
    """"debian" (Debian, Ubuntu, Mint…), "fedora" (Fedora, RHEL…) or None."""
    if os_release is None:
        try:
            os_release = Path("/etc/os-release").read_text(encoding="utf-8")
        except OSError:
            return None
    fields = dict(re.findall(r'^(\w+)="?([^"\n]*)"?$', os_release, re.M))
    ids = {fields.get("ID", "").lower(), *fields.get("ID_LIKE", "").lower().split()}
    if ids & {"debian", "ubuntu"}:
        return DEBIAN
    if ids & {"fedora", "rhel", "centos"}:
        return FEDORA
    return None


def install_command(advice: Advice, family: str, *, root: bool) -> list[str]:
    sudo = [] if root else ["sudo"]
    if family == DEBIAN:
        return [*sudo, "apt-get", "install", "-y", *advice.apt]
    return [*sudo, "dnf", "install", "-y", *advice.dnf]


def message(advice: Advice, family: str | None, *, root: bool = False) -> str:
    """What is missing and the one command that installs it (both families when unknown)."""
    lines = ["Qt cannot open a window: system libraries are missing: "
             + ", ".join(advice.missing) + "."]
    families = [family] if family else [DEBIAN, FEDORA]
    labels = {DEBIAN: "Debian/Ubuntu", FEDORA: "Fedora"}
    for fam in families:
        packages = advice.apt if fam == DEBIAN else advice.dnf
        if packages:
            lines.append(f"Install them ({labels[fam]}):  "
                         + " ".join(install_command(advice, fam, root=root)))
    if advice.unknown:
        lines.append("Look up the package of " + ", ".join(advice.unknown)
                     + " (apt-file search NAME, or dnf provides '*/NAME').")
    lines.append("Then run `make run` again.")
    return "\n".join(lines)


NO_DISPLAY = ("No display: `make run` opens a window and needs a graphical session (DISPLAY or "
              "WAYLAND_DISPLAY is not set). Run it from the desktop's terminal, or over ssh with "
              "`ssh -X`. Without a screen, `make test` and `python -m desktop --self-test` work.")


def platforms_dir() -> Path | None:
    try:
        import PySide6  # only the package folder: nothing of Qt is loaded here
    except ImportError:
        return None
    folder = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms"
    return folder if folder.is_dir() else None


def plugin_candidates(env: dict[str, str]) -> list[str]:
    names = []
    if env.get("WAYLAND_DISPLAY"):
        names.append("libqwayland.so")
    if env.get("DISPLAY"):
        names.append("libqxcb.so")
    return names


def ldd_missing(library: Path) -> list[str]:
    if shutil.which("ldd") is None or not library.exists():
        return []
    proc = subprocess.run(["ldd", str(library)], capture_output=True, text=True, timeout=60)
    return parse_ldd(proc.stdout)


PROBE = "from PySide6.QtWidgets import QApplication; QApplication([]); print('qt-ok')"


def probe(env: dict[str, str]) -> tuple[bool, str]:
    """Start a QApplication in a subprocess (a failing platform plugin aborts the process)."""
    try:
        proc = subprocess.run([sys.executable, "-c", PROBE],
                              env={**env, "QT_DEBUG_PLUGINS": "1"},
                              capture_output=True, text=True, timeout=120)
    except subprocess.TimeoutExpired:
        return False, "Qt did not start within 2 minutes (an unresponsive display?)"
    return proc.returncode == 0 and "qt-ok" in proc.stdout, proc.stderr


def find_missing(env: dict[str, str], qt_output: str) -> list[str]:
    missing = parse_qt_messages(qt_output)
    folder = platforms_dir()
    if folder is not None:
        for name in plugin_candidates(env):
            missing += ldd_missing(folder / name)
    return list(dict.fromkeys(missing or parse_qt_hints(qt_output)))


def run_installer(argv: list[str]) -> int:
    """The one step that changes the machine: run a package manager, its exit status back."""
    try:
        return subprocess.call(argv)
    except OSError:  # no apt-get here, or not executable
        return 127


def install_failed(command: list[str], status: int) -> str:
    return (f"Could not install the libraries Qt needs ({command[0]} exited with {status}): "
            f"run `{' '.join(command)}` yourself to see why, then `make run` again.")


def check(env: dict[str, str] | None = None, *,
          probe_qt: Callable[[dict[str, str]], tuple[bool, str]] = probe,
          os_release: str | None = None,
          root: bool | None = None,
          run: Callable[[list[str]], int] = run_installer,
          out: Callable[[str], None] = lambda s: print(s, file=sys.stderr, flush=True)) -> int:
    """0: Qt can open a window (perhaps after installing what it needs); 1: said why on `out`.

    The seams, for tests: `probe_qt(env)` starts Qt and says (ok, its messages); `os_release`
    the text of /etc/os-release (read when None); `root` whether we run as root (asked when
    None); `run(argv)` runs the installer and gives its exit status."""
    env = dict(os.environ if env is None else env)
    if not sys.platform.startswith("linux"):
        return 0  # macOS and Windows wheels carry what they need
    platform = env.get("QT_QPA_PLATFORM", "")
    if platform in ("offscreen", "minimal", "vnc"):
        return 0
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        out(NO_DISPLAY)
        return 1
    ok, qt_output = probe_qt(env)
    if ok:
        return 0
    missing = find_missing(env, qt_output)
    if not missing:
        last = [line for line in qt_output.splitlines() if line.strip()][-3:]
        out("Qt cannot open a window on this display:\n  " + "\n  ".join(last)
            + "\n(Is the display reachable? Try `xdpyinfo`, or QT_DEBUG_PLUGINS=1 for details.)")
        return 1
    advice = advise(missing)
    family = distro(os_release)
    if root is None:
        root = hasattr(os, "geteuid") and os.geteuid() == 0
    if root and family == DEBIAN and advice.apt and not advice.unknown:
        command = install_command(advice, DEBIAN, root=True)
        out("Installing the libraries Qt needs: " + " ".join(command))
        status = run(command)
        if status != 0:  # a fresh machine may not have package lists yet
            run(["apt-get", "update"])
            status = run(command)
        if status != 0:
            out(install_failed(command, status))
            return 1
        ok, qt_output = probe_qt(env)
        if ok:
            return 0
        advice = advise(find_missing(env, qt_output) or missing)
    out(message(advice, family, root=root))
    return 1


if __name__ == "__main__":
    sys.exit(check())
