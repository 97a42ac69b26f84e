"""Office paper before OCR: coloured ink dropped, a photographed sheet found and squared, light evened."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from dispatch_reader.ingest import preprocess
from dispatch_reader.ingest.raster import split_colour


def _page(h: int = 1131, w: int = 800) -> np.ndarray:
    rgb = np.full((h, w, 3), 245, np.uint8)
    for y in range(100, 1000, 40):  # lines of black "text"
        cv2.putText(rgb, "CHU TICH UBND XA", (80, y), cv2.FONT_HERSHEY_SIMPLEX, 0.9, (20, 20, 20), 2)
    return rgb


def test_red_seal_and_blue_signature_go_white_black_text_under_them_stays():
    rgb = _page()
    seal = rgb.copy()
    cv2.circle(seal, (300, 500), 150, (200, 40, 40), 12)  # red ring
    cv2.line(seal, (100, 700), (500, 760), (30, 40, 160), 5)  # blue signature stroke
    # ink multiplies: black text under the red ring stays (nearly) black
    mixed = (rgb.astype(np.float32) * seal.astype(np.float32) / 255).astype(np.uint8)
    grey, share = preprocess.drop_colour_ink(mixed)
    assert share > 0.005
    ring = np.zeros(grey.shape, bool)
    cv2.circle(ring.view(np.uint8), (300, 500), 150, 1, 12)
    text = (cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY) < 100)
    assert grey[ring & ~text].mean() > 220  # the seal's strokes are paper now
    assert grey[ring & text].mean() < 90  # the letters beneath are still ink
    assert grey[740, 300] > 220 or grey[730, 300] > 220  # the signature too


def test_a_grey_page_carries_no_colour_copy():
    grey_rgb = np.repeat(cv2.cvtColor(_page(), cv2.COLOR_RGB2GRAY)[:, :, None], 3, axis=2)
    _, colour = split_colour(grey_rgb)
    assert colour is None
    seal = _page()
    cv2.circle(seal, (300, 500), 150, (200, 40, 40), 12)
    assert split_colour(seal)[1] is not None


def _faded_seal(rgb: np.ndarray) -> np.ndarray:
    """A faded brownish seal ring, patchy as an old ink pad prints: most of it pale (chroma ~25),
    a few dabs of stronger ink (~52, short of a fresh seal's 60+)."""
    ink = np.full_like(rgb, 255)
    cv2.circle(ink, (300, 500), 150, (200, 175, 170), 12)  # pale brown
    for angle in range(0, 360, 45):  # the pad's fuller dabs along the ring
        x, y = int(300 + 150 * np.cos(np.radians(angle))), int(500 + 150 * np.sin(np.radians(angle)))
        cv2.circle(ink, (x, y), 7, (175, 125, 118), -1)
    return (rgb.astype(np.float32) * ink.astype(np.float32) / 255).astype(np.uint8)


def test_a_faded_seal_is_colour_and_goes_whole_from_its_stronger_ink_black_text_under_it_stays():
    rgb = _page()
    mixed = _faded_seal(rgb)
    _, colour = split_colour(mixed)
    assert colour is not None  # no pixel over 60: the page is in colour all the same
    grey, _ = preprocess.drop_colour_ink(mixed)
    ring = np.zeros(grey.shape, bool)
    cv2.circle(ring.view(np.uint8), (300, 500), 150, 1, 12)
    text = cv2.dilate((cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY) < 200).astype(np.uint8), np.ones((5, 5), np.uint8))
    pale = ring & ~text.astype(bool)
    assert grey[pale].mean() > 235  # the pale ring went with its dabs, not the dabs alone
    assert grey[ring & (cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY) < 60)].mean() < 90  # letters under it stay


def test_a_fresh_seals_pale_rim_is_left_to_the_edge_rule_a_faded_seals_pale_ink_goes():
    """The hysteresis follows only a piece mostly pale (a faded seal, strong in dabs): a fresh
    seal's or a signature's pale pixels are their blend into the letters they cross."""
    weak = np.zeros((60, 300), bool)
    strong = np.zeros_like(weak)
    weak[10:50, 10:90] = True
    strong[10:50, 10:70] = True  # fresh: three quarters strong
    weak[10:50, 110:190] = True
    strong[25:35, 140:160] = True  # faded: a dab
    weak[10:50, 210:290] = True  # no strong ink at all: a tint
    kept = preprocess._faded_ink(weak, strong)
    assert not kept[:, :100].any() and kept[10:50, 110:190].all() and not kept[:, 200:].any()


def test_pale_colour_joined_to_no_strong_ink_stays():
    """Hysteresis needs a seed: a pale tint alone (a coloured form's shading) is no ink."""
    rgb = _page()
    tinted = rgb.copy()
    tinted[100:200, 500:700] = (235, 210, 205)  # a pale pink box, chroma ~30 before balance
    grey, _ = preprocess.drop_colour_ink(tinted)
    assert grey[120:180, 520:680].mean() < 240 - 5  # left as the grey it is, not lifted to paper


def test_a_seal_scanned_in_grey_goes_the_print_under_it_and_small_marks_stay():
    """A red seal scanned in grey is mid-grey with no black core; the print is black. The ring
    (joined to the letters it crosses) and the star go, the letters under them stay, and a
    small pale piece a tone mark's size is left alone."""
    grey = cv2.cvtColor(_page(), cv2.COLOR_RGB2GRAY)
    seal = np.full_like(grey, 255)
    cv2.circle(seal, (300, 500), 150, 110, 10)  # the ring, crossing the lines of print
    cv2.drawMarker(seal, (300, 500), 100, cv2.MARKER_STAR, 60, 12)  # the star
    cv2.circle(seal, (700, 150), 2, 120, -1)  # a pale speck a tone mark's size at 100 dpi
    page = np.minimum(grey, seal)  # ink over ink: the darker shows
    out, share = preprocess.drop_light_ink(page, 100.0)
    assert share > 0.002
    ring = np.zeros(page.shape, np.uint8)
    cv2.circle(ring, (300, 500), 150, 1, 10)
    text = cv2.dilate((grey < 128).view(np.uint8), np.ones((7, 7), np.uint8)).view(bool)
    assert out[ring.view(bool) & ~text].mean() > 240  # the ring is paper
    assert out[480:520, 290:310][~text[480:520, 290:310]].mean() > 240  # so is the star
    assert (out[grey < 60] < 80).mean() > 0.98  # the print, under the ring too, is as it was
    assert out[150, 700] < 200  # the speck stays


