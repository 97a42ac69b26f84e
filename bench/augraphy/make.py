"""Independent damage with augraphy. Run with a venv that has augraphy (see run.sh) [--only NAME ...]
Reads $AUG_WORK/work/manifest.json and pages/*.png (300 dpi clean renders made by prep.py),
writes $AUG_WORK/work/NAME.{photocopy,fax,inkpaper}.pdf and the damaged page PNGs under dmg/.
Everything is seeded from (name, kind, page): same inputs, same outputs."""
import json
import os
import random
import sys
import zlib
from pathlib import Path
import cv2, numpy as np
import matplotlib.font_manager  # noqa: F401  (augraphy's Scribbles reads it without importing it)
from PIL import Image
from augraphy import (AugraphyPipeline, BadPhotoCopy, LowInkRandomLines, LowInkPeriodicLines, DirtyDrum,
                      DirtyRollers, Faxify, InkBleed, BleedThrough, Letterpress, ShadowCast, LightingGradient,
                      Geometric, Folding, ReflectedLight, DepthSimulatedBlur, Scribbles, Markup)

WORK = Path(os.environ.get("AUG_WORK", "/tmp/aug")) / "work"
OUT = WORK / "dmg"
OUT.mkdir(exist_ok=True)

def seed_all(s):
    random.seed(s); np.random.seed(s % 2**32)

def photocopy(img, s):
    """A black-and-white photocopy: augraphy's default-pipeline settings of BadPhotoCopy (toner
    noise from an edge), LowInkRandomLines and DirtyDrum (streaks), a slight skew, then
    thresholded to 1 bit (DirtyDrum streaks lighter than the default, 150-224, so a streak speckles a line instead of blacking it out) at a copier 'darkness' of 140-170 (300 dpi)."""
    rng = random.Random(s)
    pipe = AugraphyPipeline(ink_phase=[LowInkRandomLines(count_range=(5, 10), use_consistent_lines=rng.choice([True, False]),
                                                         noise_probability=0.1, p=1)],
                            paper_phase=[], post_phase=[
        DirtyDrum(line_width_range=(1, 4), line_concentration=rng.uniform(0.05, 0.15), direction=rng.randint(0, 2),
                  noise_intensity=rng.uniform(0.6, 0.95), noise_value=(150, 224),
                  ksize=rng.choice([(3, 3), (5, 5), (7, 7)]), sigmaX=0, p=1),
        BadPhotoCopy(noise_type=-1, noise_side="random", noise_iteration=(1, 2), noise_size=(1, 3),
                     noise_value=(128, 196), noise_sparsity=(0.3, 0.6), noise_concentration=(0.1, 0.6),
                     blur_noise=rng.choice([True, False]), blur_noise_kernel=rng.choice([(3, 3), (5, 5), (7, 7)]),
                     wave_pattern=rng.choice([True, False]), edge_effect=rng.choice([True, False]), p=1),
        Geometric(rotate_range=(-2, 2), p=1)], random_seed=s)
    out = pipe(img)
    grey = cv2.cvtColor(out, cv2.COLOR_BGR2GRAY) if out.ndim == 3 else out
    bw = np.where(grey > rng.randint(140, 170), 255, 0).astype(np.uint8)
    return Image.fromarray(bw).convert("1"), 300

def fax(img, s):
    """Fax: the page sampled at ~200 x 100 dpi (standard fax), Faxify's binarisation (no halftone),
    received and printed back at 200 dpi square pixels (rows doubled)."""
    h, w = img.shape[:2]
    low = cv2.resize(img, (round(w * 200 / 300), round(h * 100 / 300)), interpolation=cv2.INTER_AREA)
    pipe = AugraphyPipeline(ink_phase=[], paper_phase=[], post_phase=[
        Faxify(scale_range=(1.0, 1.25), monochrome=1, halftone=0, p=1)], random_seed=s)
    out = pipe(low)
    grey = cv2.cvtColor(out, cv2.COLOR_BGR2GRAY) if out.ndim == 3 else out
    up = cv2.resize(grey, (round(w * 200 / 300), round(h * 200 / 300)), interpolation=cv2.INTER_NEAREST)
    return Image.fromarray(np.where(up > 127, 255, 0).astype(np.uint8)).convert("1"), 200

def inkpaper(img, s):
    """Ink and paper: ink bleed and letterpress unevenness on the ink; show-through of the back,
    a cast shadow and a lighting gradient over the sheet. Greyscale-colour, 300 dpi, JPEG q90."""
    pipe = AugraphyPipeline(ink_phase=[InkBleed(p=1), Letterpress(p=1)], paper_phase=[],
                            post_phase=[BleedThrough(p=1), ShadowCast(p=1), LightingGradient(p=1)],
                            random_seed=s)
    out = pipe(img)
    if out.ndim == 3:
        out = cv2.cvtColor(out, cv2.COLOR_BGR2RGB)
    return Image.fromarray(out).convert("RGB"), 300

