"""Draw the Relais icon (the same shapes as resources/icons/relais.svg) into PNG, ICO and ICNS.

Run from the repository root: `.venv/bin/python installers/make_icons.py`. Pillow draws it, so
building icons needs no SVG renderer; the outputs are committed under resources/icons/.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
TEAL, WHITE, ORANGE = "#1D5C73", "#FFFFFF", "#F2A541"
SUPERSAMPLE = 4


def draw(size: int = 512) -> Image.Image:
    s = size * SUPERSAMPLE / 512  # all coordinates below are on a 512 grid

    def p(*xy: float) -> list[float]:
        return [v * s for v in xy]

    img = Image.new("RGBA", (int(512 * s), int(512 * s)), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle(p(0, 0, 511, 511), radius=96 * s, fill=TEAL)
    # a house (home visits) ...
    d.line(p(104, 262, 256, 124, 408, 262), fill=WHITE, width=int(30 * s), joint="curve")
    d.rectangle(p(152, 236, 360, 400), outline=WHITE, width=int(28 * s))
    # ... with two people linked inside: the case manager relaying between them
    d.line(p(214, 330, 298, 330), fill=WHITE, width=int(14 * s))
    d.ellipse(p(186, 302, 242, 358), fill=WHITE)
    d.ellipse(p(270, 302, 326, 358), fill=ORANGE)
    return img.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    big = draw(512)
    big.save(ICONS / "relais.png")
    draw(256).save(ICONS / "relais-256.png")
    big.save(ICONS / "relais.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64),
                                           (128, 128), (256, 256)])
    big.save(ICONS / "relais.icns")


if __name__ == "__main__":
    main()
