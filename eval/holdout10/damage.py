#!/usr/bin/env python3
"""Damage generator for eval/holdout10: signed originals and four kinds of paper damage.

    python eval/holdout10/damage.py eval/holdout10 /tmp/h10 [--only NAME ...] [--variants curled,faint,...]

For every NAME.pdf with a NAME.truth.json in SRC:
  1. every page is rendered at 300 dpi (pdftoppm) and made into a signed original: a blue
     ballpoint signature between the signer's title lines and name, a red round seal over the
     left part of the signature and the title lines, placed from the PDF text layer
     (pdftotext -bbox-layout) and the truth's signer, never from OCR; page 1 of most documents
     gets a receiving stamp (CÔNG VĂN ĐẾN / Số / Ngày / Chuyển) filled in by hand in blue;
  2. four variants are written to DEST/<variant>/NAME.scan.pdf with NAME.truth.json beside:
     curled, faint, stamps, batch (see README.md).
Seeded from the document name (and variant, page); deterministic.
Needs: pdftoppm, pdftotext (poppler), numpy, opencv-python-headless, Pillow, img2pdf.
"""
import argparse
import glob
import hashlib
import html
import io
import json
import math
import os
import re
import shutil
import subprocess
import tempfile
import unicodedata
from datetime import date, timedelta

import cv2
import img2pdf
import numpy as np
from PIL import Image, ImageDraw, ImageFont

DPI = 300
PT = DPI / 72.0          # pixels per PDF point at 300 dpi
MM = DPI / 25.4          # pixels per millimetre at 300 dpi
VARIANTS = ("curled", "faint", "stamps", "batch")

FONT_DIRS = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/truetype/liberation",
             "/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/truetype/noto"]


def font_path(names):
    for n in names:
        for d in FONT_DIRS:
            p = os.path.join(d, n)
            if os.path.exists(p):
                return p
    raise SystemExit("no font found among %s" % names)


F_BOLD = font_path(["DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf", "NotoSans-Bold.ttf"])
F_REG = font_path(["DejaVuSans.ttf", "LiberationSans-Regular.ttf", "NotoSans-Regular.ttf"])
F_HAND = font_path(["DejaVuSans-Oblique.ttf", "NotoSans-Italic.ttf"])
F_HAND2 = font_path(["DejaVuSerif-Italic.ttf", "NotoSans-Italic.ttf"])

BLUE_PEN = np.array([0.10, 0.17, 0.62], np.float32)
BLUE_PEN2 = np.array([0.16, 0.22, 0.55], np.float32)
RED_SEAL = np.array([0.82, 0.10, 0.14], np.float32)
RED_PEN = np.array([0.80, 0.12, 0.12], np.float32)
VIOLET = np.array([0.42, 0.20, 0.62], np.float32)
STAMP_BLUE = np.array([0.18, 0.28, 0.70], np.float32)


def rng_for(*parts):
    h = hashlib.sha256("|".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return np.random.default_rng(int(h[:16], 16))


def nfc(s):
    return unicodedata.normalize("NFC", s or "")


# --------------------------------------------------------------------------- text layer
def read_layout(pdf):
    out = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], capture_output=True, check=True).stdout
    text = out.decode("utf-8")
    pages = []
    for pm in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', text, re.S):
        lines = []
        for lm in re.finditer(r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</line>',
                              pm.group(3), re.S):
            words = []
            for wm in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>',
                                  lm.group(5), re.S):
                words.append(dict(x0=float(wm.group(1)), y0=float(wm.group(2)), x1=float(wm.group(3)),
                                  y1=float(wm.group(4)), t=nfc(html.unescape(wm.group(5)))))
            if words:
                lines.append(dict(x0=float(lm.group(1)), y0=float(lm.group(2)), x1=float(lm.group(3)),
                                  y1=float(lm.group(4)), words=words,
                                  text=" ".join(w["t"] for w in words)))
        pages.append(dict(w=float(pm.group(1)), h=float(pm.group(2)), lines=lines))
    return pages


def render(pdf, tmp):
    subprocess.run(["pdftoppm", "-r", str(DPI), "-png", pdf, os.path.join(tmp, "p")], check=True)
    files = sorted(glob.glob(os.path.join(tmp, "p-*.png")))
    return [np.asarray(Image.open(f).convert("RGB"), np.float32) / 255.0 for f in files]


def find_signing(pages, signer):
    """Last line holding the signer's name, and the capitalised title lines above it."""
    name = nfc(signer["name"])
    hit = None
    for pi, pg in enumerate(pages):
        for li, ln in enumerate(pg["lines"]):
            if name and name in ln["text"]:
                hit = (pi, li)
    if hit is None:
        return None
    pi, li = hit
    ln = pages[pi]["lines"][li]
    # the name's own words only
    ws = [w for w in ln["words"] if w["t"] in name.split()]
    nx0, nx1 = min(w["x0"] for w in ws), max(w["x1"] for w in ws)
    ny0, ny1 = min(w["y0"] for w in ws), max(w["y1"] for w in ws)
    ncx = (nx0 + nx1) / 2
    titles = []
    for other in pages[pi]["lines"]:
        if other is ln or other["y1"] > ny0 + 1 or other["y0"] < ny0 - 260:
            continue
        ow = [w for w in other["words"] if abs((w["x0"] + w["x1"]) / 2 - ncx) < 170]
        if not ow:
            continue
        t = " ".join(w["t"] for w in ow)
        letters = [c for c in t if c.isalpha()]
        if letters and t == t.upper():
            titles.append(dict(x0=min(w["x0"] for w in ow), x1=max(w["x1"] for w in ow),
                               y0=min(w["y0"] for w in ow), y1=max(w["y1"] for w in ow), text=t))
    if titles:
        ty0 = min(t["y0"] for t in titles)
        ty1 = max(t["y1"] for t in titles)
        tx0 = min(t["x0"] for t in titles)
        tx1 = max(t["x1"] for t in titles)
    else:
        ty0, ty1, tx0, tx1 = ny0 - 80, ny0 - 64, nx0, nx1
    return dict(page=pi, name=(nx0, ny0, nx1, ny1), title=(tx0, ty0, tx1, ty1))


def header_boxes(page):
    """Rough boxes (in points) of the left header column, the number line and the motto."""
    left, motto, number = [], [], None
    mid = page["w"] * 0.45
    for ln in page["lines"]:
        if ln["y0"] > page["h"] * 0.33:
            break
        t = ln["text"]
        if t.startswith("Số:") and number is None:
            number = (ln["x0"], ln["y0"], ln["x1"], ln["y1"])
        if "CỘNG HÒA" in t or "Độc lập" in t:
            ws = [w for w in ln["words"] if w["x0"] > mid]
            if ws:
                motto.append((ws[0]["x0"], ln["y0"], ws[-1]["x1"], ln["y1"]))
        ws = [w for w in ln["words"] if w["x1"] < mid]
        if ws and ln["y0"] < page["h"] * 0.25:
            left.append((ws[0]["x0"], ln["y0"], ws[-1]["x1"], ln["y1"]))
    return left, motto, number


