"""Office-grade damage made independently of the project's generator (no dispatch_reader code),
by a fresh-eyes tester in the twenty-fifth round: a faded brownish seal, a black receiving stamp,
JPEG at 100 dpi, a page sideways, a phone photo's shadow, faded toner. Seeded per document and kind.

Usage (see run.sh): python damage.py [kind ...]
Reads bench/sweep/docs.txt and $SWEEP_WORK/out/baseline/<id>.json (the tool's record of the
born-digital original: the signature page and the boxes of the number and the signer's name),
renders page 1 and the signature page at 300 dpi with pdftoppm into $SWEEP_WORK/render/, and
writes $SWEEP_WORK/<kind>/<id>.pdf.
"""
import json, math, os, subprocess, sys, zlib
import numpy as np, cv2
from PIL import Image, ImageDraw, ImageFont, ImageFilter

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.environ.get("SWEEP_SRC", os.path.join(HERE, "..", "..", "..", "shared", "realpdfs-dev"))
ROOT = os.environ.get("SWEEP_WORK", "/tmp/sweep")
FONT_B = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
if not os.path.exists(FONT_B):
    FONT_B = "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
if not os.path.exists(FONT):
    FONT = FONT_B


def seed_of(*parts):
    return zlib.crc32("|".join(map(str, parts)).encode()) & 0xFFFFFFFF


def render(doc, page):
    os.makedirs(f"{ROOT}/render", exist_ok=True)
    out = f"{ROOT}/render/{doc}-p{page}"
    png = out + ".png"
    if not os.path.exists(png):
        subprocess.run(["pdftoppm", "-r", "300", "-f", str(page), "-l", str(page), "-png",
                        "-singlefile", f"{SRC}/{doc}.pdf", out], check=True)
    return Image.open(png).convert("RGB")


def scale(im, dpi):
    w, h = im.size
    f = dpi / 300.0
    return im.resize((round(w * f), round(h * f)), Image.LANCZOS)


def save_pdf(ims, path, dpi, quality):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    ims[0].save(path, "PDF", save_all=True, append_images=ims[1:], resolution=float(dpi),
                quality=quality)


# ---------------------------------------------------------------- damage kinds
def d_jpeg100(pages, info, doc):
    return [scale(p, 100).convert("L") for p in pages], 100, 20


def d_sideways(pages, info, doc):
    # alternate direction per document (deterministic): phone held either way
    rot = Image.ROTATE_90 if seed_of(doc) % 2 == 0 else Image.ROTATE_270
    info["sideways_rot"] = "90ccw" if rot == Image.ROTATE_90 else "90cw"
    return [scale(p, 200).transpose(rot) for p in pages], 200, 85


def multiply_layer(base, layer_rgb, alpha):
    """base RGB float array, layer alpha mask (H,W) 0..1, colour tuple -> multiply-ish blend."""
    b = base.astype(np.float32)
    col = np.array(layer_rgb, np.float32)
    a = alpha[..., None]
    ink = b * (col / 255.0)  # multiply: ink darkens paper and text stays dark
    return (b * (1 - a) + ink * a).clip(0, 255).astype(np.uint8)


