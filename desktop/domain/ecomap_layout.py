"""Ecomap layout: pure and deterministic (docs/DOMAIN.md "Ecomap conventions").

The patient sits in a central circle; contacts are boxes placed in sectors by kind (family and
informal, health care, social services, community, other), ring after ring, never overlapping
each other or the patient. A node the user moved keeps its place (stored as an offset from the
patient, so a growing canvas does not move it); the others make room around it.

Coordinates are scene units with y pointing down (as in Qt); the PDF renderer flips them.
The shared geometry helpers at the end (edge ends, hatching, arrow heads, line styles) are used by
both the reportlab renderer and the Qt editor so they draw the same picture.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.domain.carer import BURDEN_COLOUR
from desktop.domain.carer import review_state as carer_review_state
from desktop.domain.contacts import kind_rank, sector_of
from desktop.domain.font_metrics import text_width
from desktop.domain.text import fold

NAME_SIZE = 9.0
ROLE_SIZE = 7.5
PATIENT_SIZE = 10.0
LINE = 1.25  # line height as a multiple of the font size
PAD_X, PAD_Y = 6.0, 4.0
MAX_TEXT_W = 118.0
MIN_BOX_W = 56.0
MAX_NAME_LINES = 2
PATIENT_RADIUS = 52.0
GAP = 8.0  # free space kept between two boxes
FIRST_RING = PATIENT_RADIUS + 78.0
RING_STEP = 50.0
ELLIPSE = 1.45  # horizontal stretch of the rings
MIN_WIDTH, MIN_HEIGHT = 960.0, 680.0
MARGIN = 24.0
MAX_OFFSET_X, MAX_OFFSET_Y = 1400.0, 1000.0  # a moved node stays within this of the patient
ELLIPSIS = "…"


@dataclass(frozen=True)
class MapNode:
    """One tie of the patient, as the layout needs it."""

    id: str  # the relationship id: the stable key of the node
    label: str
    kind: str
    role: str | None = None
    pinned: tuple[float, float] | None = None  # offset from the patient centre, user-moved


@dataclass(frozen=True)
class PlacedNode:
    id: str
    x: float  # centre, drawing coordinates
    y: float
    w: float
    h: float
    lines: tuple[str, ...]  # the label, wrapped
    role_line: str | None
    sector: str
    kind: str
    pinned: bool

    @property
    def box(self) -> tuple[float, float, float, float]:
        return (self.x - self.w / 2, self.y - self.h / 2, self.x + self.w / 2, self.y + self.h / 2)


@dataclass(frozen=True)
class EcomapLayout:
    width: float
    height: float
    cx: float  # the patient's centre
    cy: float
    patient_radius: float
    patient_lines: tuple[str, ...]
    nodes: tuple[PlacedNode, ...]

    def offset_of(self, node: PlacedNode) -> tuple[float, float]:
        """What to store when the user leaves a node here."""
        return (round(node.x - self.cx, 1), round(node.y - self.cy, 1))

    def node(self, node_id: str) -> PlacedNode:
        for n in self.nodes:
            if n.id == node_id:
                return n
        raise KeyError(node_id)


# ---- text -----------------------------------------------------------------------------------
def _fit(text: str, size: float, bold: bool, max_w: float) -> str:
    """Cut `text` with an ellipsis so that it fits in max_w."""
    if text_width(text, size, bold) <= max_w:
        return text
    while text and text_width(text + ELLIPSIS, size, bold) > max_w:
        text = text[:-1]
    return text.rstrip() + ELLIPSIS


def _hyphen_pieces(word: str) -> list[str]:
    """Split after inner hyphens; a WORD JOINER marks pieces that glue to the previous one."""
    parts = word.split("-")
    if len(parts) == 1 or not all(parts):
        return [word]
    pieces = [p + "-" for p in parts[:-1]] + [parts[-1]]
    return [pieces[0]] + ["\u2060" + p for p in pieces[1:]]


def wrap(text: str, size: float, max_w: float, max_lines: int,
         bold: bool = False) -> tuple[str, ...]:
    """Word-wrap into at most `max_lines` lines no wider than max_w; the last is ellipsised."""
    # a hyphen is a break opportunity: "Dupont-" / "Vanderlinden"
    words = [piece for word in text.split() for piece in _hyphen_pieces(word)]
    lines: list[str] = []
    current = ""
    for word in words:
        joiner = "" if current.endswith("-") and word.startswith("\u2060") else " "
        word = word.removeprefix("\u2060")
        candidate = f"{current}{joiner}{word}" if current else word
        if text_width(candidate, size, bold) <= max_w:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = word
        while text_width(current, size, bold) > max_w and len(lines) < max_lines:
            # a word longer than a line: break it by characters
            cut = len(current)
            while cut > 1 and text_width(current[:cut], size, bold) > max_w:
                cut -= 1
            lines.append(current[:cut])
            current = current[cut:]
    if current:
        lines.append(current)
    if not lines:
        return ("",)
    if len(lines) > max_lines:
        kept = lines[:max_lines]
        kept[-1] = _fit(kept[-1] + " " + " ".join(lines[max_lines:]) + ELLIPSIS * 3, size, bold,
                        max_w)
        lines = kept
    return tuple(_fit(line, size, bold, max_w) for line in lines)


def node_size(lines: Sequence[str], role_line: str | None) -> tuple[float, float]:
    widths = [text_width(line, NAME_SIZE, True) for line in lines]
    if role_line:
        widths.append(text_width(role_line, ROLE_SIZE))
    w = max(MIN_BOX_W, max(widths, default=0.0) + 2 * PAD_X)
    h = 2 * PAD_Y + len(lines) * NAME_SIZE * LINE + (ROLE_SIZE * LINE if role_line else 0.0)
    return (math.ceil(w), math.ceil(h))


def node_text(node: MapNode) -> tuple[tuple[str, ...], str | None]:
    lines = wrap(node.label.strip() or "?", NAME_SIZE, MAX_TEXT_W, MAX_NAME_LINES, bold=True)
    role = node.role.strip() if node.role else ""
    return lines, (_fit(role, ROLE_SIZE, False, MAX_TEXT_W) if role else None)


# ---- placement ------------------------------------------------------------------------------
Box = tuple[float, float, float, float]


def _overlaps(a: Box, b: Box, gap: float = GAP) -> bool:
    return a[0] < b[2] + gap and b[0] < a[2] + gap and a[1] < b[3] + gap and b[1] < a[3] + gap


def _box_at(x: float, y: float, w: float, h: float) -> Box:
    return (x - w / 2, y - h / 2, x + w / 2, y + h / 2)


def _free(box: Box, taken: list[Box]) -> bool:
    return not any(_overlaps(box, t) for t in taken)


def _sort_key(n: MapNode) -> tuple[int, str, str]:
    return (kind_rank(n.kind), fold(n.label), n.id)


def _nudge(x: float, y: float, w: float, h: float, taken: list[Box]) -> tuple[float, float]:
    """The nearest free spot around (x, y), searched on growing circles (deterministic)."""
    if _free(_box_at(x, y, w, h), taken):
        return x, y
    for step in range(1, 400):
        r = step * 10.0
        count = 8 + 4 * step
        for i in range(count):
            a = 2 * math.pi * i / count
            cx, cy = x + r * math.cos(a), y + r * math.sin(a)
            if _free(_box_at(cx, cy, w, h), taken):
                return cx, cy
    raise RuntimeError("no free spot")  # unreachable: the plane is unbounded


def _segment_hits(x0: float, y0: float, x1: float, y1: float, box: Box,
                  margin: float = 3.0) -> bool:
    """Does the segment (x0, y0)-(x1, y1) cross the box (grown by margin)? Liang-Barsky."""
    bx0, by0, bx1, by1 = box[0] - margin, box[1] - margin, box[2] + margin, box[3] + margin
    dx, dy = x1 - x0, y1 - y0
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, x0 - bx0), (dx, bx1 - x0), (-dy, y0 - by0), (dy, by1 - y0)):
        if p == 0:
            if q < 0:
                return False
            continue
        r = q / p
        if p < 0:
            t0 = max(t0, r)
        else:
            t1 = min(t1, r)
        if t0 > t1:
            return False
    return True


def _slots(members: Sequence[MapNode]) -> list[float]:
    """One angle per node, clockwise from the top, grouped by sector with half a slot between
    sectors so that each system reads as a group."""
    sectors = [sector_of(n.kind) for n in members]
    gaps = sum(1 for i in range(1, len(sectors)) if sectors[i] != sectors[i - 1])
    if len(set(sectors)) > 1:
        gaps += 1  # between the last sector and the first one, across the top
    units = len(members) + 0.5 * gaps
    angles, pos = [], 0.25 if len(set(sectors)) > 1 else 0.0
    for i, sector in enumerate(sectors):
        if i and sector != sectors[i - 1]:
            pos += 0.5
        angles.append(-math.pi / 2 + 2 * math.pi * (pos + 0.5) / units)
        pos += 1
    return angles


def _ring_try(members: Sequence[MapNode], sizes: dict[str, tuple[float, float]],
              angles: list[float], r0: float, step: float, fixed: list[Box],
              strict: bool) -> dict[str, tuple[float, float]] | None:
    """Nodes on staggered elliptical rings at r0 and r0 + step; None when two boxes collide
    (or, when strict, a tie crosses a box)."""
    pos: dict[str, tuple[float, float]] = {}
    boxes: list[Box] = []
    for i, (n, a) in enumerate(zip(members, angles, strict=True)):
        w, h = sizes[n.id]
        r = r0 + (step if i % 2 else 0.0)
        x, y = r * ELLIPSE * math.cos(a), r * math.sin(a)
        # a moved node in the way pushes this one outward along its own ray
        while not _free(_box_at(x, y, w, h), fixed):
            r += 10.0
            x, y = r * ELLIPSE * math.cos(a), r * math.sin(a)
        box = _box_at(x, y, w, h)
        if not _free(box, boxes):
            return None
        boxes.append(box)
        pos[n.id] = (x, y)
    if strict:
        for n in members:
            x, y = pos[n.id]
            own = _box_at(x, y, *sizes[n.id])
            if any(b != own and _segment_hits(0.0, 0.0, x, y, b) for b in boxes):
                return None
    return pos


def layout(nodes: Sequence[MapNode], patient_label: str) -> EcomapLayout:
    """Place every node. Identical input gives an identical result (no randomness, stable
    ordering by kind, folded label and id, independent of the input order)."""
    ordered = sorted(nodes, key=_sort_key)
    r = PATIENT_RADIUS
    taken: list[Box] = [(-r, -r, r, r)]
    centres: dict[str, tuple[float, float, float, float]] = {}
    texts = {n.id: node_text(n) for n in ordered}

    # user-moved nodes first: they keep their place unless dropped onto the patient or onto
    # an earlier moved node
    for n in ordered:
        if n.pinned is None:
            continue
        w, h = node_size(*texts[n.id])
        px = max(-MAX_OFFSET_X, min(MAX_OFFSET_X, float(n.pinned[0])))
        py = max(-MAX_OFFSET_Y, min(MAX_OFFSET_Y, float(n.pinned[1])))
        if not (math.isfinite(px) and math.isfinite(py)):
            px = py = 0.0
        x, y = _nudge(px, py, w, h, taken)
        taken.append(_box_at(x, y, w, h))
        centres[n.id] = (x, y, w, h)

    free_nodes = [n for n in ordered if n.id not in centres]
    sizes = {n.id: node_size(*texts[n.id]) for n in free_nodes}
    angles = _slots(free_nodes)
    tallest = max((h for _, h in sizes.values()), default=0.0)
    step = 0.0 if len(free_nodes) <= 6 else tallest + 2 * GAP + 10.0
    placed_free: dict[str, tuple[float, float]] | None = None
    for strict in (True, False):
        r0 = FIRST_RING
        while placed_free is None and r0 < (900.0 if strict else 4000.0):
            placed_free = _ring_try(free_nodes, sizes, angles, r0, step, taken, strict)
            r0 += 8.0
        if placed_free is not None:
            break
    assert placed_free is not None  # a wide enough ring always fits every box
    for n in free_nodes:
        x, y = placed_free[n.id]
        w, h = sizes[n.id]
        centres[n.id] = (x, y, w, h)

    half_w, half_h = MIN_WIDTH / 2, MIN_HEIGHT / 2
    for x, y, w, h in centres.values():
        half_w = max(half_w, abs(x) + w / 2 + MARGIN)
        half_h = max(half_h, abs(y) + h / 2 + MARGIN)
    half_w, half_h = math.ceil(half_w), math.ceil(half_h)
    placed = []
    for n in ordered:
        x, y, w, h = centres[n.id]
        lines, role_line = texts[n.id]
        placed.append(PlacedNode(
            id=n.id, x=round(half_w + x, 2), y=round(half_h + y, 2), w=w, h=h, lines=lines,
            role_line=role_line, sector=sector_of(n.kind), kind=n.kind,
            pinned=n.pinned is not None))
    patient_lines = wrap(patient_label.strip() or "?", PATIENT_SIZE, 2 * r - 14, 3, bold=True)
    return EcomapLayout(width=2 * half_w, height=2 * half_h, cx=half_w, cy=half_h,
                        patient_radius=r, patient_lines=patient_lines, nodes=tuple(placed))


# ---- shared drawing geometry ------------------------------------------------------------------
Point = tuple[float, float]

# Hartman: weight for strength, dashes for tenuous; quality sets the colour (and hatching)
LINE_WIDTH = {"strong": 3.4, "moderate": 1.8, "tenuous": 1.2}
DASH = {"strong": None, "moderate": None, "tenuous": (6.0, 4.0)}
QUALITY_COLOUR = {"supportive": "#2e7d32", "neutral": "#5f6368", "stressful": "#c62828"}
SECTOR_FILL = {"family": "#fde7c8", "health": "#d6e9fb", "social": "#dff2dc",
               "community": "#eadcf5", "other": "#ececec"}
SECTOR_STROKE = {"family": "#c77a12", "health": "#2f6fad", "social": "#3b8a3f",
                 "community": "#7b4fa0", "other": "#777777"}
PATIENT_FILL, PATIENT_STROKE = "#fff8d6", "#8a6d00"


def _box_exit(node: PlacedNode, toward: Point) -> Point:
    """Where the segment from the box centre toward `toward` leaves the box."""
    dx, dy = toward[0] - node.x, toward[1] - node.y
    if dx == 0 and dy == 0:
        return (node.x, node.y)
    sx = (node.w / 2) / abs(dx) if dx else math.inf
    sy = (node.h / 2) / abs(dy) if dy else math.inf
    s = min(sx, sy, 1.0)
    return (node.x + dx * s, node.y + dy * s)


def edge_ends(lay: EcomapLayout, node: PlacedNode) -> tuple[Point, Point]:
    """From the patient's circle to the box border: (patient end, contact end)."""
    dx, dy = node.x - lay.cx, node.y - lay.cy
    dist = math.hypot(dx, dy) or 1.0
    start = (lay.cx + dx / dist * lay.patient_radius, lay.cy + dy / dist * lay.patient_radius)
    return start, _box_exit(node, (lay.cx, lay.cy))