# --------------------------------------------------------------------------- ink primitives
def apply_ink(img, mask, color, x0, y0, strength=1.0):
    """Multiply ink of `color` with opacity `mask` (float 0..1) at (x0, y0) onto img (float RGB or grey)."""
    H, W = img.shape[:2]
    h, w = mask.shape
    x0, y0 = int(round(x0)), int(round(y0))
    ax0, ay0 = max(0, x0), max(0, y0)
    ax1, ay1 = min(W, x0 + w), min(H, y0 + h)
    if ax1 <= ax0 or ay1 <= ay0:
        return
    m = mask[ay0 - y0:ay1 - y0, ax0 - x0:ax1 - x0] * strength
    reg = img[ay0:ay1, ax0:ax1]
    if img.ndim == 3:
        m3 = m[..., None]
        reg *= (1.0 - m3 * (1.0 - color[None, None, :]))
    else:
        g = float(0.3 * color[0] + 0.59 * color[1] + 0.11 * color[2])
        reg *= (1.0 - m * (1.0 - g))


def catmull(points, n=14):
    pts = np.asarray(points, np.float64)
    pts = np.vstack([pts[0], pts, pts[-1]])
    out = []
    for i in range(1, len(pts) - 2):
        p0, p1, p2, p3 = pts[i - 1], pts[i], pts[i + 1], pts[i + 2]
        for t in np.linspace(0, 1, n, endpoint=False):
            t2, t3 = t * t, t * t * t
            out.append(0.5 * ((2 * p1) + (-p0 + p2) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t2
                              + (-p0 + 3 * p1 - 3 * p2 + p3) * t3))
    out.append(pts[-2])
    return np.array(out)


def draw_stroke(mask, pts, rng, width=5.0, pressure=(0.75, 1.0)):
    """Ballpoint stroke: thickness and opacity vary slowly along the path."""
    n = len(pts)
    ph = rng.uniform(0, 6.28)
    for i in range(n - 1):
        f = 0.5 + 0.5 * math.sin(ph + i * 0.05)
        th = max(1, int(round(width * (0.75 + 0.45 * f))))
        val = pressure[0] + (pressure[1] - pressure[0]) * f
        p = (int(round(pts[i][0] * 4)), int(round(pts[i][1] * 4)))
        q = (int(round(pts[i + 1][0] * 4)), int(round(pts[i + 1][1] * 4)))
        cv2.line(mask, p, q, float(val), th, cv2.LINE_AA, shift=2)


def signature_mask(w, h, rng, cross=False):
    """A cursive scribble of size about w x h px; returns (mask, baseline_y)."""
    pad = 40
    W, H = int(w + 2 * pad), int(h * (1.9 if cross else 1.5) + 2 * pad)
    mask = np.zeros((H, W), np.float32)
    base = pad + h * 0.72
    # capital: a tall loop
    x = pad + rng.uniform(0.02, 0.10) * w
    cap_h = h * rng.uniform(0.75, 1.0)
    pts = [(x, base), (x + 0.07 * w, base - cap_h), (x + 0.16 * w, base - cap_h * 0.85),
           (x + 0.08 * w, base - 0.35 * cap_h), (x - 0.02 * w, base + 0.05 * h)]
    x += 0.12 * w
    k = int(rng.integers(6, 10))
    for i in range(k):
        x += w * rng.uniform(0.055, 0.095)
        up = base - h * rng.uniform(0.15, 0.6) * (1.0 if i % 2 == 0 else 0.4)
        pts.append((x, up))
        x += w * rng.uniform(0.01, 0.04)
        pts.append((x, base + h * rng.uniform(-0.05, 0.12)))
        if rng.random() < 0.25:       # a small loop
            pts.append((x - 0.03 * w, base - h * 0.25))
            pts.append((x + 0.02 * w, base - h * 0.05))
    # flourish back to the left, under the word
    ex = min(W - pad, x + 0.08 * w)
    dip = h * (0.95 if cross else 0.30)
    pts += [(ex, base - 0.2 * h), (ex - 0.15 * w, base + dip * 0.6),
            (pad + w * rng.uniform(0.15, 0.35), base + dip), (pad + w * rng.uniform(0.0, 0.1), base + dip * 0.8)]
    path = catmull(pts, 16)
    draw_stroke(mask, path, rng, width=rng.uniform(4.5, 6.5), pressure=(0.72, 0.98))
    mask = cv2.GaussianBlur(mask, (0, 0), 0.7)
    return np.clip(mask, 0, 1), base


def noise_field(h, w, rng, scale):
    sh, sw = max(2, int(h / scale)), max(2, int(w / scale))
    n = rng.random((sh, sw)).astype(np.float32)
    return cv2.resize(n, (w, h), interpolation=cv2.INTER_CUBIC)


def text_img(text, font, size):
    f = ImageFont.truetype(font, int(size))
    bb = f.getbbox(text)
    im = Image.new("L", (bb[2] - bb[0] + 8, bb[3] - bb[1] + 8), 0)
    ImageDraw.Draw(im).text((4 - bb[0], 4 - bb[1]), text, fill=255, font=f)
    return np.asarray(im, np.float32) / 255.0


def paste_max(dst, src, x, y):
    H, W = dst.shape
    h, w = src.shape
    x, y = int(round(x)), int(round(y))
    ax0, ay0, ax1, ay1 = max(0, x), max(0, y), min(W, x + w), min(H, y + h)
    if ax1 > ax0 and ay1 > ay0:
        dst[ay0:ay1, ax0:ax1] = np.maximum(dst[ay0:ay1, ax0:ax1], src[ay0 - y:ay1 - y, ax0 - x:ax1 - x])


def rotate_mask(m, deg, expand=True):
    h, w = m.shape
    if not expand:
        M = cv2.getRotationMatrix2D((w / 2, h / 2), deg, 1.0)
        return cv2.warpAffine(m, M, (w, h), flags=cv2.INTER_LINEAR)
    c, s = abs(math.cos(math.radians(deg))), abs(math.sin(math.radians(deg)))
    nw, nh = int(w * c + h * s) + 2, int(w * s + h * c) + 2
    M = cv2.getRotationMatrix2D((w / 2, h / 2), deg, 1.0)
    M[0, 2] += nw / 2 - w / 2
    M[1, 2] += nh / 2 - h / 2
    return cv2.warpAffine(m, M, (nw, nh), flags=cv2.INTER_LINEAR)


def hand_text(text, size, rng, font=None, slant=0.22):
    """Pseudo-handwriting: glyphs drawn one by one with jitter in size, angle and baseline."""
    font = font or (F_HAND if rng.random() < 0.5 else F_HAND2)
    H = int(size * 2.2)
    W = int(size * 0.75 * (len(text) + 2)) + 20
    m = np.zeros((H, W), np.float32)
    x = 6.0
    drift = rng.normal(0, 0.03)
    for i, ch in enumerate(text):
        if ch == " ":
            x += size * rng.uniform(0.28, 0.4)
            continue
        s = size * rng.uniform(0.9, 1.1)
        g = text_img(ch, font, s)
        g = rotate_mask(g, rng.normal(0, 5))
        gy = H * 0.55 - g.shape[0] * 0.75 + rng.normal(0, size * 0.05) + drift * x
        paste_max(m, g, x, gy)
        x += g.shape[1] * rng.uniform(0.72, 0.86)
    m = m[:, :int(min(W, x + 10))]
    # slant
    h, w = m.shape
    M = np.float32([[1, -slant, slant * h * 0.6], [0, 1, 0]])
    m = cv2.warpAffine(m, M, (w + int(slant * h), h))
    m = cv2.GaussianBlur(m, (0, 0), 0.6)
    return np.clip(m * 1.1, 0, 1)


