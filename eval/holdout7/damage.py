#!/usr/bin/env python3
"""Damage for eval/holdout7: the paper a clerk gets from a signed, received original.

Written by the holdout7 tester without reading any other damage code. For every NAME.pdf with a
NAME.truth.json in SRC, each page is rendered at 300 dpi (pdftoppm) and turned into a signed,
received paper original:

* a blue ballpoint signature between the signer's title and name;
* the issuing body's red round seal (ring text from the truth's issuer and header, a star in the
  middle) over the left of the signature and over the title line of the signing block;
* on page 1 a rectangular receiving stamp (red, blue or violet) ``<receiving body> / ĐẾN /
  Số: … / Ngày: … / Chuyển: …`` with the number, date and routing written by hand, put
  somewhere in the header area (sometimes over print);
* on page 1 a handwritten note (bút phê) in the top or left margin.

The marks are placed from the PDF's text layer and the truth's signer (never from OCR); the
stamp's and the note's numbers and dates are never the document's.

Four image-only copies of that original are written to DEST/<variant>/NAME.scan.pdf (with the
truth beside them):

* ``stamped``: colour office scan, 300 dpi, 0.2-0.9 degree tilt, light scanner noise, JPEG 82;
* ``grey``: the same original scanned greyscale at 150, 175 or 200 dpi (the seal turns grey),
  slight blur, JPEG 60;
* ``copy2``: a photocopy of a photocopy: black and white (threshold twice), toner specks,
  thinner and fatter strokes in patches, one or two hole-punch shadows at the left edge, a fold
  crease across the middle, 1-2 degree skew; 200 dpi, 1 bit;
* ``phone``: a phone photo of the sheet on a desk: keystone perspective, uneven light and a
  soft shadow, a colour cast, mild blur, about 150-190 dpi over the sheet, JPEG 85.

Seeded from the document's name, the page and the variant: two runs give byte-identical PDFs.

    python eval/holdout7/damage.py eval/holdout7 /tmp/h7      # pdftoppm, pdftotext, numpy, opencv, Pillow, img2pdf
"""
import hashlib
import html
import io
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata

import cv2
import img2pdf
import numpy as np
from PIL import Image, ImageDraw, ImageFont

DPI = 300
FONTS = '/usr/share/fonts/truetype/liberation2/'
VARIANTS = ('stamped', 'grey', 'copy2', 'phone')


def font(name, size):
    return ImageFont.truetype(os.path.join(FONTS, name), int(size))


def rng(*parts):
    h = hashlib.sha256('|'.join(['holdout7'] + [str(p) for p in parts]).encode()).hexdigest()
    return np.random.default_rng(int(h[:16], 16))


def nfc(s):
    return unicodedata.normalize('NFC', s)


# ---------------------------------------------------------------------------- text layer
def word_boxes(pdf):
    """[(page_w_pt, page_h_pt, [(x0, y0, x1, y1, text)])] from pdftotext -bbox-layout."""
    out = subprocess.run(['pdftotext', '-bbox-layout', pdf, '-'], capture_output=True, text=True, check=True).stdout
    pages = []
    for pm in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', out, re.S):
        ws = []
        for wm in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', pm.group(3)):
            ws.append((float(wm.group(1)), float(wm.group(2)), float(wm.group(3)), float(wm.group(4)), nfc(html.unescape(wm.group(5)))))
        pages.append((float(pm.group(1)), float(pm.group(2)), ws))
    return pages


def find_seq(ws, phrase):
    toks = nfc(phrase).split()
    hits = []
    for i in range(len(ws) - len(toks) + 1):
        if all(ws[i + k][4] == toks[k] for k in range(len(toks))):
            seg = ws[i:i + len(toks)]
            hits.append((min(w[0] for w in seg), min(w[1] for w in seg), max(w[2] for w in seg), max(w[3] for w in seg)))
    return hits


