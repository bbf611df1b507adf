"""The PDFium functions read_pdf.py calls once per character or per line, as bare ctypes prototypes.

Reads:  the functions pypdfium2.raw has loaded (the same library, the same addresses).
Writes: nothing; read_pdf.py calls these instead of pypdfium2.raw's.

pypdfium2.raw declares each function with its argument types, so every call converts
every argument through the type's from_param: about 1.2 microseconds a call, four
times the cost of the call itself. The same function through a prototype without
argument types, given arguments ctypes passes as they are (a c_void_p handle, Python
ints as C ints, byref() doubles, c_float), costs about 0.35 microseconds. The reader
makes about a million such calls over the 350 corpus PDFs (one per space between two
small letters, whether PDFium generated it), so the saving is most of the reader's own
cost above bare text extraction (docs/decisions/001-pdf-library.md). A pointer a
function returns comes back as an int and must go back in as c_void_p (an int would be
passed as a 32-bit C int).
"""

from __future__ import annotations

import ctypes

import pypdfium2.raw as _raw


def _bare(name: str, restype):
    """pypdfium2.raw's function `name` as a prototype that converts no argument."""
    address = ctypes.cast(getattr(_raw, name), ctypes.c_void_p).value
    if address is None:
        raise ImportError(f"pypdfium2 has no {name}")
    # No argument types: ctypes converts each argument by its Python type (a cdecl
    # prototype accepts arguments beyond the types it declares, here none).
    return ctypes.CFUNCTYPE(restype)(address)


def handle_of(textpage) -> ctypes.c_void_p:
    """The raw pointer of a pypdfium2 PdfTextPage, as the prototypes below take it.

    The pointer does not keep the text page alive: hold the PdfTextPage (and close it)
    for as long as the pointer is used, as read_pdf.page_lines does.
    """
    return ctypes.c_void_p(ctypes.cast(textpage.raw, ctypes.c_void_p).value)


# (textpage, index) -> 1 when PDFium generated the character (a space or line break)
is_generated = _bare("FPDFText_IsGenerated", ctypes.c_int)
# (textpage, index, byref(x), byref(y)) -> true; the character's baseline origin
char_origin = _bare("FPDFText_GetCharOrigin", ctypes.c_int)
# (textpage, index, byref(left), byref(right), byref(bottom), byref(top)) -> true
char_box = _bare("FPDFText_GetCharBox", ctypes.c_int)
# (textpage, index) -> the character's font size in points
font_size = _bare("FPDFText_GetFontSize", ctypes.c_double)
# (textpage, index) -> the character's Unicode code point
unicode_of = _bare("FPDFText_GetUnicode", ctypes.c_uint)
# (textpage, index) -> the text object holding the character, or None (a generated one)
text_object = _bare("FPDFText_GetTextObject", ctypes.c_void_p)
# (c_void_p text object) -> its font, or None
object_font = _bare("FPDFTextObj_GetFont", ctypes.c_void_p)
# (c_void_p font, code, c_float size, byref(c_float width)) -> true when the font has a width
glyph_width = _bare("FPDFFont_GetGlyphWidth", ctypes.c_int)
# (textpage) -> the number of characters
count_chars = _bare("FPDFText_CountChars", ctypes.c_int)
