"""File → pages of text: the text layer where it is real, OCR where it is not."""
