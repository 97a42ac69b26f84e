"""What an office puts on a document, planned from its text layer and drawn on its pages.

- the issuing body's round red seal over the left of the signature and the title lines,
  a pen signature above the signer's name, and on a multi-page document a seal across the
  right edge of every page (dấu giáp lai);
- the receiving office's rectangular stamp `CÔNG VĂN ĐẾN` on page 1, filled in by hand, and
  the leader's handwritten instruction in a blank part of page 1 (bút phê).

A plan is made in points from the top-left of the page, so the same marks can be drawn at any
resolution. Each mark keeps its own seed: drawing it twice gives the same ink.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import cv2
import numpy as np

from dispatch_reader.synth.damage import ink
from dispatch_reader.synth.damage.layout import PageText, SignatureSpot, find_header, find_signature, printed_facts
from dispatch_reader.textnorm import fold


@dataclass(frozen=True)
class DocFacts:
    """What the generator knows of the document (from its truth), so that it can find the
    signer's line and never write the document's own number or date on a stamp."""

    number: str | None = None
    issued_date: date | None = None
    signer: str | None = None
    issuer: str | None = None
    issuer_parent: str | None = None

    @classmethod
    def from_record(cls, record: dict[str, Any] | None) -> DocFacts:
        doc = (record or {}).get("document") or {}
        issued = doc.get("issued_date")
        try:
            when = date.fromisoformat(issued) if issued else None
        except ValueError:
            when = None
        return cls(number=doc.get("number"), issued_date=when, signer=(doc.get("signer") or {}).get("name"),
                   issuer=doc.get("issuer"), issuer_parent=doc.get("issuer_parent"))


@dataclass(frozen=True)
class Received:
    """What the receiving clerk writes on the stamp and the leader in the margin."""

    number: int
    date: date
    forward_to: str
    instruction: str
    initials: str
    note_date: date

    def stamp_lines(self, rng: random.Random) -> list[tuple[str, str]]:
        d = self.date
        written = rng.choice((f"{d.day:02d}/{d.month}/{d.year}", f"{d.day}/{d.month}/{d.year}",
                              f"{d.day:02d}/{d.month:02d}/{d.year % 100:02d}"))
        return [("Số", str(self.number)), ("Ngày", written), ("Chuyển", self.forward_to)]


_RECEIVERS = ("VĂN PHÒNG UBND TỈNH", "SỞ NỘI VỤ", "SỞ TÀI CHÍNH", "UBND XÃ TÂN HÒA", "SỞ Y TẾ",
              "BAN TỔ CHỨC", "UBND PHƯỜNG AN BÌNH", "SỞ GIÁO DỤC VÀ ĐÀO TẠO")
_FORWARD = ("P. Nội vụ", "VP", "Đ/c Hùng", "P. TCCB", "LĐ Sở", "P. Tổng hợp", "Đ/c Lan - PCT")
_INSTRUCTIONS = ("Chuyển P. Nội vụ xử lý", "Giao P. Tổ chức tham mưu", "VP nghiên cứu, báo cáo",
                 "Đ/c Minh chủ trì xử lý", "Sao gửi các phòng biết, thực hiện", "P. TCHC đề xuất")
_INITIALS = ("Hg", "Tr.", "NVL", "Ph", "Mạnh", "Th")


def _leading_number(number: str | None) -> int | None:
    m = re.match(r"\s*(\d+)", number or "")
    return int(m.group(1)) if m else None


def receipt_values(facts: DocFacts, printed_numbers: set[int], printed_dates: set[date],
                   rng: random.Random) -> Received:
    """Numbers and dates for the stamp and the note, never the document's own: the received
    number differs from the document's number (and any `Số:` on page 1), the dates from its
    issue date (and any date written on page 1); received a few days after issue."""
    own_numbers = set(printed_numbers) | ({_leading_number(facts.number)} - {None})
    own_dates = set(printed_dates) | ({facts.issued_date} - {None})
    base = facts.issued_date or (max(printed_dates) if printed_dates else date(2025, 9, 3))
    number = rng.randint(1, 9999)
    while number in own_numbers:
        number = rng.randint(1, 9999)
    received = base + timedelta(days=rng.randint(1, 12))
    while received in own_dates:
        received += timedelta(days=1)
    noted = received + timedelta(days=rng.randint(0, 2))
    while noted in own_dates:
        noted += timedelta(days=1)
    values = Received(number, received, rng.choice(_FORWARD), rng.choice(_INSTRUCTIONS), rng.choice(_INITIALS), noted)
    assert values.number not in own_numbers, "receipt number equals the document's"
    assert values.date not in own_dates and values.note_date not in own_dates, "receipt date equals the document's"
    return values


@dataclass(frozen=True)
class Mark:
    """One mark on one page: centre (x, y) in points from the page's top-left."""

    kind: str  # seal, edge-seal, signature, receipt, note
    page: int
    x: float
    y: float
    seed: int
    colour: ink.Colour
    text: str = ""
    size: tuple[float, float] = (0.0, 0.0)  # signature box, points
    diameter_mm: float = 36.0
    angle: float = 0.0
    pen: ink.Colour | None = None  # the receipt stamp's handwriting


