"""Office damage, second sweep: a second fresh-eyes tester's own damage (no project code used).

Usage: python bench/sweep/damage2.py [kind...]   (run.sh calls it for its kinds)
Reads bench/sweep/docs.txt and $SWEEP_WORK/out/baseline/<id>.json (signature page, subject /
doc_type boxes), renders page 1 and the signature page at 300 dpi with pdftoppm into
$SWEEP_WORK/render/, writes $SWEEP_WORK/<kind>/<id>.pdf and preview/<kind>/<id>-p1.png for
kinds: plain200 (a clean 200-dpi grey scan, the control) highlighter fold punch copy2 (a copy of
a copy) docmode (a phone scanner app's document mode) yellowed, and copy2's ablations
copy2_nostreak, copy2_nospeck. Every kind is seeded from crc32(doc|kind): deterministic.
"""
import io, json, math, os, subprocess, sys, zlib
import numpy as np, cv2
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.environ.get("SWEEP_SRC", os.path.join(HERE, "..", "..", "..", "shared", "realpdfs-dev"))
ROOT = os.environ.get("SWEEP_WORK", "/tmp/sweep")
PREVIEW_DOCS = 3  # first N docs of docs.txt get preview PNGs (all get them, cheap)


sys.path.insert(0, HERE)
from damage import render, seed_of  # noqa: E402  the first sweep's renderer (300 dpi, cached) and seeds


def scale_arr(a, dpi, src_dpi=300):
    h, w = a.shape[:2]
    f = dpi / src_dpi
    return cv2.resize(a, (round(w * f), round(h * f)), interpolation=cv2.INTER_AREA)


def jpeg(im, q):
    """round-trip through JPEG so the preview shows what the PDF holds"""
    b = io.BytesIO(); im.save(b, "JPEG", quality=q); b.seek(0)
    return Image.open(b).copy()


def save_pdf(ims, path, dpi, quality=85):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    kw = {} if ims[0].mode == "1" else {"quality": quality}   # mode 1 -> CCITT G4 via libtiff
    ims[0].save(path, "PDF", save_all=True, append_images=ims[1:], resolution=float(dpi), **kw)


# ------------------------------------------------------------------ helpers
def text_lines(gray, x0=0.10, x1=0.92):
    """rows of text lines on a 300-dpi grey page: list of (top, bottom, left, right) in px"""
    H, W = gray.shape
    band = gray[:, int(x0 * W):int(x1 * W)] < 140
    rows = band.sum(1) > 3
    lines, y = [], 0
    while y < H:
        if rows[y]:
            s = y
            while y < H and rows[y]:
                y += 1
            if y - s >= 12:
                cols = np.where(band[s:y].any(0))[0]
                lines.append((s, y, int(x0 * W) + cols[0], int(x0 * W) + cols[-1]))
        y += 1
    return lines


def multiply(base, colour, alpha):
    b = base.astype(np.float32)
    a = alpha[..., None]
    return (b * (1 - a) + b * (np.array(colour, np.float32) / 255.0) * a).clip(0, 255).astype(np.uint8)


def smooth_noise(rng, n, scale):
    v = rng.normal(0, 1, n + 4 * scale).astype(np.float32)
    v = cv2.GaussianBlur(v.reshape(1, -1), (0, 0), scale).ravel()[2 * scale:2 * scale + n]
    return v / (v.std() + 1e-6)


# ------------------------------------------------------------------ 1 highlighter
HL_COLOURS = {"yellow": (255, 238, 40), "green": (140, 245, 110), "pink": (255, 135, 195)}