def hatch_marks(a: Point, b: Point, spacing: float = 9.0,
                half: float = 5.0) -> list[tuple[Point, Point]]:
    """Short strokes across the line every `spacing` units (Hartman: a stressful tie is crossed)."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy)
    if length < 2 * spacing:
        return []
    ux, uy = dx / length, dy / length
    # slanted strokes, easier to tell from an arrow head than perpendicular ones
    px, py = -uy * half + ux * half * 0.5, ux * half + uy * half * 0.5
    count = int((length - spacing) // spacing)
    offset = (length - (count - 1) * spacing) / 2
    marks = []
    for i in range(count):
        t = offset + i * spacing
        mx, my = a[0] + ux * t, a[1] + uy * t
        marks.append(((mx - px, my - py), (mx + px, my + py)))
    return marks


def arrow_head(tip: Point, tail: Point, size: float = 9.0) -> tuple[Point, Point, Point]:
    """A triangle pointing at `tip`, along the line from `tail`."""
    dx, dy = tip[0] - tail[0], tip[1] - tail[1]
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    bx, by = tip[0] - ux * size, tip[1] - uy * size
    side = size * 0.45
    return (tip, (bx - uy * side, by + ux * side), (bx + uy * side, by - ux * side))


def arrows_for(flow: str) -> tuple[bool, bool]:
    """(arrow at the patient end, arrow at the contact end) for an energy flow."""
    return (flow in ("to_patient", "both"), flow in ("from_patient", "both"))


# ---- the carer's assessment mark (issue 19, item 3) -----------------------------------------
CARER_MARK_R = 6.2


@dataclass(frozen=True)
class CarerMark:
    """A disc on the bottom edge of a carer's box: its fill says the burden of the latest
    carer's assessment; "!" inside when its review is near or past on the map's date."""

    x: float
    y: float
    r: float
    fill: str
    review_due: bool


def carer_mark(node: PlacedNode, burden: str | None, review_on: dt.date | None,
               on: dt.date) -> CarerMark | None:
    """Where and how the screen and the PDF draw the mark; None when the carer was not assessed."""
    if burden is None:
        return None
    due = carer_review_state(review_on, on) is not None
    return CarerMark(node.x + node.w / 2 - 7, node.y + node.h / 2, CARER_MARK_R,
                     BURDEN_COLOUR.get(burden, "#777777"), due)