@dataclass
class Plan:
    marks: list[Mark] = field(default_factory=list)
    received: Received | None = None
    signature: SignatureSpot | None = None


def seal_name(facts: DocFacts, pages: list[PageText]) -> str:
    """The body's name as its seal carries it: the issuer in capitals, with the province of an
    `UBND TỈNH X` parent; without a truth, the capitals of page 1's header column."""
    if facts.issuer:
        name = facts.issuer.upper()
        m = re.search(r"(TỈNH|THÀNH PHỐ)\s+\S.*$", (facts.issuer_parent or "").upper())
        if m and m.group(0) not in name:
            name = f"{name} {m.group(0)}"
        return name
    header, _ = find_header(pages)
    if header and pages:
        words = [p.text for p in pages[0].phrases
                 if p.top >= header[1] - 1 and p.bottom <= header[3] + 1 and p.x1 <= header[2] + 1
                 and not fold(p.text).startswith("so") and p.text.upper() == p.text]
        if words:
            return " ".join(words)[:60]
    return "ỦY BAN NHÂN DÂN"


def plan_marks(pages: list[PageText], facts: DocFacts, rng: random.Random, *, seal: bool = True,
               receipt: bool = False) -> Plan:
    plan = Plan()
    seed = lambda: rng.randrange(2**32)  # noqa: E731
    red = rng.choice(ink.SEAL_REDS)
    diameter = rng.uniform(35.0, 42.0)  # a commune's seal is the smallest, a province's the largest
    name = seal_name(facts, pages)
    if seal:
        spot = find_signature(pages, facts.signer)
        plan.signature = spot
        if spot is not None:
            plan.marks += _signing_marks(spot, name, red, diameter, rng, seed)
        if len(pages) > 1:
            r_pt = diameter / 2 * 72 / 25.4
            y0 = rng.uniform(0.35, 0.6)
            for i, page in enumerate(pages):
                w, h = page.size
                plan.marks.append(Mark("edge-seal", i, w + r_pt * rng.uniform(0.3, 0.65),
                                       h * y0 + rng.uniform(-6, 6), seed(), red, name, diameter_mm=diameter))
    if receipt and pages:
        numbers, dates = printed_facts(pages)
        plan.received = receipt_values(facts, numbers, dates, rng)
        plan.marks += _receipt_marks(pages[0], rng, seed)
    return plan


def _signing_marks(spot: SignatureSpot, name: str, red: ink.Colour, diameter: float,
                   rng: random.Random, seed: Any) -> list[Mark]:
    r_pt = diameter / 2 * 72 / 25.4
    x0, top, x1, bottom = spot.box
    width = max(x1 - x0, 80.0)
    if spot.titles and spot.name:
        gap_top, gap_bottom = spot.titles[-1].bottom, spot.name.top
    elif spot.name:
        gap_top, gap_bottom = spot.name.top - 50, spot.name.top
    else:
        gap_top, gap_bottom = bottom, bottom + 50
    gap_mid = (gap_top + gap_bottom) / 2
    pen = rng.choice(ink.PEN_BLUES) if rng.random() < 0.75 else ink.PEN_DARK
    sig_w = min(max((spot.name.x1 - spot.name.x0) if spot.name else 90.0, 90.0) * rng.uniform(1.0, 1.3), 170.0)
    sig_h = max(min(gap_bottom - gap_top, 70.0), 30.0) * rng.uniform(0.9, 1.2)
    centre = (x0 + x1) / 2
    signature = Mark("signature", spot.page, centre + rng.uniform(-0.05, 0.15) * width, gap_mid,
                     seed(), pen, size=(sig_w, sig_h))
    # The seal: its centre in the left third of the block, over the left of the signature and
    # the title lines; its rim comes down to the signer's name, at most a third into it (the
    # name is what a reader has to find there).
    if spot.name:
        cy = spot.name.top - r_pt + rng.uniform(-0.2, 0.35) * spot.name.height
    else:
        cy = gap_mid - r_pt * rng.uniform(0.0, 0.25)
    seal = Mark("seal", spot.page, x0 + width * rng.uniform(0.12, 0.35), cy, seed(), red, name, diameter_mm=diameter)
    return [signature, seal]


