"""Run by hand with the project's .venv/bin/python bench/vi_words.py: writes
dispatch_reader/extract/data/vi_words.txt, the Vietnamese words (syllables) of Tesseract's own
`vie` word list that can be Vietnamese syllables, from the installed vie.traineddata (tesseract-ocr-vie, Apache-2.0), with
Tesseract's `combine_tessdata` and `dawg2wordlist`. Lower case, NFC, letters only, sorted.

The tool reads the file at run time; nothing is fetched. Run again only to follow a new
tesseract-ocr-vie."""
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

import pytesseract

from dispatch_reader.extract.syllables import is_syllable

OUT = Path(__file__).resolve().parent.parent / "dispatch_reader" / "extract" / "data" / "vi_words.txt"


def traineddata() -> Path:
    for base in (Path("/usr/share/tesseract-ocr/5/tessdata"), Path("/usr/share/tesseract-ocr/4.00/tessdata")):
        if (base / "vie.traineddata").exists():
            return base / "vie.traineddata"
    sys.exit("vie.traineddata not found: install tesseract-ocr-vie")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        prefix = str(Path(tmp) / "vie.")
        subprocess.run(["combine_tessdata", "-u", str(traineddata()), prefix], check=True, capture_output=True)
        listed = Path(tmp) / "words.txt"
        subprocess.run(["dawg2wordlist", prefix + "lstm-unicharset", prefix + "lstm-word-dawg", str(listed)],
                       check=True, capture_output=True)
        words = {unicodedata.normalize("NFC", w.strip()).lower() for w in listed.read_text("utf-8").splitlines()}
    # the list holds English (`big`, `theme`) and marks-less spellings (`biet`) too: only what
    # can be a Vietnamese syllable is kept, or a misread `big` for `biệt` would pass as a word
    words = sorted(w for w in words if w.isalpha() and is_syllable(w))
    head = ("# Vietnamese words (syllables) of Tesseract's own `vie` word list (tesseract-ocr-vie, read with "
            f"Tesseract {pytesseract.get_tesseract_version()}; Apache-2.0),\n"
            "# lower case, NFC: written by bench/vi_words.py. A word of running text not here is no\n"
            "# Vietnamese word (`cúa`, `hiệt`), which extract/lexicon.py may mend.\n")
    OUT.write_text(head + "\n".join(words) + "\n", "utf-8")
    print(f"{len(words)} words → {OUT}")


if __name__ == "__main__":
    main()
