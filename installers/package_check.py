"""`make package-check`: smoke-test the Linux bundle, the .deb and the AppDir.

1. `dist/relais/relais --self-test` offscreen, with a normal and with an unusable home folder;
2. the bundle holds no Qt module outside installers/qt-modules.txt; its size is printed;
3. build the .deb, check it holds the binary, the desktop entry and the icons, then unpack it
   and run the unpacked binary's self-test;
4. build the AppDir (and the AppImage when appimagetool is present) and run AppRun --self-test.

Exits non-zero at the first failure with a line that says what is wrong.
"""

from __future__ import annotations

import configparser
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "relais"
INTERNAL = BUNDLE / "_internal"

# Native Qt libraries that the allowed modules' platform plugins link to (X11, Wayland, D-Bus
# for the desktop portal and input methods, OpenGL for GL integrations). Any other libQt6* is
# a module we do not use.
PLATFORM_SUPPORT = {"DBus", "OpenGL", "XcbQpa", "WaylandClient", "WlShellIntegration",
                    "WaylandEglClientHwIntegration"}


class CheckFailed(Exception):
    pass


def step(title: str) -> None:
    print(f"\n== {title}", flush=True)


def qt_modules_used() -> set[str]:
    lines = (ROOT / "installers" / "qt-modules.txt").read_text().splitlines()
    return {x.strip() for x in lines if x.strip() and not x.startswith("#")}


def self_test(binary: Path, home: Path | None = None, as_user: list[str] | None = None) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "RELAIS_"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    if home is not None:
        env["HOME"] = str(home)
    proc = subprocess.run([*(as_user or []), str(binary), "--self-test"], env=env,
                          capture_output=True, text=True, timeout=300)
    if proc.returncode != 0:
        raise CheckFailed(f"{binary} --self-test exited {proc.returncode}:\n"
                          f"{proc.stdout}{proc.stderr}")
    return proc.stdout.strip()


def read_only_home(tmp: Path) -> tuple[Path, list[str]]:
    """A home folder the self-test cannot write into. Root writes anywhere, so as root the
    self-test runs as `nobody` (setpriv) against a root-owned folder with mode 0555."""
    home = tmp / "ro-home"
    home.mkdir()
    home.chmod(0o555)
    if os.geteuid() != 0:
        return home, []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        raise CheckFailed("running as root without setpriv: cannot make a read-only home")
    tmp.chmod(0o755)  # let `nobody` reach the home folder
    return home, [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]


def check_qt_modules() -> None:
    used = qt_modules_used()
    bindings = {p.name.split(".")[0] for p in (INTERNAL / "PySide6").glob("Qt*.*")
                if p.suffix in (".so", ".pyd")}
    extra = bindings - used
    if extra:
        raise CheckFailed(f"unused Qt Python modules in the bundle: {sorted(extra)}")
    dangling = [p for p in INTERNAL.rglob("*") if p.is_symlink() and not p.exists()]
    if dangling:
        raise CheckFailed(f"dangling links in the bundle: {[str(p) for p in dangling[:5]]}")
    libs = {m.group(1) for p in INTERNAL.rglob("*Qt6*")
            if (m := re.match(r"(?:lib)?Qt6(\w+?)\.(?:so|dll|dylib)", p.name))}
    unused = libs - used_lib_names(used) - PLATFORM_SUPPORT
    if unused:
        raise CheckFailed(f"unused Qt libraries in the bundle: {sorted(unused)}")
    print(f"Qt modules: {sorted(bindings)}; Qt libraries: {sorted(libs)}")


def used_lib_names(modules: set[str]) -> set[str]:
    return {m.removeprefix("Qt") for m in modules}


def report_size() -> None:
    def size(path: Path) -> int:
        if path.is_file():
            return path.stat().st_size
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())

    total = size(BUNDLE)
    print(f"bundle size: {total / 2**20:.1f} MiB ({BUNDLE.relative_to(ROOT)})")
    parts = sorted(((size(p), p.name) for p in INTERNAL.iterdir() if not p.is_symlink()),
                   reverse=True)[:8]
    for n, name in parts:
        print(f"  {n / 2**20:7.1f} MiB  {name}")


