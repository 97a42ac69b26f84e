#!/usr/bin/env python3
"""holdout9 damage: signed originals, then four office-grade scans (certified, mfp, whatsapp, marked).

Written for eval/holdout9 without reading any other damage generator.

    python eval/holdout9/damage.py eval/holdout9 /tmp/h9        # seeded, deterministic

Needs pdftoppm, pdftotext (poppler), numpy, opencv-python-headless, Pillow, img2pdf.
Every placement (seal, signature, receiving stamp, SAO Y block, pen marks) comes from the
PDF's text layer (`pdftotext -bbox-layout`) and the truth's signer name, never from OCR.
"""
import glob
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import xml.etree.ElementTree as ET

import cv2
import img2pdf
import numpy as np
from PIL import Image, ImageDraw, ImageFont

DPI = 300
PT = DPI / 72.0
FONTS = {
    "serif": "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
    "serif_b": "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf",
    "serif_i": "/usr/share/fonts/truetype/liberation2/LiberationSerif-Italic.ttf",
    "sans_b": "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "hand": "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf",
    "hand2": "/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf",
}
RED = (205, 30, 40)
BLUE_INK = (25, 45, 160)
VIOLET = (110, 40, 150)


def font(key, px):
    return ImageFont.truetype(FONTS[key], int(px))


# ---------------------------------------------------------------- text layer -------------
def text_layer(pdf):
    xml = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], capture_output=True,
                         text=True, check=True).stdout
    xml = re.sub(r"<!DOCTYPE[^>]*>", "", xml)
    xml = xml.replace('xmlns="http://www.w3.org/1999/xhtml"', "")
    root = ET.fromstring(xml)
    pages = []
    for page in root.iter("page"):
        lines = []
        for ln in page.iter("line"):
            words = [(w.text or "", *[float(w.get(k)) * PT for k in ("xMin", "yMin", "xMax", "yMax")])
                     for w in ln.iter("word")]
            if words:
                box = [float(ln.get(k)) * PT for k in ("xMin", "yMin", "xMax", "yMax")]
                lines.append({"text": " ".join(w[0] for w in words), "box": box, "words": words})
        pages.append(lines)
    return pages


def nfc(s):
    return unicodedata.normalize("NFC", s)


def find_signer(pages, name):
    """Last occurrence of the signer's name as consecutive words: (page index, line)."""
    want = nfc(name).split()
    hit = None
    for pi, lines in enumerate(pages):
        for ln in lines:
            ws = [nfc(w[0]) for w in ln["words"]]
            for i in range(len(ws) - len(want) + 1):
                if ws[i:i + len(want)] == want:
                    ws_ = ln["words"][i:i + len(want)]
                    hit = (pi, [ws_[0][1], min(w[2] for w in ws_), ws_[-1][3], max(w[4] for w in ws_)])
    return hit


def title_block(lines, name_box):
    """Lines of the signing title just above the signature space, in the name's column."""
    cx = (name_box[0] + name_box[2]) / 2
    cand = [l for l in lines if l["box"][3] < name_box[1] - 5 and
            abs((l["box"][0] + l["box"][2]) / 2 - cx) < 1.6 * DPI / 2.54 * 1.5 and
            l["box"][3] > name_box[1] - 12 * DPI / 2.54]
    cand.sort(key=lambda l: -l["box"][3])
    block = []
    for l in cand:
        if not block or block[-1]["box"][1] - l["box"][3] < 0.35 * DPI / 2.54:
            block.append(l)
        else:
            break
    return block


# ---------------------------------------------------------------- ink helpers ------------
def apply_ink(img, alpha, color, strength=1.0):
    """Multiply-blend a colour through an alpha mask (float 0..1) onto an RGB uint8 image."""
    a = np.clip(alpha * strength, 0, 1)[..., None]
    c = np.array(color, np.float32)[None, None, :] / 255.0
    out = img.astype(np.float32) * (1 - a + a * c)
    return np.clip(out, 0, 255).astype(np.uint8)


def paste_mask(page_shape, mask, x0, y0):
    """Place a small float mask into a full-page mask at (x0, y0) (top-left), clipped."""
    H, W = page_shape[:2]
    full = np.zeros((H, W), np.float32)
    h, w = mask.shape
    xa, ya = max(0, x0), max(0, y0)
    xb, yb = min(W, x0 + w), min(H, y0 + h)
    if xa < xb and ya < yb:
        full[ya:yb, xa:xb] = mask[ya - y0:yb - y0, xa - x0:xb - x0]
    return full


def ink_texture(rng, shape, lo=0.55, hi=1.0, blur=1.2):
    n = rng.random(shape).astype(np.float32)
    n = cv2.GaussianBlur(n, (0, 0), blur)
    n = (n - n.min()) / (n.max() - n.min() + 1e-6)
    return lo + (hi - lo) * n


