#!/usr/bin/env python3
"""Damage the born-digital PDFs of this folder the way paper handling does.

    python eval/holdout6/damage.py eval/holdout6 /tmp/h6

For every NAME.pdf with a NAME.truth.json beside it in SOURCE, the pages are rendered at 200 dpi
(pdftoppm) and marked as a signed paper original is:

* a signature in blue-black ink between the signer's title and name, and over its left part a red
  round seal with the issuing body's name in its ring and a star in the centre (both placed from
  the words of the PDF's own text layer, `pdftotext -bbox`);
* on page 1, a violet rectangular receiving stamp `CÔNG VĂN ĐẾN / Số: … / Ngày: … / Chuyển: …`
  between the two header columns, its figures drawn as handwriting (jittered pen strokes), over
  the right end of the `Số:` line but not the whole of it.

Then three image-only copies go to OUT/scan, OUT/copy and OUT/fax, each NAME.pdf with the truth
file copied beside it:

* scan: colour, 200 dpi, slightly yellow paper with uneven light, tilted 0.3-0.9 degrees, a light
  blur and sensor noise, JPEG quality 75;
* copy: a black-and-white photocopy: grey, blurred, thresholded (the red seal turns black), toner
  specks and a smudge, skewed 1-2 degrees, a dark ragged band along the left edge (lossless PNG);
* fax: 200 x 100 dpi, 1 bit, a transmit header line at the top (`FROM: … PAGE i/n`), a few
  horizontal streaks (a black line, white drop-outs, a smeared run of rows).

Everything random is seeded from the document's name and the variant's, so two runs give the same
pixels.  Needs: pdftoppm and pdftotext (poppler-utils), numpy, opencv-python(-headless), Pillow,
img2pdf.  Written for this folder; it shares no code with the project's own generators.
"""
import datetime
import glob
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
import unicodedata

import cv2
import img2pdf
import numpy as np
from PIL import Image, ImageDraw, ImageFont

DPI = 200


def _font(candidates, size):
    for c in candidates:
        for p in glob.glob(c):
            return ImageFont.truetype(p, size)
    return ImageFont.load_default()


BOLD = ['/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf', '/usr/share/fonts/truetype/liberation*/LiberationSans-Bold.ttf']
REGULAR = ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/liberation*/LiberationSans-Regular.ttf']
MONO = ['/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf', '/usr/share/fonts/truetype/liberation*/LiberationMono-Regular.ttf']

# the lower half of a commune's seal names its province; a department's comes from its header
SEAL_LOWER = {'cv-xa-dongvan': 'TỈNH TUYÊN QUANG'}
# the office whose receiving stamp is put on page 1
RECEIVER = {
    'cv-xa-dongvan': 'SỞ NỘI VỤ TỈNH TUYÊN QUANG', 'qd-dongnai-cuthe': 'SỞ XÂY DỰNG TỈNH ĐỒNG NAI',
    'qd-snnmt-lamdong-phuluc': 'UBND XÃ TÀ NĂNG', 'tb-ketluan-haiphong': 'SỞ TƯ PHÁP TP. HẢI PHÒNG',
    'qd-ketthuc-tayninh': 'SỞ GIÁO DỤC VÀ ĐÀO TẠO', 'qd-thuhoi-dongthap': 'UBND XÃ TÂN HỒNG',
    'bc-snv-cantho': 'VĂN PHÒNG UBND TP. CẦN THƠ', 'kh-hue-dukien': 'UBND XÃ KHE TRE',
    'qd-luanchuyen-daklak': 'SỞ XÂY DỰNG TỈNH ĐẮK LẮK', 'cv-danang-2trang': 'UBND XÃ TRÀ LENG'}

RED = (196, 28, 40)
BLUE_INK = (28, 38, 128)
VIOLET = (92, 48, 168)


def seed(*parts):
    return int(hashlib.sha256('|'.join(parts).encode()).hexdigest()[:8], 16)


# ------------------------------------------------------------------------------------- reading
def render(pdf, tmp):
    base = os.path.join(tmp, 'p')
    subprocess.run(['pdftoppm', '-r', str(DPI), '-png', pdf, base], check=True)
    return [Image.open(f).convert('RGB') for f in sorted(glob.glob(base + '-*.png'),
                                                          key=lambda f: int(re.findall(r'-(\d+)\.png$', f)[0]))]


