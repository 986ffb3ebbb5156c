"""`make run` checks that Qt's platform plugin can load before opening a window: missing system
libraries are named with the one command that installs them (tools/qt_check.py)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tools import qt_check

ROOT = Path(__file__).resolve().parents[2]
FRESH_UBUNTU = ["libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"]
UBUNTU = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\nVERSION_ID="24.04"\n'
FEDORA = 'NAME="Fedora Linux"\nID=fedora\nVERSION_ID=40\n'
ARCH = 'NAME="Arch Linux"\nID=arch\n'


def test_the_libraries_of_a_fresh_machine_map_to_their_packages() -> None:
    advice = qt_check.advise(FRESH_UBUNTU)
    assert advice.apt == ("libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1")
    assert advice.dnf == ("xcb-util-cursor", "xcb-util-wm", "xcb-util-keysyms")
    assert advice.unknown == ()


def test_message_names_the_libraries_and_one_command() -> None:
    advice = qt_check.advise(FRESH_UBUNTU)
    text = qt_check.message(advice, qt_check.distro(UBUNTU))
    assert all(so in text for so in FRESH_UBUNTU)
    commands = [line for line in text.splitlines() if "install" in line and "Install" in line]
    assert len(commands) == 1
    assert commands[0].endswith("sudo apt-get install -y libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1")
    fedora = qt_check.message(advice, qt_check.distro(FEDORA))
    assert "sudo dnf install -y xcb-util-cursor xcb-util-wm xcb-util-keysyms" in fedora
    assert "apt-get" not in fedora
    # an unknown distribution: both commands; root needs no sudo
    both = qt_check.message(advice, qt_check.distro(ARCH), root=True)
    assert "(Debian/Ubuntu):  apt-get install -y" in both and "(Fedora):  dnf install -y" in both
    assert "sudo" not in both


def test_a_library_without_a_known_package_is_named_with_how_to_find_it() -> None:
    advice = qt_check.advise(["libxcb-cursor.so.0", "libweird.so.3"])
    text = qt_check.message(advice, "debian")
    assert advice.unknown == ("libweird.so.3",) and advice.apt == ("libxcb-cursor0",)
    assert "libweird.so.3" in text and "apt-file search" in text


@given(st.lists(st.sampled_from(sorted(qt_check.PACKAGES)), min_size=1))
def test_every_missing_library_is_named_and_its_packages_installed(missing: list[str]) -> None:
    advice = qt_check.advise(missing)
    assert set(advice.missing) == set(missing) and len(advice.missing) == len(set(missing))
    assert set(advice.apt) == {qt_check.PACKAGES[so][0] for so in missing}
    assert set(advice.dnf) == {qt_check.PACKAGES[so][1] for so in missing}
    for family, packages in (("debian", advice.apt), ("fedora", advice.dnf)):
        text = qt_check.message(advice, family)
        command = next(line for line in text.splitlines() if line.startswith("Install"))
        assert command.split()[-len(packages):] == list(packages)
        assert all(so in text for so in missing)


def test_distribution_families() -> None:
    assert qt_check.distro(UBUNTU) == "debian"
    assert qt_check.distro('ID=debian\n') == "debian"
    assert qt_check.distro('ID=linuxmint\nID_LIKE="ubuntu debian"\n') == "debian"
    assert qt_check.distro(FEDORA) == "fedora"
    assert qt_check.distro('ID="rocky"\nID_LIKE="rhel centos fedora"\n') == "fedora"
    assert qt_check.distro(ARCH) is None


def test_parse_ldd_and_qt_plugin_messages() -> None:
    ldd = ("\tlinux-vdso.so.1 (0x00007ffd)\n"
           "\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f)\n"
           "\tlibxcb-icccm.so.4 => not found\n"
           "\tlibxcb-keysyms.so.1 => not found\n"
           "\tlibxcb-icccm.so.4 => not found\n")
    assert qt_check.parse_ldd(ldd) == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]
    qt = ('qt.core.library: "/venv/PySide6/Qt/plugins/platforms/libqxcb.so" cannot load: Cannot '
          'load library /venv/PySide6/Qt/plugins/platforms/libqxcb.so: (libxcb-icccm.so.4: cannot '
          'open shared object file: No such file or directory)\n'
          'qt.qpa.plugin: From 6.5.0, xcb-cursor0 or libxcb-cursor0 is needed to load the Qt xcb '
          'platform plugin.\n')
    assert qt_check.parse_qt_messages(qt) == ["libxcb-icccm.so.4"]
    assert qt_check.parse_qt_hints(qt) == ["libxcb-cursor.so.0"]


@pytest.mark.skipif(not (shutil.which("gcc") and shutil.which("ldd")), reason="needs gcc and ldd")
def test_ldd_finds_the_missing_library_of_a_real_plugin(tmp_path: Path) -> None:
    soname = "libxcb-relais-test.so.0"  # on no machine: stands for a library not installed
    (tmp_path / "stub.c").write_text("int stub(void) { return 1; }\n")
    (tmp_path / "plugin.c").write_text("int stub(void);\nint plugin(void) { return stub(); }\n")
    subprocess.run(["gcc", "-shared", "-fPIC", f"-Wl,-soname,{soname}", "-o",
                    str(tmp_path / soname), str(tmp_path / "stub.c")], check=True)
    subprocess.run(["gcc", "-shared", "-fPIC", "-o", str(tmp_path / "libqxcb.so"),
                    str(tmp_path / "plugin.c"), f"-L{tmp_path}", f"-l:{soname}"], check=True)
    (tmp_path / soname).unlink()  # a fresh machine: the library is not there
    missing = qt_check.ldd_missing(tmp_path / "libqxcb.so")
    assert missing == [soname]
    assert soname in qt_check.message(qt_check.advise(missing), "debian")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check is for Linux")
def test_no_display_is_said_clearly_and_nothing_installed() -> None:
    said: list[str] = []
    ran: list[list[str]] = []
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    assert qt_check.check(env, run=lambda argv: ran.append(argv) or 0, out=said.append) == 1
    assert ran == [] and len(said) == 1
    assert "No display" in said[0] and "DISPLAY" in said[0] and "WAYLAND_DISPLAY" in said[0]


@pytest.mark.skipif(not (sys.platform.startswith("linux") and shutil.which("Xvfb")),
                    reason="needs Xvfb")
def test_on_a_real_display_the_app_starts_or_the_missing_libraries_are_handled(
        tmp_path: Path) -> None:
    """Whatever this machine has installed: either Qt starts, or exactly the libraries ldd
    finds missing are named (and, as root on Debian/Ubuntu, handed to apt-get install -y; the
    runner records the command and fails instead of installing here)."""
    number = 90 + os.getpid() % 400
    xvfb = subprocess.Popen(["Xvfb", f":{number}", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            if Path(f"/tmp/.X11-unix/X{number}").exists():
                break
            time.sleep(0.1)
        env = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
        env["DISPLAY"] = f":{number}"
        said: list[str] = []
        ran: list[list[str]] = []
        code = qt_check.check(env, run=lambda argv: ran.append(argv) or 1, out=said.append)
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)
    platforms = qt_check.platforms_dir()
    assert platforms is not None
    missing = qt_check.ldd_missing(platforms / "libqxcb.so")
    if not missing:
        assert code == 0 and said == [] and ran == []
        return
    assert code == 1
    packages = list(qt_check.advise(missing).apt)
    if os.geteuid() == 0 and qt_check.distro() == "debian":
        assert ran[0][:3] == ["apt-get", "install", "-y"] and set(ran[0][3:]) == set(packages)
        assert said[-1].startswith("Could not install the libraries Qt needs")  # the runner failed
    else:
        assert ran == []
        assert all(so in said[-1] for so in missing)


def test_make_run_checks_qt_before_the_app() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^run:.*\n((?:\t.*\n)+)", makefile, re.M)
    assert recipe is not None
    body = recipe.group(1)
    assert "tools.qt_check" in body and body.index("tools.qt_check") < body.index("tools.run_demo")
    assert re.search(r"tools\.qt_check\s*&&", body), "the app must not start when the check fails"


# Qt's own words on a fresh Ubuntu with a display (QT_DEBUG_PLUGINS=1): the xcb plugin cannot load
FRESH_QT_OUTPUT = (
    'qt.core.library: "/venv/PySide6/Qt/plugins/platforms/libqxcb.so" cannot load: Cannot load '
    'library /venv/PySide6/Qt/plugins/platforms/libqxcb.so: (libxcb-cursor.so.0: cannot open '
    'shared object file: No such file or directory)\n'
    'qt.core.library: "/venv/PySide6/Qt/plugins/platforms/libqxcb.so" cannot load: Cannot load '
    'library /venv/PySide6/Qt/plugins/platforms/libqxcb.so: (libxcb-icccm.so.4: cannot open '
    'shared object file: No such file or directory)\n'
    'qt.core.library: "/venv/PySide6/Qt/plugins/platforms/libqxcb.so" cannot load: Cannot load '
    'library /venv/PySide6/Qt/plugins/platforms/libqxcb.so: (libxcb-keysyms.so.1: cannot open '
    'shared object file: No such file or directory)\n'
    'qt.qpa.plugin: From 6.5.0, xcb-cursor0 or libxcb-cursor0 is needed to load the Qt xcb '
    'platform plugin.\n'
    'qt.qpa.plugin: Could not load the Qt platform plugin "xcb" in "" even though it was found.\n')


class Probes:
    """What starting Qt answers, one answer per start (the first fails as on a fresh machine)."""

    def __init__(self, *answers: tuple[bool, str]) -> None:
        self.answers = list(answers)
        self.envs: list[dict[str, str]] = []

    def __call__(self, env: dict[str, str]) -> tuple[bool, str]:
        self.envs.append(env)
        return self.answers.pop(0)


class Installer:
    """The OS boundary: records each command instead of running a package manager."""

    def __init__(self, *statuses: int) -> None:
        self.statuses = list(statuses)
        self.ran: list[list[str]] = []

    def __call__(self, argv: list[str]) -> int:
        self.ran.append(argv)
        return self.statuses.pop(0)


def display_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["DISPLAY"] = ":0"
    return env


def fresh_machine_missing(env: dict[str, str]) -> list[str]:
    """The libraries check() finds missing: Qt's messages, plus whatever this machine lacks."""
    return qt_check.find_missing(env, FRESH_QT_OUTPUT)


linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check is for Linux")


@linux_only
def test_missing_libraries_as_a_user_on_debian_are_named_with_the_apt_command() -> None:
    env = display_env()
    probes, installer, said = Probes((False, FRESH_QT_OUTPUT)), Installer(), []
    code = qt_check.check(env, probe_qt=probes, os_release=UBUNTU, root=False,
                          run=installer, out=said.append)
    assert code == 1 and installer.ran == [] and len(probes.envs) == 1
    assert len(said) == 1
    text = said[0]
    assert all(so in text for so in FRESH_UBUNTU)
    packages = qt_check.advise(fresh_machine_missing(env)).apt
    assert f"(Debian/Ubuntu):  sudo apt-get install -y {' '.join(packages)}" in text
    assert {"libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1"} <= set(packages)
    assert "dnf" not in text and "Installing" not in text


@linux_only
def test_missing_libraries_on_fedora_are_named_with_the_dnf_command_even_as_root() -> None:
    env = display_env()
    for root in (False, True):
        probes, installer, said = Probes((False, FRESH_QT_OUTPUT)), Installer(), []
        code = qt_check.check(env, probe_qt=probes, os_release=FEDORA, root=root,
                              run=installer, out=said.append)
        assert code == 1 and installer.ran == [] and len(said) == 1
        packages = qt_check.advise(fresh_machine_missing(env)).dnf
        sudo = "" if root else "sudo "
        assert f"(Fedora):  {sudo}dnf install -y {' '.join(packages)}" in said[0]
        assert {"xcb-util-cursor", "xcb-util-wm", "xcb-util-keysyms"} <= set(packages)
        assert all(so in said[0] for so in FRESH_UBUNTU) and "apt-get" not in said[0]