def _signing_page() -> tuple[np.ndarray, np.ndarray]:
    """A last page of a few lines (recipients, title, name) under a grey seal whose ring holds its
    body's name in letters of the print's size, pale (a tester's grey office scans)."""
    grey = np.full((1131, 800), 240, np.uint8)
    for y, words in ((100, "NOI NHAN"), (140, "- LUU VT"), (260, "CHU TICH"), (520, "PHAM VAN TRI")):
        cv2.putText(grey, words, (420, y), cv2.FONT_HERSHEY_SIMPLEX, 0.9, 20, 2)
    seal = np.full_like(grey, 255)
    cv2.circle(seal, (430, 455), 75, 95, 4)  # the ring, 1.5 in across, its bottom across the name
    for k in range(22):  # the ring's letters, inside it
        a = np.pi * (0.1 + 1.8 * k / 22)
        cv2.putText(seal, "UBND"[k % 4], (int(424 + 58 * np.cos(a)), int(461 + 58 * np.sin(a))),
                    cv2.FONT_HERSHEY_SIMPLEX, 0.45, 85, 1)
    return grey, np.minimum(grey, seal)


def test_a_grey_seal_on_a_signing_page_goes_though_its_ring_letters_outnumber_the_print():
    """The print's darkness was told from every letter-sized piece: on a page of a few lines the
    ring's pale letters were a fifth of them, the print judged faded, and the seal stayed over
    the signer's name (read `Văn Trí` for `Phạm Văn Trí`)."""
    grey, page = _signing_page()
    out, share = preprocess.drop_light_ink(page, 100.0)
    assert share > 0.002
    pale = (page < 200) & (grey >= 200)  # the seal's ink
    assert (out[pale] > 200).mean() > 0.9
    assert (out[grey < 60] < 80).mean() > 0.98  # the print is as it was


def test_a_faded_signing_page_keeps_its_grey():
    grey, page = _signing_page()
    faded = np.where(page < 60, 150, page).astype(np.uint8)
    out, share = preprocess.drop_light_ink(faded, 100.0)
    assert share == 0.0


def test_a_tables_pale_rules_on_a_grey_scan_stay():
    """A scanned table's rules are thin and pale, with no dark core, and the letters in the
    cells touch them; a skewed scan steps them a pixel aside now and then. They are no seal."""
    grey = cv2.cvtColor(_page(), cv2.COLOR_RGB2GRAY)
    page = grey.copy()
    for y in range(490, 1000, 40):  # a table in the lower half: its row rules through the
        cv2.line(page, (60, y), (740, y + 11), 140, 1)  # lines of print, a 1-in-60 slope
    for x in (60, 400, 740):
        cv2.line(page, (x, 490), (x + 4, 1000), 140, 1)
    out, _ = preprocess.drop_light_ink(page, 100.0)
    rules = (page == 140)
    assert (out[rules] < 200).mean() > 0.97


def test_a_page_of_faded_print_keeps_all_its_grey():
    """Faded toner: the letters are light grey themselves; nothing is told from print by it."""
    grey = cv2.cvtColor(_page(), cv2.COLOR_RGB2GRAY)
    faded = np.where(grey < 128, 150, grey).astype(np.uint8)
    cv2.circle(faded, (300, 500), 150, 170, 10)
    out, share = preprocess.drop_light_ink(faded, 100.0)
    assert share == 0.0 and (out == faded).all()


def _photo() -> tuple[np.ndarray, np.ndarray]:
    page = cv2.cvtColor(_page(), cv2.COLOR_RGB2GRAY)
    h, w = page.shape
    desk = np.full((1500, 1300), 70, np.uint8)
    corners = np.array([[210, 160], [1050, 220], [1120, 1330], [150, 1280]], np.float32)
    matrix = cv2.getPerspectiveTransform(np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32), corners)
    warped = cv2.warpPerspective(page, matrix, (1300, 1500), borderValue=0)
    mask = cv2.warpPerspective(np.full_like(page, 255), matrix, (1300, 1500))
    return np.where(mask > 0, warped, desk).astype(np.uint8), corners


def test_a_photographed_sheet_is_found_and_squared():
    photo, corners = _photo()
    found = preprocess.find_page(photo)
    assert found is not None
    assert np.abs(found - corners).max() < 15
    flat = preprocess.straighten(photo, found)
    assert abs(flat.shape[0] / flat.shape[1] - 297 / 210) < 0.02  # A4 again
    assert flat[:20, :20].mean() > 200  # no desk left in the corner


def test_a_scan_filling_the_image_is_not_taken_for_a_photo():
    assert preprocess.find_page(cv2.cvtColor(_page(), cv2.COLOR_RGB2GRAY)) is None


def test_a_shadow_across_the_page_is_evened_out():
    page = cv2.cvtColor(_page(), cv2.COLOR_RGB2GRAY).astype(np.float32)
    shade = np.linspace(0.45, 1.0, page.shape[1])[None, :]
    shadowed = (page * shade).astype(np.uint8)
    assert preprocess.uneven_light(shadowed, 150) > 40
    flat = preprocess.flatten_light(shadowed, 150)
    assert preprocess.uneven_light(flat, 150) < 15
    text = page < 100
    assert flat[text].mean() < 110  # ink still ink


def test_copier_bands_at_the_edge_are_cleared_and_text_is_not():
    page = cv2.cvtColor(_page(), cv2.COLOR_RGB2GRAY)
    page = np.where(page < 128, 0, 255).astype(np.uint8)  # a one-bit copy
    page[:, :45] = 0  # the copier saw past the sheet's left edge
    page[1100:, :] = 0
    assert preprocess.is_binary(page)
    cleared, share = preprocess.clear_dark_borders(page, 150)
    assert share > 0.03
    assert cleared[:, :40].mean() > 250 and cleared[1110:, :].mean() > 250
    text = np.where(cv2.cvtColor(_page(), cv2.COLOR_RGB2GRAY) < 128)
    inner = (text[1] > 60) & (text[0] < 1080)
    assert cleared[text[0][inner], text[1][inner]].mean() < 20  # every letter still black


def test_a_shadow_is_not_taken_for_a_table_rule():
    # Otsu on a half-shaded page marks the shade as ink; painting "rules" there erased the text
    page = cv2.cvtColor(_page(), cv2.COLOR_RGB2GRAY).astype(np.float32)
    shaded = page.copy()
    shaded[500:, :] *= 0.5
    cleaned, h_rules, _ = preprocess.find_rules(shaded.astype(np.uint8), 150)
    assert not h_rules
    text = page < 100
    assert cleaned[text].mean() < 110


