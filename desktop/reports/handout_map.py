"""The handout's picture of the people around the patient (docs/ARCHITECTURE.md §10).

The patient in the middle, each person a box with their name and role, one plain line to each.
It is not the professional ecomap: no strength, quality, flow, badge or note, because the
patient's copy says who is there, not how the case manager judges each tie. Text is drawn at its
printed size and never scaled, so large print keeps every word at 16 pt or more; a map holds at
most `max_people` boxes and the handout lists the others under it, by sector.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable

from desktop.domain.contacts import SECTORS
from desktop.domain.ecomap_layout import (
    PATIENT_FILL,
    PATIENT_STROKE,
    SECTOR_FILL,
    SECTOR_STROKE,
    wrap,
)
from desktop.domain.font_metrics import text_width
from desktop.reports.fonts import FONT, FONT_BOLD, register_fonts

LEAD = 1.2


@dataclass(frozen=True)
class MapPerson:
    name: str
    role: str  # in words, already translated
    sector: str


@dataclass(frozen=True)
class MapSizes:
    name: float
    role: float
    patient: float
    max_people: int


# normal print: nothing under 9 pt; large print: nothing under 16 pt
NORMAL_MAP = MapSizes(name=11.0, role=10.0, patient=12.0, max_people=16)
LARGE_MAP = MapSizes(name=17.0, role=16.0, patient=18.0, max_people=12)


def _lines(text: str, font: str, size: float, width: float, most: int) -> list[str]:
    """Word-wrapped (a hyphen is a break too) into at most `most` lines, the last cut with an
    ellipsis when needed."""
    return [x for x in wrap(text.strip(), size, width, most, bold=font == FONT_BOLD) if x]


def split_people(people: Sequence[MapPerson], sizes: MapSizes) -> tuple[list[MapPerson],
                                                                       list[MapPerson]]:
    """(on the map, listed under it): the first `max_people` in the given order (the GP and
    the carers come first) go on the map."""
    return list(people[:sizes.max_people]), list(people[sizes.max_people:])


@dataclass(frozen=True)
class _Box:
    person: MapPerson
    name_lines: tuple[str, ...]
    role_lines: tuple[str, ...]
    x: float  # centre, y pointing down from the top of the picture
    y: float
    w: float
    h: float


class PeopleMap(Flowable):
    """A circle for the patient ("Moi": the handout speaks in the first person) with the people
    in a column on each side, clockwise by sector: right column downwards, left one upwards.
    Two columns leave each box almost half the page, so a long name keeps whole words."""

    REACH = 18.0  # the shortest line, between the circle and a column

    def __init__(self, centre: str, people: Sequence[MapPerson], width: float,
                 sizes: MapSizes) -> None:
        super().__init__()
        register_fonts()
        self.sizes = sizes
        self.width = width
        self.pad = max(5.0, sizes.role * 0.35)
        self.gap = sizes.name * 1.1  # between two boxes of a column
        self.patient_lines = _lines(centre, FONT_BOLD, sizes.patient, width * 0.18, 2)
        widest = max((text_width(x, sizes.patient, True) for x in self.patient_lines), default=0)
        text_h = len(self.patient_lines) * sizes.patient * LEAD
        self.radius = max(widest / 2 + 10, text_h / 2 + 10, sizes.patient * 2.2)
        self.box_w = (width - 2 * self.radius) / 2 - self.REACH
        order = {s: i for i, s in enumerate(SECTORS)}
        ranked = sorted(enumerate(people), key=lambda p: (order.get(p[1].sector, 99), p[0]))
        self.boxes, self.height, self.cy = self._place([p for _, p in ranked])

    def _measure(self, p: MapPerson) -> tuple[tuple[str, ...], tuple[str, ...], float]:
        s, inner = self.sizes, self.box_w - 2 * self.pad
        names = tuple(_lines(p.name, FONT_BOLD, s.name, inner, 3))
        roles = tuple(_lines(p.role, FONT, s.role, inner, 2)) if p.role else ()
        h = 2 * self.pad + len(names) * s.name * LEAD + len(roles) * s.role * LEAD
        return names, roles, h

    def _place(self, people: list[MapPerson]) -> tuple[list[_Box], float, float]:
        measured = [(p, *self._measure(p)) for p in people]
        right_n = math.ceil(len(measured) / 2)
        right, left = measured[:right_n], list(reversed(measured[right_n:]))

        def column_h(col: list[tuple[MapPerson, tuple[str, ...], tuple[str, ...], float]]) -> float:
            return sum(m[3] for m in col) + self.gap * max(len(col) - 1, 0)

        height = max(column_h(right), column_h(left), 2 * self.radius + 4)
        cy, bw = height / 2, self.box_w
        boxes: list[_Box] = []
        for col, x in ((right, self.width - bw / 2), (left, bw / 2)):
            y = cy - column_h(col) / 2
            for p, names, roles, h in col:
                boxes.append(_Box(p, names, roles, x, y + h / 2, bw, h))
                y += h + self.gap
        return boxes, height, cy

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c, s, top = self.canv, self.sizes, self.height
        cx, cy = self.width / 2, top - self.cy

        c.setStrokeColor(HexColor("#7a7a7a"))
        c.setLineWidth(1.4)
        for b in self.boxes:
            bx, by = b.x, top - b.y
            dx, dy = bx - cx, by - cy
            dist = math.hypot(dx, dy) or 1.0
            # from the circle's edge to the box's border
            sx = (b.w / 2) / abs(dx) if dx else math.inf
            sy = (b.h / 2) / abs(dy) if dy else math.inf
            k = min(sx, sy, 1.0)
            c.line(cx + dx / dist * self.radius, cy + dy / dist * self.radius,
                   bx - dx * k, by - dy * k)

        c.setStrokeColor(HexColor(PATIENT_STROKE))
        c.setFillColor(HexColor(PATIENT_FILL))
        c.setLineWidth(2.2)
        c.circle(cx, cy, self.radius, stroke=1, fill=1)
        c.setFillColor(HexColor("#1d1d1d"))
        c.setFont(FONT_BOLD, s.patient)
        n = len(self.patient_lines)
        first = cy + (n - 1) * s.patient * LEAD / 2 - s.patient * 0.35
        for i, line in enumerate(self.patient_lines):
            c.drawCentredString(cx, first - i * s.patient * LEAD, line)

        for b in self.boxes:
            left, bottom = b.x - b.w / 2, top - b.y - b.h / 2
            c.setLineWidth(1.2)
            c.setStrokeColor(HexColor(SECTOR_STROKE.get(b.person.sector, "#777777")))
            c.setFillColor(HexColor(SECTOR_FILL.get(b.person.sector, "#ececec")))
            c.roundRect(left, bottom, b.w, b.h, 6, stroke=1, fill=1)
            y = top - b.y + b.h / 2 - self.pad
            c.setFillColor(HexColor("#1d1d1d"))
            c.setFont(FONT_BOLD, s.name)
            for line in b.name_lines:
                y -= s.name * LEAD
                c.drawCentredString(b.x, y + s.name * 0.25, line)
            c.setFillColor(HexColor("#333333"))
            c.setFont(FONT, s.role)
            for line in b.role_lines:
                y -= s.role * LEAD
                c.drawCentredString(b.x, y + s.role * 0.25, line)