def build_deb() -> Path:
    env = {**os.environ, "DEB_COMPRESS": os.environ.get("DEB_COMPRESS", "gzip")}
    out = subprocess.run([str(ROOT / "installers" / "linux" / "build-deb.sh")], cwd=ROOT,
                         capture_output=True, text=True, check=False, env=env)
    if out.returncode != 0:
        raise CheckFailed(f"build-deb.sh failed:\n{out.stdout}{out.stderr}")
    return ROOT / out.stdout.strip().splitlines()[-1]


def check_deb(deb: Path, tmp: Path) -> None:
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True,
                             check=True).stdout
    names = {line.split()[5].removeprefix(".") for line in listing.splitlines() if line.strip()}
    required = ["/opt/relais/relais", "/usr/bin/relais",
                "/usr/share/applications/be.relais.Relais.desktop",
                "/usr/share/icons/hicolor/256x256/apps/relais.png",
                "/usr/share/icons/hicolor/scalable/apps/relais.svg"]
    missing = [r for r in required if r not in names]
    if missing:
        raise CheckFailed(f"{deb.name} lacks {missing}")
    for field in ("Package", "Version", "Architecture", "Depends"):
        value = subprocess.run(["dpkg-deb", "-f", str(deb), field], capture_output=True,
                               text=True, check=True).stdout.strip()
        if not value:
            raise CheckFailed(f"{deb.name}: control field {field} is empty")
    root = tmp / "deb-root"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    check_desktop_entry(root / "usr/share/applications/be.relais.Relais.desktop", root)
    binary = root / "opt/relais/relais"
    if not os.access(binary, os.X_OK):
        raise CheckFailed("/opt/relais/relais is not executable in the package")
    link = os.readlink(root / "usr/bin/relais")
    if (root / "usr/bin" / link).resolve() != binary.resolve():
        raise CheckFailed(f"/usr/bin/relais points to {link}, not /opt/relais/relais")
    print(f"{deb.name}: {deb.stat().st_size / 2**20:.1f} MiB, {len(names)} entries; "
          f"unpacked self-test: {self_test(binary)}")


def check_desktop_entry(path: Path, root: Path) -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    entry.read(path, encoding="utf-8")
    section = entry["Desktop Entry"]
    if section.get("Type") != "Application" or section.get("Exec", "").split()[0] != "relais":
        raise CheckFailed(f"{path.name}: Type/Exec are wrong")
    icon = section.get("Icon", "")
    if not list((root / "usr/share/icons/hicolor").glob(f"*/apps/{icon}.*")):
        raise CheckFailed(f"{path.name}: icon '{icon}' is not installed by the package")
    if shutil.which("desktop-file-validate"):
        subprocess.run(["desktop-file-validate", str(path)], check=True)


def check_appimage() -> None:
    out = subprocess.run([str(ROOT / "installers" / "linux" / "build-appimage.sh")], cwd=ROOT,
                         capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise CheckFailed(f"build-appimage.sh failed:\n{out.stdout}{out.stderr}")
    built = ROOT / out.stdout.strip().splitlines()[-1]
    runner = built if built.suffix == ".AppImage" else built / "AppRun"
    env_note = "" if built.suffix == ".AppImage" else " (appimagetool absent: AppDir only)"
    print(f"{built.relative_to(ROOT)}{env_note}: {self_test(runner)}")


def main() -> int:
    binary = BUNDLE / "relais"
    try:
        if not binary.exists():
            raise CheckFailed(f"{binary} is missing: run `make dist` first")
        with tempfile.TemporaryDirectory(prefix="relais-package-check-") as folder:
            tmp = Path(folder)
            step("bundle self-test (offscreen)")
            print(self_test(binary))
            step("bundle self-test with a read-only home folder")
            home, as_user = read_only_home(tmp)
            print(self_test(binary, home=home, as_user=as_user))
            step("Qt modules")
            check_qt_modules()
            step("bundle size")
            report_size()
            step(".deb")
            check_deb(build_deb(), tmp)
            step("AppImage")
            check_appimage()
            for p in tmp.rglob("*"):  # the read-only home must not block the cleanup
                if p.is_dir():
                    p.chmod(0o755)
    except CheckFailed as exc:
        print(f"package-check FAILED: {exc}", file=sys.stderr)
        return 1
    print("\npackage-check ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