def test_the_blend_of_coloured_ink_into_paper_leaves_no_outline():
    """A stamp's stroke fades into the paper through pale, less coloured pixels; left grey they
    draw an outline of every dropped stroke (a stamp's frame through the number line)."""
    rgb = _page()
    stamp = np.full_like(rgb, 255)
    cv2.rectangle(stamp, (60, 180), (420, 330), (110, 80, 170), 4)  # violet frame
    stamp = cv2.GaussianBlur(stamp, (7, 7), 2.0)  # the ink's edge: scanner blur, JPEG bleed
    mixed = (rgb.astype(np.float32) * stamp.astype(np.float32) / 255).astype(np.uint8)
    grey, _ = preprocess.drop_colour_ink(mixed)
    frame = np.zeros(grey.shape, np.uint8)
    cv2.rectangle(frame, (60, 180), (420, 330), 1, 12)  # the stroke and its blurred edge
    text = cv2.dilate((cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY) < 200).astype(np.uint8), np.ones((5, 5), np.uint8))
    paper = frame.astype(bool) & ~text.astype(bool)
    assert grey[paper].min() > 200  # no grey outline is left where the frame was
    assert grey[text.astype(bool) & (cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY) < 60)].mean() < 90



def test_a_sheet_photographed_on_a_brown_desk_is_found_although_the_desk_is_red_enough_to_drop():
    """Red/blue ink is dropped before OCR; a wooden desk is red enough to go with it and would
    turn as white as the paper, so the sheet is looked for first."""
    from dispatch_reader.ingest.ocr import _office_paper
    from dispatch_reader.ingest.raster import PageImage
    from dispatch_reader.ingest.settings import IngestSettings

    photo, _ = _photo()
    mask = photo != 70
    rgb = np.empty(photo.shape + (3,), np.uint8)
    rgb[:] = (150, 92, 52)  # wood
    rgb[mask] = np.repeat(photo[mask][:, None], 3, axis=1)
    assert preprocess.find_page(preprocess.drop_colour_ink(rgb)[0]) is None  # what went wrong
    grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    notes: list[str] = []
    out, _, _, _ = _office_paper(PageImage(grey=grey, dpi=150, width_pt=1300 * 72 / 150, height_pt=1500 * 72 / 150,
                                           colour=rgb), IngestSettings(), notes)
    assert any("straightened" in n for n in notes)
    assert out[:20, :20].mean() > 200  # no desk left in the corner


def test_a_toner_blot_inside_the_page_is_cleared_and_letters_rimmed_in_white_stay():
    """A worn copier's blot in mid-page (augraphy's bad photocopy makes them): the blot goes;
    a letter printed over it that kept a white rim is a piece of its own and stays, as do the
    letters round it. A page without a blot is left as it is."""
    clean = np.where(cv2.cvtColor(_page(), cv2.COLOR_RGB2GRAY) < 128, 0, 255).astype(np.uint8)
    assert preprocess.clear_toner_blots(clean, 150) == (clean, 0.0)
    page = clean.copy()
    page[420:620, 440:760] = 0  # a blot, 2.1 x 1.3 inches at 150 dpi, beside the text
    page[500:540, 570:630] = 255  # a white rim …
    page[508:532, 580:620] = 0  # … round a letter's stroke inside the blot
    cleared, share = preprocess.clear_toner_blots(page, 150)
    assert 0.05 < share < 0.09
    assert cleared[430:490, 450:560].min() == 255  # the blot is gone
    assert cleared[508:532, 580:620].max() == 0  # the rimmed stroke stays
    assert np.array_equal(cleared[:, :430], clean[:, :430])  # the letters beside it untouched
    # a seal's solid star (about 5 mm across) is no blot
    star = clean.copy()
    star[300:330, 600:630] = 0
    assert preprocess.clear_toner_blots(star, 150)[1] == 0.0


def _one_bit_page(h: int = 2400, w: int = 1700, stroke: int = 6) -> np.ndarray:
    """A one-bit copy at 300 dpi: lines of letters, strokes ~6 px wide as bold print is."""
    page = np.full((h, w), 255, np.uint8)
    for y in range(150, h - 100, 90):
        cv2.putText(page, "CHU TICH UBND XA", (120, y), cv2.FONT_HERSHEY_SIMPLEX, 2.0, 0, stroke)
    return page


def _dots(shape: tuple[int, int], density: float, seed: int) -> np.ndarray:
    """Where dots of toner two pixels square fall, `density` of the paper covered."""
    h, w = (shape[0] + 1) // 2, (shape[1] + 1) // 2
    grid = np.random.default_rng(seed).random((h, w)) < density
    return np.kron(grid, np.ones((2, 2), bool))[:shape[0], :shape[1]]


def test_a_copiers_dark_haze_is_evened_out_and_the_letters_under_it_stay():
    """Augraphy's dirty drum lays a haze of one-bit dots over part of a photocopy (made
    independently of our generator); under a dark one Tesseract read nothing of a header."""
    clean = _one_bit_page()
    page = clean.copy()
    haze = np.zeros(clean.shape, bool)
    haze[:900] = _dots((900, clean.shape[1]), 0.3, 1)  # the top three inches
    page[haze] = 0
    assert preprocess.is_binary(page)
    cleared, share = preprocess.clear_toner_haze(page, 300)
    assert 0.3 < share < 0.5
    letters = clean[:900] == 0
    blank = cv2.dilate(letters.view(np.uint8), np.ones((7, 7), np.uint8)) == 0
    assert (page[:900][blank] == 0).mean() > 0.25  # the haze before
    assert (cleared[:900][blank] == 0).mean() < 0.05  # the paper between the letters nearly white again
    assert (cleared[:900][letters] == 0).mean() > 0.85  # the letters still ink
    assert np.array_equal(cleared[1300:], clean[1300:])  # the page below the haze as it was
    # a thinner print (strokes three pixels wide) keeps most of its letters too
    thin = _one_bit_page(stroke=3)
    hazed = thin.copy()
    hazed[haze] = 0
    cleared, _ = preprocess.clear_toner_haze(hazed, 300)
    assert (cleared[:900][thin[:900] == 0] == 0).mean() > 0.75


def test_a_light_haze_is_left_as_it_is():
    """A light haze (a few per cent of the paper) is read as well as it is; evened out, a
    page's thin letters went with it (augraphy's, on a Gazette resolution)."""
    page = _one_bit_page()
    page[:900][_dots((900, page.shape[1]), 0.04, 5)] = 0
    before = page.copy()
    out, share = preprocess.clear_toner_haze(page, 300)
    assert share == 0.0 and np.array_equal(out, before) and np.array_equal(page, before)