def seal_mask(size, rng, r):
    """Round seal mask (float 0..1) of side `size` with ring, inner ring, arcs of glyphs, star."""
    im = Image.new("L", (size, size), 0)
    dr = ImageDraw.Draw(im)
    c = size / 2
    dr.ellipse([c - r, c - r, c + r, c + r], outline=255, width=max(4, int(r * 0.06)))
    r2 = r * 0.70
    dr.ellipse([c - r2, c - r2, c + r2, c + r2], outline=255, width=max(2, int(r * 0.025)))
    # text-like arc: real letters along the ring, rotated one by one
    text = "BỘ LAO ĐỘNG CHÍNH PHỦ * VIỆT NAM * "
    font = ImageFont.truetype(FONT_B, int(r * 0.17))
    n = len(text)
    for i, ch in enumerate(text):
        ang = -math.pi / 2 + 2 * math.pi * i / n
        g = Image.new("L", (int(r * 0.3), int(r * 0.3)), 0)
        ImageDraw.Draw(g).text((g.size[0] / 2, g.size[1] / 2), ch, font=font, fill=255, anchor="mm")
        g = g.rotate(-math.degrees(ang) - 90, resample=Image.BICUBIC)
        rr = r * 0.85
        x, y = c + rr * math.cos(ang), c + rr * math.sin(ang)
        im.paste(255, (int(x - g.size[0] / 2), int(y - g.size[1] / 2)), g)
    # star in centre
    pts = []
    rs = r * 0.28
    for k in range(10):
        ang = -math.pi / 2 + k * math.pi / 5
        rad = rs if k % 2 == 0 else rs * 0.4
        pts.append((c + rad * math.cos(ang), c + rad * math.sin(ang)))
    dr.polygon(pts, fill=255)
    # a horizontal line of "text" under the star
    dr.text((c, c + r * 0.45), "SỐ 01", font=ImageFont.truetype(FONT_B, int(r * 0.13)), fill=255, anchor="mm")
    m = np.asarray(im, np.float32) / 255.0
    # uneven ink: patchy density + small speckle gaps
    noise = cv2.GaussianBlur(rng.random((size, size)).astype(np.float32), (0, 0), size / 25)
    noise = (noise - noise.min()) / (np.ptp(noise) + 1e-6)
    m = m * (0.55 + 0.45 * noise)
    m = m * (rng.random((size, size)) > 0.08)
    return cv2.GaussianBlur(m, (0, 0), 1.0)


def script_digits(canvas, text, org, height, rng, thick=3):
    """handwritten-looking digits: Hershey script font with per-glyph jitter, black ink."""
    x, y = org
    fs = height / 30.0
    for ch in text:
        dx, dy = rng.integers(-3, 4), rng.integers(-4, 5)
        cv2.putText(canvas, ch, (int(x + dx), int(y + dy)), cv2.FONT_HERSHEY_SCRIPT_SIMPLEX, fs,
                    255, thick, cv2.LINE_AA)
        (w, _), _ = cv2.getTextSize(ch, cv2.FONT_HERSHEY_SCRIPT_SIMPLEX, fs, thick)
        x += w * (0.85 + 0.2 * rng.random())


def recv_stamp_mask(W, H, box, rng, dpi, dy_in=0.45):
    """black rectangular receiving stamp over the number area: box + printed labels + handwriting."""
    m = np.zeros((H, W), np.uint8)
    bw, bh = int(1.75 * dpi), int(0.95 * dpi)  # ~45 x 24 mm
    nx0, ny0, nx1, ny1 = box
    x0 = int(nx0 * W - 0.15 * dpi)
    y0 = int(ny0 * H - dy_in * dpi)  # the box straddles the header's lower part and the number line
    x0 = max(10, x0); y0 = max(10, y0)
    im = Image.fromarray(m)
    dr = ImageDraw.Draw(im)
    dr.rectangle([x0, y0, x0 + bw, y0 + bh], outline=255, width=5)
    f1 = ImageFont.truetype(FONT_B, int(dpi * 0.14))
    f2 = ImageFont.truetype(FONT, int(dpi * 0.11))
    dr.text((x0 + bw / 2, y0 + dpi * 0.13), "CÔNG VĂN ĐẾN", font=f1, fill=255, anchor="mm")
    dr.text((x0 + dpi * 0.08, y0 + dpi * 0.40), "Số:", font=f2, fill=255, anchor="lm")
    dr.text((x0 + dpi * 0.08, y0 + dpi * 0.62), "Ngày:", font=f2, fill=255, anchor="lm")
    dr.text((x0 + dpi * 0.08, y0 + dpi * 0.84), "Chuyển:", font=f2, fill=255, anchor="lm")
    m = np.asarray(im).copy()
    hand = np.zeros_like(m)
    script_digits(hand, "%d" % rng.integers(1000, 9999), (int(x0 + dpi * 0.45), int(y0 + dpi * 0.47)), dpi * 0.22, rng)
    d = "%02d/%02d" % (rng.integers(1, 29), rng.integers(1, 13))
    script_digits(hand, d, (int(x0 + dpi * 0.55), int(y0 + dpi * 0.69)), dpi * 0.22, rng)
    mm = np.maximum(m.astype(np.float32) / 255 * (0.75 + 0.25 * rng.random(m.shape)), hand.astype(np.float32) / 255)
    # small stamp tilt
    M = cv2.getRotationMatrix2D((x0 + bw / 2, y0 + bh / 2), float(rng.uniform(-4, 4)), 1.0)
    mm = cv2.warpAffine(mm.astype(np.float32), M, (W, H))
    return cv2.GaussianBlur(mm, (0, 0), 0.8)


