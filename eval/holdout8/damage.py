#!/usr/bin/env python3
"""Damage for eval/holdout8: a signed, received original, then four copies a clerk really gets.

    python damage.py SRC DEST [--only NAME ...] [--variants app,duplex,ocrlayer,lowmail]

SRC holds NAME.pdf + NAME.truth.json; DEST/<variant>/NAME.scan.pdf + NAME.truth.json are written.
Needs pdftoppm, pdftotext, pdfunite, tesseract (eng), numpy, opencv, Pillow, img2pdf.
Everything is seeded from (document name, page, variant); marks are placed from the PDF's text
layer (pdftotext -bbox-layout) and the truth's signer, never from OCR.

Variants
  app       phone scanner app "document" mode: photo of the sheet on a desk, the app's own crop and
            flattening (small residual keystone and curl, sometimes a corner of desk left), local
            contrast normalisation + adaptive threshold blend (white paper, black ink, halos),
            unsharp mask, 150/170/200 dpi, JPEG 70-80; grey "B&W" mode or (p=0.3, 4 of 10) "magic colour".
  duplex    office duplex colour scan of a double-sided sheet on thin paper: the back mirrored and
            faint (5-15 % grey), a yellow highlighter stroke over one or two names or a number,
            a pen underline or tick, a staple's shadow in the top corner; 200 dpi, JPEG 78.
  ocrlayer  copier's searchable PDF: grey 200/240/300 dpi, small tilt, blur, and the copier's own
            invisible text layer from `tesseract IMG OUT -l eng pdf` (English: marks lost); some
            sheets fed the wrong way (a page rotated 180 or 90 degrees in the file).
  lowmail   emailed low-quality scan: 100-130 dpi, grey or colour, JPEG 25-40, 0.3-1.2 deg tilt,
            a dark band along one edge (lid shadow); all pages kept.
"""
import argparse
import hashlib
import io
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
from html import unescape

import cv2
import img2pdf
import numpy as np
from PIL import Image, ImageDraw, ImageFont

DPI = 300
FONT_BOLD = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'
FONT_REG = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'
FONT_HAND = '/usr/share/fonts/truetype/liberation2/LiberationSans-Italic.ttf'
VARIANTS = ('app', 'duplex', 'ocrlayer', 'lowmail')


def rng_for(*parts):
    h = hashlib.sha256('|'.join(str(p) for p in parts).encode()).digest()
    return np.random.default_rng(int.from_bytes(h[:8], 'little'))


def cm(x, dpi=DPI):
    return int(round(x / 2.54 * dpi))


# ---------------------------------------------------------------- input
def render(pdf, tmp):
    subprocess.run(['pdftoppm', '-r', str(DPI), '-png', pdf, os.path.join(tmp, 'p')], check=True)
    files = sorted(f for f in os.listdir(tmp) if f.startswith('p-') and f.endswith('.png'))
    return [np.array(Image.open(os.path.join(tmp, f)).convert('RGB')) for f in files]