def test_scattered_toner_specks_and_a_dotted_edge_are_no_haze():
    """A photocopy's few specks over the page, and the dotted fringe a copier's dark edge
    leaves along the sheet (our own photocopies have both): the page is left as it is."""
    page = _one_bit_page()
    page[_dots(page.shape, 0.003, 2)] = 0
    page[:90][_dots((90, page.shape[1]), 0.3, 3)] = 0  # a fringe 0.3 inches deep along the top
    before = page.copy()
    out, share = preprocess.clear_toner_haze(page, 300)
    assert share == 0.0 and np.array_equal(out, before) and np.array_equal(page, before)


def test_a_one_bit_copys_sheet_is_the_page_in_the_copiers_frame_never_what_a_haze_left_white():
    """A haze over the top of a photocopy leaves the rest of the page a bright block with an
    edge round it; taken for the sheet and straightened, the page lost its header. A copy
    turned inside the copier's black frame is straightened to its own edges still, and a
    sheet on a dark desk found."""
    from dispatch_reader.ingest import sheet

    hazed = _one_bit_page()
    hazed[:700] = np.where(_dots((700, hazed.shape[1]), 0.5, 4), 0, hazed[:700])
    hazed[:, :60] = 0
    hazed[:, -60:] = 0
    assert preprocess.is_binary(hazed)
    assert sheet.find_sheet(hazed) is None
    page = _one_bit_page()
    h, w = page.shape
    turn = cv2.getRotationMatrix2D((w / 2, h / 2), 2.0, 0.94)
    framed = cv2.warpAffine(page, turn, (w, h), flags=cv2.INTER_NEAREST, borderValue=0)
    assert preprocess.is_binary(framed)
    found = sheet.find_sheet(framed)
    assert found is not None
    corners = cv2.transform(np.array([[[0, 0], [w, 0], [w, h], [0, h]]], np.float32), turn)[0]
    assert np.abs(found - corners).max() < 25
    # a phone app's black-and-white photo of the sheet on a dark desk: a sheet still
    small = cv2.resize(page, None, fx=0.7, fy=0.7, interpolation=cv2.INTER_NEAREST)
    desk = np.zeros_like(page)
    desk[300:300 + small.shape[0], 250:250 + small.shape[1]] = small
    assert preprocess.is_binary(desk)
    assert sheet.find_sheet(desk) is not None