def words(pdf):
    """per page: list of (x0, y0, x1, y1, text) in pixels at DPI"""
    out = subprocess.run(['pdftotext', '-bbox', pdf, '-'], capture_output=True, text=True, check=True).stdout
    pages = []
    for chunk in out.split('<page ')[1:]:
        ws = []
        for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', chunk):
            x0, y0, x1, y1 = (float(v) * DPI / 72 for v in m.groups()[:4])
            ws.append((x0, y0, x1, y1, m.group(5).replace('&amp;', '&')))
        pages.append(ws)
    return pages


def find(pages, text, before=None):
    """the last place (page, box) where the words of text stand in a row; before=(page, y) limits"""
    toks = text.split()
    hit = None
    for pi, ws in enumerate(pages):
        for i in range(len(ws) - len(toks) + 1):
            if [w[4] for w in ws[i:i + len(toks)]] == toks:
                box = (min(w[0] for w in ws[i:i + len(toks)]), min(w[1] for w in ws[i:i + len(toks)]),
                       max(w[2] for w in ws[i:i + len(toks)]), max(w[3] for w in ws[i:i + len(toks)]))
                if before and (pi != before[0] or box[1] >= before[1]):
                    continue
                hit = (pi, box)
    return hit


# ------------------------------------------------------------------------------------- marks
def _mottle(alpha, rng, low=0.55):
    """uneven ink: alpha times a blend of coarse and fine noise"""
    h, w = alpha.shape
    coarse = cv2.resize(rng.rand(max(2, h // 24), max(2, w // 24)).astype(np.float32), (w, h), interpolation=cv2.INTER_CUBIC)
    fine = rng.rand(h, w).astype(np.float32)
    k = np.clip(low + (1 - low) * (0.6 * coarse + 0.4 * fine), 0, 1)
    return (alpha.astype(np.float32) * k).astype(np.uint8)


def seal(ring, rng, r=152):
    size = 2 * r + 24
    c = size / 2
    im = Image.new('L', (size, size), 0)
    d = ImageDraw.Draw(im)
    d.ellipse([c - r, c - r, c + r, c + r], outline=255, width=8)
    d.ellipse([c - r + 46, c - r + 46, c + r - 46, c + r - 46], outline=255, width=3)
    font = _font(BOLD, 25)
    # the ring text runs clockwise from the lower left over the top, its letters upright to the centre
    chars = list(ring)
    span = math.radians(300)
    start = math.radians(90 + 30)      # lower left, measured clockwise from +x with y down
    rr = r - 26
    for i, ch in enumerate(chars):
        a = start + span * (i + 0.5) / len(chars)
        g = Image.new('L', (44, 44), 0)
        ImageDraw.Draw(g).text((22, 22), ch, font=font, fill=255, anchor='mm')
        g = g.rotate(-math.degrees(a) - 90, resample=Image.BICUBIC)
        x, y = c + rr * math.cos(a), c + rr * math.sin(a)
        im.paste(255, (int(x - 22), int(y - 22)), g)
    # five-pointed star
    pts = []
    for k in range(10):
        a = -math.pi / 2 + k * math.pi / 5
        rad = 58 if k % 2 == 0 else 23
        pts.append((c + rad * math.cos(a), c + rad * math.sin(a)))
    d.polygon(pts, fill=255)
    a = np.array(im)
    a = cv2.GaussianBlur(a, (3, 3), 0.7)
    a = _mottle(a, rng, 0.45)
    return Image.fromarray(a).rotate(rng.uniform(-20, 20), resample=Image.BICUBIC), RED


def _smooth(pts, n=3):
    """Chaikin corner cutting"""
    for _ in range(n):
        out = [pts[0]]
        for p, q in zip(pts[:-1], pts[1:]):
            out += [(0.75 * p[0] + 0.25 * q[0], 0.75 * p[1] + 0.25 * q[1]),
                    (0.25 * p[0] + 0.75 * q[0], 0.25 * p[1] + 0.75 * q[1])]
        out.append(pts[-1])
        pts = out
    return pts


def _pen(d, pts, width, rng):
    for i, (p, q) in enumerate(zip(pts[:-1], pts[1:])):
        w = max(1, int(round(width * (0.75 + 0.5 * math.sin(i / 7.0 + rng.rand())))))
        d.line([p, q], fill=255, width=w)
        d.ellipse([q[0] - w / 2, q[1] - w / 2, q[0] + w / 2, q[1] + w / 2], fill=255)


def signature(rng, w=400, h=150):
    im = Image.new('L', (w, h), 0)
    d = ImageDraw.Draw(im)
    # a capital loop, then a run of rising and falling hooks, then a long underline back to the left
    x0, y0 = 40, h * 0.55
    loop = [(x0, y0), (x0 + 30, y0 - 55), (x0 + 62, y0 - 20), (x0 + 18, y0 + 20), (x0 + 5, y0 - 10), (x0 + 70, y0 - 40)]
    pts = [(x + rng.uniform(-6, 6), y + rng.uniform(-6, 6)) for x, y in loop]
    x = x0 + 70
    while x < w - 70:
        x += rng.uniform(18, 34)
        pts.append((x, h * 0.5 + rng.uniform(-38, 28)))
    _pen(d, _smooth(pts), 3.8, rng)
    under = [(w - 60, h * 0.55 + rng.uniform(-5, 5)), (w * 0.55, h * 0.78), (60, h * 0.72 + rng.uniform(-8, 8))]
    _pen(d, _smooth(under), 2.6, rng)
    a = cv2.GaussianBlur(np.array(im), (3, 3), 0.6)
    return Image.fromarray(_mottle(a, rng, 0.75)).rotate(rng.uniform(-6, 8), resample=Image.BICUBIC, expand=True), BLUE_INK


DIGITS = {
    '0': [(0.5, 0), (0.12, 0.3), (0.15, 0.8), (0.5, 1), (0.85, 0.75), (0.88, 0.25), (0.5, 0), (0.4, 0.08)],
    '1': [(0.25, 0.25), (0.6, 0), (0.55, 1)],
    '2': [(0.1, 0.25), (0.35, 0.02), (0.75, 0.05), (0.85, 0.3), (0.55, 0.6), (0.08, 1), (0.95, 0.97)],
    '3': [(0.12, 0.12), (0.5, 0), (0.85, 0.2), (0.45, 0.47), (0.9, 0.7), (0.55, 1), (0.1, 0.88)],
    '4': [(0.7, 1.0), (0.65, 0.0), (0.05, 0.68), (0.95, 0.66)],
    '5': [(0.88, 0.02), (0.22, 0.04), (0.15, 0.45), (0.6, 0.38), (0.9, 0.66), (0.55, 1), (0.1, 0.9)],
    '6': [(0.8, 0.05), (0.35, 0.15), (0.12, 0.65), (0.35, 1), (0.78, 0.92), (0.82, 0.62), (0.45, 0.5), (0.15, 0.68)],
    '7': [(0.05, 0.06), (0.95, 0.02), (0.55, 0.5), (0.35, 1)],
    '8': [(0.5, 0.48), (0.15, 0.22), (0.5, 0), (0.85, 0.22), (0.5, 0.48), (0.12, 0.76), (0.5, 1), (0.88, 0.75), (0.5, 0.48)],
    '9': [(0.85, 0.3), (0.5, 0.5), (0.15, 0.3), (0.5, 0.0), (0.85, 0.25), (0.7, 1)],
    '/': [(0.85, 0), (0.15, 1)],
}


def handwrite(text, rng, height=34):
    """figures as pen strokes: each digit's path jittered, slanted and scaled a little"""
    w = int(len(text) * height * 0.78) + 20
    im = Image.new('L', (w, height + 24), 0)
    d = ImageDraw.Draw(im)
    x = 6
    for ch in text:
        if ch == ' ':
            x += height * 0.4
            continue
        path = DIGITS.get(ch)
        s = height * rng.uniform(0.88, 1.1)
        cw = s * (0.3 if ch in '1/' else 0.55)
        base = 12 + rng.uniform(-3, 3)
        slant = rng.uniform(0.15, 0.3)
        pts = [(x + px * cw + (1 - py) * s * slant + rng.uniform(-2, 2), base + py * s + rng.uniform(-2, 2)) for px, py in path]
        _pen(d, _smooth(pts, 2), 3.0, rng)
        x += cw + height * rng.uniform(0.18, 0.3)
    return im.crop((0, 0, int(min(w, x + 8)), height + 24))


def receipt(receiver, number, date, rng):
    w, h = 430, 200
    im = Image.new('L', (w, h), 0)
    d = ImageDraw.Draw(im)
    d.rectangle([3, 3, w - 4, h - 4], outline=255, width=5)
    f1, f2, f3 = _font(BOLD, 18), _font(BOLD, 28), _font(REGULAR, 22)
    d.text((w / 2, 22), receiver, font=f1, fill=255, anchor='mm')
    d.line([(30, 39), (w - 30, 39)], fill=255, width=2)
    d.text((w / 2, 64), 'CÔNG VĂN ĐẾN', font=f2, fill=255, anchor='mm')
    y = 88
    for label in ('Số:', 'Ngày:', 'Chuyển:'):
        d.text((22, y + 18), label, font=f3, fill=255, anchor='lm')
        d.text((120, y + 28), '.' * 46, font=_font(REGULAR, 14), fill=255, anchor='lm')
        y += 34
    a = _mottle(cv2.GaussianBlur(np.array(im), (3, 3), 0.6), rng, 0.5)
    stamp = Image.fromarray(a)
    # the handwriting is another ink (a ballpoint), returned apart
    pen = Image.new('L', (w, h), 0)
    for text, yy in ((number, 86), (date, 120)):
        hw = handwrite(text, rng)
        pen.paste(hw, (int(115 + rng.uniform(0, 30)), int(yy - 6 + rng.uniform(-4, 4))), hw)
    ang = rng.uniform(-4, 4)
    return stamp.rotate(ang, resample=Image.BICUBIC, expand=True), pen.rotate(ang, resample=Image.BICUBIC, expand=True)


def ink(page, alpha, colour, cx, cy):
    """multiply an ink of colour through alpha (L image) onto page, centred at (cx, cy)"""
    a = np.asarray(page).astype(np.float32)
    m = np.asarray(alpha).astype(np.float32) / 255.0
    h, w = m.shape
    x0, y0 = int(cx - w / 2), int(cy - h / 2)
    X0, Y0, X1, Y1 = max(0, x0), max(0, y0), min(a.shape[1], x0 + w), min(a.shape[0], y0 + h)
    if X1 <= X0 or Y1 <= Y0:
        return page
    mm = m[Y0 - y0:Y1 - y0, X0 - x0:X1 - x0, None]
    col = np.array(colour, np.float32)[None, None, :] / 255.0
    region = a[Y0:Y1, X0:X1]
    a[Y0:Y1, X0:X1] = region * (1 - mm * (1 - col))
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))


def seal_ring_text(name, truth):
    doc = truth['document']
    issuer = doc['issuer'].upper().replace('ỦY BAN NHÂN DÂN THÀNH PHỐ', 'UBND THÀNH PHỐ')
    lower = SEAL_LOWER.get(name)
    if not lower and doc.get('issuer_parent'):
        lower = re.sub(r'^(UBND|ỦY BAN NHÂN DÂN)\s+', '', doc['issuer_parent'].upper())
    return (issuer + ' * ' + lower + ' *') if lower else (issuer + ' *')


def mark(name, truth, pages, ws, rng):
    pages = list(pages)
    doc = truth['document']
    signer = (doc.get('signer') or {})
    nm = find(ws, signer.get('name') or '')
    if nm:
        pi, (x0, y0, x1, y1) = nm
        ti = find(ws, signer.get('title') or '', before=(pi, y0))
        ty = ti[1][3] if ti else y0 - 200
        tx0 = ti[1][0] if ti else x0 - 60
        sig, col = signature(rng)
        pages[pi] = ink(pages[pi], sig, col, (x0 + x1) / 2 + rng.uniform(-30, 30), (ty + y0) / 2 + rng.uniform(-10, 10))
        im, col = seal(seal_ring_text(name, truth), rng)
        # over the left third of the signature, between the title and the name
        pages[pi] = ink(pages[pi], im, col, (x0 + x1) / 2 - 170 + rng.uniform(-20, 20), (ty + y0) / 2 - 10 + rng.uniform(-15, 15))
    # receiving stamp on page 1
    num = find([ws[0]], 'Số: ' + doc['number']) or find([ws[0]], doc['number'])
    date_words = [w for w in ws[0] if w[4] == 'ngày' and w[0] > pages[0].width * 0.45]
    issued = datetime.date.fromisoformat(doc['issued_date'])
    got = issued + datetime.timedelta(days=int(rng.randint(1, 5)))
    st, pen = receipt(RECEIVER.get(name, 'VĂN PHÒNG'), str(rng.randint(105, 2980)),
                      '%d/%d/%d' % (got.day, got.month, got.year), rng)
    if num:
        _, (nx0, ny0, nx1, ny1) = num
        dx0 = min([w[0] for w in date_words], default=pages[0].width * 0.55)
        cx = (nx1 + dx0) / 2 + rng.uniform(-20, 20)
        cy = (ny0 + ny1) / 2 - st.height / 2 + rng.uniform(0, 25)
    else:
        cx, cy = pages[0].width * 0.48, pages[0].height * 0.1
    pages[0] = ink(pages[0], st, VIOLET, cx, cy)
    pages[0] = ink(pages[0], pen, BLUE_INK, cx, cy)
    return pages


# ------------------------------------------------------------------------------------- copies
def _rotate(a, deg, fill):
    h, w = a.shape[:2]
    M = cv2.getRotationMatrix2D((w / 2, h / 2), deg, 1.0)
    return cv2.warpAffine(a, M, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=fill)


def v_scan(page, rng):
    a = np.asarray(page).astype(np.float32)
    h, w = a.shape[:2]
    paper = np.array([252, 246, 226], np.float32) / 255.0
    light = cv2.resize(rng.rand(6, 5).astype(np.float32), (w, h), interpolation=cv2.INTER_CUBIC)
    light = 0.955 + 0.045 * light
    a = a * paper[None, None, :] * light[:, :, None]
    fill = tuple(float(v) for v in (paper * 255 * 0.97))
    a = _rotate(a, rng.choice([-1, 1]) * rng.uniform(0.3, 0.9), fill)
    a = cv2.GaussianBlur(a, (0, 0), 0.55)
    a = a + rng.normal(0, 3.0, a.shape)
    im = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    buf = io.BytesIO()
    im.save(buf, 'JPEG', quality=75, dpi=(DPI, DPI))
    return buf.getvalue()


def v_copy(page, rng):
    g = np.asarray(page.convert('L')).astype(np.float32)
    h, w = g.shape
    g = cv2.GaussianBlur(g, (0, 0), 0.9)
    thr = 150 + 18 * (cv2.resize(rng.rand(8, 6).astype(np.float32), (w, h), interpolation=cv2.INTER_CUBIC) - 0.5)
    b = np.where(g < thr, 0.0, 255.0).astype(np.float32)
    # toner specks: single dots and small clusters
    for _ in range(int(rng.randint(250, 450))):
        x, y = rng.randint(0, w), rng.randint(0, h)
        r = rng.choice([1, 1, 1, 2, 2, 3])
        cv2.circle(b, (int(x), int(y)), int(r), 0, -1)
    for _ in range(int(rng.randint(3, 7))):
        cx, cy = rng.randint(0, w), rng.randint(0, h)
        for _ in range(int(rng.randint(8, 25))):
            cv2.circle(b, (int(cx + rng.normal(0, 9)), int(cy + rng.normal(0, 9))), 1, 0, -1)
    # a faint smudge band down the page
    sx = int(rng.randint(int(w * 0.3), int(w * 0.8)))
    band = rng.rand(h, 6) < 0.015
    b[:, sx:sx + 6][band] = 0
    b = _rotate(b, rng.choice([-1, 1]) * rng.uniform(1.0, 2.0), 255)
    b = np.where(b < 128, 0, 255).astype(np.uint8)
    # the dark ragged edge the copier's lid leaves along the left
    edge = int(rng.randint(28, 60))
    prof = edge + (cv2.resize(rng.rand(40, 1).astype(np.float32), (1, h), interpolation=cv2.INTER_CUBIC)[:, 0] - 0.5) * 22
    xs = np.arange(w)[None, :]
    dark = xs < prof[:, None]
    ragged = (xs < prof[:, None] + 10) & (rng.rand(h, w) < 0.35)
    b[dark | ragged] = 0
    im = Image.fromarray(b, 'L')
    buf = io.BytesIO()
    im.save(buf, 'PNG', dpi=(DPI, DPI), optimize=True)
    return buf.getvalue()


def ascii_fold(s):
    s = s.replace('Đ', 'D').replace('đ', 'd')
    return ''.join(c for c in unicodedata.normalize('NFD', s) if unicodedata.category(c) != 'Mn')


def v_fax(page, rng, sender, when, i, n):
    g = page.convert('L')
    d = ImageDraw.Draw(g)
    head = 'FROM: %-34s FAX: %s   %s   PAGE %d/%d' % (sender[:34], fax_number(sender), when, i, n)
    d.text((60, 30), head, font=_font(MONO, 24), fill=0)
    a = np.asarray(g).astype(np.float32)
    h, w = a.shape
    a = cv2.resize(a, (w, h // 2), interpolation=cv2.INTER_AREA)
    b = np.where(a < 165, 0, 255).astype(np.uint8)
    hh = b.shape[0]
    # streaks: a thin black line across, white drop-outs, a smeared run of rows
    for _ in range(int(rng.randint(1, 3))):
        y = int(rng.randint(80, hh - 40))
        x0 = int(rng.randint(0, w // 3)); x1 = int(rng.randint(w // 2, w))
        b[y, x0:x1] = 0
    for _ in range(int(rng.randint(2, 4))):
        y = int(rng.randint(60, hh - 40))
        b[y:y + int(rng.randint(1, 3)), :] = 255
    y = int(rng.randint(200, hh - 60))
    b[y + 1:y + 1 + int(rng.randint(3, 7)), :] = b[y, :]
    im = Image.fromarray(b, 'L').convert('1', dither=Image.NONE)
    buf = io.BytesIO()
    im.save(buf, 'PNG', dpi=(DPI, DPI // 2))
    return buf.getvalue()


def fax_number(sender):
    k = seed(sender)
    return '0%03d %03d %03d' % (200 + k % 90, 800 + (k >> 8) % 199, (k >> 16) % 1000)


# ------------------------------------------------------------------------------------- main
def main(src, out):
    names = sorted(os.path.basename(p)[:-len('.truth.json')] for p in glob.glob(os.path.join(src, '*.truth.json')))
    for v in ('scan', 'copy', 'fax'):
        os.makedirs(os.path.join(out, v), exist_ok=True)
    for name in names:
        pdf = os.path.join(src, name + '.pdf')
        if not os.path.exists(pdf):
            continue
        truth = json.load(open(os.path.join(src, name + '.truth.json'), encoding='utf-8'))
        with tempfile.TemporaryDirectory() as tmp:
            pages = render(pdf, tmp)
        ws = words(pdf)
        marked = mark(name, truth, pages, ws, np.random.RandomState(seed(name, 'marks')))
        doc = truth['document']
        sent = datetime.date.fromisoformat(doc['issued_date'])
        frng = np.random.RandomState(seed(name, 'fax-when'))
        when = '%s %02d:%02d' % ((sent + datetime.timedelta(days=int(frng.randint(0, 3)))).strftime('%d-%m-%Y'),
                                 frng.randint(7, 17), frng.randint(0, 60))
        sender = ascii_fold(doc['issuer']).upper().replace('UY BAN NHAN DAN', 'UBND')
        for v in ('scan', 'copy', 'fax'):
            imgs = []
            for i, p in enumerate(marked):
                rng = np.random.RandomState(seed(name, v, str(i)))
                if v == 'scan':
                    imgs.append(v_scan(p, rng))
                elif v == 'copy':
                    imgs.append(v_copy(p, rng))
                else:
                    imgs.append(v_fax(p, rng, sender, when, i + 1, len(marked)))
            with open(os.path.join(out, v, name + '.pdf'), 'wb') as f:
                f.write(img2pdf.convert(imgs, nodate=True, engine=img2pdf.Engine.internal))
            shutil.copy(os.path.join(src, name + '.truth.json'), os.path.join(out, v, name + '.truth.json'))
        print(name, len(marked), 'pages')


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
