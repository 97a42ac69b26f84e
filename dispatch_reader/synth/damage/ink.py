"""Ink on paper: the round seal, the pen signature, the receiving stamp and handwriting.

Each maker returns an *ink mask* (float32, 0 = no ink, 1 = full ink) that `lay_ink` multiplies
onto a page image in one colour, the way ink over print looks: the print shows through.
Sizes are given in millimetres and turned into pixels with the page's `dpi`.
"""

from __future__ import annotations

import math
import random
from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from dispatch_reader.synth.fonts import find_font_files

Colour = tuple[int, int, int]

SEAL_REDS: tuple[Colour, ...] = ((214, 32, 44), (198, 24, 52), (222, 56, 60), (190, 30, 36))
STAMP_INKS: tuple[Colour, ...] = ((205, 35, 50), (120, 40, 150), (96, 48, 160), (190, 40, 70))
PEN_BLUES: tuple[Colour, ...] = ((28, 48, 160), (20, 40, 120), (40, 70, 175))
PEN_DARK: Colour = (40, 40, 60)

# Handwriting: a sans italic reads more like a pen than the serif of the print.
_HAND_CANDIDATES = (
    Path("/usr/share/fonts/truetype/noto/NotoSans-Italic.ttf"),
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf"),
    Path("/usr/share/fonts/truetype/liberation2/LiberationSans-Italic.ttf"),
)
_MONO_CANDIDATES = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"),
    Path("/usr/share/fonts/truetype/liberation2/LiberationMono-Regular.ttf"),
    Path("/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf"),
)


def _first(paths: tuple[Path, ...], style: str) -> str:
    for path in paths:
        if path.is_file():
            return str(path)
    return str(find_font_files()[style])


@lru_cache(maxsize=64)
def font(kind: str, size_px: int) -> ImageFont.FreeTypeFont:
    """`serif-bold` (seal and stamp lettering), `hand`, `mono` (fax header), `serif`."""
    path = {
        "serif-bold": lambda: str(find_font_files()["-Bold"]),
        "serif": lambda: str(find_font_files()[""]),
        "hand": lambda: _first(_HAND_CANDIDATES, "-Italic"),
        "mono": lambda: _first(_MONO_CANDIDATES, ""),
    }[kind]()
    return ImageFont.truetype(path, max(int(size_px), 4))


def mm(value: float, dpi: float) -> float:
    return value * dpi / 25.4


def _mask(img: Image.Image) -> np.ndarray:
    return np.asarray(img, dtype=np.float32) / 255.0


def lay_ink(page: np.ndarray, mask: np.ndarray, x: float, y: float, colour: Colour, strength: float = 1.0) -> None:
    """Multiply `colour` into `page` (H×W×3 float32, in place) where `mask` has ink; the mask's
    top-left corner at (x, y) pixels, clipped at the page edges."""
    h, w = mask.shape
    x0, y0 = int(round(x)), int(round(y))
    px0, py0 = max(x0, 0), max(y0, 0)
    px1, py1 = min(x0 + w, page.shape[1]), min(y0 + h, page.shape[0])
    if px1 <= px0 or py1 <= py0:
        return
    m = mask[py0 - y0:py1 - y0, px0 - x0:px1 - x0, None] * strength
    tint = np.asarray(colour, dtype=np.float32) / 255.0
    page[py0:py1, px0:px1] *= 1.0 - m * (1.0 - tint)


def stamp_texture(mask: np.ndarray, rng: random.Random, *, patchy: float = 0.35, holes: float = 0.06) -> np.ndarray:
    """Rubber-stamp ink: uneven pressure (a smooth field), grain, pin-holes, soft edges."""
    nprng = np.random.default_rng(rng.randrange(2**32))
    h, w = mask.shape
    coarse = nprng.uniform(1.0 - patchy, 1.0, (5, 5)).astype(np.float32)
    field = cv2.resize(coarse, (w, h), interpolation=cv2.INTER_CUBIC)
    # One side of a hand stamp often presses harder than the other.
    gx, gy = np.meshgrid(np.linspace(-1, 1, w, dtype=np.float32), np.linspace(-1, 1, h, dtype=np.float32))
    a = rng.uniform(0, 2 * math.pi)
    field *= 1.0 - rng.uniform(0.0, patchy * 0.8) * (0.5 + 0.5 * (np.cos(a) * gx + np.sin(a) * gy))
    grain = nprng.random((h, w), dtype=np.float32)
    field = np.where(grain < holes, field * 0.25, field)
    out = cv2.GaussianBlur(mask * np.clip(field, 0, 1), (0, 0), 0.6)
    return np.clip(out * rng.uniform(0.85, 1.0), 0.0, 1.0)


