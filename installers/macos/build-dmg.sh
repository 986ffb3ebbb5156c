#!/usr/bin/env bash
# Build, sign, notarise and staple dist/Relais-<version>.dmg on macOS (Apple silicon or Intel).
#   installers/macos/build-dmg.sh              unsigned (for testing on this Mac)
#   SIGN_IDENTITY="Developer ID Application: Org (TEAMID)" NOTARY_PROFILE=relais \
#     installers/macos/build-dmg.sh            signed + notarised (see README.md)
set -euo pipefail
cd "$(dirname "$0")/../.."

[ "$(uname)" = "Darwin" ] || { echo "build-dmg: run this on macOS" >&2; exit 1; }
PY=${PY:-.venv/bin/python}
VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml | head -1)
APP=dist/Relais.app
DMG=dist/Relais-${VERSION}.dmg

"$PY" -m desktop.ui.i18n_build >/dev/null
"$PY" -m PyInstaller --noconfirm --distpath dist --workpath build/pyinstaller installers/relais.spec
[ -d "$APP" ] || { echo "build-dmg: $APP was not produced" >&2; exit 1; }

# smoke test of the bundled program before packaging
QT_QPA_PLATFORM=offscreen "$APP/Contents/MacOS/relais" --self-test

if [ -n "${SIGN_IDENTITY:-}" ]; then
    # hardened runtime is required for notarisation; Python needs no JIT or unsigned memory
    codesign --force --deep --timestamp --options runtime \
        --entitlements installers/macos/entitlements.plist \
        --sign "$SIGN_IDENTITY" "$APP"
    codesign --verify --deep --strict --verbose=2 "$APP"
fi

rm -f "$DMG"
STAGE=$(mktemp -d)
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
hdiutil create -volname "Relais $VERSION" -srcfolder "$STAGE" -fs HFS+ -format UDZO "$DMG"
rm -rf "$STAGE"

if [ -n "${SIGN_IDENTITY:-}" ]; then
    codesign --force --timestamp --sign "$SIGN_IDENTITY" "$DMG"
    if [ -n "${NOTARY_PROFILE:-}" ]; then
        xcrun notarytool submit "$DMG" --keychain-profile "$NOTARY_PROFILE" --wait
        xcrun stapler staple "$DMG"
        spctl --assess --type open --context context:primary-signature --verbose "$DMG"
    fi
fi
echo "$DMG"
