"""How paper becomes an image: a colour scan, a black-and-white photocopy, a phone photo, a fax.

Each function takes a page image (H×W×3 float32 RGB, 0-255, with its ink marks already on it)
rendered at `dpi`, and returns a `Raster`: the image as it goes into the PDF and its resolution.
All randomness comes from the `random.Random` passed in.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image, ImageDraw

from dispatch_reader.synth.damage.ink import font, mm


@dataclass
class Raster:
    image: Image.Image  # mode "RGB", "L" or "1"
    dpi: tuple[float, float]  # horizontal, vertical
    quality: int | None = None  # JPEG quality; None: lossless (CCITT for mode "1")


def _nprng(rng: random.Random) -> np.random.Generator:
    return np.random.default_rng(rng.randrange(2**32))


def _rotate(a: np.ndarray, degrees: float, fill: float | tuple[float, ...]) -> np.ndarray:
    h, w = a.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    border = fill if isinstance(fill, tuple) else (fill, fill, fill)
    return cv2.warpAffine(a, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=border)


def _u8(a: np.ndarray) -> np.ndarray:
    return np.clip(a, 0, 255).astype(np.uint8)


def colour_scan(page: np.ndarray, dpi: float, rng: random.Random) -> Raster:
    """A careful office scan of a signed original: colour kept (seal red, pen blue), paper a
    little warm, a slight tilt and blur, JPEG quality 75-88."""
    white, warm = rng.uniform(0.97, 1.0), rng.uniform(0.0, 0.06)  # paper: white to cream
    tint = np.asarray([white, white - 0.4 * warm, white - warm], np.float32)
    a = page * tint
    a = _rotate(a, rng.choice((-1, 1)) * rng.uniform(0.2, 1.0), tuple(float(255 * t) for t in tint))
    a = cv2.GaussianBlur(a, (0, 0), rng.uniform(0.5, 0.7))
    a += _nprng(rng).standard_normal(a.shape, dtype=np.float32) * 2.0
    return Raster(Image.fromarray(_u8(a), "RGB"), (dpi, dpi), rng.randint(75, 88))


def _dark_edges(grey: np.ndarray, dpi: float, rng: random.Random) -> np.ndarray:
    """What a copier prints past the sheet: black bands with ragged inner edges on one or two
    sides, and a grey shadow fading in from the edge."""
    h, w = grey.shape
    nprng = _nprng(rng)
    sides = rng.sample(["left", "right", "top", "bottom"], rng.choice((1, 2, 2)))
    for side in sides:
        length = h if side in ("left", "right") else w
        depth = mm(rng.uniform(2.0, 7.0), dpi)
        ragged = cv2.resize(nprng.normal(0, mm(0.8, dpi), (1, max(length // 40, 2))).astype(np.float32),
                            (length, 1), interpolation=cv2.INTER_CUBIC)[0] + depth
        shadow = mm(rng.uniform(6, 18), dpi)
        idx = np.arange(int(depth + shadow + mm(3, dpi)), dtype=np.float32)[:, None]
        band = np.where(idx < ragged[None, :], 15.0, np.clip(255 - 120 * np.exp(-(idx - ragged[None, :]) / shadow), 0, 255))
        if side == "top":
            grey[:band.shape[0]] = np.minimum(grey[:band.shape[0]], band)
        elif side == "bottom":
            grey[h - band.shape[0]:] = np.minimum(grey[h - band.shape[0]:], band[::-1])
        elif side == "left":
            grey[:, :band.shape[0]] = np.minimum(grey[:, :band.shape[0]], band.T)
        else:
            grey[:, w - band.shape[0]:] = np.minimum(grey[:, w - band.shape[0]:], band.T[:, ::-1])
    return grey


def _toner(grey: np.ndarray, dpi: float, rng: random.Random) -> np.ndarray:
    """Toner specks (single dots and small clusters) and, sometimes, a drum streak."""
    h, w = grey.shape
    nprng = _nprng(rng)
    n = int(h * w * rng.uniform(0.0002, 0.0006))
    ys, xs = nprng.integers(0, h, n), nprng.integers(0, w, n)
    grey[ys, xs] = 0
    for _ in range(rng.randint(20, 60)):  # clusters
        cy, cx = rng.randrange(h), rng.randrange(w)
        r = mm(rng.uniform(0.3, 1.2), dpi)
        k = rng.randint(4, 15)
        py = np.clip((cy + nprng.normal(0, r, k)).astype(int), 0, h - 1)
        px = np.clip((cx + nprng.normal(0, r, k)).astype(int), 0, w - 1)
        grey[py, px] = 0
    if rng.random() < 0.5:  # a streak along the paper path
        x = rng.randrange(w)
        grey[:, x:x + rng.randint(1, 3)] *= rng.uniform(0.2, 0.6)
    return grey


def photocopy(page: np.ndarray, dpi: float, rng: random.Random) -> Raster:
    """A black-and-white photocopy: colour gone (the red seal and blue pen print black or
    patchy dark), a few degrees of skew, dark bands where the copier saw past the sheet, a
    hard threshold, toner specks. One bit per pixel."""
    # A copier's sensor sees red and blue ink as dark: weight the darkest channel heavily.
    grey = 0.55 * page.min(axis=2) + 0.45 * (page @ np.asarray([0.299, 0.587, 0.114], np.float32))
    grey = _rotate(grey, rng.choice((-1, 1)) * rng.uniform(1.0, 3.5), 255.0)
    grey = _dark_edges(grey, dpi, rng)
    grey = cv2.GaussianBlur(grey, (0, 0), rng.uniform(0.6, 1.0))
    grey += _nprng(rng).standard_normal(grey.shape, dtype=np.float32) * 12
    binary = np.where(grey < rng.uniform(135, 175), 0.0, 255.0).astype(np.float32)
    binary = _toner(binary, dpi, rng)
    return Raster(Image.fromarray(_u8(binary), "L").convert("1", dither=Image.Dither.NONE), (dpi, dpi))


def fax(page: np.ndarray, dpi: float, rng: random.Random, header: str) -> Raster:
    """A fax: 200 dpi across, 100 dpi down (standard mode, kept anisotropic as fax PDFs and TIFFs
    are), thresholded to one bit, a sender's header line across the top, streaks and dropped
    or repeated scan lines."""
    grey = page @ np.asarray([0.299, 0.587, 0.114], np.float32)
    h, w = grey.shape
    grey = _rotate(grey, rng.uniform(-0.8, 0.8), 255.0)
    across = 200.0
    scaled = cv2.resize(grey, (int(w * across / dpi), int(h * across / dpi / 2)), interpolation=cv2.INTER_AREA)
    # The header line the sending machine prints: small, monospace, in the top margin.
    img = Image.fromarray(_u8(scaled), "L")
    face = font("mono", round(mm(2.6, across)))
    strip = Image.new("L", (img.width, int(face.size * 1.6)), 255)
    ImageDraw.Draw(strip).text((mm(5, across), strip.height * 0.15), header, font=face, fill=0)
    strip = strip.resize((strip.width, max(strip.height // 2, 1)), Image.BOX)  # half height, like everything
    top = int(mm(rng.uniform(1.5, 3.0), across) / 2)
    region = img.crop((0, top, strip.width, top + strip.height))
    img.paste(Image.fromarray(np.minimum(np.asarray(region), np.asarray(strip))), (0, top))
    a = np.asarray(img, dtype=np.float32)
    binary = np.where(a < rng.uniform(150, 185), 0.0, 255.0)
    rows = binary.shape[0]
    for _ in range(rng.randint(2, 6)):  # dropped lines: a run of rows lost to white
        y = rng.randrange(rows)
        binary[y:y + rng.randint(1, 3)] = 255.0
    for _ in range(rng.randint(2, 6)):  # a line repeated (the machine stalled)
        y = rng.randrange(1, rows)
        binary[y:y + rng.randint(1, 2)] = binary[y - 1]
    for _ in range(rng.randint(1, 4)):  # black streaks across part of the width
        y, x0 = rng.randrange(rows), rng.randrange(binary.shape[1] // 2)
        binary[y, x0:x0 + rng.randrange(binary.shape[1] // 4, binary.shape[1] - x0)] = 0.0
    if rng.random() < 0.5:  # a band shifted sideways (lost sync)
        y, n = rng.randrange(rows - 20), rng.randint(3, 12)
        binary[y:y + n] = np.roll(binary[y:y + n], rng.randint(-6, 6), axis=1)
    return Raster(Image.fromarray(_u8(binary), "L").convert("1", dither=Image.Dither.NONE), (across, across / 2))


def _desk(h: int, w: int, rng: random.Random) -> np.ndarray:
    """A desk top: wood grain, a grey laminate or a green blotter, with texture."""
    nprng = _nprng(rng)
    kind = rng.choice(("wood", "wood", "laminate", "blotter"))
    base = {"wood": (rng.uniform(120, 165), rng.uniform(80, 105), rng.uniform(45, 65)),
            "laminate": (rng.uniform(150, 185),) * 3,
            "blotter": (rng.uniform(40, 60), rng.uniform(85, 110), rng.uniform(60, 75))}[kind]
    a = np.empty((h, w, 3), np.float32)
    a[:] = base
    if kind == "wood":
        along = cv2.resize(nprng.normal(0, 1, (max(h // 6, 2), 6)).astype(np.float32), (w, h),
                           interpolation=cv2.INTER_CUBIC)
        grain = np.sin(np.linspace(0, rng.uniform(30, 60), h, dtype=np.float32)[:, None] + 2.5 * along)
        a *= (1.0 + 0.12 * grain)[..., None]
    coarse = cv2.resize(nprng.normal(0, 1, (8, 8)).astype(np.float32), (w, h), interpolation=cv2.INTER_CUBIC)
    a *= (1.0 + 0.08 * coarse)[..., None]
    a += nprng.standard_normal(a.shape, dtype=np.float32) * 4
    return a


def phone_photo(page: np.ndarray, dpi: float, rng: random.Random, target: float) -> tuple[Raster, np.ndarray]:
    """A phone photo of the sheet on a desk: the page seen slightly from the side (keystone and a
    small turn), the desk around it, light falling off across the sheet with a soft shadow,
    a colour cast, blur, sensor noise, JPEG; `target` dpi on the paper. Returns the raster
    and the page's four corners in it (top-left, top-right, bottom-right, bottom-left)."""
    h0, w0 = page.shape[:2]
    k = target / dpi
    pw, ph = w0 * k, h0 * k
    margin_x, margin_y = pw * rng.uniform(0.06, 0.12), ph * rng.uniform(0.05, 0.09)
    W, H = int(pw + 2 * margin_x), int(ph + 2 * margin_y)
    cx, cy = W / 2 + rng.uniform(-0.3, 0.3) * margin_x, H / 2 + rng.uniform(-0.3, 0.3) * margin_y
    # Keystone: the far edge shorter. The phone is below or to one side of the sheet.
    squeeze = rng.uniform(0.07, 0.15)
    corners = np.asarray([(-pw / 2, -ph / 2), (pw / 2, -ph / 2), (pw / 2, ph / 2), (-pw / 2, ph / 2)], np.float32)
    side = rng.choice(("top", "left", "right"))
    if side == "top":
        corners[:2, 0] *= 1 - squeeze
        corners[:2, 1] *= 1 - squeeze / 3
    else:
        i = (0, 3) if side == "left" else (1, 2)
        corners[list(i), 1] *= 1 - squeeze
        corners[list(i), 0] *= 1 - squeeze / 3
    corners += np.asarray([[rng.uniform(-0.01, 0.01) * pw, rng.uniform(-0.01, 0.01) * ph] for _ in range(4)], np.float32)
    turn = math.radians(rng.uniform(-3.0, 3.0))
    rot = np.asarray([[math.cos(turn), -math.sin(turn)], [math.sin(turn), math.cos(turn)]], np.float32)
    corners = corners @ rot.T + np.asarray([cx, cy], np.float32)

    source = np.asarray([(0, 0), (w0, 0), (w0, h0), (0, h0)], np.float32)
    m = cv2.getPerspectiveTransform(source, corners)
    sheet = cv2.warpPerspective(page, m, (W, H), flags=cv2.INTER_AREA, borderMode=cv2.BORDER_CONSTANT, borderValue=(0, 0, 0))
    cover = cv2.warpPerspective(np.ones((h0, w0), np.float32), m, (W, H), flags=cv2.INTER_LINEAR)

    desk = _desk(H, W, rng)
    # The sheet's own shadow on the desk, offset away from the light.
    shadow = cv2.GaussianBlur(np.roll(cover, (int(rng.uniform(2, 8)), int(rng.uniform(-6, 6))), axis=(0, 1)), (0, 0), 6)
    desk *= (1 - 0.35 * shadow)[..., None]
    photo = sheet * cover[..., None] + desk * (1 - cover[..., None])

    # Light: a gradient across the frame, a vignette and a soft shadow (the phone, a hand).
    gy, gx = np.meshgrid(np.linspace(-1, 1, H, dtype=np.float32), np.linspace(-1, 1, W, dtype=np.float32), indexing="ij")
    a = rng.uniform(0, 2 * math.pi)
    light = 1.0 - rng.uniform(0.12, 0.3) * (0.5 + 0.5 * (math.cos(a) * gx + math.sin(a) * gy))
    light *= 1.0 - rng.uniform(0.08, 0.18) * (gx ** 2 + gy ** 2) / 2
    f = 8  # the shadow is soft: drawn and blurred at 1/8 size
    blob = np.zeros((H // f, W // f), np.float32)
    bx, by = rng.uniform(0.1, 0.9) * W / f, rng.uniform(0.1, 0.9) * H / f
    cv2.ellipse(blob, (int(bx), int(by)), (int(W / f * rng.uniform(0.15, 0.35)), int(H / f * rng.uniform(0.1, 0.25))),
                rng.uniform(0, 180), 0, 360, 1.0, -1)
    blob = cv2.resize(cv2.GaussianBlur(blob, (0, 0), W / f * 0.06), (W, H), interpolation=cv2.INTER_LINEAR)
    light *= 1.0 - rng.uniform(0.2, 0.4) * blob
    if rng.random() < 0.7:  # a warm bulb
        cast = np.asarray([1.0, rng.uniform(0.92, 0.97), rng.uniform(0.78, 0.9)], np.float32)
    else:  # daylight from a window
        cast = np.asarray([rng.uniform(0.88, 0.95), rng.uniform(0.95, 0.99), 1.0], np.float32)
    exposure = rng.uniform(0.82, 0.95)
    photo = photo * light[..., None] * cast * exposure
    photo = 18 + photo * (1 - 18 / 255)  # a phone never shows true black
    photo = cv2.GaussianBlur(photo, (0, 0), rng.uniform(0.7, 1.3))
    photo += _nprng(rng).standard_normal(photo.shape, dtype=np.float32) * rng.uniform(2.5, 4.5)
    raster = Raster(Image.fromarray(_u8(photo), "RGB"), (target, target), rng.randint(70, 85))
    return raster, corners