def _streaked(dark: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A one-bit page at 300 dpi with a letter's stem right against a copier's streak: (page,
    stem mask, streak mask). The streak, two pixels wide, runs the page's height a little
    slanted (a pixel over every 300 rows)."""
    page = np.full((3000, 1500), 255, np.uint8)
    for y in range(300, 2800, 120):  # black text round it sets the threshold
        cv2.putText(page, "QUYET DINH CUA UBND", (500, y), cv2.FONT_HERSHEY_SIMPLEX, 2, 0, 6)
    streak = np.zeros(page.shape, bool)
    for y in range(page.shape[0]):
        x = 400 + y // 300
        streak[y, x:x + 2] = True
    stem = np.zeros(page.shape, bool)
    stem[1000:1060, 393:403] = True  # a letter's stem, 10 px wide, 0.2 inch tall, touching the streak at x 403
    page[stem] = 0
    page[streak] = dark
    return page, stem & ~streak, streak


def test_a_faint_hair_thin_streak_find_rules_misses_is_cleared_alone() -> None:
    """A light streak fades below the threshold on find_rules' 100 dpi copy and stays on the
    page: clear_streaks takes its pixels and one beside them; the letter against it loses that
    one column only; a thick rule and a page without a streak are left as they are."""
    page, stem, streak = _streaked(110)
    _, _, vertical = preprocess.find_rules(page, 300)
    assert not vertical
    rule = np.zeros(page.shape, bool)
    rule[200:2800, 1200:1208] = True  # a table's rule, 8 px wide: not hair-thin
    page[rule] = 0
    cleaned, pieces = preprocess.clear_streaks(page, 300)
    assert pieces >= 1
    assert (cleaned[streak] == 255).all()
    lost = stem & (cleaned == 255)
    assert np.unique(np.nonzero(lost)[1]).tolist() == [402]
    assert (cleaned[rule] == 0).all()
    plain = np.full((3000, 1500), 255, np.uint8)
    cv2.putText(plain, "PHAM GIA TUC", (100, 500), cv2.FONT_HERSHEY_SIMPLEX, 3, 0, 8)
    same, none = preprocess.clear_streaks(plain, 300)
    assert none == 0 and same is plain


def _tilted_copy(streak_x: int | None) -> tuple[np.ndarray, np.ndarray]:
    """A one-bit copy at 300 dpi of a page laid 2.5° askew on the glass, text left-aligned (every
    line's first letter a stem at the margin), with, if asked, the copier's streak: one pixel
    wide, upright on the copy as scanned. (copy, streak mask)."""
    page = np.full((3000, 2000), 255, np.uint8)
    for y in range(300, 2800, 70):  # single-spaced lines, each starting with a stem
        cv2.putText(page, "HIEN NAM TRINH LIEN", (600, y), cv2.FONT_HERSHEY_SIMPLEX, 1.6, 0, 4)
    copy = np.where(preprocess.rotate(page, 2.5) < 128, 0, 255).astype(np.uint8)
    streak = np.zeros(copy.shape, bool)
    if streak_x is not None:
        streak[:, streak_x] = True
        copy[streak] = 0
    return copy, streak


def test_a_streak_slanted_by_the_pages_levelling_is_cleared_and_no_letters_with_it() -> None:
    """A copier's streak is upright on the copy; levelling the askew text slants it, so no
    column holds it (the real copy read `Số: [sigh TT` for `Số: 798/QĐ-TTg`). Told the turn,
    clear_streaks finds it on the ink turned back upright and takes it off the levelled page,
    the letters it crosses keeping their strokes; with no streak, nothing on the page goes."""
    copy, streak = _tilted_copy(900)
    levelled, angle = preprocess.deskew(copy, 300)
    assert 2.0 < abs(angle) < 3.0
    landed = preprocess.rotate(np.where(streak, 0, 255).astype(np.uint8), -angle) < 128
    plain = preprocess.rotate(_tilted_copy(None)[0], -angle)  # levelled by the same turn
    text = plain < 128
    # the line in the open: away from any letter
    line_only = landed & ~cv2.dilate(text.view(np.uint8), np.ones((3, 11), np.uint8)).astype(bool)
    assert line_only.sum() > 2000
    # the old way, a column at a time: the slanted line stays
    upright_only, _ = preprocess.clear_streaks(levelled, 300)
    assert (upright_only[line_only] < 128).mean() > 0.5
    cleaned, pieces = preprocess.clear_streaks(levelled, 300, angle)
    assert pieces >= 1
    assert (cleaned[line_only] < 128).mean() < 0.02
    # the letters it crossed keep their strokes: nothing of the text goes
    lost = text & (levelled < 128) & (cleaned >= 128)
    assert lost.sum() < 0.01 * (landed & text).sum() + 5
    same, none = preprocess.clear_streaks(plain, 300, angle)
    assert none == 0 and same is plain


def test_a_tables_thin_rule_levelled_with_the_text_is_no_streak_at_a_small_turn() -> None:
    """Levelled with its text, a table's hair-thin rule is upright on the page and leans by the
    turn on the ink turned back; widened there, at a small turn it stays in one column for
    over an inch, as a streak does. It leans: it stays (find_rules records it), and a streak
    beside it on the same page goes."""
    page = np.full((3000, 2000), 255, np.uint8)
    for y in range(300, 2800, 70):
        cv2.putText(page, "HO VA TEN", (300, y), cv2.FONT_HERSHEY_SIMPLEX, 1.6, 0, 4)
    page[200:2900, 1000:1003] = 0  # the table's rule, 3 px, 9 inches
    slant = 0.6
    turned = cv2.getRotationMatrix2D((1000, 1500), -slant, 1.0)
    streak = np.zeros(page.shape, np.uint8)
    streak[:, 1500] = 1  # upright on the copy: on the levelled page it leans by the turn
    streak = cv2.warpAffine(streak, turned, (2000, 3000), flags=cv2.INTER_NEAREST) > 0
    page[streak] = 0
    cleaned, pieces = preprocess.clear_streaks(page, 300, slant)
    assert pieces >= 1
    assert (cleaned[200:2900, 1000:1003] == 0).all()
    assert (cleaned[streak] < 128).mean() < 0.05


def _name_line() -> tuple[np.ndarray, np.ndarray]:
    page = np.full((600, 1400), 245, np.uint8)
    cv2.putText(page, "Nguyen Manh Khuong", (100, 300), cv2.FONT_HERSHEY_SIMPLEX, 2.2, 20, 6)
    return page, page < 128


def test_a_line_through_the_name_is_no_rule_and_goes_alone_an_underline_is_a_rule() -> None:
    """A signature's long straight stroke across the signer's name (or a fax's streak through
    a line of text) was found as a rule and painted white with its band, cutting every letter
    in half (`Nguyen Niqiut Tu`). It is part of ink far larger than itself (the letters it
    touches): it is no rule, and only its own pixels go. An underline below the same name is
    still a rule and still goes."""
    page, letters = _name_line()
    struck = page.copy()
    cv2.line(struck, (120, 285), (900, 285), 40, 3)  # through the letters' lower half
    stroke = np.zeros(page.shape, bool)
    stroke[282:289, :] = True
    cleaned, horizontal, _ = preprocess.find_rules(struck, 200)
    assert not horizontal
    assert (cleaned[letters & ~stroke] < 128).mean() > 0.99  # the letters above and below it are whole
    assert (cleaned[284:287, 120:900] > 200).mean() > 0.9  # the stroke itself is gone
    underlined = page.copy()
    cv2.line(underlined, (100, 330), (900, 330), 40, 4)  # clear of the letters
    cleaned, horizontal, _ = preprocess.find_rules(underlined, 200)
    assert len(horizontal) == 1
    assert cleaned[328:333, 150:850].min() > 200  # the underline is painted white
    assert (cleaned[letters] < 128).mean() > 0.99


def test_a_rule_a_blot_runs_into_is_still_a_rule() -> None:
    """A copier's blot or dark streak touching the motto's underline makes the ink round the
    line far larger than the line, as letters do; but letters touch a line through them all
    along it, a blot in one place only. The underline stays a rule, painted white."""
    page, letters = _name_line()
    cv2.line(page, (100, 330), (900, 330), 40, 4)
    cv2.rectangle(page, (150, 332), (200, 560), 0, -1)  # a blot hanging from the underline
    cleaned, horizontal, _ = preprocess.find_rules(page, 200)
    assert len(horizontal) == 1
    assert cleaned[328:333, 300:850].min() > 200


def _stepped_line(page: np.ndarray, x0: int, x1: int, y: int, step: int, thick: int = 3) -> None:
    """A horizontal line that steps down a pixel every `step` pixels, as a fax or a copy
    leaves a rule a little slanted."""
    for i, x in enumerate(range(x0, x1, step)):
        page[y + i:y + i + thick, x:min(x + step, x1)] = 0


def test_a_tables_rules_a_fax_left_slanted_are_rules_a_streak_as_slanted_is_not() -> None:
    """Stepping down a row every 140 pixels at 300 dpi, each of a list table's rules is one
    piece several rows tall on find_rules' 100 dpi copy and was refused as too thick: the
    table's rows ran together. A rule meeting the column rules is as thin as its ink per
    inch. A line as slanted that meets no column rule (a signature's long stroke, a fax's
    streak) is left as it was before: none of a table's."""
    page = np.full((1200, 2400), 255, np.uint8)
    for x in (200, 700, 1300, 2200):
        page[300:1000, x:x + 3] = 0  # column rules
    for y in (300, 500, 700, 900):
        _stepped_line(page, 200, 2203, y, 140)
    _, horizontal, vertical = preprocess.find_rules(page, 300)
    assert len(vertical) == 4
    assert len(horizontal) == 4 and all(s[2] - s[0] > 1900 for s in horizontal)
    alone = np.full((1200, 2400), 255, np.uint8)
    _stepped_line(alone, 200, 2203, 170, 140)
    cleaned, horizontal, _ = preprocess.find_rules(alone, 300)
    assert not horizontal and (cleaned == alone).all()


def _marked_line(stroke: int = 3) -> tuple[np.ndarray, list[tuple[int, int, int, int]]]:
    """A line of print at 300 dpi, one bit, whose marks a hard copy broke into speck-sized
    pieces: two pixels over a letter's top (an accent's tip) and under its foot (the dot of
    `ạ`), a pixel beside a stem's top; strokes `stroke` pixels wide (3: a light copy of regular
    print). Returns the page and each piece's box (y0, y1, x0, x1)."""
    page = np.full((400, 900), 255, np.uint8)
    pieces = []
    for i, x in enumerate(range(100, 800, 60)):
        page[200:230, x:x + stroke] = 0  # a letter's stem, 30 px (x-height at 13 pt)
        page[200:200 + stroke, x:x + 30] = 0  # its shoulder
        y = 190 if i % 3 == 0 else (236 if i % 3 == 1 else 196)
        dx = x + 12 if i % 3 != 2 else x + 31
        page[y:y + 2, dx:dx + 2] = 0
        pieces.append((y, y + 2, dx, dx + 2))
    return page, pieces


def test_a_copys_stray_specks_go_and_a_marks_broken_pieces_stay() -> None:
    """A copy of a copy strews two-pixel specks over the paper, between and around the lines:
    about thin print they go. The pieces a hard copy broke a mark into lie over, under or just
    beside a letter: they stay (clearing every speck-sized piece cost our photocopies their
    marks, OCR 104). About bold strokes, and at a fax's resolution, where a mark is a speck's
    size, nothing is cleared."""
    page, pieces = _marked_line()
    strewn = page.copy()
    specks = []
    for y in range(10, 390, 23):
        for x in range(10, 890, 29):
            if 150 <= y <= 260 and 80 <= x <= 820:
                continue  # the line's own band is left to the marks
            strewn[y:y + 2, x:x + 2] = 0
            specks.append((y, x))
    out, cleared = preprocess.clear_stray_specks(strewn, 300)
    assert cleared == len(specks)
    assert all((out[y:y + 2, x:x + 2] == 255).all() for y, x in specks)
    assert all((out[y0:y1, x0:x1] == 0).all() for y0, y1, x0, x1 in pieces)
    assert (out == page).all()
    # the same specks about print of strokes 6 pixels wide (a darker copy): left as they are
    bold, _ = _marked_line(stroke=6)
    bold[strewn == 0] = 0
    kept, none = preprocess.clear_stray_specks(bold, 300)
    assert none == 0 and (kept == bold).all()
    low, none = preprocess.clear_stray_specks(strewn, 200)
    assert none == 0 and (low == strewn).all()
    # a fax's 200 x 100 dpi rendered at 300: a pixel of its rows is a speck's size at 300 dpi
    fax, none = preprocess.clear_stray_specks(strewn, 300, scan_dpi=100)
    assert none == 0 and (fax == strewn).all()


def test_a_speck_between_two_words_on_the_line_goes() -> None:
    """A speck at a word gap on the line itself, far from any letter's top or foot column, is no
    mark: it goes (`ngày . 15` read a stop into the date)."""
    page, _ = _marked_line()
    page[215:217, 850:852] = 0  # past the last letter, at mid-height
    out, cleared = preprocess.clear_stray_specks(page, 300)
    assert cleared == 1 and (out[215:217, 850:852] == 255).all()


def test_a_coloured_desk_round_a_photographed_sheet_is_not_told_as_dropped_ink() -> None:
    """A clerk read `red/blue ink (seal, signature, stamp) dropped: 22.5% of the page` on a phone
    photo with no stamp at all: the green desk round the sheet went with the colour. The
    shares told are the sheet's."""
    from dispatch_reader.ingest.ocr import _office_paper
    from dispatch_reader.ingest.raster import PageImage
    from dispatch_reader.ingest.settings import IngestSettings

    photo, _ = _photo()
    mask = photo != 70
    rgb = np.empty(photo.shape + (3,), np.uint8)
    rgb[:] = (40, 110, 60)  # a green desk
    rgb[mask] = np.repeat(photo[mask][:, None], 3, axis=1)
    notes: list[str] = []
    _office_paper(PageImage(grey=cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY), dpi=150, width_pt=1300 * 72 / 150,
                            height_pt=1500 * 72 / 150, colour=rgb), IngestSettings(), notes)
    assert any("straightened" in n for n in notes)
    assert not any("dropped" in n for n in notes), notes


def _faint_grid_page(rule: int, paper: int = 245, off: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A grey page at 300 dpi (a scan's paper) holding a list table ruled in light grey broken
    every few pixels, as an ink-jet or a worn toner prints it, and dark lines of text in its
    cells. (page, rules mask, text mask)."""
    rng = np.random.default_rng(3)
    page = np.clip(rng.normal(paper, 2, (1800, 2400)), 0, 255).astype(np.uint8)
    rules = np.zeros(page.shape, bool)
    columns = [x + off for x in (200, 420, 1100, 2200)]  # `off`: the rules off the 100 dpi copy's grid
    for y in range(300 + off, 1500, 150):
        rules[y:y + 3, 200:2200] = True
    for x in columns:
        rules[300:1353, x:x + 3] = True
    broken = rules.copy()
    broken[:, ::7] &= False  # a gap every 7 pixels along the rows' rules
    broken[::7, :] &= ~np.isin(np.arange(2400), [x + k for x in columns for k in range(3)])
    page[broken] = rule
    text = np.zeros(page.shape, np.uint8)
    for y in range(400, 1450, 150):
        cv2.putText(text, "Nguyen Thi Chuyen", (460, y), cv2.FONT_HERSHEY_SIMPLEX, 1.5, 1, 4)
        cv2.putText(text, "Xa Muong Khoa", (1140, y), cv2.FONT_HERSHEY_SIMPLEX, 1.5, 1, 4)
    page[text > 0] = 70
    return page, rules, text > 0


@pytest.mark.parametrize(("rule", "off"), [(190, 0), (205, 1), (205, 2), (210, 0)])
def test_a_grey_pages_faint_broken_rules_are_found_and_painted_out(rule: int, off: int) -> None:
    """An ink-jet list's rules at grey 190-210 on paper of 245, broken every few pixels, fall
    above Otsu's threshold on find_rules' 100 dpi copy: they stayed on the page (`STT` read
    `[STTÌ`, no header found, seven of eight rows lost). On a grey page they are found, each
    rule whole, wherever it falls on the 100 dpi copy's grid (averaged with the paper there,
    a rule three pixels wide split over two of its pixels faded past any threshold), and
    painted out; the text in the cells keeps its ink and gives no rule."""
    page, rules, text = _faint_grid_page(rule, off=off)
    _, otsu_h, otsu_v = preprocess.find_rules(np.where(page > 240, 255, page).astype(np.uint8), 300)
    assert not otsu_h and not otsu_v  # on white paper Otsu's ink holds none of them
    cleaned, horizontal, vertical = preprocess.find_rules(page, 300)
    long_h = [s for s in horizontal if s[2] - s[0] > 1500]
    long_v = [s for s in vertical if s[3] - s[1] > 900]
    assert len({round(s[1] / 10) for s in long_h}) == 8 and len({round(s[0] / 10) for s in long_v}) == 4
    assert (cleaned[rules & ~text] > 230).mean() > 0.95
    assert (cleaned[text & ~cv2.dilate(rules.view(np.uint8), np.ones((9, 9), np.uint8)).astype(bool)] < 100).mean() > 0.99
    # no rule runs along a line of text (its letters' grey fringe, closed along the line)
    lines = [y for y in range(400, 1450, 150)]
    assert not [s for s in horizontal if any(y - 40 < (s[1] + s[3]) / 2 < y + 10 for y in lines)]


def test_a_white_pages_rules_are_found_as_before() -> None:
    """A one-bit copy's or a rendered page's paper is white: rules as light as these are
    its paper's grain, not looked for (nothing a fax or photocopy reads changes)."""
    page, rules, _ = _faint_grid_page(190, paper=255)
    _, horizontal, vertical = preprocess.find_rules(page, 300)
    assert not [s for s in horizontal if s[2] - s[0] > 1500] and not [s for s in vertical if s[3] - s[1] > 900]


def test_no_faint_rule_is_made_of_a_crease_on_letters_or_of_a_dotted_leader() -> None:
    """On a grey page, a fold's crease running along the tops of a line of letters is no rule
    (painted white with them, it took the bars of T and the marks over the vowels: letters lie
    under it wherever there are words); nor is a dotted or dashed leader (`Ho va ten: .....`,
    `Ky ten: -----`), whose gaps the faint rules' closing bridges: its ink is the print's."""
    rng = np.random.default_rng(0)
    page = np.full((1200, 2480), 240, np.uint8)
    for n, y in enumerate(range(200, 1000, 120)):
        words = "THANH TOAN THU TUC HOP DONG" if n != 3 else "Ho va ten: " + "." * 45 + "   Ky ten: " + "-" * 20
        cv2.putText(page, words, (250, y), cv2.FONT_HERSHEY_SIMPLEX, 2.0, 60, 5)
    text = page < 150
    tops = [next(row for row in range(y - 80, y) if text[row].any()) for y in range(200, 1000, 120)]
    creased = page.astype(np.float32)
    creased[tops[0]:tops[0] + 4, :] -= 40  # across the page, on the first line's tops
    creased = cv2.GaussianBlur(np.clip(creased + rng.normal(0, 2, page.shape), 0, 255), (0, 0), 1.0).astype(np.uint8)
    cleaned, horizontal, _ = preprocess.find_rules(creased, 300)
    assert not [s for s in horizontal if s[2] - s[0] > 600]
    assert int((text & (cleaned > 220)).sum()) < 100


def test_a_grey_scan_on_white_paper_has_its_seal_dropped_though_it_looks_one_bit() -> None:
    """A tester's grey office scans: white paper and black print are nearly all of the page, so
    is_binary called it a copy and the grey seal was never looked for; the signer's name under
    it was lost on 8 pages of 10."""
    from dispatch_reader.ingest.ocr import _office_paper
    from dispatch_reader.ingest.raster import PageImage
    from dispatch_reader.ingest.settings import IngestSettings

    grey, page = _signing_page()
    page = np.where(page > 230, 250, page).astype(np.uint8)  # white paper
    assert preprocess.is_binary(page)
    notes: list[str] = []
    # (the copier's clean-up off: the seal is the dropout's to take, not a blot's)
    out, _, _, _ = _office_paper(PageImage(grey=page, dpi=100.0, width_pt=800 * 72 / 100, height_pt=1131 * 72 / 100),
                                 IngestSettings(upscale_below_dpi=0, flatten_light=False), notes)
    assert any("light grey ink" in n for n in notes), notes
    assert (out[(page < 200) & (grey >= 200)] > 200).mean() > 0.9


def test_a_one_bit_copy_keeps_its_black_seal_and_every_pixel() -> None:
    """On a one-bit copy the seal is as black as the print: nothing of it is light, and what
    little the dropout would take (a JPEG's grey fringe round it) is left as it was."""
    from dispatch_reader.ingest.ocr import _office_paper
    from dispatch_reader.ingest.raster import PageImage
    from dispatch_reader.ingest.settings import IngestSettings

    grey, page = _signing_page()
    copy = np.where(page < 200, 0, 255).astype(np.uint8)
    copy[395:398, 300:303] = 140  # a speck of grey fringe, no dark core
    notes: list[str] = []
    image = PageImage(grey=copy, dpi=100.0, width_pt=800 * 72 / 100, height_pt=1131 * 72 / 100)
    out, _, _, _ = _office_paper(image, IngestSettings(upscale_below_dpi=0), notes)
    without, _, _, _ = _office_paper(image, IngestSettings(upscale_below_dpi=0, colour_dropout=False), [])
    assert not any("light grey ink" in n for n in notes)
    assert (out == without).all()


def test_a_photos_shaded_print_is_not_taken_for_light_ink() -> None:
    """On a photo of a sheet the print in the shade is grey (darkest at 70-90 after the light is
    evened): a grey scan's seal letters are no lighter. OCR 146 dropped a phone photo's shaded
    number line with them; a photographed page keeps the higher bar."""
    grey = np.full((1131, 800), 240, np.uint8)
    for y in range(100, 1000, 40):
        cv2.putText(grey, "CHU TICH UBND XA", (80, y), cv2.FONT_HERSHEY_SIMPLEX, 0.9, 20, 2)
    cv2.putText(grey, "SO: 1587/QD-UBND", (80, 60), cv2.FONT_HERSHEY_SIMPLEX, 0.9, 80, 2)  # in the shade
    shaded = grey == 80
    out, _ = preprocess.drop_light_ink(grey, 100.0, photographed=True)
    assert (out[shaded] == 80).all()


@pytest.mark.parametrize("photographed", [False, True])
def test_red_print_in_grey_outside_a_seal_stays(photographed: bool) -> None:
    """A reviewer's: a red party header or `HỎA TỐC` scans in grey as dark as a seal's own
    letters (82-88); outside a seal's ring it is print, and stays."""
    grey = np.full((1131, 800), 240, np.uint8)
    for y in range(140, 1000, 40):
        cv2.putText(grey, "CHU TICH UBND XA", (80, y), cv2.FONT_HERSHEY_SIMPLEX, 0.9, 20, 2)
    cv2.putText(grey, "DANG CONG SAN VIET NAM", (80, 80), cv2.FONT_HERSHEY_SIMPLEX, 0.9, 85, 2)
    red = grey == 85
    out, _ = preprocess.drop_light_ink(grey, 100.0, photographed=photographed)
    assert (out[red] == 85).all()


def test_a_seal_laid_over_the_print_as_an_opaque_layer_keeps_the_letters_under_it() -> None:
    """A tester's seals were blended over the page (red over black came out red, as image tools
    lay a layer, not black as ink does): the letters under the ring went with it, and the
    signer's family name with them on a colour scan of every page."""
    rgb = _page()
    ring = np.zeros(rgb.shape[:2], np.uint8)
    cv2.circle(ring, (300, 500), 75, 1, 6)  # 1.5 in across at 100 dpi
    alpha = 0.7 * ring[:, :, None]
    blended = (rgb * (1 - alpha) + np.array([205, 30, 40]) * alpha).astype(np.uint8)
    grey, _ = preprocess.drop_colour_ink(blended)
    text = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY) < 100
    under = ring.view(bool) & text
    assert under.sum() > 50
    assert (grey[under] < 110).mean() > 0.9  # the letters under the ring are ink still
    assert grey[ring.view(bool) & ~cv2.dilate(text.view(np.uint8), np.ones((3, 3), np.uint8)).view(bool)].mean() > 220


def test_a_receiving_stamps_darker_handwriting_over_the_print_still_goes() -> None:
    """Only a round seal's darker pixels are print beneath: a receiving stamp (a rectangle) and
    the figures written into it in denser ink are its own, and go (taking them kept a stamp's
    handwriting across the header's number on our received copies)."""
    rgb = _page()
    stamp = rgb.copy()
    cv2.rectangle(stamp, (100, 80), (420, 240), (40, 60, 190), 3)  # the stamp's frame, blue
    cv2.putText(stamp, "1234", (150, 200), cv2.FONT_HERSHEY_SIMPLEX, 1.6, (20, 30, 120), 4)  # denser ink
    mixed = (rgb.astype(np.float32) * stamp.astype(np.float32) / 255).astype(np.uint8)
    grey, _ = preprocess.drop_colour_ink(mixed)
    hand = (np.abs(stamp.astype(int) - rgb.astype(int)).sum(axis=2) > 60) & (cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY) > 200)
    assert (grey[hand] > 200).mean() > 0.9