def d_highlighter(pages, info, doc):
    rng = np.random.default_rng(seed_of(doc, "highlighter"))
    colour_name = ["yellow", "yellow", "green", "pink"][seed_of(doc, "hlc") % 4]
    col = HL_COLOURS[colour_name]
    p1 = np.asarray(pages[0]).copy()
    H, W = p1.shape[:2]
    g = cv2.cvtColor(p1, cv2.COLOR_RGB2GRAY)
    lines = text_lines(g)
    # subject lines: first line at/under the subject box (else the line under the doc_type box)
    if info.get("subject_box"):
        ytop = info["subject_box"][1] * H - 10
    else:
        ytop = info["doctype_box"][3] * H + 5
    after = [l for l in lines if (l[0] + l[1]) / 2 >= ytop]
    n_subj = int(rng.integers(2, 4))  # 2..3 subject lines, but only inside the subject block
    chosen = after[:1]
    for l in after[1:n_subj]:
        prev = chosen[-1]
        if l[0] - prev[1] > 0.9 * (prev[1] - prev[0]):
            break
        chosen.append(l)
    n_subj = len(chosen)
    # one body line: 5-8 lines further down
    k = n_subj + int(rng.integers(5, 9))
    if k < len(after):
        chosen.append(after[k])
    info["highlight"] = {"colour": colour_name, "lines_px300": [list(map(int, l)) for l in chosen]}
    alpha = np.zeros((H, W), np.float32)
    for (t, b, l, r) in chosen:
        lh = b - t
        # a marker is ~5 mm wide; covers the line and a bit more, drawn slightly off-centre
        half = max(lh * 0.62, 0.5 * 59 / 2 * 1.0)
        cy = (t + b) / 2 + rng.uniform(-0.15, 0.15) * lh
        xs0 = int(max(0, l - rng.uniform(10, 45))); xs1 = int(min(W - 1, r + rng.uniform(-30, 45)))
        n = xs1 - xs0
        xx = np.arange(n)
        slope = rng.uniform(-0.006, 0.006)
        centre = cy + slope * (xx - n / 2) + 3.5 * smooth_noise(rng, n, 120)
        top = centre - half + 2.5 * smooth_noise(rng, n, 15)
        bot = centre + half + 2.5 * smooth_noise(rng, n, 15)
        y0 = int(max(0, top.min() - 2)); y1 = int(min(H, bot.max() + 3))
        yy = np.arange(y0, y1)[:, None].astype(np.float32)
        m = ((yy >= top[None, :]) & (yy <= bot[None, :])).astype(np.float32)
        # streaky ink: lengthwise streaks (felt tip) + fading towards the end of the stroke
        streak = 0.85 + 0.15 * smooth_noise(rng, y1 - y0, 2)[:, None]
        fade = np.linspace(1.0, rng.uniform(0.75, 0.95), n)[None, :]
        m = m * streak * fade
        # slanted chisel-tip ends
        for end in (0, 1):
            w_end = 18
            ramp = np.linspace(0, 1, w_end)[None, :] if end == 0 else np.linspace(1, 0, w_end)[None, :]
            if end == 0:
                m[:, :w_end] *= ramp
            else:
                m[:, -w_end:] *= ramp
        m = cv2.GaussianBlur(m, (0, 0), 1.5)
        sub = alpha[y0:y1, xs0:xs1]
        # overlapping passes darken (max + a little extra)
        alpha[y0:y1, xs0:xs1] = np.clip(np.maximum(sub, m) + 0.25 * np.minimum(sub, m), 0, 1.2)
    p1 = multiply(p1, col, np.clip(alpha * 0.92, 0, 1))
    out = [Image.fromarray(p1)] + pages[1:]
    out = [Image.fromarray(scale_arr(np.asarray(p), 200)) for p in out]
    out = [jpeg(o, 85) for o in out]
    return out, 200, 85