def locate(pages, truth):
    """Where the marks go, in points: signer name, title, 'Số:' line, header bottom."""
    sg = truth['document']['signer']
    loc = {}
    for pi in range(len(pages) - 1, -1, -1):
        hits = find_seq(pages[pi][2], sg['name'])
        if hits:
            name = max(hits, key=lambda b: b[1])
            loc['sign_page'] = pi
            loc['name'] = name
            cx = (name[0] + name[2]) / 2
            above = []
            for phrase in [sg.get('title'), sg.get('authority')]:
                if not phrase:
                    continue
                for b in find_seq(pages[pi][2], phrase):
                    if b[3] <= name[1] + 2 and abs((b[0] + b[2]) / 2 - cx) < 90 and name[1] - b[3] < 200:
                        above.append(b)
            loc['title'] = max(above, key=lambda b: b[1]) if above else (name[0] - 20, name[1] - 90, name[2] + 20, name[1] - 75)
            loc['block_top'] = min(b[1] for b in above) if above else loc['title'][1]
            break
    ws = pages[0][2]
    so = [w for w in ws if w[4] == 'Số:' and w[1] < pages[0][1] * 0.35]
    if so:
        s = so[0]
        line = [w for w in ws if abs(w[1] - s[1]) < 4 and w[0] < pages[0][0] * 0.5]
        loc['so'] = (s[0], s[1], max(w[2] for w in line), max(w[3] for w in line))
    motto = find_seq(ws, 'Độc lập - Tự do - Hạnh phúc') or find_seq(ws, 'Độc lập')
    if motto:
        loc['motto'] = motto[0]
    loc['first_top'] = min(w[1] for w in ws) if ws else 56
    return loc


# ---------------------------------------------------------------------------- drawing helpers
def blend(img, alpha, colour, x, y):
    """Multiply-blend ink of `colour` with coverage `alpha` (float HxW 0..1) onto img (float HxWx3 0..255) at x, y."""
    h, w = alpha.shape
    H, W = img.shape[:2]
    x0, y0 = max(0, x), max(0, y)
    x1, y1 = min(W, x + w), min(H, y + h)
    if x1 <= x0 or y1 <= y0:
        return
    a = alpha[y0 - y:y1 - y, x0 - x:x1 - x][..., None]
    ink = np.asarray(colour, dtype=np.float32)[None, None, :] / 255.0
    region = img[y0:y1, x0:x1]
    img[y0:y1, x0:x1] = region * (1.0 - a + a * ink)


def ink_texture(shape, r, coarse=0.35, fine=0.2):
    """Uneven ink: patchy coverage in 0.35..1."""
    h, w = shape
    n1 = cv2.GaussianBlur(r.random((h, w)).astype(np.float32), (0, 0), max(2, w / 18))
    n1 = (n1 - n1.min()) / (np.ptp(n1) + 1e-6)
    n2 = r.random((h, w)).astype(np.float32)
    t = 1.0 - coarse * n1 - fine * (n2 > 0.93)
    return np.clip(t, 0.3, 1.0)


def text_mask(text, fnt):
    l, t, rr, b = fnt.getbbox(text)
    im = Image.new('L', (rr - l + 4, b - t + 4), 0)
    ImageDraw.Draw(im).text((2 - l, 2 - t), text, font=fnt, fill=255)
    return im


def handwriting(text, size, r, slant_font=True):
    """A pen-written line: jittered glyphs, wavy baseline, elastic warp. Returns alpha (float)."""
    names = ['LiberationSans-Italic.ttf', 'LiberationSerif-Italic.ttf', 'LiberationSans-Regular.ttf']
    fname = names[int(r.integers(0, 2 if slant_font else 3))]
    W = int(size * (0.62 * len(text) + 2))
    H = int(size * 2.2)
    canvas = Image.new('L', (W, H), 0)
    x = size * 0.4
    base = size * 0.6
    drift = r.normal(0, 0.02)
    for ch in text:
        s = size * r.uniform(0.9, 1.1)
        f = font(fname, s)
        if ch == ' ':
            x += s * r.uniform(0.3, 0.45)
            continue
        g = text_mask(ch, f).rotate(r.normal(0, 5), resample=Image.BICUBIC, expand=True)
        yy = base + r.normal(0, size * 0.04) + drift * x - (s - size) * 0.5
        canvas.paste(255, (int(x), int(yy)), g)
        x += g.width * r.uniform(0.78, 0.95)
    a = np.asarray(canvas, dtype=np.float32)[:, :int(min(W, x + size))] / 255.0
    h, w = a.shape
    dx = cv2.GaussianBlur(r.normal(0, 1, (h, w)).astype(np.float32), (0, 0), size * 0.5)
    dy = cv2.GaussianBlur(r.normal(0, 1, (h, w)).astype(np.float32), (0, 0), size * 0.5)
    k = size * 0.09 / (np.abs(dx).max() + 1e-6)
    gx, gy = np.meshgrid(np.arange(w, dtype=np.float32), np.arange(h, dtype=np.float32))
    a = cv2.remap(a, gx + dx * k, gy + dy * k * 0.7, cv2.INTER_LINEAR, borderValue=0)
    a = cv2.GaussianBlur(a, (0, 0), 0.6)
    return np.clip(a * 1.3, 0, 1)