def phone(img, s):
    """A phone photo of the sheet: augraphy's folds, lighting gradient, cast shadow, a lamp's
    reflection and depth-of-field blur on the page; then the sheet seen a little from the side
    (each corner moved up to 4% of the width) on a desk, about 190 dpi, JPEG q80."""
    rng = random.Random(s)
    pipe = AugraphyPipeline(ink_phase=[], paper_phase=[], post_phase=[
        Folding(fold_count=rng.randint(1, 2), fold_noise=0.0, gradient_width=(0.05, 0.1), gradient_height=(0.005, 0.01), p=1),
        LightingGradient(p=1), ShadowCast(p=1), ReflectedLight(p=0.5), DepthSimulatedBlur(blur_iteration_range=(2, 4), p=1)],
        random_seed=s)
    out = pipe(img)
    out = cv2.cvtColor(out, cv2.COLOR_GRAY2BGR) if out.ndim == 2 else out
    h, w = out.shape[:2]
    border = int(0.08 * w)
    desk = np.full((h + 2 * border, w + 2 * border, 3), (rng.randint(60, 140), rng.randint(70, 150), rng.randint(90, 170)), np.uint8)
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    jitter = lambda: rng.uniform(-0.04, 0.04) * w
    dst = np.float32([[border + x + jitter(), border + y + jitter()] for x, y in src])
    m = cv2.getPerspectiveTransform(src, dst)
    photo = cv2.warpPerspective(out, m, (desk.shape[1], desk.shape[0]), dst=desk, borderMode=cv2.BORDER_TRANSPARENT)
    scale = 190 / 300
    photo = cv2.resize(photo, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    ok, buf = cv2.imencode(".jpg", photo, [cv2.IMWRITE_JPEG_QUALITY, 80])
    photo = cv2.imdecode(buf, cv2.IMREAD_COLOR)
    return Image.fromarray(cv2.cvtColor(photo, cv2.COLOR_BGR2RGB)).convert("RGB"), 190

def marks(img, s):
    """Pen and highlighter over the page: augraphy's scribbles (strokes and handwritten words,
    any ink) and markup (highlights, underlines, crossings-out), scanned in colour at 300 dpi."""
    pipe = AugraphyPipeline(ink_phase=[], paper_phase=[], post_phase=[
        Scribbles(scribbles_count_range=(1, 4), p=1), Markup(num_lines_range=(2, 5), p=1)], random_seed=s)
    out = pipe(img)
    out = cv2.cvtColor(out, cv2.COLOR_BGR2RGB) if out.ndim == 3 else cv2.cvtColor(out, cv2.COLOR_GRAY2RGB)
    return Image.fromarray(out).convert("RGB"), 300

SALT = os.environ.get("AUG_SALT", "")
KINDS = {"photocopy": photocopy, "fax": fax, "inkpaper": inkpaper, "phone": phone, "marks": marks}

def main(argv):
    kinds = os.environ.get("AUG_KINDS", "photocopy,fax,inkpaper").split(",")
    only = set(argv[argv.index("--only") + 1:]) if "--only" in argv else None
    for doc in json.loads((WORK / "manifest.json").read_text()):
        if only and doc["name"] not in only:
            continue
        for kind, fn in ((k, KINDS[k]) for k in kinds):
            pages, dpi = [], 300
            for k, png in enumerate(doc["pngs"]):
                # AUG_SALT: another draw of the same damage on the same pages (a new set); unset,
                # the sets made before it are made again as they were
                s = zlib.crc32(f"{SALT}{doc['name']}|{kind}|{k}".encode()) % 2**31
                seed_all(s)
                img = cv2.imread(str(WORK / "pages" / png), cv2.IMREAD_COLOR)
                page, dpi = fn(img, s)
                page.save(OUT / f"{doc['name']}-{kind}-p{k+1}.png", dpi=(dpi, dpi))
                pages.append(page)
            pdf = WORK / f"{doc['name']}.{kind}.pdf"
            extra = {"quality": 90 if kind != "phone" else 80} if pages[0].mode == "RGB" else {}
            pages[0].save(pdf, save_all=True, append_images=pages[1:], resolution=dpi, **extra)
            print(doc["name"], kind, len(pages), "pages", dpi, "dpi", flush=True)

if __name__ == "__main__":
    main(sys.argv[1:])