def text_mask(text, fnt, angle=0.0, pad=10):
    bb = fnt.getbbox(text)
    w, h = bb[2] - bb[0] + 2 * pad, bb[3] - bb[1] + 2 * pad
    im = Image.new("L", (w, h), 0)
    ImageDraw.Draw(im).text((pad - bb[0], pad - bb[1]), text, font=fnt, fill=255)
    if angle:
        im = im.rotate(angle, expand=True, resample=Image.BICUBIC)
    return np.asarray(im, np.float32) / 255.0


def hand_mask(rng, text, px, slant_key="hand"):
    """Pseudo-handwriting: each glyph jittered in size, baseline and angle."""
    f_base = px
    glyphs = []
    for ch in text:
        f = font(slant_key, f_base * rng.uniform(0.9, 1.12))
        g = text_mask(ch, f, angle=rng.uniform(-9, 9), pad=4) if ch != " " else None
        glyphs.append((ch, g))
    W = int(sum((g.shape[1] * 0.72 if g is not None else f_base * 0.35) for _, g in glyphs)) + 40
    H = int(f_base * 2.2)
    m = np.zeros((H, W), np.float32)
    x = 10.0
    drift = rng.uniform(-0.08, 0.08)
    for ch, g in glyphs:
        if g is None:
            x += f_base * 0.35
            continue
        y = int(H * 0.5 - g.shape[0] / 2 + rng.uniform(-2, 2) + drift * x)
        y = max(0, min(H - g.shape[0], y))
        xi = int(x)
        if xi + g.shape[1] > W:
            break
        m[y:y + g.shape[0], xi:xi + g.shape[1]] = np.maximum(m[y:y + g.shape[0], xi:xi + g.shape[1]], g)
        x += g.shape[1] * 0.72
    m = cv2.GaussianBlur(m, (0, 0), 0.6)
    return m[:, :int(x) + 10]


def stroke_mask(shape, pts, width, supersample=2):
    H, W = shape
    m = np.zeros((H * supersample, W * supersample), np.uint8)
    p = (np.asarray(pts) * supersample).astype(np.int32).reshape(-1, 1, 2)
    cv2.polylines(m, [p], False, 255, int(max(1, width * supersample)), cv2.LINE_AA)
    m = cv2.resize(m, (W, H), interpolation=cv2.INTER_AREA)
    return m.astype(np.float32) / 255.0


def catmull(points, n=18):
    pts = [points[0]] + list(points) + [points[-1]]
    out = []
    for i in range(1, len(pts) - 2):
        p0, p1, p2, p3 = [np.array(p, float) for p in pts[i - 1:i + 3]]
        for t in np.linspace(0, 1, n, endpoint=False):
            t2, t3 = t * t, t * t * t
            out.append(0.5 * ((2 * p1) + (-p0 + p2) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t2 +
                              (-p0 + 3 * p1 - 3 * p2 + p3) * t3))
    out.append(pts[-2])
    return np.array(out)


