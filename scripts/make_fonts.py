"""Regenerate the fonts argmap ships in ``argmap/render/fonts/`` for drawing PNG and PDF diagrams.

The PNG and PDF writers (resvg and svg2pdf) never read system fonts, so that a diagram looks the
same on every machine; these three OFL-1.1 fonts are all they use:

- ``Arimo[wght].ttf``: Latin, Greek, Cyrillic and Hebrew, metric-compatible with Arial/Helvetica,
  which is what the layout engine measures text with. Copied unmodified from the PyPI package
  ``fontpkg-arimo``.
- ``NotoSansArabic[wght].ttf``: Arabic, copied unmodified from ``manimgx-fonts``.
- ``NotoSansKR-Regular-hangul.ttf``: Korean. The full variable Noto Sans KR (from
  ``justmytype-intl-cjk``) is 10 MB, so it is instanced at weight 400 and subset to Latin, Hangul
  (syllables, jamo, compatibility jamo) and CJK punctuation: about 2.8 MB.

Both variable fonts default to weight 400, which is the weight svg2pdf uses.

The output is reproducible: same input packages, same fontTools, same bytes (font timestamps are
kept, not set to now). To regenerate, in a scratch virtual environment::

    python -m venv /tmp/fonts-venv
    /tmp/fonts-venv/bin/pip install fonttools==4.68.0 fontpkg-arimo==1.341 \\
        manimgx-fonts==2026.9.26.post1 justmytype-intl-cjk==0.1.0
    /tmp/fonts-venv/bin/python scripts/make_fonts.py

then check ``git diff --stat argmap/render/fonts`` shows nothing changed, or review why it did.
"""

from __future__ import annotations

import shutil
from importlib.resources import files
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.varLib import instancer

OUT = Path(__file__).resolve().parent.parent / "argmap" / "render" / "fonts"

KOREAN_RANGES = [
    (0x20, 0x7F),  # Basic Latin
    (0xA0, 0x100),  # Latin-1
    (0x1100, 0x1200),  # Hangul jamo
    (0x2000, 0x2070),  # general punctuation
    (0x3000, 0x3040),  # CJK symbols and punctuation
    (0x3130, 0x3190),  # Hangul compatibility jamo
    (0xAC00, 0xD7A4),  # Hangul syllables
    (0xFF00, 0xFFF0),  # half- and full-width forms
]


def _path(package: str, *parts: str) -> Path:
    return Path(str(files(package).joinpath(*parts)))


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)

    shutil.copyfile(_path("fontpkg_arimo", "files", "Arimo[wght].ttf"), OUT / "Arimo[wght].ttf")
    shutil.copyfile(_path("fontpkg_arimo", "LICENSE"), OUT / "OFL-Arimo.txt")

    arabic = _path("manimgx_fonts", "NotoSansArabic[wght].ttf")
    shutil.copyfile(arabic, OUT / "NotoSansArabic[wght].ttf")
    licence = next(
        p
        for p in Path(str(files("manimgx_fonts"))).parent.glob("manimgx_fonts-*.dist-info/**/*")
        if p.name == "LICENSE"
    )
    shutil.copyfile(licence, OUT / "OFL-NotoSansArabic.txt")

    korean_dir = _path("justmytype_intl_cjk", "fonts", "ofl", "notosanskr")
    font = TTFont(korean_dir / "NotoSansKR[wght].ttf", recalcTimestamp=False)
    font = instancer.instantiateVariableFont(font, {"wght": 400}, updateFontNames=True)
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[u for lo, hi in KOREAN_RANGES for u in range(lo, hi)])
    subsetter.subset(font)
    font.save(OUT / "NotoSansKR-Regular-hangul.ttf")
    shutil.copyfile(korean_dir / "OFL.txt", OUT / "OFL-NotoSansKR.txt")

    for path in sorted(OUT.iterdir()):
        print(f"{path.stat().st_size:>9} {path.relative_to(OUT.parent.parent.parent)}")


if __name__ == "__main__":
    main()
