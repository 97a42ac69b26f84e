#!/bin/sh
# The independent-damage check (issue 11): the reader on damage made by augraphy, a library
# that knows nothing of our generator. Run by hand from the repository's root:
#   sh bench/augraphy/run.sh            (AUG_WORK=/tmp/aug by default; ~20 min on 2 cores)
# augraphy is no dependency of dispatch-reader: it goes in a venv of its own, from PyPI.
set -e
: "${AUG_WORK:=/tmp/aug}"
export AUG_WORK
PY=.venv/bin/python
AUG_VENV="$AUG_WORK/venv"
mkdir -p "$AUG_WORK"
[ -x "$AUG_VENV/bin/python" ] || { $PY -m venv "$AUG_VENV"; "$AUG_VENV/bin/pip" install -q augraphy==8.2.6; }
# 1. born PDFs, excerpts (pages 1, 2, signing, last), eval-style clean scans, 300 dpi page PNGs
$PY bench/augraphy/prep.py
# 2. augraphy damage: photocopy, fax, ink and paper, phone photo, pen marks (seeded)
#    (from the work folder: augraphy writes an augraphy_cache/ folder where it runs)
REPO=$(pwd)
(cd "$AUG_WORK" && AUG_KINDS="${AUG_KINDS:-photocopy,fax,inkpaper,phone,marks}" "$AUG_VENV/bin/python" "$REPO/bench/augraphy/make.py")
# 3. read with the project (one OCR worker, no OCR cache); outputs already there are kept
$PY bench/augraphy/read.py scan clean300 photocopy fax inkpaper phone marks
# 4. right/total per header field and damage kind, every wrong value listed
$PY bench/augraphy/score.py scan clean300 photocopy fax inkpaper phone marks