def _glyph(ch: str, face: ImageFont.FreeTypeFont) -> Image.Image:
    """One glyph drawn with its baseline's middle at the centre of a square canvas."""
    size = int(face.size * 2.2)
    img = Image.new("L", (size, size), 0)
    ImageDraw.Draw(img).text((size / 2, size / 2), ch, font=face, fill=255, anchor="ms")
    return img


def seal_mask(name: str, dpi: float, rng: random.Random, diameter_mm: float | None = None) -> np.ndarray:
    """The round seal: a thick outer ring, a thin inner ring, the body's name in capitals
    around the band between them (letters upright towards the rim), a star in the centre."""
    px = dpi / 25.4
    diameter = (diameter_mm or rng.uniform(34.0, 40.0)) * px
    r_out = diameter / 2
    side = int(diameter + 4 * px)
    c = side / 2
    img = Image.new("L", (side, side), 0)
    draw = ImageDraw.Draw(img)
    ring = max(2, round(rng.uniform(0.8, 1.1) * px))
    draw.ellipse([c - r_out, c - r_out, c + r_out, c + r_out], outline=255, width=ring)
    r_in = r_out - rng.uniform(6.0, 6.8) * px
    draw.ellipse([c - r_in, c - r_in, c + r_in, c + r_in], outline=255, width=max(1, round(0.35 * px)))

    text = " ".join(name.upper().split())
    size = 4.3 * px
    face = font("serif-bold", round(size))
    baseline = r_in + 1.1 * px
    for _ in range(6):  # shrink a long name until it fits in 330°
        advances = [face.getlength(ch) for ch in text]
        natural = sum(advances) / (baseline + 0.35 * size)
        if natural <= math.radians(330) or size < 2.6 * px:
            break
        size *= 0.9
        face = font("serif-bold", round(size))
        baseline = r_in + 1.0 * px
    span = min(max(natural, math.radians(rng.uniform(220, 260))), math.radians(330))
    spacing = (span - natural) * (baseline + 0.35 * size) / max(len(text) - 1, 1)
    theta = -span / 2
    radius = baseline + 0.35 * size
    for ch, advance in zip(text, advances):
        mid = theta + (advance / 2) / radius
        if not ch.isspace():
            glyph = _glyph(ch, face).rotate(-math.degrees(mid), resample=Image.BICUBIC)
            gx = c + baseline * math.sin(mid) - glyph.width / 2
            gy = c - baseline * math.cos(mid) - glyph.height / 2
            img.paste(255, (round(gx), round(gy)), glyph)
        theta += (advance + spacing) / radius

    # Five-pointed star in the centre.
    r_star = r_in * rng.uniform(0.42, 0.5)
    points = []
    for k in range(10):
        r = r_star if k % 2 == 0 else r_star * 0.4
        a = -math.pi / 2 + k * math.pi / 5
        points.append((c + r * math.cos(a), c + r * math.sin(a)))
    draw.polygon(points, fill=255)

    img = img.rotate(rng.uniform(-25, 25), resample=Image.BICUBIC)
    return stamp_texture(_mask(img), rng, patchy=0.3, holes=0.04)


def _catmull_rom(points: list[tuple[float, float]], per_segment: int = 24) -> np.ndarray:
    p = np.asarray([points[0], *points, points[-1]], dtype=np.float64)
    out = []
    for i in range(1, len(p) - 2):
        p0, p1, p2, p3 = p[i - 1], p[i], p[i + 1], p[i + 2]
        for t in np.linspace(0, 1, per_segment, endpoint=False):
            t2, t3 = t * t, t * t * t
            out.append(0.5 * (2 * p1 + (-p0 + p2) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t2
                              + (-p0 + 3 * p1 - 3 * p2 + p3) * t3))
    out.append(p[-2])
    return np.asarray(out)