def test_a_page_sized_coloured_piece_is_no_seal() -> None:
    """A photo of colour noise is one coloured piece the page's size, as tall as wide: told as a
    seal, its darker pixels were kept as print and the noise read as words."""
    rgb = np.random.default_rng(7).integers(0, 256, (1600, 1200, 3), dtype=np.uint8)
    coloured = (rgb.max(axis=2).astype(int) - rgb.min(axis=2)) > preprocess.INK_CHROMA
    assert preprocess._round_seals(coloured) == []


def test_the_frame_of_a_straightened_photo_is_no_table_rule():
    """A phone photo straightened to its sheet keeps a dark line along the image's edges: taken
    for rules with the list's, the whole page was one table's cell and its header was lost."""
    page = np.full((1600, 1200), 255, np.uint8)
    cv2.rectangle(page, (0, 0), (1199, 1599), 0, 3)  # the frame, on the image's edge
    for y in (1100, 1200, 1300):  # a list's grid in the page's margins
        cv2.line(page, (150, y), (1050, y), 0, 2)
    for x in (150, 400, 1050):
        cv2.line(page, (x, 1100), (x, 1300), 0, 2)
    _, h_rules, v_rules = preprocess.find_rules(page, 150)
    h_kept, v_kept = preprocess.off_the_edges(h_rules, v_rules, page.shape, 150)
    assert len(h_kept) < len(h_rules) and len(v_kept) < len(v_rules)  # the frame was found, and left out
    assert [abs(a - b) < 5 for a, b in zip(sorted(s[1] for s in h_kept), (1100, 1200, 1300))] == [True] * 3
    assert [abs(a - b) < 5 for a, b in zip(sorted(s[0] for s in v_kept), (150, 400, 1050))] == [True] * 3
    assert len(h_kept) == 3 and len(v_kept) == 3


