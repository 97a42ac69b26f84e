"""The sheet on a phone photo found by its edges when light and shadow fool the brightness
threshold (a shaded half of the paper as dark as the desk, a bright patch of desk)."""

from __future__ import annotations

import cv2
import numpy as np

from dispatch_reader.ingest import preprocess, sheet


def _sheet_on_desk(desk: float, dog_ear: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(photo as float, the sheet's mask, its corners): a page of text seen at a slant on a
    flat desk of grey `desk`, 1300 x 1500 pixels; its top right corner folded back by
    `dog_ear` pixels (the desk shows there)."""
    h, w = 1131, 800
    page = np.full((h, w), 235, np.uint8)
    for y in range(100, 1000, 40):
        cv2.putText(page, "CHU TICH UBND XA TAN PHONG", (60, y), cv2.FONT_HERSHEY_SIMPLEX, 0.9, 30, 2)
    out_h, out_w = 1500, 1300
    corners = np.array([[260, 170], [1080, 120], [1130, 1330], [180, 1390]], np.float32)
    matrix = cv2.getPerspectiveTransform(np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32), corners)
    paper = np.full_like(page, 255)
    if dog_ear:
        cv2.fillConvexPoly(paper, np.array([[w - dog_ear, 0], [w, 0], [w, dog_ear]], np.int32), 0)
    mask = cv2.warpPerspective(paper, matrix, (out_w, out_h)) > 0
    photo = np.where(mask, cv2.warpPerspective(page, matrix, (out_w, out_h)).astype(np.float32), np.float32(desk))
    return photo, mask, corners


def _photo(shadow: bool) -> tuple[np.ndarray, np.ndarray]:
    photo, mask, corners = _sheet_on_desk(120)
    out_h, out_w = photo.shape
    if shadow:
        # light from the right: the left of the image in shadow, paper and desk alike, and a
        # bright patch of desk in the top left corner
        light = np.linspace(0.4, 1.0, out_w, dtype=np.float32)[None, :]
        photo = photo * light
        yy, xx = np.mgrid[0:out_h, 0:out_w]
        patch = (~mask) & ((xx - 40) ** 2 + (yy - 40) ** 2 < 180 ** 2)
        photo[patch] = 215
    return np.clip(photo, 0, 255).astype(np.uint8), corners


def test_a_sheet_half_in_shadow_is_found_by_its_edges() -> None:
    photo, corners = _photo(shadow=True)
    bright = preprocess.find_page(photo)
    assert bright is None or np.abs(bright - corners).max() > 60  # the brightness threshold is fooled
    found = sheet.find_sheet(photo)
    assert found is not None and np.abs(found - corners).max() < 20


def test_where_both_agree_the_bright_outline_stands_and_a_scan_has_no_sheet() -> None:
    photo, corners = _photo(shadow=False)
    bright = preprocess.find_page(photo)
    assert bright is not None and np.abs(bright - corners).max() < 20
    assert np.array_equal(sheet.find_sheet(photo), bright)
    scan = np.full((1131, 800), 245, np.uint8)
    for y in range(150, 1000, 40):  # a text block with white margin round it: no desk
        cv2.putText(scan, "CHU TICH UBND XA TAN PHONG", (80, y), cv2.FONT_HERSHEY_SIMPLEX, 0.9, 30, 2)
    assert sheet.find_sheet(scan) is None


def test_a_shadow_cast_over_a_flat_scan_is_no_sheet() -> None:
    """A flat scan, a soft shadow across its right half and light falling off to the corners
    (augraphy's ShadowCast and LightingGradient, made independently of our generator): the
    bright part is a blob the brightness threshold takes, but no edge runs along its border.
    Taken for a photographed sheet, the scan was warped and its signer lost."""
    h, w = 1600, 1131
    scan = np.full((h, w), 240, np.uint8)
    for y in range(120, 1500, 40):
        cv2.putText(scan, "CHU TICH UBND XA TAN PHONG VE VIEC", (70, y), cv2.FONT_HERSHEY_SIMPLEX, 0.9, 30, 2)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    # a soft-edged shadow over the right part (its border blurred over ~120 px)
    shade = 1.0 - 0.55 / (1.0 + np.exp(-(xx - 0.6 * w - 0.2 * (yy - h / 2)) / 40.0))
    vignette = 1.0 - 0.35 * (((xx - w / 2) / w) ** 2 + ((yy - h / 2) / h) ** 2)
    shaded = np.clip(scan.astype(np.float32) * shade * vignette, 0, 255).astype(np.uint8)
    assert preprocess.find_page(shaded) is not None  # the brightness threshold alone is fooled
    assert sheet.find_sheet(shaded) is None


def test_a_sheet_whose_corner_lies_in_a_hands_shadow_is_found_by_the_hull_of_its_edges() -> None:
    """A hand's soft shadow over the sheet's lower left corner and the desk beside it (as in
    augraphy's phone photos): the bright blob is no quadrilateral and the edge outline is
    broken at the corner, so neither gives the sheet; the hull of every edge does, its sides
    on the paper's edges and the desk outside darker. Unstraightened, the page was read at
    a slant."""
    photo, _, corners = _sheet_on_desk(150)
    out_h, out_w = photo.shape
    yy, xx = np.mgrid[0:out_h, 0:out_w].astype(np.float32)
    photo *= 1.0 - 0.7 / (1.0 + np.exp((np.hypot(xx - 150, yy - 1250) - 420) / 30.0))
    photo = np.clip(photo, 0, 255).astype(np.uint8)
    assert preprocess.find_page(photo) is None
    found = sheet.find_sheet(photo)
    assert found is not None and np.abs(found - corners).max() < 20


def test_a_ruled_tables_frame_is_no_sheet_for_its_paper_lies_outside_it() -> None:
    """A landscape sheet holding a ruled table, photographed on a grey desk: the table's frame
    is a closed outline along edges with the desk darker than its inside overall, but just
    outside its sides lies paper, not desk. Straightened to the frame, the page lost its
    header and was read at a wrong scale."""
    photo = np.full((900, 1200), 120, np.uint8)
    photo[100:800, 100:1100] = 235  # the sheet
    cv2.rectangle(photo, (200, 250), (1000, 700), 20, 3)  # the table's frame
    for y in range(300, 700, 50):
        cv2.line(photo, (200, y), (1000, y), 20, 2)
    table = np.array([[200, 250], [1000, 250], [1000, 700], [200, 700]], np.float32)
    paper = np.array([[100, 100], [1099, 100], [1099, 799], [100, 799]], np.float32)
    small, factor = sheet._small(photo)
    assert sheet._sides(small, table * factor) == (0, 4)
    assert sheet._sides(small, paper * factor) == (4, 0)



def test_a_table_page_on_a_pale_desk_is_never_cut_to_its_tables_frame() -> None:
    """A fresh-eyes tester's synthetic photo (tests/fixtures/sheet_table_pale_desk.png, made with
    OpenCV and kept at the 600 pixels find_sheet looks at): a page whose ruled table fills most
    of it, on a pale desk (grey 209 against paper 236), a corner just off the photo. The
    table's frame is a closed outline along edges that differs from the bright blob, and it
    was taken for the sheet: the header and the signer were cut away. Paper lies outside the
    frame's sides, so it is no sheet: the answer is the sheet, or none."""
    from pathlib import Path

    photo = cv2.imread(str(Path(__file__).parent / "fixtures" / "sheet_table_pale_desk.png"), cv2.IMREAD_GRAYSCALE)
    corners = np.array([[74, 170], [344, 222], [277, 587], [-1, 536]], np.float32)  # the sheet's
    found = sheet.find_sheet(photo)
    assert found is None or np.abs(found - corners).max() < 0.03 * max(photo.shape)


def test_a_lit_part_of_the_sheet_bounded_by_a_shadow_is_not_taken_for_the_sheet() -> None:
    """A shadow across the top of the sheet and the desk beside it (augraphy's phone photos: a
    hand's or the phone's shadow): the brightness threshold takes the lit lower part of the
    paper, a clean quadrilateral whose bottom and sides run along the sheet's edges, and the
    page was straightened to it with its header cut away. The hull of every edge holds it and
    is clearly larger, its sides on the paper's edges with the desk outside darker: that is
    the sheet. (A corner folded back keeps the edges' own outline from being a
    quadrilateral, as a photo's blur breaks it on augraphy's.)"""
    photo, _, corners = _sheet_on_desk(120, dog_ear=60)
    out_h, out_w = photo.shape
    yy = np.mgrid[0:out_h, 0:out_w][0].astype(np.float32)
    photo *= 1.0 - 0.55 / (1.0 + np.exp((yy - 560) / 12.0))  # dark above y 560, a soft border
    photo = np.clip(photo, 0, 255).astype(np.uint8)
    bright = preprocess.find_page(photo)
    assert bright is not None and bright[:, 1].min() > 450  # the lit part only: no header
    found = sheet.find_sheet(photo)
    # the sheet, header and all: every corner where it is but the folded one, within the fold
    assert found is not None and np.abs(np.delete(found - corners, 1, axis=0)).max() < 20
    assert np.abs(found[1] - corners[1]).max() < 60


def test_an_outline_whose_side_runs_across_the_print_is_no_sheet() -> None:
    """A shadow's border cutting the page corner to corner (augraphy's phone photos) bounded a
    bright blob with the desk's contrast along it, and the page was straightened to it, its
    header torn across. The sheet's own edges have print inside them only; a side with
    print right inside and right outside runs across the paper."""
    photo, _, corners = _sheet_on_desk(120)
    photo = np.clip(photo, 0, 255).astype(np.uint8)
    small, factor = sheet._small(photo)
    edges = cv2.dilate(cv2.Canny(cv2.GaussianBlur(small, (5, 5), 0), 30, 90), np.ones((3, 3), np.uint8))
    assert not sheet._crosses_print(small, edges, corners * factor)
    # the left part of the sheet, its right side running down through the lines of text
    cut = corners.copy()
    cut[1] = corners[0] + 0.4 * (corners[1] - corners[0])
    cut[2] = corners[3] + 0.4 * (corners[2] - corners[3])
    assert sheet._crosses_print(small, edges, cut * factor)