def rotate_alpha(a, deg):
    h, w = a.shape
    M = cv2.getRotationMatrix2D((w / 2, h / 2), deg, 1.0)
    c, s = abs(M[0, 0]), abs(M[0, 1])
    nw, nh = int(h * s + w * c), int(h * c + w * s)
    M[0, 2] += nw / 2 - w / 2
    M[1, 2] += nh / 2 - h / 2
    return cv2.warpAffine(a, M, (nw, nh), flags=cv2.INTER_LINEAR, borderValue=0)


# ---------------------------------------------------------------------------- marks
def signature(width, r):
    """A cursive scrawl: a few loops and a flourish, ballpoint thickness."""
    h = int(width * 0.42)
    a = np.zeros((h, width), np.float32)
    n = 500
    t = np.linspace(0, 1, n)
    loops = r.uniform(3, 6)
    amp = h * r.uniform(0.18, 0.3)
    xs = width * (0.05 + 0.75 * t) + amp * 0.55 * np.sin(2 * np.pi * loops * t + r.uniform(0, 6))
    ys = h * 0.5 + amp * np.sin(2 * np.pi * loops * t * r.uniform(0.9, 1.1) + 1.2) - (t - 0.5) * h * r.uniform(0, 0.35)
    pts = np.stack([xs, ys], 1)
    # the flourish back under the name
    t2 = np.linspace(0, 1, 120)
    fx = width * (0.8 - 0.75 * t2)
    fy = h * (0.72 + 0.12 * np.sin(np.pi * t2)) + r.normal(0, 1, 120).cumsum() * 0.3
    thick = int(max(2, round(width / 150)))
    for seg, th in ((pts, thick), (np.stack([fx, fy], 1), thick)):
        cv2.polylines(a, [seg.astype(np.int32).reshape(-1, 1, 2)], False, 1.0, th, cv2.LINE_AA)
    a = cv2.GaussianBlur(a, (0, 0), 0.7)
    return np.clip(a * 1.2, 0, 1) * ink_texture(a.shape, r, 0.25, 0.05)


RING_FONT = 'LiberationSans-Bold.ttf'