def test_a_flatbed_scans_colour_fringes_on_print_still_leave_no_stamp_outline():
    """A much-handled original scanned in colour at JPEG q85: black print carries colour fringes
    (~16 at the 99th percentile), past a phone photo's bar for telling the ink's blend from
    letters, and the receiving stamp's frame and letters were left as grey outlines across the
    number line. A scan (no sheet found on a ground) takes the blend; a photo does not."""
    rgb = _page()
    rng = np.random.default_rng(3)
    dark = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY) < 128
    fringe = rng.integers(0, 17, size=(*rgb.shape[:2], 3))
    rgb = np.where(dark[..., None], np.clip(rgb.astype(int) + fringe, 0, 255), rgb).astype(np.uint8)
    stamp = np.full_like(rgb, 255)
    cv2.rectangle(stamp, (60, 180), (420, 330), (110, 80, 170), 4)
    stamp = cv2.GaussianBlur(stamp, (7, 7), 2.0)
    mixed = (rgb.astype(np.float32) * stamp.astype(np.float32) / 255).astype(np.uint8)
    frame = np.zeros(mixed.shape[:2], np.uint8)
    cv2.rectangle(frame, (60, 180), (420, 330), 1, 12)
    text = cv2.dilate(dark.astype(np.uint8), np.ones((5, 5), np.uint8)).astype(bool)
    paper = frame.astype(bool) & ~text
    scanned, _ = preprocess.drop_colour_ink(mixed, photographed=False, first_page=True)
    assert scanned[paper].min() > 200
    assert scanned[dark & ~frame.astype(bool)].mean() < 90
    photo, _ = preprocess.drop_colour_ink(mixed, photographed=True, first_page=True)
    assert photo[paper].min() <= 200  # a photo keeps the blend: its letters' marks would go with it
    # only in the first page's header band: beside a signature lower down, or on a later page,
    # the fringed letters' marks would go with the blend
    later, _ = preprocess.drop_colour_ink(mixed, photographed=False, first_page=False)
    assert later[paper].min() <= 200
    low = np.vstack([np.full((700, mixed.shape[1], 3), 255, np.uint8), mixed])
    lower, _ = preprocess.drop_colour_ink(low, photographed=False, first_page=True)
    assert lower[700:][paper].min() <= 200