def text_lines(pdf):
    """Per page: list of lines {text, x0,y0,x1,y1 (px at DPI), words:[(text,x0,y0,x1,y1)]}."""
    out = subprocess.run(['pdftotext', '-bbox-layout', pdf, '-'], check=True, capture_output=True, text=True).stdout
    pages = []
    s = DPI / 72.0
    for pg in re.findall(r'<page .*?</page>', out, re.S):
        lines = []
        for ln in re.findall(r'<line .*?</line>', pg, re.S):
            words = [(unescape(w[4]), float(w[0]) * s, float(w[1]) * s, float(w[2]) * s, float(w[3]) * s)
                     for w in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', ln)]
            if not words:
                continue
            lines.append({'text': ' '.join(w[0] for w in words), 'words': words,
                          'x0': min(w[1] for w in words), 'y0': min(w[2] for w in words),
                          'x1': max(w[3] for w in words), 'y1': max(w[4] for w in words)})
        pages.append(lines)
    return pages


def find_phrase(lines, phrase):
    """Boxes (x0,y0,x1,y1) of each occurrence of phrase (word sequence) on a page."""
    toks = phrase.split()
    hits = []
    words = [w for ln in lines for w in ln['words']]
    for i in range(len(words) - len(toks) + 1):
        if all(words[i + k][0].strip(',.;:()') == toks[k].strip(',.;:()') for k in range(len(toks))):
            ws = words[i:i + len(toks)]
            if max(w[4] for w in ws) - min(w[2] for w in ws) > 80:  # wrapped over two lines: skip
                continue
            hits.append((min(w[1] for w in ws), min(w[2] for w in ws), max(w[3] for w in ws), max(w[4] for w in ws)))
    return hits


# ---------------------------------------------------------------- drawing helpers
def multiply(img, layer_rgb, alpha):
    """img, layer uint8 HxWx3; alpha float HxW in 0..1: ink multiplied onto paper."""
    a = alpha[..., None]
    out = img.astype(np.float32) * (1 - a * (1 - layer_rgb.astype(np.float32) / 255.0))
    return np.clip(out, 0, 255).astype(np.uint8)


def smooth_noise(shape, rng, scale, lo, hi):
    h, w = shape
    sh, sw = max(2, h // scale), max(2, w // scale)
    n = rng.random((sh, sw)).astype(np.float32)
    n = cv2.resize(n, (w, h), interpolation=cv2.INTER_CUBIC)
    n = (n - n.min()) / (n.max() - n.min() + 1e-6)
    return lo + (hi - lo) * n


def paste_ink(img, mask, color, x, y, rng=None, patchy=None):
    """Multiply a single-colour ink mask (float 0..1, h x w) onto img at top-left (x, y)."""
    H, W = img.shape[:2]
    h, w = mask.shape
    x0, y0 = max(0, x), max(0, y)
    x1, y1 = min(W, x + w), min(H, y + h)
    if x1 <= x0 or y1 <= y0:
        return img
    m = mask[y0 - y:y1 - y, x0 - x:x1 - x]
    if patchy is not None and rng is not None:
        m = m * smooth_noise(m.shape, rng, patchy[0], patchy[1], 1.0)
        m = m * (rng.random(m.shape) > patchy[2])
    layer = np.empty((y1 - y0, x1 - x0, 3), np.uint8)
    layer[:] = color
    img[y0:y1, x0:x1] = multiply(img[y0:y1, x0:x1], layer, m)
    return img


def text_mask(text, font, pad=4):
    bb = font.getbbox(text)
    w, h = bb[2] - bb[0] + 2 * pad, bb[3] - bb[1] + 2 * pad
    im = Image.new('L', (max(1, w), max(1, h)), 0)
    ImageDraw.Draw(im).text((pad - bb[0], pad - bb[1]), text, font=font, fill=255)
    return im


def hand_text(text, size, rng, slant=0.25):
    """Handwriting-like mask: per-glyph jitter of position, size and angle; returns float mask."""
    glyphs = []
    x = 0
    for ch in text:
        f = ImageFont.truetype(FONT_HAND, int(size * rng.uniform(0.88, 1.12)))
        if ch == ' ':
            x += int(size * rng.uniform(0.28, 0.4))
            continue
        g = text_mask(ch, f, pad=6).rotate(float(rng.uniform(-9, 9)), resample=Image.BICUBIC, expand=True)
        glyphs.append((g, x, int(rng.normal(0, size * 0.06))))
        x += g.size[0] - int(size * rng.uniform(0.18, 0.3))
    W = x + size
    H = int(size * 2.0)
    canvas = Image.new('L', (max(W, 1), H), 0)
    for g, gx, gy in glyphs:
        canvas.paste(255, (gx, int(size * 0.35) + gy), g)
    arr = np.array(canvas).astype(np.float32) / 255.0
    # slant + slight baseline wave
    M = np.float32([[1, -slant * 0.3, size * 0.2], [0, 1, 0]])
    arr = cv2.warpAffine(arr, M, (arr.shape[1] + size, arr.shape[0]))
    arr = cv2.dilate(arr, np.ones((2, 2), np.uint8)) if size > 40 else arr
    return np.clip(arr * 1.2, 0, 1)


# ---------------------------------------------------------------- seal, signature, stamp
def seal_texts(truth):
    d = truth['document']
    iss = d['issuer'] or ''
    parent = (d.get('issuer_parent') or '').upper()
    place = d.get('place') or ''
    up = iss.upper()
    if parent:
        prov = parent.replace('UBND ', '').replace('ĐOÀN ĐBQH VÀ HĐND ', '')
        ring = f'{up.split(" TỈNH")[0][:40]} ★ {prov}'
        centre = ['★']
    elif up.startswith('ỦY BAN NHÂN DÂN'):
        rest = up.replace('ỦY BAN NHÂN DÂN ', '')
        ring = f'ỦY BAN NHÂN DÂN ★ {rest}'
        centre = ['★']
    else:
        ring = up
        centre = ['★']
    if 'VĂN PHÒNG' in up and 'ĐOÀN' in up:
        ring = 'VĂN PHÒNG ĐOÀN ĐBQH VÀ HĐND ★ TỈNH VĨNH LONG'
    return ring, centre


def make_seal(truth, rng, diameter):
    D = diameter
    S = D + 40
    im = Image.new('L', (S, S), 0)
    dr = ImageDraw.Draw(im)
    c = S // 2
    r1 = D // 2
    w1 = max(5, D // 55)
    dr.ellipse([c - r1, c - r1, c + r1, c + r1], outline=255, width=w1)
    r2 = int(r1 * 0.70)
    dr.ellipse([c - r2, c - r2, c + r2, c + r2], outline=255, width=max(3, w1 // 2))
    ring, centre = seal_texts(truth)
    fs = int(D * 0.085)
    font = ImageFont.truetype(FONT_BOLD, fs)
    rr = (r1 + r2) / 2 - fs * 0.05
    n = len(ring)
    span = min(330.0, n * (fs * 0.78) / rr * 180 / math.pi)
    start = -90 - span / 2
    for i, ch in enumerate(ring):
        if ch == ' ':
            continue
        ang = start + span * (i + 0.5) / n
        g = text_mask(ch, font, pad=3)
        g = g.rotate(-(ang + 90), resample=Image.BICUBIC, expand=True)
        x = c + rr * math.cos(math.radians(ang)) - g.size[0] / 2
        y = c + rr * math.sin(math.radians(ang)) - g.size[1] / 2
        im.paste(255, (int(x), int(y)), g)
    star = ImageFont.truetype(FONT_BOLD, int(D * 0.22))
    g = text_mask('★', star)
    im.paste(255, (c - g.size[0] // 2, c - g.size[1] // 2 - int(D * 0.08)), g)
    small = ImageFont.truetype(FONT_BOLD, int(D * 0.06))
    code = f'{int(rng.integers(100, 999))}'
    g = text_mask(code, small)
    im.paste(255, (c - g.size[0] // 2, c + int(D * 0.1)), g)
    im = im.rotate(float(rng.uniform(0, 360)), resample=Image.BICUBIC)
    arr = np.array(im).astype(np.float32) / 255.0
    arr = cv2.GaussianBlur(arr, (0, 0), 1.1)
    return np.clip(arr * 1.15, 0, 1)


def make_signature(rng, w, h):
    canvas = np.zeros((h, w), np.float32)
    n = int(rng.integers(3, 6))
    pts = []
    for k in range(400):
        t = k / 399
        x = 0.08 * w + 0.72 * w * t + 0.06 * w * math.sin(2 * math.pi * n * t + 0.5)
        env = 0.35 + 0.65 * math.sin(math.pi * min(1, t * 1.3))
        y = 0.5 * h + 0.32 * h * env * math.cos(2 * math.pi * n * t) - 0.18 * h * t
        pts.append((x, y))
    pts = np.array(pts) + rng.normal(0, 1.2, (len(pts), 2))
    thick = int(rng.integers(3, 5))
    cv2.polylines(canvas, [pts.astype(np.int32)], False, 1.0, thick, cv2.LINE_AA)
    # flourish: a long stroke back under the name
    a = np.array([0.85 * w, 0.3 * h]); b = np.array([0.05 * w, 0.82 * h]); cpt = np.array([0.55 * w, 1.0 * h])
    fl = [(1 - t) ** 2 * a + 2 * (1 - t) * t * cpt + t ** 2 * b for t in np.linspace(0, 1, 120)]
    cv2.polylines(canvas, [np.array(fl).astype(np.int32)], False, 1.0, thick - 1, cv2.LINE_AA)
    return canvas


def signer_block(pages_lines, truth):
    name = truth['document']['signer']['name']
    for pi in range(len(pages_lines) - 1, -1, -1):
        lines = pages_lines[pi]
        cand = [ln for ln in lines if name and name in ln['text']]
        if not cand:
            continue
        nl = cand[-1]
        cx = (nl['x0'] + nl['x1']) / 2
        titles = [ln for ln in lines if ln['y1'] < nl['y0'] and nl['y0'] - ln['y1'] < cm(6)
                  and abs((ln['x0'] + ln['x1']) / 2 - cx) < cm(3)
                  and any(ch.isalpha() for ch in ln['text'])
                  and ln['text'].upper() == ln['text']]
        return pi, nl, titles
    return None, None, []


def receiver_of(truth):
    for r in truth['document'].get('recipients', []):
        if r.startswith(('Như', 'Lưu', 'Các ông')):
            continue
        r = re.sub(r'\s*\(b/c\)', '', r)
        r = r.replace('Ủy ban nhân dân', 'UBND')
        return r.upper()[:34]
    return 'VĂN PHÒNG'


def make_stamp(truth, rng, filled):
    W, H = cm(5.0), cm(2.7)
    im = Image.new('L', (W, H), 0)
    dr = ImageDraw.Draw(im)
    bw = 6
    dr.rectangle([3, 3, W - 4, H - 4], outline=255, width=bw)
    f1 = ImageFont.truetype(FONT_BOLD, int(H * 0.10))
    f2 = ImageFont.truetype(FONT_BOLD, int(H * 0.15))
    f3 = ImageFont.truetype(FONT_REG, int(H * 0.11))
    rec = receiver_of(truth)
    while f1.getlength(rec) > W - 40:
        rec = rec[:-1]
    dr.text(((W - f1.getlength(rec)) / 2, H * 0.06), rec, font=f1, fill=255)
    t = 'CÔNG VĂN ĐẾN'
    dr.text(((W - f2.getlength(t)) / 2, H * 0.20), t, font=f2, fill=255)
    ys = [H * 0.44, H * 0.61, H * 0.78]
    labels = ['Số:', 'Ngày:', 'Chuyển:']
    for y, lab in zip(ys, labels):
        dr.text((W * 0.06, y), lab, font=f3, fill=255)
        x = W * 0.06 + f3.getlength(lab) + 8
        while x < W * 0.93:
            dr.text((x, y + 2), '.', font=f3, fill=255)
            x += 12
    arr = np.array(im).astype(np.float32) / 255.0
    hand = None
    if filled:
        d = truth['document']['issued_date']
        y, m, dd = (int(v) for v in d.split('-'))
        dd2 = dd + int(rng.integers(1, 6))
        if dd2 > 28:
            dd2 -= 27; m = m % 12 + 1
        route = ['P.TCCB', 'Đ/c Hà - VP', 'P. Nội vụ', 'CVP', 'Đ/c Tuấn', 'P.XDCQ'][int(rng.integers(0, 6))]
        vals = [str(int(rng.integers(120, 4800))), f'{dd2}/{m}/{str(y)[2:]}', route]
        hand = []
        for yv, v, lab in zip(ys, vals, labels):
            x = int(W * 0.06 + f3.getlength(lab) + rng.uniform(18, 40))
            hand.append((hand_text(v, int(H * 0.16), rng), x, int(yv - H * 0.07)))
    return arr, hand


def make_original(pages, pages_lines, truth, name):
    rng = rng_for(name, 'original')
    out = []
    paper = np.array([250, 248, 242], np.uint8)
    for pi, img in enumerate(pages):
        img = multiply(img.copy(), np.broadcast_to(paper, img.shape).copy(), np.ones(img.shape[:2], np.float32))
        out.append(img)
    pi, nl, titles = signer_block(pages_lines, truth)
    if pi is not None:
        img = out[pi]
        cx = (nl['x0'] + nl['x1']) / 2
        top = min([t['y0'] for t in titles] + [nl['y0'] - cm(3)])
        tbot = max([t['y1'] for t in titles] + [top + cm(0.8)])
        # signature between the title and the name
        sw, sh = cm(4.6), int(max(cm(1.4), nl['y0'] - tbot + cm(0.2)))
        sig = make_signature(rng, sw, sh)
        sx = int(cx - sw / 2 + rng.uniform(-cm(0.3), cm(0.5)))
        sy = int(tbot - cm(0.1))
        paste_ink(img, sig, (25, 45, 150), sx, sy, rng, patchy=(8, 0.75, 0.0))
        # seal over the left part of the signature and the title lines
        D = cm(float(rng.uniform(3.6, 4.2)))
        seal = make_seal(truth, rng, D)
        scx = int(sx + sw * 0.26 + rng.uniform(-cm(0.3), cm(0.2)))
        scy = int((tbot + nl['y0']) / 2 - cm(0.35) + rng.uniform(-cm(0.2), cm(0.2)))
        col = [(200, 30, 45), (215, 40, 40), (190, 25, 60)][int(rng.integers(0, 3))]
        paste_ink(img, seal, col, scx - seal.shape[1] // 2, scy - seal.shape[0] // 2, rng, patchy=(18, 0.45, 0.03))
    # receiving stamp on page 1 of most documents, filled in by hand in some
    if rng.random() < 0.85:
        img = out[0]
        filled = rng.random() < 0.75
        st, hand = make_stamp(truth, rng, filled)
        lines = pages_lines[0]
        so = [ln for ln in lines if ln['text'].startswith('Số:')]
        spot = ['topleft', 'under_so', 'topright', 'leftmargin'][int(rng.integers(0, 4))]
        H, W = img.shape[:2]
        if spot == 'topleft':
            x, y = cm(1.2) + int(rng.uniform(0, cm(1))), cm(0.3) + int(rng.uniform(0, cm(0.4)))
        elif spot == 'under_so' and so:
            ln = so[0]
            x, y = int(ln['x0'] - cm(0.8)), int(ln['y1'] + cm(0.9) + rng.uniform(0, cm(0.6)))
        elif spot == 'topright':
            x, y = W - cm(7.2) + int(rng.uniform(0, cm(1))), cm(0.2) + int(rng.uniform(0, cm(0.3)))
        else:  # lower left margin, beside the body
            x, y = cm(0.5), int(H * rng.uniform(0.35, 0.55))
        col = [(205, 35, 50), (40, 60, 170), (110, 40, 150)][int(rng.integers(0, 3))]
        ang = float(rng.uniform(-4, 4))
        M = cv2.getRotationMatrix2D((st.shape[1] / 2, st.shape[0] / 2), ang, 1.0)
        st = cv2.warpAffine(st, M, (st.shape[1], st.shape[0]))
        paste_ink(img, st, col, x, y, rng, patchy=(10, 0.55, 0.02))
        if hand:
            for hm, hx, hy in hand:
                paste_ink(img, hm, (20, 40, 140), x + hx, y + hy, rng, patchy=(6, 0.8, 0.0))
        truth_note = spot + (" filled" if filled else " blank")
    else:
        truth_note = None
    return out, truth_note


# ---------------------------------------------------------------- generic page ops
def rotate_small(img, deg, border):
    H, W = img.shape[:2]
    M = cv2.getRotationMatrix2D((W / 2, H / 2), deg, 1.0)
    return cv2.warpAffine(img, M, (W, H), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=border)


def resize_dpi(img, dpi):
    f = dpi / DPI
    return cv2.resize(img, (int(img.shape[1] * f), int(img.shape[0] * f)), interpolation=cv2.INTER_AREA)


def to_jpeg(arr, q, dpi, grey=False):
    im = Image.fromarray(arr if arr.ndim == 3 else arr)
    if grey and im.mode != 'L':
        im = im.convert('L')
    b = io.BytesIO()
    im.save(b, 'JPEG', quality=int(q), dpi=(dpi, dpi), optimize=False)
    return b.getvalue()


def grey(img):
    return cv2.cvtColor(img, cv2.COLOR_RGB2GRAY)


# ---------------------------------------------------------------- app
def desk_texture(rng, H, W):
    base = np.array([[150, 120, 90], [120, 125, 130], [175, 160, 135], [90, 70, 55]][int(rng.integers(0, 4))], np.float32)
    n = smooth_noise((H, W), rng, 40, 0.8, 1.1)
    grain = cv2.GaussianBlur(rng.random((H, W)).astype(np.float32), (0, 0), 3) * 0.3 + 0.85
    stripes = 0.94 + 0.06 * np.sin(np.linspace(0, 60, W))[None, :]
    t = (n * grain * stripes)[..., None] * base
    return np.clip(t, 0, 255).astype(np.uint8)


def variant_app(img, rng, pi, out_dpi, colour, corner):
    work = 200
    sheet = resize_dpi(img, work)
    h, w = sheet.shape[:2]
    mx, my = int(w * 0.12), int(h * 0.08)
    Hc, Wc = h + 2 * my, w + 2 * mx
    desk = desk_texture(rng, Hc, Wc)
    k = rng.uniform(0.03, 0.07)
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    dst = np.float32([[mx + w * k, my + rng.uniform(0, h * 0.02)], [mx + w * (1 - k * rng.uniform(0.6, 1.0)), my],
                      [mx + w + rng.uniform(-8, 8), my + h], [mx + rng.uniform(-8, 8), my + h + rng.uniform(-10, 0)]])
    M = cv2.getPerspectiveTransform(src, dst)
    warped = cv2.warpPerspective(sheet, M, (Wc, Hc), flags=cv2.INTER_LINEAR, borderValue=(0, 0, 0))
    mask = cv2.warpPerspective(np.full((h, w), 255, np.uint8), M, (Wc, Hc))
    shadow = cv2.GaussianBlur(cv2.warpPerspective(np.full((h, w), 255, np.uint8), M, (Wc, Hc)), (0, 0), 15)
    desk = (desk.astype(np.float32) * (1 - 0.45 * shadow[..., None] / 255.0)).astype(np.uint8)
    m = (mask[..., None] / 255.0)
    photo = (warped * m + desk * (1 - m)).astype(np.float32)
    # light: gradient + a soft phone shadow, warm/cool cast
    yy, xx = np.mgrid[0:Hc, 0:Wc].astype(np.float32)
    gx, gy = rng.uniform(-1, 1), rng.uniform(-1, 1)
    light = 0.82 + 0.18 * ((xx / Wc) * gx + (yy / Hc) * gy + 1) / 2
    sc = (int(rng.uniform(0.2, 0.8) * Wc), int(rng.uniform(0.6, 1.0) * Hc))
    blob = np.zeros((Hc, Wc), np.float32)
    cv2.ellipse(blob, sc, (int(Wc * 0.25), int(Hc * 0.15)), float(rng.uniform(0, 180)), 0, 360, 1.0, -1)
    blob = cv2.GaussianBlur(blob, (0, 0), 60)
    light = light * (1 - 0.25 * blob)
    cast = np.array([1.0, rng.uniform(0.95, 1.0), rng.uniform(0.85, 0.97)], np.float32)
    if rng.random() < 0.5:
        cast = cast[::-1]
    photo = photo * light[..., None] * cast
    photo = cv2.GaussianBlur(photo, (0, 0), rng.uniform(0.7, 1.1))
    photo += rng.normal(0, 4, photo.shape).astype(np.float32)
    photo = np.clip(photo, 0, 255).astype(np.uint8)
    # the app's crop: its corner estimate is slightly off (residual keystone); sometimes a corner of desk
    ow, oh = int(21.0 / 2.54 * out_dpi), int(29.7 / 2.54 * out_dpi)
    err = dst + rng.normal(0, w * 0.006, dst.shape).astype(np.float32)
    if corner and pi == 0:
        c = int(rng.integers(0, 4))
        push = np.float32([[-1, -1], [1, -1], [1, 1], [-1, 1]])[c] * w * rng.uniform(0.012, 0.025)
        err[c] += push
    M2 = cv2.getPerspectiveTransform(err, np.float32([[0, 0], [ow, 0], [ow, oh], [0, oh]]))
    flat = cv2.warpPerspective(photo, M2, (ow, oh), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    # residual curl: bottom/right edge bowed a few px
    yy, xx = np.mgrid[0:oh, 0:ow].astype(np.float32)
    A = rng.uniform(2, 6) * out_dpi / 150
    dy = A * np.sin(np.pi * xx / ow) * (yy / oh) ** 3
    dx = A * 0.6 * np.sin(np.pi * yy / oh) * (xx / ow) ** 4
    flat = cv2.remap(flat, xx + dx, yy - dy, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    # the app's luminance leans on red a little: red ink (seal, stamp) ends up dark grey, not black
    f = flat.astype(np.float32)
    g = 0.5 * f[..., 0] + 0.4 * f[..., 1] + 0.1 * f[..., 2]
    k = int(out_dpi * 0.25) | 1
    bg = cv2.dilate(g, np.ones((7, 7), np.uint8))
    bg = cv2.medianBlur(bg.astype(np.uint8), k if k < 255 else 255).astype(np.float32)
    bg = cv2.GaussianBlur(bg, (0, 0), 8) + 1
    if colour:
        normc = np.clip(flat.astype(np.float32) / bg[..., None] * 255, 0, 255)
        hsv = cv2.cvtColor(normc.astype(np.uint8), cv2.COLOR_RGB2HSV).astype(np.float32)
        hsv[..., 1] = np.clip(hsv[..., 1] * 1.5, 0, 255)
        hsv[..., 2] = np.clip((hsv[..., 2] - 90) * 255 / 140, 0, 255)
        res = cv2.cvtColor(hsv.astype(np.uint8), cv2.COLOR_HSV2RGB).astype(np.float32)
        blur = cv2.GaussianBlur(res, (0, 0), 2.0)
        res = np.clip(res + 1.0 * (res - blur), 0, 255).astype(np.uint8)
        return to_jpeg(res, int(rng.integers(70, 81)), out_dpi), out_dpi
    norm = np.clip(g / bg * 255, 0, 255)
    stretched = np.clip((norm - 70) * 255 / 150, 0, 255)
    th = cv2.adaptiveThreshold(norm.astype(np.uint8), 255, cv2.ADAPTIVE_THRESH_GAUSSIAN_C, cv2.THRESH_BINARY,
                               int(out_dpi * 0.12) | 1, 30).astype(np.float32)
    mix = 0.4 * th + 0.6 * stretched
    blur = cv2.GaussianBlur(mix, (0, 0), 2.5)
    res = np.clip(mix + 1.3 * (mix - blur), 0, 255).astype(np.uint8)
    return to_jpeg(res, int(rng.integers(70, 81)), out_dpi, grey=True), out_dpi


# ---------------------------------------------------------------- duplex
def targets_for_highlight(lines, truth, rng):
    names = [p['name'] for p in truth['people'] if p['name'] != truth['document']['signer']['name']]
    boxes = []
    for n in names:
        hits = find_phrase(lines, n)
        if hits:
            boxes.append(hits[0])
    refs = [r['number'] for r in truth['references']] + [truth['document']['number']]
    rbox = []
    for r in refs:
        for ln in lines:
            for w in ln['words']:
                if r in w[0] and not ln['text'].startswith('Số:'):
                    rbox.append((w[1], w[2], w[3], w[4]))
    rng.shuffle(boxes)
    pick = boxes[:int(rng.integers(1, 3))] if boxes else []
    if not pick and rbox:
        pick = [rbox[int(rng.integers(0, len(rbox)))]]
    return pick


def highlighter(img, box, rng):
    x0, y0, x1, y1 = box
    hgt = (y1 - y0)
    pad = hgt * 0.25
    H, W = img.shape[:2]
    mask = np.zeros((H, W), np.float32)
    pts = np.array([[x0 - 10, y0 - pad + rng.uniform(-4, 4)], [x1 + 14, y0 - pad + rng.uniform(-6, 2)],
                    [x1 + 8, y1 + pad + rng.uniform(-2, 6)], [x0 - 16, y1 + pad + rng.uniform(-2, 6)]], np.int32)
    cv2.fillPoly(mask, [pts], 1.0)
    mask = cv2.GaussianBlur(mask, (0, 0), 2.5) * smooth_noise((H, W), rng, 60, 0.75, 0.95)
    layer = np.empty_like(img); layer[:] = (255, 238, 70)
    return multiply(img, layer, mask)


def pen_mark(img, lines, box, rng):
    H, W = img.shape[:2]
    mask = np.zeros((H, W), np.float32)
    col = [(30, 50, 160), (190, 30, 40)][int(rng.integers(0, 2))]
    if box is not None and rng.random() < 0.6:
        x0, y0, x1, y1 = box
        xs = np.linspace(x0 - 10, x1 + 20, 40)
        ys = y1 + 8 + np.cumsum(rng.normal(0, 0.6, 40)) + np.linspace(0, rng.uniform(-6, 6), 40)
        cv2.polylines(mask, [np.stack([xs, ys], 1).astype(np.int32)], False, 1.0, 4, cv2.LINE_AA)
    else:
        body = [ln for ln in lines if ln['y0'] > H * 0.3 and ln['y1'] < H * 0.8]
        ln = body[int(rng.integers(0, len(body)))] if body else {'y0': H * 0.5, 'y1': H * 0.5 + 40}
        x, y = cm(1.6), int((ln['y0'] + ln['y1']) / 2)
        pts = np.array([[x, y], [x + 18, y + 24], [x + 60, y - 40]], np.int32)
        cv2.polylines(mask, [pts], False, 1.0, 5, cv2.LINE_AA)
    return multiply(img, np.broadcast_to(np.array(col, np.uint8), img.shape).copy(), mask)


def staple(img, right, rng):
    H, W = img.shape[:2]
    x, y = (W - cm(1.6), cm(1.1)) if right else (cm(1.0), cm(1.1))
    L = cm(1.25)
    ang = math.radians(rng.uniform(35, 55) * (-1 if right else 1))
    x2, y2 = int(x + L * math.cos(ang)), int(y + L * math.sin(ang))
    sh = np.zeros((H, W), np.float32)
    cv2.line(sh, (x + 6, y + 9), (x2 + 6, y2 + 9), 1.0, 14, cv2.LINE_AA)
    sh = cv2.GaussianBlur(sh, (0, 0), 5) * 0.45
    img = multiply(img, np.zeros_like(img), sh)
    m = np.zeros((H, W), np.float32)
    cv2.line(m, (x, y), (x2, y2), 1.0, 7, cv2.LINE_AA)
    img = multiply(img, np.broadcast_to(np.array((95, 95, 100), np.uint8), img.shape).copy(), m)
    hl = np.zeros((H, W), np.float32)
    cv2.line(hl, (x, y - 2), (x2, y2 - 2), 1.0, 2, cv2.LINE_AA)
    img = np.clip(img.astype(np.float32) + 60 * hl[..., None], 0, 255).astype(np.uint8)
    for (px, py) in [(x, y), (x2, y2)]:
        cv2.circle(img, (px, py), 5, (60, 60, 60), -1, cv2.LINE_AA)
    return img


def variant_duplex(img, back, lines, truth, rng, pi):
    b = grey(back)
    b = cv2.flip(b, 1)
    b = cv2.GaussianBlur(b, (0, 0), rng.uniform(1.8, 3.0)).astype(np.float32)
    alpha = rng.uniform(0.05, 0.15)
    out = img.astype(np.float32) * (1 - alpha * (1 - b / 255.0))[..., None]
    out = np.clip(out, 0, 255).astype(np.uint8)
    boxes = targets_for_highlight(lines, truth, rng)
    for bx in boxes:
        out = highlighter(out, bx, rng)
    out = pen_mark(out, lines, boxes[0] if boxes else None, rng)
    out = staple(out, right=(pi % 2 == 1), rng=rng)
    out = rotate_small(out, float(rng.uniform(-0.4, 0.4)), (238, 238, 236))
    out = resize_dpi(out, 200)
    out = np.clip(out.astype(np.float32) * rng.uniform(0.96, 1.0) + rng.normal(0, 2.5, out.shape), 0, 255).astype(np.uint8)
    return to_jpeg(out, 78, 200), 200


# ---------------------------------------------------------------- ocrlayer
def variant_ocrlayer(img, rng, dpi, rot, tmp, tag):
    g = grey(img)
    g = rotate_small(g, float(rng.uniform(-0.7, 0.7)), 245)
    g = resize_dpi(g, dpi)
    g = cv2.GaussianBlur(g, (0, 0), rng.uniform(0.5, 0.85)).astype(np.float32)
    g = np.clip((g - 12) * 1.08 + rng.normal(0, 3, g.shape), 0, 255).astype(np.uint8)
    if rot == 180:
        g = cv2.rotate(g, cv2.ROTATE_180)
    elif rot == 90:
        g = cv2.rotate(g, cv2.ROTATE_90_CLOCKWISE)
    jp = os.path.join(tmp, f'{tag}.jpg')
    with open(jp, 'wb') as f:
        f.write(to_jpeg(g, 85, dpi, grey=True))
    base = os.path.join(tmp, tag)
    env = dict(os.environ, OMP_THREAD_LIMIT='1')
    subprocess.run(['tesseract', jp, base, '-l', 'eng', 'pdf'], check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return base + '.pdf'


# ---------------------------------------------------------------- lowmail
def variant_lowmail(img, rng, dpi, colour, edge):
    out = img if colour else cv2.cvtColor(grey(img), cv2.COLOR_GRAY2RGB)
    out = rotate_small(out, float(rng.uniform(0.3, 1.2) * rng.choice([-1, 1])), (245, 245, 245))
    out = resize_dpi(out, dpi).astype(np.float32)
    H, W = out.shape[:2]
    frac = rng.uniform(0.02, 0.055)
    if edge in ('left', 'right'):
        n = int(W * frac)
        ramp = np.linspace(0.18, 1.0, n) ** 1.6
        prof = np.ones(W, np.float32)
        if edge == 'left':
            prof[:n] = ramp
        else:
            prof[W - n:] = ramp[::-1]
        out *= prof[None, :, None]
    else:
        n = int(H * frac)
        ramp = np.linspace(0.18, 1.0, n) ** 1.6
        prof = np.ones(H, np.float32)
        if edge == 'top':
            prof[:n] = ramp
        else:
            prof[H - n:] = ramp[::-1]
        out *= prof[:, None, None]
    out += rng.normal(0, 3, out.shape)
    out = np.clip(out * rng.uniform(0.93, 1.0), 0, 255).astype(np.uint8)
    q = int(rng.integers(25, 41))
    if not colour:
        return to_jpeg(out[..., 0], q, dpi, grey=True), dpi
    return to_jpeg(out, q, dpi), dpi


# ---------------------------------------------------------------- driver
def write_pdf(jpegs, path):
    data = img2pdf.convert(jpegs, nodate=True, engine=img2pdf.Engine.internal)
    with open(path, 'wb') as f:
        f.write(data)


def all_originals(src, names, tmp):
    cache = {}
    for n in names:
        d = os.path.join(tmp, 'r_' + n)
        os.makedirs(d, exist_ok=True)
        pdf = os.path.join(src, n + '.pdf')
        pages = render(pdf, d)
        lines = text_lines(pdf)
        truth = json.load(open(os.path.join(src, n + '.truth.json'), encoding='utf-8'))
        orig, spot = make_original(pages, lines, truth, n)
        cache[n] = (orig, lines, truth, spot)
    return cache


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('src')
    ap.add_argument('dest')
    ap.add_argument('--only', nargs='*')
    ap.add_argument('--variants', default=','.join(VARIANTS))
    ap.add_argument('--keep-originals', help='folder to write the signed originals as PNG')
    a = ap.parse_args()
    names = sorted(f[:-4] for f in os.listdir(a.src) if f.endswith('.pdf') and not f.endswith('.scan.pdf'))
    all_names = list(names)
    if a.only:
        names = [n for n in names if n in a.only]
    variants = a.variants.split(',')
    tmp = tempfile.mkdtemp(prefix='h8dmg_')
    try:
        need = set(names)
        if 'duplex' in variants:
            need |= set(all_names)  # backs of one-page sheets come from another document
        cache = all_originals(a.src, sorted(need), tmp)
        if a.keep_originals:
            os.makedirs(a.keep_originals, exist_ok=True)
            for n in names:
                for i, im in enumerate(cache[n][0]):
                    Image.fromarray(resize_dpi(im, 100)).save(os.path.join(a.keep_originals, f'{n}-{i + 1}.png'))
        for v in variants:
            od = os.path.join(a.dest, v)
            os.makedirs(od, exist_ok=True)
            for n in names:
                orig, lines, truth, spot = cache[n]
                docrng = rng_for(n, v, 'doc')
                out_path = os.path.join(od, n + '.scan.pdf')
                if v == 'ocrlayer':
                    dpi = int(docrng.choice([200, 240, 300]))
                    rot_pick = rng_for(n, 'ocr-rotation').random()
                    parts = []
                    for pi, img in enumerate(orig):
                        rot = 0
                        if (rot_pick < 0.25 or (rot_pick >= 0.9 and len(orig) > 1)) and pi == len(orig) - 1:
                            rot = 180
                        elif 0.25 <= rot_pick < 0.35 and pi == 0:
                            rot = 90
                        parts.append(variant_ocrlayer(img, rng_for(n, pi, v), dpi, rot, tmp, f'{n}_{pi}'))
                    if len(parts) == 1:
                        shutil.copy(parts[0], out_path)
                    else:
                        subprocess.run(['pdfunite'] + parts + [out_path], check=True)
                else:
                    jpegs = []
                    colour = docrng.random() < 0.4
                    edge = ['left', 'right', 'top', 'bottom'][int(docrng.integers(0, 4))]
                    ldpi = int(docrng.choice([100, 110, 120, 130]))
                    app_dpi = int(docrng.choice([150, 170, 200]))
                    app_colour = docrng.random() < 0.3
                    app_corner = docrng.random() < 0.4
                    for pi, img in enumerate(orig):
                        r = rng_for(n, pi, v)
                        if v == 'app':
                            jp, _ = variant_app(img, r, pi, app_dpi, app_colour, app_corner)
                        elif v == 'duplex':
                            if len(orig) > 1:
                                back = orig[1 - pi] if len(orig) == 2 else orig[pi ^ 1] if (pi ^ 1) < len(orig) else None
                            else:
                                back = None
                            if back is None:
                                others = [o for o in all_names if o != n]
                                ob = others[int(docrng.integers(0, len(others)))]
                                back = cache[ob][0][0]
                            jp, _ = variant_duplex(img, back, lines[pi], truth, r, pi)
                        else:
                            jp, _ = variant_lowmail(img, r, ldpi, colour, edge)
                        jpegs.append(jp)
                    write_pdf(jpegs, out_path)
                shutil.copy(os.path.join(a.src, n + '.truth.json'), os.path.join(od, n + '.truth.json'))
                print(v, n, 'stamp:', spot, flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    main()