def seal(diam, ring_text, centre_text, r):
    """A round red seal: two rings, the body's name around, a star (and a name line) inside."""
    S = int(diam)
    im = Image.new('L', (S, S), 0)
    d = ImageDraw.Draw(im)
    c = S / 2
    w_out = max(5, S // 70)
    d.ellipse([w_out, w_out, S - w_out, S - w_out], outline=255, width=w_out)
    ri = S / 2 - S * 0.16
    d.ellipse([c - ri, c - ri, c + ri, c + ri], outline=255, width=max(2, S // 160))
    # ring text along the top, clockwise, centred at the top
    fs = S * 0.082
    f = font(RING_FONT, fs)
    text = ring_text.upper()
    widths = [f.getlength(ch) * 1.05 for ch in text]
    rad = S / 2 - w_out * 2 - fs * 0.62
    total = sum(widths) / rad
    span = min(total, math.radians(320))
    scale = span / total
    ang = -math.pi / 2 - span / 2
    for ch, cw in zip(text, widths):
        da = cw / rad * scale
        a_mid = ang + da / 2
        ang += da
        if ch == ' ':
            continue
        g = text_mask(ch, f)
        g = g.rotate(-math.degrees(a_mid) - 90, resample=Image.BICUBIC, expand=True)
        px = c + rad * math.cos(a_mid) - g.width / 2
        py = c + rad * math.sin(a_mid) - g.height / 2
        im.paste(255, (int(px), int(py)), g)
    # star in the middle
    R1, R2 = S * 0.12, S * 0.048
    cy = c - (S * 0.07 if centre_text else 0)
    pts = []
    for k in range(10):
        rr = R1 if k % 2 == 0 else R2
        a = -math.pi / 2 + k * math.pi / 5
        pts.append((c + rr * math.cos(a), cy + rr * math.sin(a)))
    d.polygon(pts, fill=255)
    if centre_text:
        words = centre_text.upper().split()
        lines = [' '.join(words)]
        if len(centre_text) > 14:
            cut = max(1, len(words) // 2)
            lines = [' '.join(words[:cut]), ' '.join(words[cut:])]
        f2 = font(RING_FONT, S * 0.07)
        for j, ln in enumerate(lines):
            g = text_mask(ln, f2)
            if g.width > ri * 1.6:
                g = g.resize((int(ri * 1.6), g.height))
            im.paste(255, (int(c - g.width / 2), int(c + S * 0.07 + j * S * 0.085)), g)
    a = np.asarray(im, np.float32) / 255.0
    a = rotate_alpha(a, r.uniform(-25, 25))
    a = cv2.GaussianBlur(a, (0, 0), 1.0)
    # stamp pressure: one side lighter, speckled gaps
    h, w = a.shape
    gx, gy = np.meshgrid(np.linspace(-1, 1, w), np.linspace(-1, 1, h))
    th = r.uniform(0, 2 * np.pi)
    press = 0.88 + 0.12 * (gx * np.cos(th) + gy * np.sin(th))
    return np.clip(a * 1.15, 0, 1) * ink_texture(a.shape, r, 0.3, 0.25) * press


SEAL_RED = (205, 32, 45)


def seal_texts(truth):
    doc = truth['document']
    issuer = doc['issuer']
    parent = doc.get('issuer_parent')
    if parent:
        prov = re.sub(r'^UBND\s+', 'ỦY BAN NHÂN DÂN ', parent.upper())
        return prov, issuer.upper()
    return issuer.upper(), None


RECEIVERS = {
    'qd-bietphai-gialai': 'SỞ TÀI CHÍNH TỈNH GIA LAI',
    'cv-vp-khanhhoa': 'SỞ Y TẾ TỈNH KHÁNH HÒA',
    'tb-snv-thanhhoa': 'UBND XÃ MƯỜNG LÁT',
    'kh-sxd-quangngai': 'UBND XÃ MĂNG RI',
    'bc-xa-mauson': 'SỞ NỘI VỤ TỈNH LẠNG SƠN',
    'qd-bqlkkt-quangtri': 'UBND XÃ LAO BẢO',
    'ttr-syt-angiang': 'VĂN PHÒNG UBND TỈNH AN GIANG',
    'cv-ubnd-camau': 'SỞ GIÁO DỤC VÀ ĐÀO TẠO CÀ MAU',
    'cv-xa-kengdu': 'SỞ NỘI VỤ TỈNH NGHỆ AN',
    'qd-snv-hcm': 'SỞ XÂY DỰNG TP. HỒ CHÍ MINH',
}
ROUTES = ['P.CCVC', 'VP', 'Đ/c Hà', 'P.TCCB', 'Đ/c PGĐ Tâm', 'P.XDCQ', 'CT', 'Đ/c Lan VP']
NOTES = ['Chuyển P. Nội vụ xử lý', 'Đ/c Hùng nghiên cứu, tham mưu', 'Giao VP theo dõi, báo cáo',
         'Kính chuyển đ/c PCT Hà', 'P.TCCB đề xuất ngay', 'Sao gửi các phòng liên quan']
STAMP_INKS = [(200, 35, 50), (35, 60, 165), (105, 45, 140)]


def receiving_stamp(receiver, issued, scale, r):
    """Rectangular 'ĐẾN' stamp; numbers and date handwritten. Returns alpha, colour."""
    W, H = int(5.0 / 2.54 * scale), int(2.7 / 2.54 * scale)
    im = Image.new('L', (W, H), 0)
    d = ImageDraw.Draw(im)
    bw = max(3, W // 120)
    d.rectangle([bw, bw, W - bw, H - bw], outline=255, width=bw)
    f1 = font('LiberationSans-Bold.ttf', H * 0.115)
    rec = receiver
    while f1.getlength(rec) > W * 0.92:
        f1 = font('LiberationSans-Bold.ttf', f1.size * 0.93)
    d.text(((W - f1.getlength(rec)) / 2, H * 0.06), rec, font=f1, fill=255)
    f2 = font('LiberationSans-Bold.ttf', H * 0.2)
    d.text(((W - f2.getlength('ĐẾN')) / 2, H * 0.2), 'ĐẾN', font=f2, fill=255)
    f3 = font('LiberationSans-Regular.ttf', H * 0.11)
    rows = []
    for k, lab in enumerate(['Số:', 'Ngày:', 'Chuyển:']):
        y = H * (0.47 + 0.16 * k)
        d.text((W * 0.06, y), lab, font=f3, fill=255)
        x0 = W * 0.06 + f3.getlength(lab) + 6
        for xx in range(int(x0), int(W * 0.93), max(4, int(H * 0.03))):
            d.point((xx, int(y + H * 0.12)), fill=255)
        rows.append((x0, y))
    a = np.asarray(im, np.float32) / 255.0
    a = cv2.GaussianBlur(a, (0, 0), 0.8) * ink_texture(a.shape, r, 0.35, 0.2)
    colour = STAMP_INKS[int(r.integers(0, 3))]
    y, m, dd = map(int, issued.split('-'))
    dd2 = dd + int(r.integers(1, 6))
    if dd2 > 28:
        dd2, m = dd2 - 27, m % 12 + 1
        y += 1 if m == 1 else 0
    vals = [str(int(r.integers(120, 4800))), f'{dd2}/{m}/{y}' if r.random() < 0.5 else f'{dd2:02d}/{m:02d}', ROUTES[int(r.integers(0, len(ROUTES)))]]
    pens = []
    for (x0, yy), v in zip(rows, vals):
        h = handwriting(v, H * 0.15, r)
        pens.append((h, int(x0 + r.uniform(2, 12)), int(yy - H * 0.08 + r.normal(0, 2))))
    return a, colour, pens


# ---------------------------------------------------------------------------- the original
def render(pdf, dpi, tmp):
    subprocess.run(['pdftoppm', '-r', str(dpi), '-png', pdf, os.path.join(tmp, 'p')], check=True)
    fs = sorted((f for f in os.listdir(tmp) if f.startswith('p-') and f.endswith('.png')), key=lambda f: int(f[2:-4]))
    return [os.path.join(tmp, f) for f in fs]


def original(name, pdf, truth, tmp):
    """The signed, received paper original, one float RGB array per page at 300 dpi."""
    pages = word_boxes(pdf)
    loc = locate(pages, truth)
    k = DPI / 72.0
    out = []
    for pi, path in enumerate(render(pdf, DPI, tmp)):
        r = rng(name, pi, 'original')
        img = np.asarray(Image.open(path).convert('RGB'), np.float32)
        H, W = img.shape[:2]
        paper = np.array([r.uniform(246, 252), r.uniform(244, 250), r.uniform(236, 246)], np.float32) / 255.0
        img = img * paper
        if pi == loc.get('sign_page'):
            nx0, ny0, nx1, ny1 = [v * k for v in loc['name']]
            tx0, ty0, tx1, ty1 = [v * k for v in loc['title']]
            sw = int((nx1 - nx0) * r.uniform(0.9, 1.3) + 90)
            sig = signature(sw, r)
            sx = int((nx0 + nx1) / 2 - sw / 2 + r.normal(0, 25))
            sy = int(ty1 + (ny0 - ty1) / 2 - sig.shape[0] / 2 + r.normal(0, 10))
            blend(img, sig, (25, 45, 150), sx, sy)
            diam = r.uniform(3.6, 4.2) / 2.54 * DPI
            ring, centre = seal_texts(truth)
            sl = seal(diam, ring, centre, r)
            cx = sx + sw * r.uniform(0.12, 0.3)
            cy = (ty0 + ty1) / 2 + diam * r.uniform(0.28, 0.42)
            blend(img, sl, SEAL_RED, int(cx - sl.shape[1] / 2), int(cy - sl.shape[0] / 2))
        if pi == 0:
            receiver = RECEIVERS.get(name, 'VĂN PHÒNG UBND TỈNH')
            st, col, pens = receiving_stamp(receiver, truth['document']['issued_date'], DPI, r)
            sh, sw_ = st.shape
            opt = int(r.integers(0, 4))
            top = loc['first_top'] * k
            so = [v * k for v in loc.get('so', (85, 150, 250, 165))]
            mo = [v * k for v in loc.get('motto', (300, 70, 520, 85))]
            if opt == 0:      # top-left margin, its foot over the body's name
                px, py = int(so[0] - r.uniform(0, 60)), int(max(20, top - sh * r.uniform(0.55, 0.8)))
            elif opt == 1:    # in the gap between the columns, over the right of the Số line
                px, py = int(so[2] - sw_ * r.uniform(0.25, 0.5)), int(so[1] - sh * r.uniform(0.45, 0.75))
            elif opt == 2:    # under the Số / V/v lines, over the start of the text
                px, py = int(so[0] + r.uniform(-30, 80)), int(so[3] + r.uniform(40, 140))
            else:             # top right, over the motto
                px, py = int(mo[0] + r.uniform(0, 200)), int(max(15, mo[1] - sh * r.uniform(0.5, 0.9)))
            px = int(np.clip(px, 20, W - sw_ - 20))
            py = int(np.clip(py, 15, H * 0.4))
            ang = r.uniform(-4, 4)
            M = cv2.getRotationMatrix2D((sw_ / 2, sh / 2), ang, 1.0)
            lay = st.copy()
            lay = cv2.warpAffine(lay, M, (sw_, sh), borderValue=0)
            blend(img, lay, col, px, py)
            pen = (25, 45, 150) if r.random() < 0.7 else (190, 30, 40)
            for hpen, hx, hy in pens:
                hp = rotate_alpha(hpen, ang + r.normal(0, 1.5))
                blend(img, hp, pen, px + hx, py + hy)
            # bút phê in a margin
            note = NOTES[int(r.integers(0, len(NOTES)))]
            hn = handwriting(note + '  ' + f'{int(r.integers(1, 28))}/{int(r.integers(1, 13))}', 58, r)
            if opt in (0, 3) or r.random() < 0.5:   # left margin, written upwards
                hn = rotate_alpha(hn, 90 + r.normal(0, 3))
                nx, ny = int(r.uniform(25, 110)), int(H * r.uniform(0.3, 0.6))
            else:                                    # top margin
                hn = rotate_alpha(hn, r.normal(4, 2))
                nx, ny = int(W * r.uniform(0.35, 0.55)), int(r.uniform(15, max(20, top - hn.shape[0] - 5)))
            blend(img, hn, pen, nx, ny)
        out.append(img)
    return out


# ---------------------------------------------------------------------------- the copies
def tilt(img, deg, fill):
    h, w = img.shape[:2]
    M = cv2.getRotationMatrix2D((w / 2, h / 2), deg, 1.0)
    return cv2.warpAffine(img, M, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=fill)


def to_jpeg(arr, q, dpi, mode):
    im = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), mode)
    b = io.BytesIO()
    im.save(b, 'JPEG', quality=q, dpi=(dpi, dpi), optimize=False)
    return b.getvalue()


def to_png(arr, dpi, mode):
    im = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    if mode == '1':
        im = im.convert('1', dither=Image.NONE)
    b = io.BytesIO()
    im.save(b, 'PNG', dpi=(dpi, dpi))
    return b.getvalue()


def stamped(img, r):
    img = img.copy()
    h, w = img.shape[:2]
    gx, gy = np.meshgrid(np.linspace(-1, 1, w), np.linspace(-1, 1, h))
    img *= (1.0 - 0.03 * (gx ** 2 + gy ** 2))[..., None]
    img += r.normal(0, 2.5, img.shape)
    img = tilt(img, r.uniform(0.2, 0.9) * (1 if r.random() < 0.5 else -1), (238, 236, 230))
    img = cv2.GaussianBlur(img, (0, 0), 0.5)
    return to_jpeg(img, 82, DPI, 'RGB')


def grey(img, r):
    dpi = int(r.choice([150, 175, 200]))
    g = img @ np.array([0.299, 0.587, 0.114], np.float32)
    h, w = g.shape
    g = cv2.resize(g, (int(w * dpi / DPI), int(h * dpi / DPI)), interpolation=cv2.INTER_AREA)
    g = tilt(g, r.uniform(-0.8, 0.8), 235)
    g = cv2.GaussianBlur(g, (0, 0), r.uniform(0.6, 0.9))
    g = g * r.uniform(0.95, 1.0) + r.normal(0, 3, g.shape)
    return to_jpeg(g, 60, dpi, 'L')


def copy_once(g, r, strength):
    """One pass through a copier: contrast, blur, threshold with uneven toner, specks."""
    h, w = g.shape
    g = cv2.GaussianBlur(g, (0, 0), 0.8 + 0.3 * strength)
    drift = cv2.GaussianBlur(r.normal(0, 1, (h // 40 + 1, w // 40 + 1)).astype(np.float32), (0, 0), 2)
    drift = cv2.resize(drift, (w, h)) * 25 * strength / (np.abs(drift).max() + 1e-6)
    thr = 150 + drift                   # lighter / darker toner in patches
    b = np.where(g + r.normal(0, 6, g.shape) < thr, 0.0, 255.0).astype(np.float32)
    specks = r.random((h, w)) < 0.0006 * strength
    specks = cv2.dilate(specks.astype(np.uint8), np.ones((2, 2), np.uint8)) > 0
    b[specks] = 0
    return b


def copy2(img, r):
    g = img @ np.array([0.299, 0.587, 0.114], np.float32)
    g = np.clip((g - 40) * 1.25, 0, 255)   # copier contrast: the red seal and blue ink go dark
    h, w = g.shape
    k = DPI / 25.4
    # the fold crease across the middle (a grey wrinkle line on the first copy)
    yc = int(h * r.uniform(0.47, 0.53))
    xs = np.arange(w)
    wave = (yc + 6 * np.sin(xs / w * np.pi * r.uniform(1, 3)) + np.cumsum(r.normal(0, 0.15, w))).astype(int)
    for dy, v in ((-3, 0.9), (-2, 0.75), (-1, 0.55), (0, 0.35), (1, 0.55), (2, 0.8), (3, 0.92)):
        yy = np.clip(wave + dy, 0, h - 1)
        g[yy, xs] *= v
    g = copy_once(g, r, 1.0)
    g = tilt(g, r.uniform(-0.6, 0.6), 255)
    # the second copy: thinner strokes in some patches, fatter in others
    g = cv2.GaussianBlur(g, (0, 0), 1.0)
    mask = cv2.resize(cv2.GaussianBlur(r.random((12, 9)).astype(np.float32), (0, 0), 1.2), (w, h))
    thin = cv2.dilate(g, np.ones((2, 2), np.uint8))
    fat = cv2.erode(g, np.ones((2, 2), np.uint8))
    g = np.where(mask > np.quantile(mask, 0.7), thin, np.where(mask < np.quantile(mask, 0.3), fat, g))
    # hole-punch shadows at the left edge (80 mm apart, around the middle)
    holes = 2 if r.random() < 0.6 else 1
    mid = h / 2 + r.normal(0, 15)
    for j in range(holes):
        cy = mid + (j - (holes - 1) / 2) * 80 * k if holes == 2 else mid + r.normal(0, 40)
        cx = 12 * k + r.normal(0, 8)
        rad = 3 * k
        cv2.circle(g, (int(cx), int(cy)), int(rad * 1.25), 120, -1, cv2.LINE_AA)
        cv2.circle(g, (int(cx + r.normal(0, 3)), int(cy)), int(rad), 15, -1, cv2.LINE_AA)
    # a ragged dark band where the first copy's edge was
    band = int(r.uniform(6, 18))
    edge = (band + np.cumsum(r.normal(0, 0.6, h))).clip(2, 40).astype(int)
    for y in range(0, h):
        g[y, :edge[y]] = np.minimum(g[y, :edge[y]], 40)
    g = copy_once(g, r, 1.4)
    g = tilt(g, r.uniform(1.0, 2.0) * (1 if r.random() < 0.5 else -1), 255)
    out_dpi = 200
    g = cv2.resize(g, (int(w * out_dpi / DPI), int(h * out_dpi / DPI)), interpolation=cv2.INTER_AREA)
    g = np.where(g < 140, 0, 255)
    return to_png(g, out_dpi, '1')


def phone(img, r):
    eff = r.uniform(150, 190)
    s = eff / DPI
    h, w = img.shape[:2]
    sw, sh = w * s, h * s
    Wc, Hc = int(sw * r.uniform(1.15, 1.3)), int(sh * r.uniform(1.1, 1.2))
    small = cv2.resize(img, (int(sw), int(sh)), interpolation=cv2.INTER_AREA)
    # desk: a warm wood-grey with grain
    base = np.array([r.uniform(120, 170), r.uniform(95, 130), r.uniform(70, 100)], np.float32)
    grain = cv2.GaussianBlur(r.normal(0, 1, (Hc, Wc // 8 + 1)).astype(np.float32), (0, 0), sigmaX=1, sigmaY=6)
    grain = cv2.resize(grain, (Wc, Hc)) * 18 / (np.abs(grain).max() + 1e-6)
    desk = base[None, None, :] + grain[..., None] + r.normal(0, 4, (Hc, Wc, 1))
    # keystone: the top edge further from the lens
    mx, my = (Wc - sw) / 2, (Hc - sh) / 2
    ks = sw * r.uniform(0.04, 0.09)
    jit = lambda: r.normal(0, sw * 0.01)
    src = np.float32([[0, 0], [sw, 0], [sw, sh], [0, sh]])
    dst = np.float32([[mx + ks + jit(), my + sh * 0.03 + jit()], [mx + sw - ks + jit(), my + sh * 0.02 + jit()],
                      [mx + sw + ks * 0.3 + jit(), my + sh + jit()], [mx - ks * 0.3 + jit(), my + sh * 0.99 + jit()]])
    ang = r.uniform(-3, 3)
    R = cv2.getRotationMatrix2D((Wc / 2, Hc / 2), ang, 1.0)
    dst = (np.hstack([dst, np.ones((4, 1), np.float32)]) @ R.T).astype(np.float32)
    M = cv2.getPerspectiveTransform(src, dst)
    sheet = cv2.warpPerspective(small, M, (Wc, Hc), flags=cv2.INTER_LINEAR, borderValue=(0, 0, 0))
    mask = cv2.warpPerspective(np.ones(small.shape[:2], np.float32), M, (Wc, Hc), flags=cv2.INTER_LINEAR)
    # the sheet's shadow on the desk
    sh_mask = cv2.GaussianBlur(np.roll(np.roll(mask, 8, 0), 6, 1), (0, 0), 10)
    desk = desk * (1 - 0.35 * sh_mask[..., None])
    photo = desk * (1 - mask[..., None]) + sheet * mask[..., None]
    # light: a gradient from the window, a soft shadow of the phone and hand
    gx, gy = np.meshgrid(np.linspace(-1, 1, Wc), np.linspace(-1, 1, Hc))
    th = r.uniform(0, 2 * np.pi)
    light = 0.93 + 0.1 * (gx * np.cos(th) + gy * np.sin(th)) - 0.08 * (gx ** 2 + gy ** 2)
    ex, ey = r.uniform(-0.8, 0.8), r.uniform(0.3, 1.0) * (1 if r.random() < 0.5 else -1)
    blob = np.exp(-(((gx - ex) / r.uniform(0.35, 0.6)) ** 2 + ((gy - ey) / r.uniform(0.25, 0.45)) ** 2))
    light = light * (1 - r.uniform(0.2, 0.35) * blob)
    photo = photo * light[..., None]
    cast = [np.array([1.05, 1.0, 0.86]), np.array([0.93, 1.0, 1.07]), np.array([1.02, 1.02, 0.93])][int(r.integers(0, 3))]
    photo = photo * cast[None, None, :].astype(np.float32)
    photo = cv2.GaussianBlur(photo, (0, 0), r.uniform(0.7, 1.1))
    photo = photo + r.normal(0, 3.5, photo.shape)
    return to_jpeg(photo, 85, int(round(eff)), 'RGB')


MAKERS = {'stamped': stamped, 'grey': grey, 'copy2': copy2, 'phone': phone}


def main(src, dest, only=None):
    names = sorted(f[:-len('.truth.json')] for f in os.listdir(src) if f.endswith('.truth.json'))
    for v in VARIANTS:
        os.makedirs(os.path.join(dest, v), exist_ok=True)
    for name in names:
        if only and name not in only:
            continue
        pdf = os.path.join(src, name + '.pdf')
        with open(os.path.join(src, name + '.truth.json'), encoding='utf-8') as f:
            truth = json.load(f)
        with tempfile.TemporaryDirectory() as tmp:
            pages = original(name, pdf, truth, tmp)
        for v in VARIANTS:
            imgs = [MAKERS[v](p, rng(name, i, v)) for i, p in enumerate(pages)]
            with open(os.path.join(dest, v, name + '.scan.pdf'), 'wb') as f:
                f.write(img2pdf.convert(imgs, nodate=True, engine=img2pdf.Engine.internal))
            shutil.copy(os.path.join(src, name + '.truth.json'), os.path.join(dest, v, name + '.truth.json'))
        print(name, len(pages), 'page(s)', flush=True)


if __name__ == '__main__':
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3:] or None)