def star_points(cx, cy, r):
    pts = []
    for k in range(10):
        a = -math.pi / 2 + k * math.pi / 5
        rr = r if k % 2 == 0 else r * 0.40
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    return np.array(pts, np.int32)


def seal_mask(D, ring_text, center_lines, rng, hard=False):
    """A round red seal of diameter D px: double ring, the body's name round it, a star or name inside."""
    S = int(D + 40)
    m = np.zeros((S, S), np.float32)
    c = S / 2
    R = D / 2
    cv2.circle(m, (int(c * 4), int(c * 4)), int((R - D * 0.02) * 4), 1.0, max(3, int(D * 0.035)), cv2.LINE_AA, shift=2)
    cv2.circle(m, (int(c * 4), int(c * 4)), int((R - D * 0.16) * 4), 1.0, max(2, int(D * 0.010)), cv2.LINE_AA, shift=2)
    fs = D * 0.082
    rt = R - D * 0.095
    chars = list(ring_text)
    span = min(330.0, 12.5 * len(chars))
    a0 = -span / 2
    for i, ch in enumerate(chars):
        if ch == " ":
            continue
        ang = a0 + span * (i + 0.5) / len(chars)
        g = text_img(ch, F_BOLD, fs)
        g = rotate_mask(g, -ang)
        x = c + rt * math.sin(math.radians(ang)) - g.shape[1] / 2
        y = c - rt * math.cos(math.radians(ang)) - g.shape[0] / 2
        paste_max(m, g, x, y)
    if center_lines:
        total = len(center_lines)
        cv2.fillPoly(m, [star_points(c, c - D * 0.17, D * 0.06)], 1.0, cv2.LINE_AA)
        for k, ln in enumerate(center_lines):
            g = text_img(ln, F_BOLD, D * (0.085 if len(ln) < 14 else 0.068))
            if g.shape[1] > D * 0.62:
                g = cv2.resize(g, (int(D * 0.62), g.shape[0]))
            y = c - D * 0.06 + k * D * 0.11 - (total - 1) * D * 0.03
            paste_max(m, g, c - g.shape[1] / 2, y)
    else:
        cv2.fillPoly(m, [star_points(c, c, D * 0.16)], 1.0, cv2.LINE_AA)
    # uneven pressure, dropouts, a little bleed
    press = 0.55 + 0.45 * noise_field(S, S, rng, D / 5)
    press *= 0.85 + 0.15 * noise_field(S, S, rng, D / 25)
    if hard:
        m = cv2.dilate(m, np.ones((3, 3), np.uint8))
        press = np.clip(press * 1.25 + 0.1, 0, 1)
    drop = (rng.random((S, S)) < (0.05 if hard else 0.12)).astype(np.float32)
    drop = cv2.GaussianBlur(drop, (0, 0), 1.0)
    m = m * press * (1 - 0.8 * drop)
    m = cv2.GaussianBlur(m, (0, 0), 0.9 if hard else 0.7)
    m = rotate_mask(m, rng.uniform(-40, 40), expand=False)
    return np.clip(m * (1.05 if hard else 0.92), 0, 1)


