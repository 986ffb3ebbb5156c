#!/usr/bin/env bash
# Build dist/relais_<version>_<arch>.deb from the PyInstaller bundle in dist/relais (`make dist`).
# Layout: /opt/relais (the bundle), /usr/bin/relais (symlink), desktop entry and icons.
set -euo pipefail
cd "$(dirname "$0")/../.."

BUNDLE=dist/relais
[ -x "$BUNDLE/relais" ] || { echo "build-deb: $BUNDLE/relais is missing; run 'make dist' first" >&2; exit 1; }
command -v dpkg-deb >/dev/null || { echo "build-deb: dpkg-deb not found (apt-get install dpkg)" >&2; exit 1; }

VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml | head -1)
ARCH=$(dpkg --print-architecture 2>/dev/null || echo amd64)
STAGE=build/deb/relais_${VERSION}_${ARCH}
OUT=dist/relais_${VERSION}_${ARCH}.deb

rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
         "$STAGE/usr/share/icons/hicolor/256x256/apps" "$STAGE/usr/share/icons/hicolor/512x512/apps" \
         "$STAGE/usr/share/icons/hicolor/scalable/apps" "$STAGE/usr/share/doc/relais"
cp -a "$BUNDLE" "$STAGE/opt/relais"
ln -s ../../opt/relais/relais "$STAGE/usr/bin/relais"
install -m 644 installers/linux/relais.desktop "$STAGE/usr/share/applications/be.relais.Relais.desktop"
install -m 644 resources/icons/relais-256.png "$STAGE/usr/share/icons/hicolor/256x256/apps/relais.png"
install -m 644 resources/icons/relais.png "$STAGE/usr/share/icons/hicolor/512x512/apps/relais.png"
install -m 644 resources/icons/relais.svg "$STAGE/usr/share/icons/hicolor/scalable/apps/relais.svg"
cat > "$STAGE/usr/share/doc/relais/copyright" <<COPYRIGHT
Relais ${VERSION}. Bundles Python, Qt (LGPLv3, PySide6), SQLCipher (BSD) and other libraries
under their own licences; see /opt/relais/_internal for the shipped components.
COPYRIGHT

SIZE_KB=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
# The bundle carries Python and Qt; the host provides glibc, OpenGL/EGL and the X11/Wayland
# client libraries that Qt's platform plugins load.
cat > "$STAGE/DEBIAN/control" <<CONTROL
Package: relais
Version: ${VERSION}
Section: misc
Priority: optional
Architecture: ${ARCH}
Installed-Size: ${SIZE_KB}
Depends: libc6 (>= 2.31), libgl1, libegl1, libfontconfig1, libdbus-1-3, libxkbcommon0,
 libxkbcommon-x11-0, libxcb-cursor0, libxcb-icccm4, libxcb-image0, libxcb-keysyms1,
 libxcb-render-util0, libxcb-shape0, libxcb-xinerama0, libxcb-randr0
Maintainer: Relais maintainers <relais@example.org>
Homepage: https://example.org/relais
Description: offline-first case management for Belgian case managers
 Relais helps case managers (gestionnaires de cas) follow people with complex
 needs at home: requests, assessments, ecomap, care plan, printed handouts,
 consent. Data stays in an encrypted vault and syncs with the organisation's
 server when a network is available.
CONTROL

mkdir -p dist
# xz for releases (smallest); package-check uses gzip (DEB_COMPRESS=gzip): same content, faster
dpkg-deb --root-owner-group "-Z${DEB_COMPRESS:-xz}" --build "$STAGE" "$OUT" >/dev/null
echo "$OUT"