def d_brownseal(pages, info, doc, stamp=True, seal=True, dy_in=0.45):
    rng = np.random.default_rng(seed_of(doc, "brownseal"))
    dpi = 200
    out = []
    for idx, p in enumerate(pages):
        im = np.asarray(scale(p, dpi)).copy()
        H, W = im.shape[:2]
        if idx == 0 and stamp:
            m = recv_stamp_mask(W, H, info["number_box"], rng, dpi, dy_in)
            im = multiply_layer(im, (15, 15, 15), m * 0.92)
        if info["sig_index"] == idx and seal:
            pos = info["position_box"]; name = info["name_box"]
            cx = pos[0] * W + 0.10 * dpi
            cy = ((pos[1] + name[3]) / 2) * H
            r = int(0.80 * dpi)  # ~40 mm diameter
            size = int(2.3 * r)
            sm = seal_mask(size, rng, r)
            M = cv2.getRotationMatrix2D((size / 2, size / 2), float(rng.uniform(-20, 20)), 1.0)
            sm = cv2.warpAffine(sm, M, (size, size))
            full = np.zeros((H, W), np.float32)
            x0, y0 = int(cx - size / 2), int(cy - size / 2)
            xs0, ys0 = max(0, -x0), max(0, -y0)
            xe, ye = min(W, x0 + size), min(H, y0 + size)
            full[y0 + ys0:ye, x0 + xs0:xe] = sm[ys0:ye - y0, xs0:xe - x0]
            im = multiply_layer(im, (110, 40, 30), full * 0.85)
            info["seal_center_px200"] = [int(cx), int(cy)]
        out.append(Image.fromarray(im))
    return out, dpi, 85


def d_shadow(pages, info, doc):
    rng = np.random.default_rng(seed_of(doc, "shadow"))
    out = []
    dpi = 150
    for idx, p in enumerate(pages):
        pg = np.asarray(scale(p, dpi)).astype(np.float32)
        h, w = pg.shape[:2]
        # paper is slightly warm/grey in a photo
        pg = pg * np.array([0.97, 0.95, 0.90], np.float32)
        pad = int(0.09 * max(w, h))
        Wc, Hc = w + 2 * pad, h + 2 * pad
        # desk: dark wood-ish with low-frequency texture
        desk = np.empty((Hc, Wc, 3), np.float32)
        base = np.array([78, 60, 45], np.float32)
        tex = cv2.GaussianBlur(rng.random((Hc, Wc)).astype(np.float32), (0, 0), 6)
        tex = (tex - tex.mean()) / (tex.std() + 1e-6)
        desk[:] = base + 10 * tex[..., None]
        # perspective: 8 degrees tilt about the horizontal axis + 2 degrees in-plane
        tilt = math.radians(8.0); f = 1.3 * max(w, h)
        spin = math.radians(float(rng.uniform(-2.5, 2.5)))
        src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
        dst = []
        for (x, y) in src:
            X, Y = x - w / 2, y - h / 2
            # rotate about x-axis (top tilted away from camera)
            Yr = Y * math.cos(tilt); Z = f + Y * math.sin(tilt) * -1
            u, v = f * X / Z, f * Yr / Z
            u, v = u * math.cos(spin) - v * math.sin(spin), u * math.sin(spin) + v * math.cos(spin)
            dst.append([u + Wc / 2, v + Hc / 2])
        dst = np.float32(dst)
        Mp = cv2.getPerspectiveTransform(src, dst)
        warped = cv2.warpPerspective(pg, Mp, (Wc, Hc), flags=cv2.INTER_LINEAR)
        mask = cv2.warpPerspective(np.ones((h, w), np.float32), Mp, (Wc, Hc), flags=cv2.INTER_LINEAR)
        img = warped * mask[..., None] + desk * (1 - mask[..., None])
        # diagonal illumination: top-left bright, bottom-right 40% darker (direction varies by seed)
        yy, xx = np.mgrid[0:Hc, 0:Wc].astype(np.float32)
        t = (xx / Wc + yy / Hc) / 2
        if rng.random() < 0.5:
            t = 1 - t
        illum = 1.0 - 0.40 * t
        img = img * illum[..., None]
        img = cv2.GaussianBlur(img, (0, 0), 0.9)
        img = img + rng.normal(0, 3, img.shape).astype(np.float32)
        out.append(Image.fromarray(img.clip(0, 255).astype(np.uint8)))
    info["shadow_tilt_deg"] = 8
    return out, dpi, 60