def _stroke(draw: ImageDraw.ImageDraw, curve: np.ndarray, width: float, rng: random.Random) -> None:
    """A pen line with pressure: the width swells and thins smoothly along the curve."""
    phase, freq = rng.uniform(0, 6.3), rng.uniform(0.01, 0.03)
    for i in range(len(curve) - 1):
        w = width * (0.75 + 0.35 * math.sin(phase + i * freq * 6.3))
        draw.line([tuple(curve[i]), tuple(curve[i + 1])], fill=255, width=max(1, round(w)), joint="curve")


def _smooth_noise(rng: random.Random, n: int, knots: int) -> np.ndarray:
    """n samples of a smooth random curve through `knots` values in [-1, 1]."""
    values = [rng.uniform(-1, 1) for _ in range(knots)]
    return np.interp(np.linspace(0, knots - 1, n), np.arange(knots), values)


def signature_mask(width_px: float, height_px: float, dpi: float, rng: random.Random) -> np.ndarray:
    """A signature: a tall opening stroke, then a run of cursive loops of changing size (a
    looped cycloid whose radius wanders), often a flourish back under it. Drawn at twice the
    size and shrunk, so the pen line is smooth."""
    k = 2
    w, h = int(width_px * k), int(height_px * k)
    img = Image.new("L", (w, h), 0)
    draw = ImageDraw.Draw(img)
    pen = mm(rng.uniform(0.3, 0.5), dpi) * k
    loops = rng.randint(3, 7)
    n = 60 * loops
    t = np.linspace(0, 2 * math.pi * loops, n)
    x_start, x_end = w * rng.uniform(0.18, 0.3), w * rng.uniform(0.8, 0.95)
    speed = (x_end - x_start) / t[-1]
    size = 0.5 + 0.5 * np.abs(_smooth_noise(rng, n, loops + 2))
    loop_r = speed * rng.uniform(1.5, 2.6) * (0.75 + 0.25 * size)
    height = np.minimum(loop_r * rng.uniform(1.6, 3.2) * size, h * 0.55)
    base = h * 0.55 + h * 0.12 * _smooth_noise(rng, n, 3) - np.linspace(0, h * rng.uniform(0.0, 0.15), n)
    pace = speed * (1 + 0.45 * _smooth_noise(rng, n, loops + 3))  # some letters wide, some narrow
    xs = x_start + np.concatenate([[0], np.cumsum(pace[:-1] * np.diff(t))]) - loop_r * np.sin(t)
    ys = base - height * (1 + np.cos(t)) / 2  # loops at the top, like l and h
    # The opening: up from the lower left into a tall capital, down into the first loop.
    lead = [(w * rng.uniform(0.02, 0.1), h * rng.uniform(0.6, 0.85)),
            (w * rng.uniform(0.1, 0.2), h * rng.uniform(0.05, 0.2)),
            (w * rng.uniform(0.12, 0.22), h * rng.uniform(0.65, 0.85)), (xs[0], ys[0])]
    curve = np.vstack([_catmull_rom(lead, 20), np.column_stack([xs, ys])])
    _stroke(draw, curve, pen, rng)
    if rng.random() < 0.8:  # the flourish: from the end back under the name
        y0 = h * rng.uniform(0.75, 0.92)
        tail = [tuple(curve[-1]), (w * rng.uniform(0.7, 0.85), y0), (w * rng.uniform(0.35, 0.5), y0 + h * 0.04),
                (w * rng.uniform(0.05, 0.2), y0 - h * rng.uniform(0.0, 0.12))]
        _stroke(draw, _catmull_rom(tail), pen * 0.85, rng)
    small = img.resize((int(width_px), int(height_px)), Image.LANCZOS)
    return np.clip(_mask(small) * rng.uniform(0.85, 1.0), 0, 1)