@linux_only
def test_as_root_on_debian_the_libraries_are_installed_then_qt_probed_again_and_make_run_goes_on(
        ) -> None:
    env = display_env()
    probes = Probes((False, FRESH_QT_OUTPUT), (True, ""))
    installer, said = Installer(0), []
    code = qt_check.check(env, probe_qt=probes, os_release=UBUNTU, root=True,
                          run=installer, out=said.append)
    packages = list(qt_check.advise(fresh_machine_missing(env)).apt)
    assert installer.ran == [["apt-get", "install", "-y", *packages]]
    assert len(probes.envs) == 2, "Qt is started again after the install"
    assert code == 0
    assert said == ["Installing the libraries Qt needs: apt-get install -y " + " ".join(packages)]


@linux_only
def test_as_root_on_debian_without_package_lists_apt_is_updated_once_then_installs() -> None:
    env = display_env()
    probes = Probes((False, FRESH_QT_OUTPUT), (True, ""))
    installer = Installer(100, 0, 0)  # "Unable to locate package": no lists on a fresh machine
    code = qt_check.check(env, probe_qt=probes, os_release=UBUNTU, root=True,
                          run=installer, out=lambda s: None)
    install = ["apt-get", "install", "-y", *qt_check.advise(fresh_machine_missing(env)).apt]
    assert installer.ran == [install, ["apt-get", "update"], install]
    assert code == 0 and len(probes.envs) == 2


@linux_only
def test_a_failed_install_is_one_clear_line_and_a_non_zero_exit() -> None:
    env = display_env()
    probes = Probes((False, FRESH_QT_OUTPUT))
    installer, said = Installer(100, 100, 100), []
    code = qt_check.check(env, probe_qt=probes, os_release=UBUNTU, root=True,
                          run=installer, out=said.append)
    assert code != 0
    assert len(probes.envs) == 1, "Qt is not started again when nothing was installed"
    assert said[0].startswith("Installing the libraries Qt needs:")
    assert len(said) == 2 and "\n" not in said[1]
    install = " ".join(installer.ran[0])
    assert said[1] == (f"Could not install the libraries Qt needs (apt-get exited with 100): "
                       f"run `{install}` yourself to see why, then `make run` again.")


@linux_only
def test_installed_but_qt_still_fails_names_what_is_still_missing() -> None:
    env = display_env()
    still = ('qt.core.library: cannot load: (libxkbcommon-x11.so.0: cannot open shared object '
             'file: No such file or directory)\n')
    probes = Probes((False, FRESH_QT_OUTPUT), (False, still))
    installer, said = Installer(0), []
    code = qt_check.check(env, probe_qt=probes, os_release=UBUNTU, root=True,
                          run=installer, out=said.append)
    assert code == 1 and len(installer.ran) == 1 and len(probes.envs) == 2
    assert "libxkbcommon-x11.so.0" in said[-1]
    assert "apt-get install -y libxkbcommon-x11-0" in said[-1] and "sudo" not in said[-1]


def test_without_a_package_manager_the_install_fails_cleanly() -> None:
    assert qt_check.run_installer(["relais-no-such-package-manager", "install", "-y", "x"]) == 127
