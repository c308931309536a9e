"""Restore OCR text: diacritics and misread letters back, numbers and codes untouched."""