# ------------------------------------------------------------------ 2 fold
def d_fold(pages, info, doc):
    rng = np.random.default_rng(seed_of(doc, "fold"))
    out = []
    for p in pages:
        g = scale_arr(np.asarray(p.convert("L")), 200).astype(np.float32)
        H, W = g.shape
        yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
        light = np.ones_like(g)
        creases = []
        for i, frac in enumerate((1 / 3, 2 / 3)):
            y = H * frac + rng.uniform(-25, 25)
            slope = rng.uniform(-0.012, 0.012)
            creases.append(("h", yy - (y + slope * (xx - W / 2) + 2.0 * smooth_noise(rng, W, 200)[None, :])))
        x = W / 2 + rng.uniform(-20, 20)
        slope = rng.uniform(-0.01, 0.01)
        creases.append(("v", xx - (x + slope * (yy - H / 2) + 2.0 * smooth_noise(rng, H, 200)[:, None])))
        # panel brightness (a folded sheet does not lie flat: panels tilt towards / away from lamp)
        panel = np.ones_like(g)
        for kind, d in creases:
            f = rng.uniform(0.92, 1.0)
            panel *= np.where(d > 0, f, 1.0).astype(np.float32) if rng.random() < 0.5 else np.where(d < 0, f, 1.0)
        for kind, d in creases:
            depth = rng.uniform(0.22, 0.35)        # shadow darkening at the crease
            sig = rng.uniform(5, 9)                # ~0.6-1.1 mm soft shadow
            side = 1 if rng.random() < 0.5 else -1
            shadow = depth * np.exp(-0.5 * ((d - side * 3) / sig) ** 2)
            shadow += 0.35 * depth * np.exp(-0.5 * ((d + side * 10) / (3 * sig)) ** 2)  # wide penumbra
            hi = 0.10 * np.exp(-0.5 * ((d + side * 2) / 1.2) ** 2)   # thin bright ridge
            # broken crease: strength varies along it
            along = 0.75 + 0.25 * (smooth_noise(rng, W if kind == "h" else H, 60))
            along = along[None, :] if kind == "h" else along[:, None]
            light *= (1 - shadow * along.clip(0.3, 1.3))
            light *= (1 + hi * along.clip(0.3, 1.3))
        # paper fibres torn at the crease: a few white / dark specks along it
        g = g * light * panel
        g = g + (1 - light) * 0  # ink stays ink
        g = cv2.GaussianBlur(g, (0, 0), 0.6) + rng.normal(0, 2.5, g.shape)
        out.append(jpeg(Image.fromarray(g.clip(0, 255).astype(np.uint8)), 85))
    return out, 200, 85


# ------------------------------------------------------------------ 3 punch
def d_punch(pages, info, doc):
    rng = np.random.default_rng(seed_of(doc, "punch"))
    dpi = 200; mm = dpi / 25.4
    edge = ["right", "bottom", "top", "left"][seed_of(doc, "edge") % 4]
    info["lid_edge"] = edge
    out = []
    for p in pages:
        g = scale_arr(np.asarray(p.convert("L")), dpi).astype(np.float32)
        H, W = g.shape
        yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
        # two punch holes 80 mm apart, centred on the page height, 12 mm from the left edge
        cx = 12 * mm + rng.uniform(-1.5, 1.5) * mm
        for dy in (-40, 40):
            cy = H / 2 + dy * mm + rng.uniform(-2, 2) * mm
            r = 3.0 * mm
            d = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2)
            disc = np.clip((r - d) / 1.5 + 0.5, 0, 1)
            # the lid seen through the hole: near-black with a grey rim (paper edge shadow)
            rim = np.exp(-0.5 * ((d - r) / 2.0) ** 2) * 0.3
            g = g * (1 - disc) + (18 + rng.normal(0, 4, g.shape)) * disc
            g = g * (1 - rim)
        # staple at the top-left corner: ~12 mm bar at ~40 deg, 0.8 mm thick, with a soft shadow
        st = np.zeros((H, W), np.float32)
        x0, y0 = 9 * mm + rng.uniform(-2, 2) * mm, 9 * mm + rng.uniform(-2, 2) * mm
        ang = math.radians(rng.uniform(30, 55))
        L = 12 * mm
        p0 = (int(x0), int(y0 + L * math.sin(ang))); p1_ = (int(x0 + L * math.cos(ang)), int(y0))  # diagonal across the corner
        sh = np.zeros_like(st)
        cv2.line(sh, (p0[0] + 4, p0[1] + 5), (p1_[0] + 4, p1_[1] + 5), 1.0, int(2.2 * mm), cv2.LINE_AA)
        sh = cv2.GaussianBlur(sh, (0, 0), 4)
        cv2.line(st, p0, p1_, 1.0, max(3, int(0.8 * mm)), cv2.LINE_AA)
        # the bent legs: two short dark ticks at the ends
        for q in (p0, p1_):
            cv2.circle(st, q, int(0.7 * mm), 1.0, -1, cv2.LINE_AA)
        g = g * (1 - 0.35 * sh)
        g = g * (1 - st) + 35 * st
        # dark scanner-lid strip along one edge, 4-9 mm, slightly wedge-shaped
        wmax = rng.uniform(4, 9) * mm; wmin = wmax * rng.uniform(0.4, 0.9)
        if edge in ("right", "left"):
            wid = np.linspace(wmin, wmax, H)[:, None]
            dist = (W - 1 - xx) if edge == "right" else xx
        else:
            wid = np.linspace(wmin, wmax, W)[None, :]
            dist = (H - 1 - yy) if edge == "bottom" else yy
        strip = np.clip((wid - dist) / 2.0, 0, 1)
        lid = 28 + 10 * rng.normal(0, 1, g.shape)
        g = g * (1 - strip) + lid * strip
        # soft shadow of the sheet edge on the lid side
        g = g * (1 - 0.25 * np.exp(-np.clip(dist - wid, 0, None) / 6) * (dist > wid))
        g = cv2.GaussianBlur(g, (0, 0), 0.6) + rng.normal(0, 2.0, g.shape)
        out.append(jpeg(Image.fromarray(g.clip(0, 255).astype(np.uint8)), 85))
    return out, dpi, 85