# ---------------------------------------------------------------- seal, signature -------
def seal_mask(rng, ring_text, radius, star=True):
    S = int(radius * 2 + 20)
    im = Image.new("L", (S, S), 0)
    d = ImageDraw.Draw(im)
    c = S / 2
    w_out = max(4, int(radius * 0.045))
    d.ellipse([c - radius, c - radius, c + radius, c + radius], outline=255, width=w_out)
    r2 = radius * 0.68
    d.ellipse([c - r2, c - r2, c + r2, c + r2], outline=255, width=max(2, w_out // 2))
    # ring text
    fpx = radius * 0.17
    f = font("sans_b", fpx)
    text = ring_text.upper() + " ★ "
    text = text.replace("★", "*")
    rr = radius * 0.84
    total = sum(f.getlength(ch) for ch in text)
    scale = (2 * math.pi * rr * 0.97) / total
    ang = -math.pi / 2 - (2 * math.pi * 0.97) / 2 + math.pi  # start at bottom-left going clockwise
    ang = math.pi * 0.62
    for ch in text:
        adv = f.getlength(ch) * scale
        a = ang + adv / rr / 2
        if ch.strip():
            g = Image.new("L", (int(fpx * 1.8), int(fpx * 1.8)), 0)
            ImageDraw.Draw(g).text((fpx * 0.4, fpx * 0.2), ch, font=f, fill=255)
            g = g.rotate(-math.degrees(a) - 90, resample=Image.BICUBIC)
            x = c + rr * math.cos(a) - g.width / 2
            y = c + rr * math.sin(a) - g.height / 2
            im.paste(255, (int(x), int(y)), g)
        ang += adv / rr
    if star:
        pts = []
        for k in range(10):
            rad = radius * (0.28 if k % 2 == 0 else 0.11)
            a = -math.pi / 2 + k * math.pi / 5
            pts.append((c + rad * math.cos(a), c + rad * math.sin(a)))
        d.polygon(pts, fill=255)
    m = np.asarray(im, np.float32) / 255.0
    m = cv2.GaussianBlur(m, (0, 0), 1.0)
    # uneven stamping pressure: one side lighter, specks missing
    yy, xx = np.mgrid[0:S, 0:S]
    ang = rng.uniform(0, 2 * math.pi)
    grad = 0.75 + 0.25 * np.cos(np.arctan2(yy - c, xx - c) - ang)
    m = m * grad * ink_texture(rng, m.shape, 0.5, 1.0, 2.0)
    return m


def signature_mask(rng, w, h):
    m = np.zeros((h, w), np.float32)
    x = w * 0.08
    pts = []
    n = rng.integers(9, 15)
    for i in range(n):
        x += w * rng.uniform(0.04, 0.09)
        y = h * (0.5 + rng.uniform(-0.32, 0.32))
        pts.append((min(x, w * 0.9), y))
    curve = catmull(pts, 14)
    width = rng.uniform(3.0, 4.5)
    m = np.maximum(m, stroke_mask((h, w), curve, width))
    # a loop / initial letter and an underline flourish
    cx, cy, r = w * 0.18, h * 0.45, h * 0.28
    t = np.linspace(0, 2 * math.pi * 1.2, 60)
    loop = np.stack([cx + r * 0.7 * np.cos(t) + t * 4, cy + r * np.sin(t)], 1)
    m = np.maximum(m, stroke_mask((h, w), loop, width))
    fl = catmull([(w * 0.1, h * 0.82), (w * 0.45, h * 0.72), (w * 0.9, h * 0.62)], 20)
    m = np.maximum(m, stroke_mask((h, w), fl, width * 0.8))
    return m * ink_texture(rng, m.shape, 0.7, 1.0, 1.5)


def seal_text_for(truth):
    doc = truth["document"]
    issuer = doc["issuer"]
    parent = doc.get("issuer_parent") or ""
    prov = re.sub(r"^(UBND|VĂN PHÒNG UBND|ỦY BAN NHÂN DÂN)\s+", "", parent)
    return (issuer + (" - " + prov if prov else "")).upper()


def sign_original(rng, pages_img, layer, truth):
    name = truth["document"]["signer"]["name"]
    hit = find_signer(layer, name)
    if not hit:
        print("  ! signer not found", name)
        return pages_img, None
    pi, nb = hit
    img = pages_img[pi]
    tb = title_block(layer[pi], nb)
    top = tb[0]["box"][3] if tb else nb[1] - 2.5 * DPI / 2.54
    title_top = tb[-1]["box"][1] if tb else top - 100
    cx = (nb[0] + nb[2]) / 2
    # signature between title and name
    sw, sh = int(4.2 * DPI / 2.54), int(max(120, nb[1] - top - 10))
    sig = signature_mask(rng, sw, sh)
    sx, sy = int(cx - sw / 2 + rng.uniform(-40, 40)), int(top + 5)
    img = apply_ink(img, paste_mask(img.shape, sig, sx, sy), BLUE_INK, 0.95)
    # red seal over the left part of the signature and the title lines
    R = int(rng.uniform(1.85, 2.05) * DPI / 2.54)
    sm = seal_mask(rng, seal_text_for(truth), R)
    scx = cx - rng.uniform(1.3, 1.9) * DPI / 2.54
    scy = (title_top + nb[1]) / 2 + rng.uniform(-30, 10)
    img = apply_ink(img, paste_mask(img.shape, sm, int(scx - sm.shape[1] / 2), int(scy - sm.shape[0] / 2)),
                    RED, 0.88)
    pages_img[pi] = img
    return pages_img, (pi, nb, title_top)


def receiving_stamp(rng, img, layer0, mode, filled, color):
    """`CÔNG VĂN ĐẾN` rectangle on page 1, placed from the text layer."""
    sw, sh = int(5.2 * DPI / 2.54), int(3.0 * DPI / 2.54)
    im = Image.new("L", (sw, sh), 0)
    d = ImageDraw.Draw(im)
    d.rectangle([4, 4, sw - 5, sh - 5], outline=255, width=7)
    fb = font("serif_b", sh * 0.17)
    fr = font("serif", sh * 0.15)
    org = rng.choice(["SỞ NỘI VỤ", "UBND XÃ", "VĂN PHÒNG UBND", "SỞ TÀI CHÍNH"])
    d.text((sw / 2, sh * 0.06), org, font=fr, fill=255, anchor="ma")
    d.text((sw / 2, sh * 0.24), "CÔNG VĂN ĐẾN", font=fb, fill=255, anchor="ma")
    for i, lab in enumerate(["Số:", "Ngày:", "Chuyển:"]):
        y = sh * (0.50 + 0.16 * i)
        d.text((sw * 0.07, y), lab, font=fr, fill=255)
        x0 = sw * 0.07 + fr.getlength(lab) + 8
        for xx in range(int(x0), sw - 30, 14):
            d.point([(xx, int(y + sh * 0.13))], fill=255)
    m = np.asarray(im, np.float32) / 255.0
    m = cv2.GaussianBlur(m, (0, 0), 0.9) * ink_texture(rng, m.shape, 0.55, 1.0, 2.0)
    hand = None
    if filled:
        num = str(int(rng.integers(120, 2900)))
        day = f"{int(rng.integers(2, 28))}/{int(rng.integers(1, 12))}"
        to = rng.choice(["P. TCCB", "P. Nội vụ", "Đ/c Hùng", "VP - lưu", "P. CCVC"])
        hand = [(num, 0.48), (day, 0.64), (to, 0.80)]
    ang = rng.uniform(-6, 6)
    # position
    H, W = img.shape[:2]
    cm = DPI / 2.54
    if mode == "header":
        left = [l for l in layer0 if l["box"][2] < W * 0.48 and l["box"][1] < H * 0.2]
        x0 = int(min(l["box"][0] for l in left) - 0.2 * cm) if left else int(3 * cm)
        y0 = int((left[0]["box"][1] + 0.4 * cm) if left else 2.5 * cm)
    elif mode == "top":
        x0, y0 = int(W - sw - rng.uniform(0.2, 0.8) * cm), int(0.15 * cm)
    else:  # left margin, rotated 90 degrees, mid page
        x0, y0 = int(0.2 * cm), int(H * rng.uniform(0.3, 0.5))
        ang = 90 + rng.uniform(-4, 4)
    stamp = Image.fromarray((m * 255).astype(np.uint8)).rotate(ang, expand=True, resample=Image.BICUBIC)
    sm = np.asarray(stamp, np.float32) / 255.0
    img = apply_ink(img, paste_mask(img.shape, sm, x0, y0), color, 0.85)
    if hand and mode != "left":
        for text, fy in hand:
            hm = hand_mask(rng, text, sh * 0.16, "hand")
            hx = x0 + int(sw * 0.07 + sh * 0.55) + (int(sh * 0.35) if fy > 0.7 else 0)
            img = apply_ink(img, paste_mask(img.shape, hm, hx, y0 + int(sh * fy) - hm.shape[0] // 2 + int(ang * 3)),
                            BLUE_INK, 0.9)
    return img


# ---------------------------------------------------------------- variants ---------------
def to_gray(img):
    return cv2.cvtColor(img, cv2.COLOR_RGB2GRAY)


def scale(img, dpi):
    f = dpi / DPI
    return cv2.resize(img, None, fx=f, fy=f, interpolation=cv2.INTER_AREA)


def crease(rng, g, y, strength=1.0):
    """A folded sheet pressed flat: a thin dark line, a light band, a tiny shift below it."""
    H, W = g.shape[:2]
    g = g.astype(np.float32)
    yy = np.arange(H, dtype=np.float32)[:, None]
    tilt = rng.uniform(-0.004, 0.004)
    xs = np.arange(W, dtype=np.float32)[None, :]
    d = yy - (y + tilt * (xs - W / 2))
    dark = 55 * strength * np.exp(-(d / 1.6) ** 2)
    shade = 18 * strength * np.exp(-(np.maximum(d, 0) / 14) ** 2) * (d > 0)
    light = 10 * strength * np.exp(-(np.minimum(d, 0) / 10) ** 2) * (d < 0)
    out = g - dark - shade + light
    shift = int(rng.integers(1, 3))
    yi = int(y)
    out[yi + shift:] = out[yi:H - shift].copy()
    return np.clip(out, 0, 255).astype(np.uint8)


def photocopy_grey(rng, img):
    g = to_gray(img).astype(np.float32)
    g = 232 * np.clip((g - 25) / (225 - 25), 0, 1) ** 1.25 + 6
    g = cv2.GaussianBlur(g, (0, 0), 0.7)
    H, W = g.shape
    # uneven toner: broad patches, plus specks
    g = g + 10 * (ink_texture(rng, (H // 40 + 1, W // 40 + 1), -1, 1, 1.5)[
        np.arange(H)[:, None] // 40, np.arange(W)[None, :] // 40])
    sp = rng.random((H, W)) < 0.00025
    g[sp] = rng.uniform(30, 120, sp.sum())
    g = g + rng.normal(0, 3, g.shape)
    return np.clip(g, 0, 255).astype(np.uint8)


SAO_Y_OFFICE = {
    "qd-ubnd-phutho": ("ỦY BAN NHÂN DÂN", "XÃ CAO SƠN", "Cao Sơn", "Hà Văn Thượng"),
    "qd-svhttdl-quangninh": ("ỦY BAN NHÂN DÂN", "XÃ BÌNH LIÊU", "Bình Liêu", "Vi Thị Thoa"),
    "qd-ttpvhcc-angiang": ("ỦY BAN NHÂN DÂN", "XÃ TRI TÔN", "Tri Tôn", "Chau Phươl"),
    "cv-phuong-thuanhoa": ("UBND THÀNH PHỐ HUẾ", "SỞ XÂY DỰNG", "Huế", "Lê Quang Huy"),
    "cv-xa-talai": ("UBND TỈNH ĐỒNG NAI", "SỞ Y TẾ", "Đồng Nai", "Trần Minh Nhật"),
    "ttr-snv-tayninh": ("UBND TỈNH TÂY NINH", "VĂN PHÒNG", "Tây Ninh", "Đỗ Thị Kiều"),
    "kh-ubnd-cantho": ("ỦY BAN NHÂN DÂN", "XÃ THỚI LAI", "Thới Lai", "Sơn Thị Mai"),
    "tb-bql-danang": ("ỦY BAN NHÂN DÂN", "XÃ NÚI THÀNH", "Núi Thành", "Hồ Văn Lực"),
    "bc-syt-haiphong": ("UBND THÀNH PHỐ HẢI PHÒNG", "VĂN PHÒNG", "Hải Phòng", "Bùi Đức Thịnh"),
    "qd-ubnd-bacninh": ("ỦY BAN NHÂN DÂN", "XÃ SƠN ĐỘNG", "Sơn Động", "Lục Văn Páo"),
}


def sao_y_block(rng, name, truth, width):
    """The copying office's block: SAO Y BẢN CHÍNH, its number, place/date, signer (colour RGB)."""
    parent, own, place, signer = SAO_Y_OFFICE[name]
    cm = DPI / 2.54
    Wb, Hb = int(width), int(6.3 * cm)
    im = Image.new("RGB", (Wb, Hb), (255, 255, 255))
    d = ImageDraw.Draw(im)
    f, fb, fi = font("serif", 0.42 * cm), font("serif_b", 0.42 * cm), font("serif_i", 0.42 * cm)
    fs = font("serif", 0.36 * cm)
    lx = Wb * 0.22
    d.text((lx, 0.2 * cm), parent, font=(fb if parent.startswith("ỦY") else f), fill=0, anchor="ma")
    d.text((lx, 0.75 * cm), own, font=fb, fill=0, anchor="ma")
    d.line([(lx - 1.0 * cm, 1.35 * cm), (lx + 1.0 * cm, 1.35 * cm)], fill=0, width=3)
    code = re.sub(r"[^A-ZĐ]", "", own.split()[0])[:4] or "UBND"
    code = "UBND" if own.startswith("XÃ") else ("VP" if own == "VĂN PHÒNG" else "S" + "".join(w[0] for w in own.split()[1:]))
    num = f"Số: {int(rng.integers(3, 60))}/SY-{code}"
    d.text((lx, 1.6 * cm), num, font=f, fill=0, anchor="ma")
    y = 2.5 * cm
    d.text((0.1 * cm, y), "Nơi nhận:", font=font("serif_b", 0.36 * cm), fill=0)
    for i, r in enumerate(["- Các phòng chuyên môn;", "- Công chức có tên;", "- Lưu: VT."]):
        d.text((0.1 * cm, y + (i + 1) * 0.45 * cm), r, font=fs, fill=0)
    rx = Wb * 0.70
    iss = truth["document"]["issued_date"]
    yy, mm, dd = [int(x) for x in iss.split("-")]
    dd2 = min(28, dd + int(rng.integers(2, 9)))
    d.text((rx, 0.8 * cm), f"{place}, ngày {dd2:02d} tháng {mm:02d} năm {yy}", font=fi, fill=0, anchor="ma")
    auth = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"] if own.startswith("XÃ") else \
        (["TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG"] if own.startswith("SỞ") else ["KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"])
    for i, a in enumerate(auth):
        d.text((rx, 1.45 * cm + i * 0.5 * cm), a, font=fb, fill=0, anchor="ma")
    d.text((rx, 5.6 * cm), signer, font=fb, fill=0, anchor="ma")
    arr = np.asarray(im).copy()
    # the red rubber stamp SAO Y BẢN CHÍNH, slightly rotated, left of the date
    st = Image.new("L", (int(5.6 * cm), int(1.25 * cm)), 0)
    sd = ImageDraw.Draw(st)
    sd.rectangle([3, 3, st.width - 4, st.height - 4], outline=255, width=6)
    sd.rectangle([14, 14, st.width - 15, st.height - 15], outline=255, width=2)
    sd.text((st.width / 2, st.height / 2), "SAO Y BẢN CHÍNH", font=font("sans_b", 0.55 * cm), fill=255, anchor="mm")
    st = st.rotate(rng.uniform(-4, 4), expand=True, resample=Image.BICUBIC)
    sm = np.asarray(st, np.float32) / 255.0 * ink_texture(rng, (st.height, st.width), 0.5, 1.0, 2)
    arr = apply_ink(arr, paste_mask(arr.shape, sm, int(Wb * 0.36), int(3.0 * cm)), RED, 0.9)
    sig = signature_mask(rng, int(3.4 * cm), int(2.0 * cm))
    arr = apply_ink(arr, paste_mask(arr.shape, sig, int(rx - 1.7 * cm), int(3.3 * cm)), BLUE_INK, 0.95)
    seal = seal_mask(rng, own + " - " + (parent.replace("UBND ", "") if "UBND" in parent else place.upper()),
                     int(1.75 * cm))
    arr = apply_ink(arr, paste_mask(arr.shape, seal, int(rx - 1.5 * cm - seal.shape[1] / 2),
                                    int(3.6 * cm - seal.shape[0] / 2)), RED, 0.85)
    return arr


def v_certified(rng, pages, layer, truth, name):
    out = []
    for i, img in enumerate(pages):
        g = photocopy_grey(rng, img)
        H = g.shape[0]
        for y in (H / 3 + rng.uniform(-60, 60), 2 * H / 3 + rng.uniform(-60, 60)):
            g = crease(rng, g, y, rng.uniform(0.7, 1.1))
        rgb = cv2.cvtColor(g, cv2.COLOR_GRAY2RGB)
        if i == len(pages) - 1:
            lines = layer[i]
            bottom = max(l["box"][3] for l in lines) if lines else H * 0.5
            left = min(l["box"][0] for l in lines) if lines else 3 * DPI / 2.54
            right = max(l["box"][2] for l in lines) if lines else rgb.shape[1] - 2 * DPI / 2.54
            blk = sao_y_block(rng, name, truth, right - left)
            y0 = int(bottom + 0.5 * DPI / 2.54)
            room = H - int(0.6 * DPI / 2.54) - y0
            if room < blk.shape[0]:
                f = max(0.62, room / blk.shape[0])
                blk = cv2.resize(blk, None, fx=f, fy=f, interpolation=cv2.INTER_AREA)
                y0 = min(y0, H - blk.shape[0] - 10)
            x0 = int(left + (right - left - blk.shape[1]) / 2)
            region = rgb[y0:y0 + blk.shape[0], x0:x0 + blk.shape[1]].astype(np.float32)
            rgb[y0:y0 + blk.shape[0], x0:x0 + blk.shape[1]] = (region * blk.astype(np.float32) / 255).astype(np.uint8)
        out.append(("jpg", scale(rgb, 200), 200, 80))
    return out


def screen_threshold(shape, period=4.3, angle=15.0):
    H, W = shape
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    a = math.radians(angle)
    u = xx * math.cos(a) + yy * math.sin(a)
    v = -xx * math.sin(a) + yy * math.cos(a)
    s = 0.5 + 0.25 * (np.cos(2 * math.pi * u / period) + np.cos(2 * math.pi * v / period))
    return 255 * (0.08 + 0.84 * s)


def v_mfp(rng, pages, layer, truth, name):
    out = []
    side = rng.choice(["left", "right", "top"])
    for img in pages:
        g = to_gray(img)
        g = scale(g, 150).astype(np.float32)
        H, W = g.shape
        ang = rng.choice([-1, 1]) * rng.uniform(1.0, 2.5)
        M = cv2.getRotationMatrix2D((W / 2, H / 2), ang, 1.0)
        g = cv2.warpAffine(g, M, (W, H), flags=cv2.INTER_LINEAR, borderValue=250)
        # page lifted off the glass on one side: dark, soft wedge
        if side == "left":
            dist = np.arange(W, dtype=np.float32)[None, :].repeat(H, 0)
        elif side == "right":
            dist = (W - 1 - np.arange(W, dtype=np.float32))[None, :].repeat(H, 0)
        else:
            dist = np.arange(H, dtype=np.float32)[:, None].repeat(W, 1)
        # the wedge widens along the edge
        along = (np.arange(H if side != "top" else W, dtype=np.float32) /
                 (H if side != "top" else W))
        L = 18 + 55 * (along if side != "top" else along)
        L = L[:, None] if side != "top" else L[None, :]
        f = np.exp(-dist / L)
        blur = cv2.GaussianBlur(g, (0, 0), 2.2)
        g = g * (1 - f) + blur * f
        g = g * (1 - 0.8 * f) + 15 * f
        g = g + rng.normal(0, 4, g.shape)
        g = np.clip((g - 55) / (205 - 55), 0, 1) * 255
        t = screen_threshold(g.shape, rng.uniform(3.8, 4.6), rng.uniform(10, 40))
        bw = (g > t).astype(np.uint8) * 255
        sp = rng.random(bw.shape) < 0.0004
        bw[sp] = 0
        out.append(("bilevel", bw, 150, None))
    return out


def desk_texture(rng, H, W):
    base = np.array([120, 85, 55], np.float32)
    n = rng.random((H // 8 + 1, W // 2 + 1)).astype(np.float32)
    n = cv2.resize(cv2.GaussianBlur(n, (0, 0), 3), (W, H))
    streak = np.sin(np.linspace(0, 40 * math.pi, W))[None, :] * 0.08
    t = (0.8 + 0.4 * n + streak)[..., None]
    return np.clip(base[None, None, :] * t, 0, 255)


def v_whatsapp(rng, pages, layer, truth, name):
    out = []
    for pi, img in enumerate(pages):
        FH, FW = 4000, 3000
        frame = desk_texture(rng, FH, FW)
        h, w = img.shape[:2]
        s = rng.uniform(0.86, 0.93) * FH / h
        pw, ph = w * s, h * s
        cx, cy = FW / 2 + rng.uniform(-80, 80), FH / 2 + rng.uniform(-60, 60)
        k = rng.uniform(0.03, 0.07)  # keystone: top narrower (shot from the bottom edge)
        dx = rng.uniform(-0.02, 0.02) * pw
        quad = np.float32([[cx - pw / 2 * (1 - k) + dx, cy - ph / 2], [cx + pw / 2 * (1 - k) + dx, cy - ph / 2],
                           [cx + pw / 2, cy + ph / 2], [cx - pw / 2, cy + ph / 2]])
        rot = math.radians(rng.uniform(-3, 3))
        R = np.float32([[math.cos(rot), -math.sin(rot)], [math.sin(rot), math.cos(rot)]])
        quad = (quad - [cx, cy]) @ R.T + [cx, cy]
        src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
        Mp = cv2.getPerspectiveTransform(src, quad.astype(np.float32))
        paper = cv2.warpPerspective(img.astype(np.float32), Mp, (FW, FH), flags=cv2.INTER_AREA)
        mask = cv2.warpPerspective(np.ones((h, w), np.float32), Mp, (FW, FH))
        # drop shadow of the sheet
        sh = cv2.GaussianBlur(cv2.warpAffine(mask, np.float32([[1, 0, 25], [0, 1, 35]]), (FW, FH)), (0, 0), 25)
        frame = frame * (1 - 0.45 * sh[..., None])
        frame = frame * (1 - mask[..., None]) + paper * mask[..., None]
        # light: warm cast, brighter toward one corner, a soft shadow of the phone/hand
        yy, xx = np.mgrid[0:FH, 0:FW].astype(np.float32)
        gx, gy = rng.uniform(-1, 1), rng.uniform(-1, 1)
        light = 0.82 + 0.16 * ((xx / FW - 0.5) * gx + (yy / FH - 0.5) * gy) * 2
        shx, shy = rng.uniform(0.2, 0.8) * FW, FH * rng.uniform(0.85, 1.05)
        shadow = 1 - 0.28 * np.exp(-(((xx - shx) / (FW * 0.35)) ** 2 + ((yy - shy) / (FH * 0.18)) ** 2))
        frame = frame * (light * shadow)[..., None] * np.float32([1.04, 1.0, 0.90])[None, None, :]
        # a finger at the edge on some pages
        if rng.random() < 0.5:
            fx = quad[0][0] - 40 if rng.random() < 0.5 else quad[1][0] + 40
            fy = FH * rng.uniform(0.55, 0.8)
            fm = np.zeros((FH, FW), np.uint8)
            cv2.ellipse(fm, (int(fx), int(fy)), (150, 300), rng.uniform(-25, 25), 0, 360, 255, -1)
            fm = cv2.GaussianBlur(fm.astype(np.float32) / 255, (0, 0), 12)
            skin = np.float32([205, 150, 120]) * (0.85 + 0.15 * np.clip((yy - fy) / 300 + 0.5, 0, 1))[..., None]
            frame = frame * (1 - fm[..., None]) + skin * fm[..., None]
        frame = cv2.GaussianBlur(frame, (0, 0), 1.3)
        frame = frame + rng.normal(0, 5, frame.shape)
        frame = np.clip(frame, 0, 255).astype(np.uint8)
        small = cv2.resize(frame, (960, 1280), interpolation=cv2.INTER_AREA)
        out.append(("jpg", small, 110, int(rng.integers(50, 61))))
    return out


def v_marked(rng, pages, layer, truth, name):
    out = []
    cm = DPI / 2.54
    ring_page = int(rng.integers(0, len(pages)))
    for pi, img in enumerate(pages):
        img = img.copy()
        lines = layer[pi]
        body = [l for l in lines if len(l["text"]) > 35 and l["box"][2] - l["box"][0] > 8 * cm]
        # yellow highlighter over dates and names
        hl = [l for l in lines if re.search(r"\d{1,2}/\d{1,2}/20\d\d|ngày \d|tháng", l["text"])]
        for l in list(rng.permutation(len(hl)))[:3]:
            x0, y0, x1, y1 = hl[l]["box"]
            m = np.zeros(img.shape[:2], np.float32)
            pts = np.array([[x0 - 6, y0 + 2], [x1 + 6, y0 + rng.uniform(-4, 4)], [x1 + 6, y1 + 3], [x0 - 6, y1 + 1]], np.int32)
            cv2.fillPoly(m, [pts], 1.0)
            m = cv2.GaussianBlur(m, (0, 0), 2) * ink_texture(rng, m.shape, 0.75, 1.0, 3)
            img = apply_ink(img, m, (255, 236, 70), 0.85)
        # red pen: underline two body lines, circle the document number on page 1
        for l in list(rng.permutation(len(body)))[:2]:
            x0, y0, x1, y1 = body[l]["box"]
            xs = np.linspace(x0, x0 + (x1 - x0) * rng.uniform(0.5, 1.0), 30)
            ys = y1 + 5 + rng.uniform(-3, 3) + np.cumsum(rng.normal(0, 0.6, 30))
            img = apply_ink(img, stroke_mask(img.shape[:2], np.stack([xs, ys], 1), 3.2), RED, 0.9)
        if pi == 0:
            num = [l for l in lines if l["text"].startswith("Số")]
            if num:
                x0, y0, x1, y1 = num[0]["box"]
                c = ((x0 + x1) / 2, (y0 + y1) / 2)
                t = np.linspace(0, 2 * math.pi * 1.08, 80)
                rx, ry = (x1 - x0) / 2 + 30, (y1 - y0) / 2 + 22
                pts = np.stack([c[0] + rx * np.cos(t) * (1 + 0.03 * np.sin(3 * t)),
                                c[1] + ry * np.sin(t) * (1 + 0.05 * np.cos(2 * t))], 1)
                img = apply_ink(img, stroke_mask(img.shape[:2], pts, 3.5), RED, 0.9)
        # blue margin notes
        notes = ["Chuyển P. TCCB", "lưu ý thời hạn!", "đã báo cáo LĐ", "theo dõi", "gặp đ/c Phương", "đã có QĐ?"]
        H, W = img.shape[:2]
        for k in range(int(rng.integers(1, 3))):
            txt = notes[int(rng.integers(0, len(notes)))]
            hm = hand_mask(rng, txt, 0.55 * cm, "hand2")
            if rng.random() < 0.5:  # left margin, written upwards
                hm = np.rot90(hm).copy()
                x0, y0 = int(0.6 * cm), int(H * rng.uniform(0.3, 0.7))
            else:  # top or bottom margin
                x0 = int(W * rng.uniform(0.2, 0.6))
                y0 = int(rng.choice([0.35 * cm, H - 1.6 * cm]))
            img = apply_ink(img, paste_mask(img.shape, hm, x0, y0), BLUE_INK, 0.95)
        # coffee ring
        if pi == ring_page:
            r = rng.uniform(3.6, 4.3) * cm
            cx, cy = W * rng.uniform(0.35, 0.7), H * rng.uniform(0.3, 0.75)
            yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
            d = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2)
            wob = 1 + 0.015 * np.sin(np.arctan2(yy - cy, xx - cx) * 5)
            rim = np.exp(-((d - r * wob) / 9) ** 2)
            a0 = rng.uniform(0, 2 * math.pi)
            arc = 0.55 + 0.45 * np.cos(np.arctan2(yy - cy, xx - cx) - a0)
            fill = (d < r * wob) * 0.16 * ink_texture(rng, (H, W), 0.5, 1.0, 25)
            m = np.clip(rim * arc * 0.75 + fill, 0, 1)
            img = apply_ink(img, m, (150, 95, 45), 0.8)
        # colour scan: 200 dpi, tiny tilt
        g = scale(img, 200)
        h2, w2 = g.shape[:2]
        M = cv2.getRotationMatrix2D((w2 / 2, h2 / 2), rng.uniform(-0.6, 0.6), 1.0)
        g = cv2.warpAffine(g, M, (w2, h2), borderValue=(250, 250, 248))
        out.append(("jpg", g, 200, 85))
    return out


VARIANTS = {"certified": v_certified, "mfp": v_mfp, "whatsapp": v_whatsapp, "marked": v_marked}


def save_pdf(items, path, tmp):
    files = []
    for k, (kind, arr, dpi, q) in enumerate(items):
        if kind == "bilevel":
            f = os.path.join(tmp, f"p{k}.png")
            Image.fromarray(arr).convert("1").save(f, dpi=(dpi, dpi))
        else:
            f = os.path.join(tmp, f"p{k}.jpg")
            Image.fromarray(arr).save(f, quality=q, dpi=(dpi, dpi))
        files.append(f)
    with open(path, "wb") as fh:
        fh.write(img2pdf.convert(files))


def main():
    src, dst = sys.argv[1], sys.argv[2]
    for pdf in sorted(glob.glob(os.path.join(src, "*.pdf"))):
        name = os.path.basename(pdf)[:-4]
        seed = sum(ord(c) for c in name) * 7919 + 9
        rng = np.random.default_rng(seed)
        truth = json.load(open(os.path.join(src, name + ".truth.json")))
        print(name)
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(["pdftoppm", "-r", str(DPI), "-png", pdf, os.path.join(tmp, "pg")], check=True)
            pages = []
            for f in sorted(glob.glob(os.path.join(tmp, "pg-*.png")), key=lambda p: int(re.findall(r"(\d+)\.png$", p)[0])):
                a = np.asarray(Image.open(f).convert("RGB")).astype(np.float32)
                a = a * np.float32([0.985, 0.98, 0.965])  # off-white paper
                pages.append(np.clip(a, 0, 255).astype(np.uint8))
            layer = text_layer(pdf)
            pages, _ = sign_original(rng, pages, layer, truth)
            modes = ["header", "top", "left", None]
            mode = modes[seed % 4]
            if mode:
                color = [RED, BLUE_INK, VIOLET][seed % 3]
                pages[0] = receiving_stamp(rng, pages[0], layer[0], mode, filled=(seed % 5 != 0), color=color)
            for vname, fn in VARIANTS.items():
                vr = np.random.default_rng(seed + hash(vname) % 1000 if False else seed + len(vname) * 101)
                items = fn(vr, pages, layer, truth, name)
                od = os.path.join(dst, vname)
                os.makedirs(od, exist_ok=True)
                with tempfile.TemporaryDirectory() as t2:
                    save_pdf(items, os.path.join(od, name + ".scan.pdf"), t2)
                shutil.copy(os.path.join(src, name + ".truth.json"), os.path.join(od, name + ".truth.json"))


if __name__ == "__main__":
    main()