def d_lowcontrast(pages, info, doc):
    rng = np.random.default_rng(seed_of(doc, "lowcontrast"))
    out = []
    for p in pages:
        g = np.asarray(scale(p, 200).convert("L")).astype(np.float32)
        g = 150 + g * (235 - 150) / 255.0  # ink 0 -> 150, paper 255 -> 235
        g = g + rng.normal(0, 4, g.shape)
        salt = rng.random(g.shape) < 0.03
        g[salt] = 255
        pepper = rng.random(g.shape) < 0.003
        g[pepper] = 120
        out.append(Image.fromarray(g.clip(0, 255).astype(np.uint8)))
    return out, 200, 85


KINDS = {"sealonly": lambda p, i, d: d_brownseal(p, i, d, stamp=False),
         "stamponly": lambda p, i, d: d_brownseal(p, i, d, seal=False),
         # control: the same black stamp lifted 0.75 in, so none of its ink touches the number line
         "stampabove": lambda p, i, d: d_brownseal(p, i, d, seal=False, dy_in=1.2),
"jpeg100": d_jpeg100, "sideways": d_sideways, "brownseal": d_brownseal,
         "shadow": d_shadow, "lowcontrast": d_lowcontrast}


def main():
    meta = {}
    kinds = sys.argv[1:] or list(KINDS)
    for line in open(os.path.join(HERE, "docs.txt")):
        doc = line.split()[0]
        rec = json.load(open(f"{ROOT}/out/baseline/{doc}.json"))
        d = rec["document"]
        sig_page = d["evidence"]["signer"]["page"]
        person = [p for p in rec["people"] if p["name"] == d["signer"]["name"]][0]
        parts = person["evidence"]["parts"]
        pages_no = [1] if sig_page == 1 else [1, sig_page]
        pages = [render(doc, n) for n in pages_no]
        info = {"pages": pages_no, "sig_index": pages_no.index(sig_page),
                "number_box": d["evidence"]["number"]["boxes"][0],
                "position_box": parts["position"][0], "name_box": parts["name"][0]}
        for k in kinds:
            ims, dpi, q = KINDS[k](pages, info, doc)
            save_pdf(ims, f"{ROOT}/{k}/{doc}.pdf", dpi, q)
            # keep a PNG preview of each page for eyeballing
            os.makedirs(f"{ROOT}/preview/{k}", exist_ok=True)
            for i, im in enumerate(ims):
                im.save(f"{ROOT}/preview/{k}/{doc}-{i}.png")
        meta[doc] = info
        print(doc, pages_no, flush=True)
    json.dump(meta, open(f"{ROOT}/damage_meta.json", "w"), indent=1)


if __name__ == "__main__":
    main()