# ------------------------------------------------------------------ 4 copy2
def photocopy(g, rng, speck=True, streak_on=True):
    """one generation of a black-and-white office copier on a 300 dpi grey array -> 0/255"""
    H, W = g.shape
    g = cv2.GaussianBlur(g, (0, 0), rng.uniform(0.7, 1.2))
    s = rng.uniform(0.97, 0.99)
    ang = rng.uniform(0.5, 1.5) * (1 if rng.random() < 0.5 else -1)
    M = cv2.getRotationMatrix2D((W / 2 + rng.uniform(-30, 30), H / 2 + rng.uniform(-30, 30)), ang, s)
    M[:, 2] += rng.uniform(-20, 20, 2)
    g = cv2.warpAffine(g, M, (W, H), flags=cv2.INTER_LINEAR, borderValue=255)
    # uneven toner / drum: low-frequency density + fine noise
    lf = cv2.resize(rng.normal(0, 1, (12, 9)).astype(np.float32), (W, H), interpolation=cv2.INTER_CUBIC)
    g = g + 10 * lf + rng.normal(0, 14, g.shape)
    thr = rng.uniform(125, 145)
    b = np.where(g < thr, 0, 255).astype(np.uint8)
    # toner specks on the white, some ink dropouts
    specks = rng.random((H, W)) < 0.0006
    specks = cv2.dilate(specks.astype(np.uint8), np.ones((2, 2), np.uint8)) > 0
    if speck:
        b[specks] = 0
    drop = rng.random((H, W)) < 0.01
    b[drop & (b == 0)] = 255
    # a faint streak (dirty glass) down the page
    x = int(rng.uniform(0.05, 0.95) * W)
    streak = rng.random(H) < 0.35
    if streak_on:
        b[streak, x:x + 2] = 0
    return b.astype(np.float32)


def d_copy2(pages, info, doc, **kw):
    rng = np.random.default_rng(seed_of(doc, "copy2"))  # ablations reuse the same seed
    out = []
    for p in pages:
        g = np.asarray(p.convert("L")).astype(np.float32)
        for gen in range(2):
            g = photocopy(g, rng, **kw)
        out.append(Image.fromarray(g.astype(np.uint8)).convert("1", dither=Image.NONE))
    return out, 300, 85