def hand_mask(text: str, size_px: float, rng: random.Random) -> np.ndarray:
    """Handwriting: letters of a slanted face each turned, scaled and lifted a little at random
    on a wandering baseline, then sheared. Cropped to the ink."""
    faces = [font("hand", round(size_px * f)) for f in (0.9, 1.0, 1.1)]
    width = int(sum(faces[1].getlength(ch) for ch in text) * 1.3 + size_px * 2)
    height = int(size_px * 3)
    img = Image.new("L", (width, height), 0)
    x = size_px * 0.5
    base = height * 0.62
    drift, wave, phase = rng.uniform(-0.05, 0.05), size_px * rng.uniform(0.03, 0.1), rng.uniform(0, 6.3)
    for i, ch in enumerate(text):
        face = rng.choice(faces)
        advance = face.getlength(ch) * rng.uniform(0.88, 1.08)
        if not ch.isspace():
            glyph = _glyph(ch, face).rotate(rng.uniform(-8, 8), resample=Image.BICUBIC)
            y = base + drift * x + wave * math.sin(phase + i * 0.7) + rng.gauss(0, size_px * 0.04)
            img.paste(255, (round(x + advance / 2 - glyph.width / 2), round(y - glyph.height / 2)), glyph)
        x += advance
    slant = rng.uniform(-0.05, 0.2)
    img = img.transform(img.size, Image.AFFINE, (1, slant, -slant * height / 2, 0, 1, 0), resample=Image.BICUBIC)
    box = img.getbbox()
    if box:
        img = img.crop((max(box[0] - 2, 0), max(box[1] - 2, 0), box[2] + 2, box[3] + 2))
    return _mask(img)


def paste_mask(canvas: np.ndarray, mask: np.ndarray, x: float, y: float) -> None:
    """Ink `mask` into a larger mask at (x, y), clipped; overlapping ink stays at most 1."""
    h, w = mask.shape
    x0, y0 = int(round(x)), int(round(y))
    px0, py0 = max(x0, 0), max(y0, 0)
    px1, py1 = min(x0 + w, canvas.shape[1]), min(y0 + h, canvas.shape[0])
    if px1 > px0 and py1 > py0:
        region = canvas[py0:py1, px0:px1]
        np.maximum(region, mask[py0 - y0:py1 - y0, px0 - x0:px1 - x0], out=region)


def rotate_mask(mask: np.ndarray, degrees: float) -> np.ndarray:
    img = Image.fromarray((np.clip(mask, 0, 1) * 255).astype(np.uint8))
    return _mask(img.rotate(degrees, resample=Image.BICUBIC, expand=True))


def receipt_masks(lines: list[tuple[str, str]], body: str, dpi: float, rng: random.Random
                  ) -> tuple[np.ndarray, np.ndarray]:
    """The receiving stamp: a ruled rectangle with the receiving body, CÔNG VĂN ĐẾN and a
    dotted line for each (label, handwritten value); returns (stamp ink, pen ink) of one size."""
    px = dpi / 25.4
    w, h = int(rng.uniform(54, 62) * px), int(rng.uniform(30, 35) * px)
    stamp = Image.new("L", (w, h), 0)
    draw = ImageDraw.Draw(stamp)
    border = max(2, round(0.5 * px))
    draw.rectangle([border, border, w - border, h - border], outline=255, width=border)
    if rng.random() < 0.4:
        inset = round(1.0 * px)
        draw.rectangle([inset + border, inset + border, w - inset - border, h - inset - border], outline=255,
                       width=max(1, border // 2))
    small, big = font("serif-bold", round(2.6 * px)), font("serif-bold", round(3.6 * px))
    label = font("serif", round(2.9 * px))
    y = 2.0 * px
    draw.text((w / 2, y), body.upper(), font=small, fill=255, anchor="mt")
    y += 3.6 * px
    draw.text((w / 2, y), "CÔNG VĂN ĐẾN", font=big, fill=255, anchor="mt")
    y += 5.6 * px
    pen = np.zeros((h, w), np.float32)
    step = (h - y - 2.0 * px) / max(len(lines), 1)
    for caption, value in lines:
        base = y + step * 0.75
        draw.text((3.0 * px, base), f"{caption}:", font=label, fill=255, anchor="ls")
        start = 3.0 * px + label.getlength(f"{caption}: ")
        for dot in np.arange(start, w - 3.0 * px, 0.9 * px):
            draw.point((dot, base), fill=255)
        if value:
            hand = hand_mask(value, rng.uniform(4.0, 5.0) * px, rng)
            paste_mask(pen, hand, start + rng.uniform(0.5, 3.0) * px, base - hand.shape[0] * 0.8)
        y += step
    return stamp_texture(_mask(stamp), rng, patchy=0.4), pen
