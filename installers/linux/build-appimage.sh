#!/usr/bin/env bash
# Build an AppDir from the PyInstaller bundle (dist/relais), then Relais-<version>-<arch>.AppImage
# with appimagetool when it is available (APPIMAGETOOL=/path/to/appimagetool-x86_64.AppImage or
# on PATH). Without it the AppDir is left in build/Relais.AppDir (runnable with its AppRun).
set -euo pipefail
cd "$(dirname "$0")/../.."

BUNDLE=dist/relais
[ -x "$BUNDLE/relais" ] || { echo "build-appimage: $BUNDLE/relais is missing; run 'make dist' first" >&2; exit 1; }
VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml | head -1)
ARCH=$(uname -m)
APPDIR=build/Relais.AppDir

rm -rf "$APPDIR"
mkdir -p "$APPDIR/usr/share/applications" "$APPDIR/usr/share/icons/hicolor/256x256/apps"
cp -a "$BUNDLE" "$APPDIR/usr/relais"
install -m 644 installers/linux/relais.desktop "$APPDIR/relais.desktop"
install -m 644 installers/linux/relais.desktop "$APPDIR/usr/share/applications/be.relais.Relais.desktop"
install -m 644 resources/icons/relais-256.png "$APPDIR/relais.png"
install -m 644 resources/icons/relais-256.png "$APPDIR/usr/share/icons/hicolor/256x256/apps/relais.png"
ln -sf relais.png "$APPDIR/.DirIcon"
cat > "$APPDIR/AppRun" <<'APPRUN'
#!/bin/sh
# AppImage entry: run the bundled `relais` with the caller's arguments (GUI when none).
HERE="$(dirname "$(readlink -f "$0")")"
exec "$HERE/usr/relais/relais" "$@"
APPRUN
chmod 755 "$APPDIR/AppRun"

TOOL="${APPIMAGETOOL:-$(command -v appimagetool || command -v appimagetool-x86_64.AppImage || true)}"
if [ -z "$TOOL" ]; then
    echo "build-appimage: appimagetool not found; AppDir ready in $APPDIR" >&2
    echo "$APPDIR"
    exit 0
fi
OUT="dist/Relais-${VERSION}-${ARCH}.AppImage"
ARCH="$ARCH" "$TOOL" --no-appstream "$APPDIR" "$OUT"
echo "$OUT"