# ------------------------------------------------------------------ 5 docmode
def d_docmode(pages, info, doc):
    rng = np.random.default_rng(seed_of(doc, "docmode"))
    out = []
    dpi_eff = rng.uniform(150, 170)
    info["docmode_dpi"] = round(dpi_eff, 1)
    for p in pages:
        a = np.asarray(p).astype(np.float32)
        H, W = a.shape[:2]
        # photo: page is ~ (dpi_eff/300) of source resolution, perspective 2-4 % corner offsets
        f = dpi_eff / 300.0
        w, h = int(W * f), int(H * f)
        pad = int(0.06 * h)
        Wc, Hc = w + 2 * pad, h + 2 * pad
        src = np.float32([[0, 0], [W, 0], [W, H], [0, H]])
        k = rng.uniform(0.02, 0.04)
        dst = np.float32([[pad + rng.uniform(0, k) * w, pad + rng.uniform(0, k) * h],
                          [pad + w - rng.uniform(0, k) * w, pad + rng.uniform(0, k) * h],
                          [pad + w, pad + h], [pad, pad + h]])
        if rng.random() < 0.5:   # tilted the other way: bottom edge shorter
            dst = np.float32([[pad, pad], [pad + w, pad],
                              [pad + w - rng.uniform(0, k) * w, pad + h - rng.uniform(0, k) * h],
                              [pad + rng.uniform(0, k) * w, pad + h - rng.uniform(0, k) * h]])
        Mp = cv2.getPerspectiveTransform(src, dst)
        desk = np.full((Hc, Wc, 3), (95, 85, 75), np.float32)
        warped = cv2.warpPerspective(a, Mp, (Wc, Hc), flags=cv2.INTER_AREA)
        mask = cv2.warpPerspective(np.ones((H, W), np.float32), Mp, (Wc, Hc))
        img = warped * mask[..., None] + desk * (1 - mask[..., None])
        yy, xx = np.mgrid[0:Hc, 0:Wc].astype(np.float32)
        illum = 1.0 - 0.22 * ((xx / Wc) * rng.uniform(0.3, 1) + (yy / Hc) * rng.uniform(0.3, 1)) / 2
        img = img * illum[..., None] * np.array([1.0, 0.97, 0.92], np.float32)
        img = cv2.GaussianBlur(img, (0, 0), rng.uniform(0.6, 1.0)) + rng.normal(0, 4, img.shape)
        img = img.clip(0, 255).astype(np.uint8)
        img = np.asarray(jpeg(Image.fromarray(img), 88))  # camera JPEG
        # app detects the corners (a few px off) and flattens to A4 at the photo's resolution
        det = dst + rng.normal(0, 2.0, dst.shape).astype(np.float32)
        Mi = cv2.getPerspectiveTransform(det, np.float32([[0, 0], [w, 0], [w, h], [0, h]]))
        flat = cv2.warpPerspective(img, Mi, (w, h), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE)
        gr = cv2.cvtColor(flat, cv2.COLOR_RGB2GRAY).astype(np.float32)
        # "document" filter: background flattening, strong contrast, sharpen, adaptive threshold blend
        bg = cv2.morphologyEx(gr, cv2.MORPH_CLOSE, np.ones((15, 15), np.uint8))
        bg = cv2.GaussianBlur(bg, (0, 0), 8)
        n = (gr / (bg + 1e-3) * 255).clip(0, 255)
        n = ((n - 60) * 255 / (235 - 60)).clip(0, 255)          # strong contrast
        bl = cv2.GaussianBlur(n, (0, 0), 1.2)
        n = (n + 1.6 * (n - bl)).clip(0, 255)                    # unsharp mask
        at = cv2.adaptiveThreshold(n.astype(np.uint8), 255, cv2.ADAPTIVE_THRESH_GAUSSIAN_C,
                                   cv2.THRESH_BINARY, 25, 12).astype(np.float32)
        o = 0.7 * at + 0.3 * n
        out.append(jpeg(Image.fromarray(o.clip(0, 255).astype(np.uint8)), 70))
    return out, dpi_eff, 70