def _receipt_marks(page: PageText, rng: random.Random, seed: Any) -> list[Mark]:
    header, dated = find_header([page])
    width, height = page.size
    colour = rng.choice(ink.STAMP_INKS)
    body = rng.choice(_RECEIVERS)
    where = rng.random()
    if header and where < 0.55:  # over the issuer and number: the usual place
        x = (header[0] + header[2]) / 2 + rng.uniform(-25, 35)
        y = (header[1] + header[3]) / 2 + rng.uniform(-10, 25)
    elif dated and where < 0.75:  # under the national motto, over the date line
        x = (dated[0] + dated[2]) / 2 + rng.uniform(-30, 30)
        y = dated[3] + rng.uniform(-20, 30)
    else:  # below the header column
        x = (header[0] + header[2]) / 2 if header else width * 0.3
        y = (header[3] if header else height * 0.12) + rng.uniform(30, 60)
    x = min(max(x, 90.0), width - 90.0)
    y = min(max(y, 50.0), height * 0.45)
    pen_colour = rng.choice(ink.PEN_BLUES) if rng.random() < 0.7 else colour
    note_colour = rng.choice(ink.PEN_BLUES) if rng.random() < 0.6 else (200, 30, 40)
    return [Mark("receipt", 0, x, y, seed(), colour, body, angle=rng.uniform(-6, 6), pen=pen_colour),
            Mark("note", 0, 0, 0, seed(), note_colour, angle=rng.uniform(-14, 6))]


# ---- drawing ------------------------------------------------------------------------------

def draw_marks(page: np.ndarray, index: int, plan: Plan, dpi: float) -> None:
    """Draw the plan's marks that belong to page `index` onto `page` (H×W×3 float32, in place)."""
    s = dpi / 72.0
    for mark in plan.marks:
        if mark.page != index:
            continue
        rng = random.Random(mark.seed)
        if mark.kind in ("seal", "edge-seal"):
            mask = ink.seal_mask(mark.text, dpi, rng, mark.diameter_mm)
            ink.lay_ink(page, mask, mark.x * s - mask.shape[1] / 2, mark.y * s - mask.shape[0] / 2, mark.colour,
                        strength=rng.uniform(0.92, 1.0))
        elif mark.kind == "signature":
            w, h = mark.size[0] * s, mark.size[1] * s
            mask = ink.signature_mask(w, h, dpi, rng)
            ink.lay_ink(page, mask, mark.x * s - w / 2, mark.y * s - h / 2, mark.colour)
        elif mark.kind == "receipt" and plan.received:
            stamp, pen = ink.receipt_masks(plan.received.stamp_lines(rng), mark.text, dpi, rng)
            stamp, pen = ink.rotate_mask(stamp, mark.angle), ink.rotate_mask(pen, mark.angle)
            x, y = mark.x * s - stamp.shape[1] / 2, mark.y * s - stamp.shape[0] / 2
            ink.lay_ink(page, stamp, x, y, mark.colour, strength=rng.uniform(0.9, 1.0))
            ink.lay_ink(page, pen, x, y, mark.pen or mark.colour)
        elif mark.kind == "note" and plan.received:
            _draw_note(page, mark, plan.received, dpi, rng)


def _draw_note(page: np.ndarray, mark: Mark, received: Received, dpi: float, rng: random.Random) -> None:
    """The leader's instruction, initials and date, slanted, in the emptiest part of the top half."""
    px = dpi / 25.4
    size = rng.uniform(4.2, 5.2) * px
    d = received.note_date
    lines = [received.instruction, f"{received.initials}   {d.day}/{d.month}" + (f"/{d.year}" if rng.random() < 0.4 else "")]
    masks = [ink.hand_mask(line, size, rng) for line in lines]
    w = int(max(m.shape[1] for m in masks) + size)
    h = int(sum(m.shape[0] for m in masks) + size * 0.3)
    note = np.zeros((h, w), np.float32)
    y = 0.0
    for i, m in enumerate(masks):
        ink.paste_mask(note, m, size * (0.8 * i + rng.uniform(0, 0.3)), y)
        y += m.shape[0] + size * 0.15
    note = ink.rotate_mask(note, mark.angle)
    x, y = _emptiest(page, note.shape[1], note.shape[0], dpi, rng)
    ink.lay_ink(page, note, x, y, mark.colour)


def _emptiest(page: np.ndarray, w: int, h: int, dpi: float, rng: random.Random) -> tuple[float, float]:
    """Top-left of a w×h box in the top 55% of the page with the least ink, a few mm inside the
    edge; among near-equal places one at random."""
    f = 4
    grey = page.mean(axis=2)
    small = cv2.resize((grey < 190).astype(np.float32), (page.shape[1] // f, page.shape[0] // f), interpolation=cv2.INTER_AREA)
    sat = cv2.integral(small)
    bw, bh = max(w // f, 1), max(h // f, 1)
    edge = int(6 * dpi / 25.4 / f)
    limit = int(small.shape[0] * 0.55)
    best: list[tuple[float, int, int]] = []
    for y in range(edge, max(limit - bh, edge + 1), 4):
        for x in range(edge, max(small.shape[1] - bw - edge, edge + 1), 4):
            cost = sat[y + bh, x + bw] - sat[y, x + bw] - sat[y + bh, x] + sat[y, x]
            best.append((float(cost), x, y))
    if not best:
        return float(edge * f), float(edge * f)
    low = min(c for c, _, _ in best)
    near = [(x, y) for c, x, y in best if c <= low + 0.01 * bw * bh]
    x, y = rng.choice(near)
    return float(x * f), float(y * f)
