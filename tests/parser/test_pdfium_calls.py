"""The reader's bare ctypes prototypes (resolutions/pdfium_calls.py) answer as pypdfium2.raw does.

They call the same PDFium functions without ctypes' argument conversions (issue 11's
speed work); a pypdfium2 upgrade that changed a signature would make them read wrong
values, which this compares character by character on a PDF with generated spaces.
"""

from __future__ import annotations

import ctypes

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from resolutions import pdfium_calls as calls
from tests.parser.test_word_spacing import pdf


def test_every_answer_per_character_is_pypdfium2s():
    document = pdfium.PdfDocument(
        pdf(
            "72 700 Td /F1 10 Tf [(huma) -140 (nitarian and pro) -400 (sperity)] TJ",
            "0 -14 Td /F2 11.5 Tf [(Recalling) -250 (further)] TJ",
        )
    )
    page = document[0]
    textpage = page.get_textpage()
    try:
        handle, pointer = calls.handle_of(textpage), textpage.raw
        count = raw.FPDFText_CountChars(pointer)
        assert calls.count_chars(handle) == count > 30
        generated = [i for i in range(count) if raw.FPDFText_IsGenerated(pointer, i) == 1]
        assert generated  # the wide gaps made PDFium generate spaces
        x, y, fx, fy = (ctypes.c_double() for _ in range(4))
        box, fbox = [ctypes.c_double() for _ in range(4)], [ctypes.c_double() for _ in range(4)]
        width, fwidth = ctypes.c_float(), ctypes.c_float()
        for i in range(count):
            assert calls.is_generated(handle, i) == raw.FPDFText_IsGenerated(pointer, i)
            assert calls.font_size(handle, i) == raw.FPDFText_GetFontSize(pointer, i)
            assert calls.unicode_of(handle, i) == raw.FPDFText_GetUnicode(pointer, i)
            raw.FPDFText_GetCharOrigin(pointer, i, x, y)
            calls.char_origin(handle, i, ctypes.byref(fx), ctypes.byref(fy))
            assert (fx.value, fy.value) == (x.value, y.value)
            raw.FPDFText_GetCharBox(pointer, i, *box)
            calls.char_box(handle, i, *map(ctypes.byref, fbox))
            assert [c.value for c in fbox] == [c.value for c in box]
            obj, raw_obj = calls.text_object(handle, i), raw.FPDFText_GetTextObject(pointer, i)
            assert obj == (ctypes.cast(raw_obj, ctypes.c_void_p).value if raw_obj else None)
            if obj is not None:
                font = raw.FPDFTextObj_GetFont(raw_obj)
                size = calls.font_size(handle, i)
                code = calls.unicode_of(handle, i)
                raw.FPDFFont_GetGlyphWidth(font, code, size, width)
                fast_font = calls.object_font(ctypes.c_void_p(obj))
                calls.glyph_width(
                    ctypes.c_void_p(fast_font), code, ctypes.c_float(size), ctypes.byref(fwidth)
                )
                assert fwidth.value == width.value > 0
    finally:
        textpage.close()
        page.close()
        document.close()