def rect_stamp(lines, w, h, rng, double=True, fields=()):
    """A rectangular rubber stamp. lines: list of (text, rel_size, bold). Returns mask and the
    positions (x, y, width) where the hand may write after each field label."""
    m = np.zeros((int(h), int(w)), np.float32)
    t = max(3, int(h * 0.025))
    cv2.rectangle(m, (t, t), (int(w) - t - 1, int(h) - t - 1), 1.0, t)
    if double:
        cv2.rectangle(m, (3 * t, 3 * t), (int(w) - 3 * t - 1, int(h) - 3 * t - 1), 1.0, max(2, t // 2))
    y = 5 * t
    slots = {}
    n = len(lines)
    avail = h - 10 * t
    unit = avail / sum(s for _, s, _ in lines)
    for text, rs, bold in lines:
        lh = unit * rs
        g = text_img(text, F_BOLD if bold else F_REG, lh * 0.62)
        if g.shape[1] > w - 12 * t:
            g = cv2.resize(g, (int(w - 12 * t), g.shape[0]))
        if text.rstrip(".").rstrip(":").strip() in fields or any(text.startswith(f) for f in fields):
            x = 7 * t
            paste_max(m, g, x, y + (lh - g.shape[0]) / 2)
            lab = text.split(":")[0] + ":"
            lw = text_img(lab, F_BOLD if bold else F_REG, lh * 0.62).shape[1]
            slots[text.split(":")[0]] = (x + lw, y, w - 8 * t - (x + lw), lh)
        else:
            paste_max(m, g, (w - g.shape[1]) / 2, y + (lh - g.shape[0]) / 2)
        y += lh
    return m, slots


# --------------------------------------------------------------------------- signed original
def seal_texts(doc):
    issuer = nfc(doc.get("issuer") or "")
    parent = nfc(doc.get("issuer_parent") or "")
    if issuer.startswith("Ủy ban nhân dân"):
        return "ỦY BAN NHÂN DÂN " + issuer[len("Ủy ban nhân dân "):].upper(), None
    ring = parent.replace("UBND", "ỦY BAN NHÂN DÂN") if parent else issuer.upper().replace("ỦY BAN NHÂN DÂN", "UBND")
    center = issuer.upper()
    words = center.split()
    if len(center) > 14 and len(words) > 2:
        k = len(words) // 2
        return ring, [" ".join(words[:k]), " ".join(words[k:])]
    return ring, [center]


def receiver_office(truth, rng):
    for r in truth["document"].get("recipients") or []:
        r = nfc(r)
        if r.startswith(("Như", "Lưu", "Các", "CT", "TT", "Giám đốc", "Lãnh đạo", "Chánh")):
            continue
        r = re.sub(r"\s*\(.*?\)", "", r)
        r = r.replace("Ủy ban nhân dân", "UBND")
        if ":" in r:
            continue
        return r.upper()
    return "VĂN PHÒNG"


def stamp_layer_recv(office, issued, rng, colour, scale=1.0, fill=True, hand_colour=BLUE_PEN):
    """Receiving stamp plus its hand-written fill, as (stamp mask, hand mask) of the same size."""
    w, h = 56 * MM * scale, 32 * MM * scale
    lines = [(office, 0.9, True), ("CÔNG VĂN ĐẾN", 1.25, True), ("Số: ..................", 0.95, False),
             ("Ngày: ...............", 0.95, False), ("Chuyển: ............", 0.95, False)]
    m, slots = rect_stamp(lines, w, h, rng, double=rng.random() < 0.5, fields=("Số", "Ngày", "Chuyển"))
    hand = np.zeros_like(m)
    if fill:
        d = issued + timedelta(days=int(rng.integers(1, 6)))
        vals = {"Số": str(int(rng.integers(120, 4800))),
                "Ngày": ("%d/%d/%d" % (d.day, d.month, d.year)) if rng.random() < 0.6 else ("%d/%d" % (d.day, d.month)),
                "Chuyển": str(rng.choice(["P. TCCB", "VP - đ/c Lan", "Đ/c Hùng PCT", "P. Nội vụ", "P. TH", "Đ/c Hà - VP",
                                          "PGĐ Tuấn", "P. HCTH"]))}
        for k, (x, y, ww, lh) in slots.items():
            g = hand_text(vals[k], lh * rng.uniform(0.85, 1.05), rng)
            if g.shape[1] > ww:
                g = cv2.resize(g, (int(ww), int(g.shape[0] * ww / g.shape[1]) + 1))
            paste_max(hand, g, x + rng.uniform(2, 12), y - lh * 0.45 + rng.normal(0, 3))
    press = 0.6 + 0.4 * noise_field(m.shape[0], m.shape[1], rng, 60)
    m = np.clip(m * press, 0, 1)
    return m, hand


def place_layers(img, layers, cx, cy, angle):
    """layers: list of (mask, colour, strength) of equal size, rotated together and centred at cx, cy."""
    for mask, colour, strength in layers:
        r = rotate_mask(mask, angle)
        apply_ink(img, r, colour, cx - r.shape[1] / 2, cy - r.shape[0] / 2, strength)


RECV_PLAN = ["top", "left", "side", "top", "left", "none", "side", "left", "top", "none"]


def recv_plan(names):
    order = sorted(names, key=lambda n: hashlib.sha256(("recv|" + n).encode()).hexdigest())
    return {n: RECV_PLAN[i % len(RECV_PLAN)] for i, n in enumerate(order)}


def make_original(name, truth, pages_img, layout, recv_where, variant):
    """Sign, seal and (page 1) receive-stamp the rendered pages. `variant` only changes
    the seal/signature pressure and position for `stamps`."""
    doc = truth["document"]
    rng = rng_for(name, "original")
    hard = variant == "stamps"
    imgs = [p.copy() for p in pages_img]
    # paper tone
    for im in imgs:
        tone = np.array([rng.uniform(0.975, 0.995), rng.uniform(0.97, 0.99), rng.uniform(0.94, 0.97)], np.float32)
        im *= tone[None, None, :]
    sg = find_signing(layout, doc.get("signer") or {})
    info = {}
    if sg:
        im = imgs[sg["page"]]
        nx0, ny0, nx1, ny1 = [v * PT for v in sg["name"]]
        tx0, ty0, tx1, ty1 = [v * PT for v in sg["title"]]
        gap = max(40.0, ny0 - ty1)
        sw = float(np.clip((nx1 - nx0) * rng.uniform(1.1, 1.5), 36 * MM, 52 * MM))
        sh = gap * rng.uniform(0.55, 0.75)
        smask, base = signature_mask(sw, sh, rng_for(name, "sig"), cross=hard)
        scx = (nx0 + nx1) / 2 + rng.uniform(-8, 8) * MM * 0.3
        sx = scx - smask.shape[1] / 2
        if hard:   # the stroke runs down through the name line
            sy = ny0 + (ny1 - ny0) * 0.35 - base
        else:
            sy = ty1 + gap * 0.5 - base + sh * 0.25
        D = rng.uniform(39, 43) * MM * (1.06 if hard else 1.0)
        ring, centre = seal_texts(doc)
        seal = seal_mask(D, ring, centre, rng_for(name, "seal", variant if hard else ""), hard=hard)
        s_left = sx + 40
        if hard:
            ccx = s_left + sw * 0.42 - D / 2 + D * 0.12
            ccy = (ty0 + ny1) / 2 + (ny1 - ny0) * 0.6
        else:
            ccx = s_left + sw * rng.uniform(0.28, 0.38) - D / 2
            ccy = ty1 + gap * rng.uniform(0.05, 0.3)
        apply_ink(im, smask, BLUE_PEN, sx, sy, 0.95)
        apply_ink(im, seal, RED_SEAL, ccx - seal.shape[1] / 2, ccy - seal.shape[0] / 2, 0.95 if hard else 0.85)
        info.update(seal=(ccx, ccy, D), sig=(sx, sy, smask.shape[1], smask.shape[0]), page=sg["page"])
    # receiving stamp on page 1
    if recv_where != "none":
        im = imgs[0]
        left, motto, number = header_boxes(layout[0])
        issued = date.fromisoformat(doc["issued_date"]) if doc.get("issued_date") else date(2026, 1, 1)
        colour = [RED_SEAL, VIOLET, STAMP_BLUE][int(rng.integers(0, 3))]
        sm, hm = stamp_layer_recv(receiver_office(truth, rng), issued, rng_for(name, "recv"), colour)
        H, W = im.shape[:2]
        if recv_where == "top":
            if motto:
                mx1 = max(b[2] for b in motto) * PT
                cx = min(W - 16 * MM - sm.shape[1] / 2, mx1 - sm.shape[1] * rng.uniform(0.1, 0.3))
            else:
                cx = W * 0.68
            cy = rng.uniform(19, 24) * MM
            ang = rng.uniform(-4, 4)
        elif recv_where == "left":
            if number:
                cx = (number[0] + number[2]) / 2 * PT + rng.uniform(-6, 6) * MM
                cy = number[3] * PT + rng.uniform(-2, 8) * MM
            else:
                cx, cy = 62 * MM, 45 * MM
            ang = rng.uniform(-5, 5)
        else:  # side: turned 90 degrees in the left margin
            cx = 15 * MM
            cy = rng.uniform(0.3, 0.55) * H
            ang = 90 + rng.uniform(-4, 4)
        place_layers(im, [(sm, colour, 0.9), (hm, BLUE_PEN, 0.95)], cx, cy, ang)
        info["recv"] = (cx, cy, recv_where)
    for im in imgs:
        np.clip(im, 0, 1, out=im)
    return imgs, info


# --------------------------------------------------------------------------- helpers
def to_grey(img):
    return (0.299 * img[..., 0] + 0.587 * img[..., 1] + 0.114 * img[..., 2]).astype(np.float32)


def resize_dpi(img, dpi):
    if dpi == DPI:
        return img
    f = dpi / DPI
    return cv2.resize(img, (int(round(img.shape[1] * f)), int(round(img.shape[0] * f))), interpolation=cv2.INTER_AREA)


def jpeg_bytes(img, q, dpi):
    """JPEG with its resolution in the JFIF header (img2pdf sizes each page from it)."""
    a = np.clip(img * 255 + 0.5, 0, 255).astype(np.uint8)
    im = Image.fromarray(a, "L" if a.ndim == 2 else "RGB")
    b = io.BytesIO()
    im.save(b, "JPEG", quality=int(q), optimize=True, dpi=(int(dpi), int(dpi)))
    return b.getvalue()


def write_pdf(pages, out):
    with open(out, "wb") as f:
        f.write(img2pdf.convert([j for j, _ in pages], nodate=True, engine=img2pdf.Engine.internal))


def rotate_page(img, deg, fill):
    h, w = img.shape[:2]
    M = cv2.getRotationMatrix2D((w / 2, h / 2), deg, 1.0)
    bv = tuple([float(fill)] * (3 if img.ndim == 3 else 1))
    return cv2.warpAffine(img, M, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=bv)


# --------------------------------------------------------------------------- variant: curled
def sheet_height(X, Y, p):
    """Height (mm) of a sheet folded in three and not flat, at sheet coords X, Y (mm)."""
    W, H = 210.0, 297.0
    z = np.zeros_like(X)
    for (yc, a, tilt) in p["creases"]:
        d = Y - yc
        amp = a * (1 + tilt * (X / W - 0.5))
        z += amp * np.clip(1 - np.sqrt(d * d + 4.0) / p["reach"], 0, None)
    z += p["bow"] * np.sin(np.pi * X / W) * np.sin(3 * np.pi * Y / H)
    e = p["curl_edge"]
    if e == "right":
        t = np.clip((X - p["curl_from"] * W) / ((1 - p["curl_from"]) * W), 0, None)
        z += p["curl"] * t ** 2.2 * (0.6 + 0.4 * Y / H)
    elif e == "bottom":
        t = np.clip((Y - p["curl_from"] * H) / ((1 - p["curl_from"]) * H), 0, None)
        z += p["curl"] * t ** 2.2 * (0.5 + 0.5 * X / W)
    else:  # top-left corner
        t = np.clip(1 - (X / W + Y / H) / (2 * (1 - p["curl_from"])), 0, None)
        z += p["curl"] * t ** 2.2
    return z


def curled(name, pages, truth):
    out = []
    for pi, img in enumerate(pages):
        rng = rng_for(name, "curled", pi)
        wd = 200.0                                    # working dpi of the sheet
        src = resize_dpi(img, wd)
        Hs, Ws = src.shape[:2]
        pxmm = wd / 25.4
        p = dict(creases=[(297 / 3 + rng.normal(0, 4), rng.uniform(5, 11), rng.uniform(-0.6, 0.6)),
                          (2 * 297 / 3 + rng.normal(0, 4), rng.choice([-1, 1]) * rng.uniform(4, 9), rng.uniform(-0.6, 0.6))],
                 reach=rng.uniform(70, 100), bow=rng.uniform(2.5, 5.5) * rng.choice([-1, 1]),
                 curl_edge=str(rng.choice(["right", "bottom", "corner"])), curl_from=rng.uniform(0.78, 0.88),
                 curl=rng.uniform(14, 26))
        eff = rng.uniform(155, 190)                   # effective dpi of the sheet in the photo
        target_w = 210 / 25.4 * eff
        Dist = 430.0
        f = target_w * Dist / 210.0
        pitch, yaw, roll = math.radians(rng.uniform(-16, -7)), math.radians(rng.uniform(-6, 6)), math.radians(rng.uniform(-4, 4))
        cx_, sx_ = math.cos(pitch), math.sin(pitch)
        cy_, sy_ = math.cos(yaw), math.sin(yaw)
        cz_, sz_ = math.cos(roll), math.sin(roll)
        Rx = np.array([[1, 0, 0], [0, cx_, -sx_], [0, sx_, cx_]])
        Ry = np.array([[cy_, 0, sy_], [0, 1, 0], [-sy_, 0, cy_]])
        Rz = np.array([[cz_, -sz_, 0], [sz_, cz_, 0], [0, 0, 1]])
        R = (Rz @ Ry @ Rx).astype(np.float64)

        def F(xs, ys):
            X = xs / pxmm
            Y = ys / pxmm
            Z = sheet_height(X, Y, p)
            P0, P1, P2 = X - 105.0, Y - 148.5, -Z
            qx = R[0, 0] * P0 + R[0, 1] * P1 + R[0, 2] * P2
            qy = R[1, 0] * P0 + R[1, 1] * P1 + R[1, 2] * P2
            qz = R[2, 0] * P0 + R[2, 1] * P1 + R[2, 2] * P2 + Dist
            return f * qx / qz, f * qy / qz

        # output canvas around the projected sheet
        gx, gy = np.meshgrid(np.linspace(0, Ws, 40), np.linspace(0, Hs, 56))
        u, v = F(gx, gy)
        mx, my = rng.uniform(0.05, 0.11) * target_w, rng.uniform(0.04, 0.09) * target_w
        u0, v0 = u.min() - mx, v.min() - my
        OW, OH = int(u.max() - u0 + mx), int(v.max() - v0 + my)
        # initial guess: inverse of the flat homography
        corners = np.float32([[0, 0], [Ws, 0], [Ws, Hs], [0, Hs]])
        cu, cv_ = F(corners[:, 0].astype(np.float64), corners[:, 1].astype(np.float64))
        dstc = np.float32(np.stack([cu - u0, cv_ - v0], 1))
        Hinv = cv2.getPerspectiveTransform(dstc, corners)
        uu, vv = np.meshgrid(np.arange(OW, dtype=np.float64), np.arange(OH, dtype=np.float64))
        den = Hinv[2, 0] * uu + Hinv[2, 1] * vv + Hinv[2, 2]
        xs = (Hinv[0, 0] * uu + Hinv[0, 1] * vv + Hinv[0, 2]) / den
        ys = (Hinv[1, 0] * uu + Hinv[1, 1] * vv + Hinv[1, 2]) / den
        tu, tv = uu + u0, vv + v0
        for _ in range(6):       # Newton steps on the non-planar map
            fu, fv = F(xs, ys)
            fux, fvx = F(xs + 1.0, ys)
            fuy, fvy = F(xs, ys + 1.0)
            a, b, c, d = fux - fu, fuy - fu, fvx - fv, fvy - fv
            det = a * d - b * c
            det = np.where(np.abs(det) < 1e-6, 1e-6, det)
            ru, rv = tu - fu, tv - fv
            dx = (d * ru - b * rv) / det
            dy = (-c * ru + a * rv) / det
            xs += np.clip(dx, -40, 40)
            ys += np.clip(dy, -40, 40)
        # shading of the sheet from its surface normal, plus the crease lines themselves
        Xg, Yg = np.meshgrid(np.arange(Ws) / pxmm, np.arange(Hs) / pxmm)
        Zg = sheet_height(Xg, Yg, p)
        gzx = np.gradient(Zg, axis=1) * pxmm
        gzy = np.gradient(Zg, axis=0) * pxmm
        L = np.array([rng.uniform(-0.5, 0.5), rng.uniform(-0.7, -0.2), 1.0])
        L /= np.linalg.norm(L)
        nrm = np.sqrt(gzx ** 2 + gzy ** 2 + 1)
        ndotl = (-gzx * L[0] - gzy * L[1] + L[2]) / nrm
        shade = np.clip(1 + 1.6 * (ndotl - L[2]), 0.55, 1.12)
        for (yc, a, tilt) in p["creases"]:
            dd = (Yg - yc)
            shade *= 1 - 0.10 * np.exp(-(dd / 0.7) ** 2) + 0.04 * np.exp(-((dd - 1.6 * np.sign(a)) / 1.2) ** 2)
        sheet = np.clip(src * shade[..., None].astype(np.float32), 0, 1)
        mapx, mapy = xs.astype(np.float32), ys.astype(np.float32)
        photo_sheet = cv2.remap(sheet, mapx, mapy, cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=(0, 0, 0))
        inside = ((mapx >= 0) & (mapx < Ws - 1) & (mapy >= 0) & (mapy < Hs - 1)).astype(np.float32)
        inside = cv2.GaussianBlur(inside, (0, 0), 0.8)
        # background: a desk or a lap
        bgkind = str(rng.choice(["wood", "wood", "lap"]))
        if bgkind == "wood":
            n1 = cv2.resize(rng.random((OH // 40 + 2, 8)).astype(np.float32), (OW, OH), interpolation=cv2.INTER_CUBIC)
            n2 = cv2.resize(rng.random((OH // 3 + 2, 30)).astype(np.float32), (OW, OH), interpolation=cv2.INTER_CUBIC)
            grain = 0.55 + 0.25 * n1 + 0.2 * n2 + 0.05 * np.sin(np.arange(OH)[:, None] / rng.uniform(5, 11))
            bg = np.stack([0.62 * grain, 0.42 * grain, 0.26 * grain], -1)
        else:
            yy, xx = np.mgrid[0:OH, 0:OW]
            twill = 0.5 + 0.5 * np.sin((xx + yy) * 0.9)
            nn = rng.random((OH, OW)).astype(np.float32)
            base = 0.22 + 0.05 * twill + 0.06 * nn + 0.08 * noise_field(OH, OW, rng, 300)
            bg = np.stack([base * 0.75, base * 0.85, base * 1.25], -1)
        bg = bg.astype(np.float32)
        sh = cv2.GaussianBlur(inside, (0, 0), 18)
        M = np.float32([[1, 0, rng.uniform(6, 16)], [0, 1, rng.uniform(8, 20)]])
        sh = cv2.warpAffine(sh, M, (OW, OH))
        bg *= (1 - 0.55 * sh)[..., None]
        photo = photo_sheet * inside[..., None] + bg * (1 - inside[..., None])
        yy, xx = np.mgrid[0:OH, 0:OW].astype(np.float32)
        # the phone's shadow, coming in from one side
        side = int(rng.integers(0, 4))
        ps = np.zeros((OH, OW), np.float32)
        cxp, cyp = [(OW * rng.uniform(0.3, 0.7), OH * 1.02), (OW * 1.03, OH * rng.uniform(0.5, 0.8)),
                    (OW * rng.uniform(0.3, 0.7), -0.02 * OH), (-0.03 * OW, OH * rng.uniform(0.5, 0.8))][side]
        ax = (OW * rng.uniform(0.22, 0.32), OH * rng.uniform(0.2, 0.3))
        cv2.ellipse(ps, (int(cxp), int(cyp)), (int(ax[0]), int(ax[1])), rng.uniform(-20, 20), 0, 360, 1.0, -1)
        ps = cv2.GaussianBlur(ps, (0, 0), 45)
        photo *= (1 - rng.uniform(0.3, 0.45) * ps)[..., None]
        # light falloff, low light, warm cast
        vign = 1 - 0.35 * (((xx - OW / 2) / OW) ** 2 + ((yy - OH / 2) / OH) ** 2) * 2
        exposure = rng.uniform(0.72, 0.86)
        cast = np.array([1.0, rng.uniform(0.88, 0.94), rng.uniform(0.72, 0.82)], np.float32)
        photo = photo * (vign * exposure)[..., None] * cast[None, None, :]
        # glare spot on the sheet
        gx0, gy0 = OW * rng.uniform(0.3, 0.7), OH * rng.uniform(0.25, 0.7)
        gr = rng.uniform(0.07, 0.12) * OW
        glare = np.exp(-(((xx - gx0) / gr) ** 2 + ((yy - gy0) / (gr * rng.uniform(0.6, 0.9))) ** 2))
        glare *= inside * rng.uniform(0.55, 0.8)
        photo = 1 - (1 - photo) * (1 - glare[..., None])
        # slight motion blur
        L_ = int(rng.integers(1, 3))
        k = np.zeros((L_ * 2 + 1, L_ * 2 + 1), np.float32)
        ang = rng.uniform(0, math.pi)
        for t in np.linspace(-L_, L_, 4 * L_ + 1):
            k[int(round(L_ + t * math.sin(ang))), int(round(L_ + t * math.cos(ang)))] = 1
        photo = cv2.filter2D(photo.astype(np.float32), -1, k / k.sum())
        # low-light sensor noise (luma and chroma), gamma
        photo = np.clip(photo, 0, 1) ** (1 / 1.1)
        photo += rng.normal(0, rng.uniform(0.02, 0.035), (OH, OW, 1)).astype(np.float32)
        photo += rng.normal(0, 0.012, (OH, OW, 3)).astype(np.float32)
        photo = cv2.GaussianBlur(np.clip(photo, 0, 1), (0, 0), 0.5)
        out.append((jpeg_bytes(photo, 70, round(eff)), int(round(eff))))
    return out


# --------------------------------------------------------------------------- variant: faint
def faint(name, pages, truth):
    out = []
    for pi, img in enumerate(pages):
        rng = rng_for(name, "faint", pi)
        g = to_grey(resize_dpi(img, 200))
        H, W = g.shape
        d = 1 - g                                   # toner density
        # copy of a copy: spread a little, then thin strokes break
        d = cv2.GaussianBlur(d, (0, 0), 0.55)
        d = 0.55 * d + 0.45 * cv2.erode(d, np.ones((2, 2), np.uint8))
        drop = noise_field(H, W, rng, 1.6)
        d *= np.where(drop < rng.uniform(0.22, 0.32), rng.uniform(0.15, 0.35), 1.0).astype(np.float32)
        # low toner: weaker overall, weaker on one side, and a lighter band across the page
        ramp = np.linspace(0, 1, W)[None, :]
        if rng.random() < 0.5:
            ramp = ramp[:, ::-1]
        k = rng.uniform(0.42, 0.55) * (1 - rng.uniform(0.1, 0.3) * ramp)
        k = np.broadcast_to(k, (H, W)).astype(np.float32)
        by, bh = rng.uniform(0.25, 0.7) * H, rng.uniform(0.07, 0.14) * H
        band = np.exp(-((np.arange(H) - by) / bh) ** 4)[:, None]
        k = k * (1 - rng.uniform(0.35, 0.55) * band)
        k *= 0.85 + 0.3 * noise_field(H, W, rng, 120)
        d = np.clip(d, 0, 1) ** 1.15 * k
        g = 1 - d
        # copier paper tone, drum streaks and toner specks
        g *= rng.uniform(0.9, 0.95)
        xs = rng.integers(0, W, int(rng.integers(1, 4)))
        for x in xs:
            g[:, max(0, x - 1):x + 2] *= rng.uniform(0.93, 0.97)
        sp = (rng.random((H, W)) < 0.00006).astype(np.float32)
        sp = cv2.GaussianBlur(sp, (0, 0), 0.8) * 3
        g = np.clip(g * (1 - 0.6 * np.clip(sp, 0, 1)), 0, 1)
        g += rng.normal(0, 0.012, g.shape).astype(np.float32)
        out.append((jpeg_bytes(np.clip(g, 0, 1), int(rng.integers(70, 80)), 200), 200))
    return out


# --------------------------------------------------------------------------- variant: stamps
OFFICES2 = ["PHÒNG TỔ CHỨC CÁN BỘ", "VĂN PHÒNG SỞ NỘI VỤ", "PHÒNG NỘI VỤ", "VĂN PHÒNG HĐND VÀ UBND",
            "BAN TỔ CHỨC ĐẢNG ỦY", "PHÒNG HÀNH CHÍNH - TỔNG HỢP"]
NOTES = [("Chuyển P.TCCB tham mưu,", "báo cáo trước 20/{m}."), ("Đ/c Hùng nghiên cứu,", "đề xuất. {d}/{m}"),
         ("VP theo dõi, đôn đốc.", "{d}/{m}"), ("Giao P.Nội vụ xử lý;", "trình lại trước {d2}/{m}."),
         ("Đồng ý. Thực hiện", "theo quy định. {d}/{m}")]


def stamps(name, pages, truth, layout, base_info):
    rng = rng_for(name, "stamps")
    doc = truth["document"]
    issued = date.fromisoformat(doc["issued_date"]) if doc.get("issued_date") else date(2026, 1, 1)
    out = []
    dpi = int(rng.choice([200, 240, 300]))
    n = len(pages)
    for pi, img0 in enumerate(pages):
        img = img0.copy()
        H, W = img.shape[:2]
        lp = layout[pi]
        body = [l for l in lp["lines"] if l["y0"] * PT > 0.22 * H and l["y1"] * PT < 0.8 * H]
        # yellowed, handled paper
        img *= np.array([1.0, 0.985, 0.93], np.float32)[None, None, :]
        dirt = noise_field(H, W, rng, 400)
        img *= (0.97 + 0.03 * dirt)[..., None]
        if pi == 0:
            # a second office's receiving stamp (violet or blue), lower on the page or over the body's end
            sm, hm = stamp_layer_recv(str(rng.choice(OFFICES2)), issued + timedelta(days=2), rng_for(name, "recv2"),
                                      VIOLET, scale=rng.uniform(0.9, 1.0))
            bottom_text = max((l["y1"] for l in lp["lines"]), default=600) * PT
            if H - bottom_text > 42 * MM:
                cx, cy = rng.uniform(0.3, 0.55) * W, bottom_text + 24 * MM
            else:
                cx, cy = rng.uniform(0.55, 0.75) * W, rng.uniform(0.55, 0.75) * H
            place_layers(img, [(sm, VIOLET if rng.random() < 0.6 else STAMP_BLUE, 0.85), (hm, BLUE_PEN2, 0.9)],
                         cx, cy, rng.uniform(-6, 6))
            # BẢN SAO / KHẨN rubber stamp over the text, at an angle
            word = str(rng.choice(["BẢN SAO", "KHẨN", "BẢN SAO"]))
            bw = (62 if word == "BẢN SAO" else 42) * MM
            m, _ = rect_stamp([(word, 1.0, True)], bw, 17 * MM, rng, double=True)
            m *= 0.55 + 0.45 * noise_field(m.shape[0], m.shape[1], rng, 40)
            if body:
                l = body[int(rng.integers(0, len(body)))]
                cx, cy = rng.uniform(0.35, 0.7) * W, (l["y0"] + l["y1"]) / 2 * PT
            else:
                cx, cy = 0.5 * W, 0.45 * H
            place_layers(img, [(m, RED_SEAL, 0.8)], cx, cy, rng.uniform(12, 30) * rng.choice([-1, 1]))
        if pi == n - 1 or pi == 0 and n == 1:
            # ĐÃ VÀO SỔ with a date line
            d = issued + timedelta(days=int(rng.integers(2, 8)))
            m, slots = rect_stamp([("ĐÃ VÀO SỔ", 1.2, True), ("Ngày: ..........", 1.0, False)], 44 * MM, 18 * MM, rng,
                                  double=False, fields=("Ngày",))
            hand = np.zeros_like(m)
            x, y, ww, lh = slots["Ngày"]
            g = hand_text("%02d/%02d/%d" % (d.day, d.month, d.year), lh, rng)
            if g.shape[1] > ww:
                g = cv2.resize(g, (int(ww), int(g.shape[0] * ww / g.shape[1]) + 1))
            paste_max(hand, g, x + 4, y - lh * 0.4)
            cx = W - rng.uniform(30, 42) * MM
            cy = rng.uniform(9, 13) * MM if pi > 0 else H - rng.uniform(14, 22) * MM
            place_layers(img, [(m, STAMP_BLUE, 0.85), (hand, BLUE_PEN, 0.9)], cx, cy, rng.uniform(-5, 5))
        # ticks in the margin beside lines with figures or names
        cands = [l for l in body if re.search(r"\d|Ông|Bà|ông|bà", l["text"])]
        for l in list(rng.permutation(len(cands)))[:int(rng.integers(2, 5))]:
            l = cands[int(l)]
            t = np.zeros((90, 110), np.float32)
            pts = catmull([(10, 45), (32, 75), (100, 8)], 10)
            draw_stroke(t, pts, rng, width=5)
            col = RED_PEN if rng.random() < 0.5 else BLUE_PEN
            apply_ink(img, cv2.GaussianBlur(t, (0, 0), 0.6), col, l["x0"] * PT - rng.uniform(20, 32) * MM * 0.5 - 60,
                      (l["y0"] + l["y1"]) / 2 * PT - 55, 0.9)
        if pi == 0:
            # the leader's note in a margin
            a, b = NOTES[int(rng.integers(0, len(NOTES)))]
            dd = issued + timedelta(days=int(rng.integers(1, 5)))
            fmt = dict(d=dd.day, m=dd.month, d2=min(28, dd.day + 7))
            l1 = hand_text(a.format(**fmt), 12 * PT, rng)
            l2 = hand_text(b.format(**fmt), 12 * PT, rng)
            note = np.zeros((l1.shape[0] + l2.shape[0], max(l1.shape[1], l2.shape[1])), np.float32)
            paste_max(note, l1, 0, 0)
            paste_max(note, l2, 30, l1.shape[0] * 0.8)
            col = RED_PEN if rng.random() < 0.4 else BLUE_PEN
            where = str(rng.choice(["left", "top", "bottom"]))
            bottom_text = max((l["y1"] for l in lp["lines"]), default=600) * PT
            if where == "bottom" and H - bottom_text > 30 * MM:
                apply_ink(img, note, col, 0.12 * W, H - 22 * MM - note.shape[0] / 2, 0.92)
            elif where == "top":
                r = rotate_mask(note, rng.uniform(-3, 3))
                apply_ink(img, r, col, 0.32 * W, 3 * MM, 0.92)
            else:
                r = rotate_mask(note, 90 + rng.uniform(-3, 3))
                apply_ink(img, r, col, 3 * MM, 0.62 * H, 0.92)
        img = np.clip(img, 0, 1)
        img = rotate_page(img, rng.uniform(-0.5, 0.5), 0.97)
        img = resize_dpi(img, dpi)
        img = cv2.GaussianBlur(img, (0, 0), 0.45)
        img += rng.normal(0, 0.01, img.shape).astype(np.float32)
        out.append((jpeg_bytes(np.clip(img, 0, 1), 85, dpi), dpi))
    return out


# --------------------------------------------------------------------------- variant: batch
def batch_plan(names):
    order = sorted(names, key=lambda n: hashlib.sha256(("batch|" + n).encode()).hexdigest())
    plan = {}
    if order:
        plan[order[0]] = ("last", 180)
    if len(order) > 1:
        plan[order[1]] = ("first", 90)
    return plan


def batch(name, pages, truth, plan):
    out = []
    n = len(pages)
    for pi, img in enumerate(pages):
        rng = rng_for(name, "batch", pi)
        dpi = 200
        g = to_grey(resize_dpi(img, dpi))
        H, W = g.shape
        mm = dpi / 25.4
        back = pi % 2 == 1                     # duplex: even pages are the back of the sheet
        backing = rng.uniform(0.18, 0.3)
        yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
        # punch holes along the binding edge (left on the front, right on the back)
        hx = (W - 12 * mm) if back else 12 * mm
        for hy in (H / 2 - 40 * mm, H / 2 + 40 * mm):
            r = 3 * mm
            dist = np.sqrt((xx - hx) ** 2 + (yy - hy) ** 2)
            hole = np.clip((r - dist) / 1.5, 0, 1)
            ring = np.exp(-((dist - r - 2) / 2.5) ** 2) * 0.25
            g = g * (1 - hole) + backing * hole
            g *= 1 - ring
        if pi == 0:
            # dog-ear at the top-left corner, with a staple and its shadow
            L = rng.uniform(26, 38) * mm
            s = xx + yy
            corner = s < L
            flap = (xx <= L) & (yy <= L) & (s >= L)
            flap_tone = rng.uniform(0.82, 0.9)
            # the flap shows the back of the paper, with a faint show-through of the mirror image
            mirror = g[np.clip((L - yy[flap]).astype(int), 0, H - 1), np.clip((L - xx[flap]).astype(int), 0, W - 1)]
            g[flap] = flap_tone * (0.92 + 0.08 * mirror)
            g[corner] = backing
            shadow = np.zeros_like(g)
            shadow[((xx > L) & (xx < L + 5 * mm) & (yy < L))] = 1
            shadow[((yy > L) & (yy < L + 5 * mm) & (xx < L))] = 1
            shadow = cv2.GaussianBlur(shadow, (0, 0), 2.0 * mm) * (1 - flap.astype(np.float32))
            g *= 1 - 0.22 * shadow
            # the fold line itself
            fold = np.exp(-((s - L) / 2.0) ** 2)
            g *= 1 - 0.25 * fold
            # staple through the flap
            cx, cy = 0.72 * L, 0.72 * L
            ang = math.radians(rng.uniform(-60, -30))
            half = 6 * mm
            p0 = (cx - half * math.cos(ang), cy - half * math.sin(ang))
            p1 = (cx + half * math.cos(ang), cy + half * math.sin(ang))
            st = np.zeros_like(g)
            cv2.line(st, (int(p0[0] + 5), int(p0[1] + 6)), (int(p1[0] + 5), int(p1[1] + 6)), 1.0, int(1.4 * mm), cv2.LINE_AA)
            st = cv2.GaussianBlur(st, (0, 0), 3)
            g *= 1 - 0.45 * st
            bar = np.zeros_like(g)
            cv2.line(bar, (int(p0[0]), int(p0[1])), (int(p1[0]), int(p1[1])), 1.0, int(0.9 * mm), cv2.LINE_AA)
            hl = np.zeros_like(g)
            cv2.line(hl, (int(p0[0]), int(p0[1] - 1)), (int(p1[0]), int(p1[1] - 1)), 1.0, 1, cv2.LINE_AA)
            g = g * (1 - bar) + bar * 0.45
            g = g * (1 - 0.6 * hl) + 0.85 * 0.6 * hl
        # dark page-edge shadows: the sheet lies on a dark backing and its edges throw a shade
        edge = np.minimum.reduce([xx, yy, W - 1 - xx, H - 1 - yy])
        g *= 1 - 0.35 * np.exp(-edge / (1.8 * mm))
        # place on a slightly larger backing and skew (different per page)
        pad = int(3 * mm)
        canvas = np.full((H + 2 * pad, W + 2 * pad), backing, np.float32)
        canvas[pad:pad + H, pad:pad + W] = g
        sk = rng.uniform(0.3, 1.5) * rng.choice([-1, 1])
        canvas = rotate_page(canvas, sk, backing)
        # feeder streak and noise
        canvas = cv2.GaussianBlur(canvas, (0, 0), 0.5)
        canvas += rng.normal(0, 0.012, canvas.shape).astype(np.float32)
        rot = 0
        if name in plan:
            which, deg = plan[name]
            if (which == "first" and pi == 0) or (which == "last" and pi == n - 1):
                rot = deg
        if rot == 180:
            canvas = cv2.rotate(canvas, cv2.ROTATE_180)
        elif rot == 90:
            canvas = cv2.rotate(canvas, cv2.ROTATE_90_CLOCKWISE)
        out.append((jpeg_bytes(np.clip(canvas, 0, 1), 80, dpi), dpi))
    return out


# --------------------------------------------------------------------------- main
def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("src")
    ap.add_argument("dest")
    ap.add_argument("--only", nargs="*")
    ap.add_argument("--variants", default=",".join(VARIANTS))
    a = ap.parse_args()
    variants = [v for v in a.variants.split(",") if v]
    names = sorted(os.path.basename(p)[:-len(".truth.json")] for p in glob.glob(os.path.join(a.src, "*.truth.json"))
                   if os.path.exists(p[:-len(".truth.json")] + ".pdf"))
    rplan = recv_plan(names)
    bplan = batch_plan(names)
    for v in variants:
        os.makedirs(os.path.join(a.dest, v), exist_ok=True)
    for name in names:
        if a.only and name not in a.only:
            continue
        pdf = os.path.join(a.src, name + ".pdf")
        truth = json.load(open(os.path.join(a.src, name + ".truth.json"), encoding="utf-8"))
        layout = read_layout(pdf)
        with tempfile.TemporaryDirectory() as tmp:
            pages = render(pdf, tmp)
        base, info = make_original(name, truth, pages, layout, rplan[name], "base")
        for v in variants:
            if v == "curled":
                res = curled(name, base, truth)
            elif v == "faint":
                res = faint(name, base, truth)
            elif v == "stamps":
                hard, _ = make_original(name, truth, pages, layout, rplan[name], "stamps")
                res = stamps(name, hard, truth, layout, info)
            elif v == "batch":
                res = batch(name, base, truth, bplan)
            else:
                raise SystemExit("unknown variant " + v)
            outdir = os.path.join(a.dest, v)
            write_pdf(res, os.path.join(outdir, name + ".scan.pdf"))
            shutil.copy(os.path.join(a.src, name + ".truth.json"), os.path.join(outdir, name + ".truth.json"))
        print(name, "pages=%d" % len(pages), "receipt=%s" % rplan[name],
              "batch=%s" % (bplan.get(name),), flush=True)


if __name__ == "__main__":
    main()