# ------------------------------------------------------------------ 6 yellowed
def d_yellowed(pages, info, doc):
    rng = np.random.default_rng(seed_of(doc, "yellowed"))
    dpi = 200; mm = dpi / 25.4
    out = []
    for idx, p in enumerate(pages):
        a = scale_arr(np.asarray(p), dpi).astype(np.float32) / 255.0
        H, W = a.shape[:2]
        yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
        # paper tone: aged yellow, blotchy, darker towards the edges
        paper = np.array([236, 222, 178], np.float32) / 255.0
        lf = cv2.resize(rng.normal(0, 1, (8, 6)).astype(np.float32), (W, H), interpolation=cv2.INTER_CUBIC)
        ed = np.minimum(np.minimum(xx, W - xx), np.minimum(yy, H - yy)) / (15 * mm)
        edge_dark = 1 - 0.10 * np.exp(-ed)
        tone = paper[None, None, :] * (1 + 0.025 * lf[..., None]) * edge_dark[..., None]
        ink = np.array([45, 38, 30], np.float32) / 255.0   # faded ink, brownish black
        img = ink + (tone - ink) * a       # a=1 paper, a=0 ink
        if idx == 0:
            # coffee ring ~75 mm across, partly over the header (centre on the issuer/number or motto)
            hb = info["number_box"] if rng.random() < 0.5 else info["issued_box"]
            cx = ((hb[0] + hb[2]) / 2) * W + rng.uniform(-15, 15) * mm
            cy = hb[1] * H + rng.uniform(-25, 5) * mm
            R = rng.uniform(32, 40) * mm
            th = np.arctan2(yy - cy, xx - cx)
            rr = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2)
            wob = 1 + 0.03 * np.sin(3 * th + rng.uniform(0, 6)) + 0.015 * np.sin(7 * th + rng.uniform(0, 6))
            d = rr / (R * wob)
            rim = np.exp(-0.5 * ((d - 1) / 0.018) ** 2)            # dark drying rim
            inner = 0.20 * (d < 1) * (0.6 + 0.4 * d ** 4)           # faint fill, darker near rim
            gap0 = rng.uniform(-math.pi, math.pi); gapw = rng.uniform(0.8, 1.6)
            arc = 1 - np.exp(-0.5 * (np.angle(np.exp(1j * (th - gap0))) / (gapw / 2)) ** 4)  # ring broken
            s = (0.55 * rim * arc + inner * (0.7 + 0.3 * arc)) * 0.75
            stain = np.array([150, 95, 45], np.float32) / 255.0
            img = img * (1 - s[..., None]) + img * stain * s[..., None]
            info["coffee_ring_px200"] = [int(cx), int(cy), int(R)]
        img = cv2.GaussianBlur(img, (0, 0), 0.5) + rng.normal(0, 0.01, img.shape)
        out.append(jpeg(Image.fromarray((img * 255).clip(0, 255).astype(np.uint8)), 85))
    return out, dpi, 85


def d_plain200(pages, info, doc):
    """control: no damage, grey 200 dpi JPEG q85 (what every scan kind starts from)"""
    return [jpeg(Image.fromarray(scale_arr(np.asarray(p.convert("L")), 200)), 85) for p in pages], 200, 85


KINDS = {"plain200": d_plain200,
         # ablations of copy2 (same seed, one component off)
         "copy2_nostreak": lambda p, i, d: d_copy2(p, i, d, streak_on=False),
         "copy2_nospeck": lambda p, i, d: d_copy2(p, i, d, speck=False), "highlighter": d_highlighter, "fold": d_fold, "punch": d_punch, "copy2": d_copy2,
         "docmode": d_docmode, "yellowed": d_yellowed}


def main():
    kinds = sys.argv[1:] or list(KINDS)
    meta_p = f"{ROOT}/damage_meta.json"
    meta = json.load(open(meta_p)) if os.path.exists(meta_p) else {}
    docs = [l.split()[0] for l in open(os.path.join(HERE, "docs.txt"))]
    for di, doc in enumerate(docs):
        rec = json.load(open(f"{ROOT}/out/baseline/{doc}.json"))
        d = rec["document"]; ev = d["evidence"]
        sig_page = ev["signer"]["page"]
        pages_no = [1] if sig_page == 1 else [1, sig_page]
        pages = [render(doc, n) for n in pages_no]
        for k in kinds:
            info = {"pages": pages_no,
                    "number_box": ev["number"]["boxes"][0],
                    "issued_box": ev["issued_date"]["boxes"][0],
                    "doctype_box": ev["doc_type"]["boxes"][0],
                    "subject_box": ev["subject"]["boxes"][0] if "subject" in ev else None}
            ims, dpi, q = KINDS[k](pages, info, doc)
            save_pdf(ims, f"{ROOT}/{k}/{doc}.pdf", dpi, q)
            os.makedirs(f"{ROOT}/preview/{k}", exist_ok=True)
            ims[0].save(f"{ROOT}/preview/{k}/{doc}-p1.png")
            meta.setdefault(doc, {})[k] = {x: v for x, v in info.items() if x not in ("number_box", "issued_box", "doctype_box", "subject_box")}
        print(doc, pages_no, flush=True)
    json.dump(meta, open(meta_p, "w"), indent=1)


if __name__ == "__main__":
    main()
