"""Scanned renderings of our text PDFs: what a county office gets back from its scanner.

`.venv/bin/python samples/make_scans.py` renders chosen text PDFs to images and saves them as
image-only PDFs in `samples/scanned/` (no text layer), each degraded as a scan is: a dpi of
150-300, greyscale or colour, a small rotation (up to ±1°), a little blur, speckle noise, a
paper tone, and on some pages a red seal (公章) stamped over the unit's cells. The goldens are the
text PDF's own goldens (`tests/golden/<family>/<name>/`): OCR is right when it reads what the
text layer holds. Every degradation is seeded per file, so the output is the same on every run.

Needs Pillow and NumPy (the `ocr` extra brings both) and a CJK font for the seal's text
(Noto Sans CJK); the PDFs it wrote are committed, so tests never run it.
"""

from __future__ import annotations

import ctypes
import io
import math
import random
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parent
OUT = ROOT / "scanned"
FONTS = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc",
)


@dataclass(frozen=True)
class Scan:
    source: str  # a text PDF under samples/
    dpi: int
    angle: float  # degrees, counter-clockwise
    colour: bool
    seal_pages: tuple[int, ...] = ()  # 1-based pages stamped with a seal
    noise: float = 4.0  # grey levels of Gaussian noise
    speckle: float = 0.0008  # share of pixels flipped to black or white
    blur: float = 0.0
    quality: int = 60  # JPEG quality of the stored page
    bilevel: bool = False  # a black-and-white scan (1 bit a pixel), as office scanners send
    strips: int = 1  # the page image stored in this many horizontal strips
    overlay: bool = False  # a page number added as text over the scan (`第 1 页`)


SCANS: dict[str, Scan] = {
    "reference_200": Scan("reference.pdf", 200, 0.6, False, (3,)),
    "reference_300_colour": Scan("reference.pdf", 300, -0.4, True, (2, 4), noise=3.0),
    "beidaihe_chengguan_2021": Scan(
        "reference_alt/beidaihe_chengguan_2021.pdf", 200, -0.9, True, (2, 3)
    ),
    "changli_weijian_2023": Scan("reference_alt/changli_weijian_2023.pdf", 200, 0.8, False),
    "lulong_shuili_2022": Scan(
        "reference_alt/lulong_shuili_2022.pdf", 150, 0.3, False, (3,), blur=0.4
    ),
    "qinglong_minzheng_2024": Scan(
        "reference_alt/qinglong_minzheng_2024.pdf", 200, -0.5, True, (4,), noise=7.0
    ),
    "dongguan_2019": Scan("declaration_form/dongguan_2019.pdf", 200, 0.7, False, (1,)),
    "ezhou_2022": Scan("declaration_form/ezhou_2022.pdf", 250, -1.0, True, (1,), speckle=0.002),
    "funing_zhujian_2022": Scan(
        "reference_alt/funing_zhujian_2022.pdf", 200, 0.4, False, (3,), bilevel=True
    ),
    "haigang_jiaoyu_2023": Scan(
        "reference_alt/haigang_jiaoyu_2023.pdf", 200, -0.7, False, strips=3, overlay=True
    ),
}

# Pages of a mixed PDF: text pages of the source, with these pages replaced by their scans.
MIXED: dict[str, tuple[str, tuple[int, ...]]] = {
    "mixed_reference": ("reference_200", (2, 4)),
}


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for path in FONTS:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default()


def _seal(diameter: int, rng: random.Random) -> Image.Image:
    """A round red official seal: ring, star, an arc of text, with uneven ink."""
    size = diameter
    seal = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(seal)
    red = (215, 30, 40, 255)
    ring = max(3, size // 28)
    draw.ellipse((ring, ring, size - ring, size - ring), outline=red, width=ring)
    centre = size / 2
    star = size * 0.16
    points = []
    for k in range(10):
        radius = star if k % 2 == 0 else star * 0.4
        angle = -math.pi / 2 + k * math.pi / 5
        points.append((centre + radius * math.cos(angle), centre + radius * math.sin(angle)))
    draw.polygon(points, fill=red)
    text = "财政局预算专用章"
    font = _font(int(size * 0.12))
    for k, ch in enumerate(text):
        angle = math.radians(-150 + k * 300 / (len(text) - 1))
        radius = size * 0.34
        glyph = Image.new("RGBA", (int(size * 0.16), int(size * 0.16)), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((0, 0), ch, font=font, fill=red)
        glyph = glyph.rotate(-math.degrees(angle) - 90, expand=True)
        x = centre + radius * math.cos(angle) - glyph.width / 2
        y = centre + radius * math.sin(angle) - glyph.height / 2
        seal.alpha_composite(glyph, (int(x), int(y)))
    # Uneven ink: the stamp is pressed harder on one side.
    alpha = np.array(seal.getchannel("A"), dtype=np.float32)
    gradient = np.linspace(0.55, 0.9, size, dtype=np.float32)[None, :]
    mottle = np.array([[rng.uniform(0.8, 1.0)]], dtype=np.float32)
    seal.putalpha(Image.fromarray((alpha * gradient * mottle).astype(np.uint8)))
    return seal


def _stamp(image: Image.Image, seal: Image.Image, x: int, y: int) -> Image.Image:
    """The seal pressed onto the page: stamp ink is a dye over the toner, so it multiplies
    (black print under it stays black, paper turns red)."""
    page = np.asarray(image, dtype=np.float32).copy()
    ink = np.asarray(seal, dtype=np.float32)
    h = min(ink.shape[0], page.shape[0] - y)
    w = min(ink.shape[1], page.shape[1] - x)
    alpha = ink[:h, :w, 3:4] / 255
    colour = ink[:h, :w, :3] / 255
    region = page[y : y + h, x : x + w]
    page[y : y + h, x : x + w] = region * (1 - alpha + alpha * colour)
    return Image.fromarray(np.clip(page, 0, 255).astype(np.uint8))


def _page(pdf: pdfium.PdfDocument, index: int, scan: Scan, rng: random.Random) -> Image.Image:
    bitmap = pdf[index].render(scale=scan.dpi / 72, grayscale=not scan.colour)
    image = bitmap.to_pil().convert("RGB")
    if index + 1 in scan.seal_pages:
        diameter = int(scan.dpi * 1.6)  # a 4 cm seal
        x = int(image.width * rng.uniform(0.3, 0.6))  # over the table's cells
        y = int(image.height * rng.uniform(0.3, 0.62))
        image = _stamp(image, _seal(diameter, rng), x, y)
    if not scan.colour:
        image = image.convert("L")
    fill: int | tuple[int, int, int] = 255 if not scan.colour else (255, 255, 255)
    image = image.rotate(
        scan.angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=fill
    )
    if scan.blur:
        image = image.filter(ImageFilter.GaussianBlur(scan.blur * scan.dpi / 100))
    pixels = np.asarray(image, dtype=np.float32)
    noise_rng = np.random.default_rng(rng.randrange(2**32))
    pixels = pixels * 0.94 + 6  # paper is never white, ink never black
    pixels += noise_rng.normal(0.0, scan.noise, pixels.shape)
    flips = noise_rng.random(pixels.shape[:2]) < scan.speckle
    dark = noise_rng.random(pixels.shape[:2]) < 0.5
    pixels[flips & dark] = 20
    pixels[flips & ~dark] = 250
    out = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    if scan.bilevel:
        out = out.convert("L").point(lambda v: 255 if v > 150 else 0).convert("1")
    return out


def _images(scan: Scan, name: str) -> list[Image.Image]:
    rng = random.Random(name)
    pdf = pdfium.PdfDocument(str(ROOT / scan.source))
    try:
        return [_page(pdf, i, scan, rng) for i in range(len(pdf))]
    finally:
        pdf.close()


def _save(images: list[Image.Image], dpi: int, quality: int) -> bytes:
    """An image-only PDF: JPEG pages, or CCITT G4 for black-and-white ones."""
    buffer = io.BytesIO()
    options = {} if images[0].mode == "1" else {"quality": quality}
    images[0].save(
        buffer, "PDF", save_all=True, append_images=images[1:], resolution=dpi, **options
    )
    return buffer.getvalue()


def _assembled(images: list[Image.Image], scan: Scan, sizes: list[tuple[float, float]]) -> bytes:
    """Image-only pages built object by object: the page image in strips, a text overlay."""
    out = pdfium.PdfDocument.new()
    font = pdfium.raw.FPDFText_LoadStandardFont(out, b"Helvetica")
    for number, (image, (width, height)) in enumerate(zip(images, sizes, strict=True), start=1):
        page = out.new_page(width, height)
        bounds = [round(image.height * k / scan.strips) for k in range(scan.strips + 1)]
        for top, bottom in zip(bounds, bounds[1:], strict=False):
            strip = image.crop((0, top, image.width, bottom)).convert("L")
            buffer = io.BytesIO()
            strip.save(buffer, "JPEG", quality=scan.quality)
            obj = pdfium.PdfImage.new(out)
            obj.load_jpeg(io.BytesIO(buffer.getvalue()))
            part = height * (bottom - top) / image.height
            y = height - height * bottom / image.height
            obj.set_matrix(pdfium.PdfMatrix().scale(width, part).translate(0, y))
            page.insert_obj(obj)
        if scan.overlay:
            text = pdfium.raw.FPDFPageObj_CreateTextObj(out, font, 9.0)
            label = f"- {number} -".encode("utf-16-le") + b"\x00\x00"
            pdfium.raw.FPDFText_SetText(text, ctypes.cast(label, ctypes.POINTER(ctypes.c_ushort)))
            pdfium.raw.FPDFPageObj_Transform(text, 1, 0, 0, 1, width / 2 - 10, 20)
            pdfium.raw.FPDFPage_InsertObject(page, text)
        page.gen_content()
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


def _mixed(name: str, scan_name: str, pages: tuple[int, ...]) -> None:
    """A text PDF whose chosen pages are scans (a page printed, signed and scanned back)."""
    scan = SCANS[scan_name]
    images = _images(scan, scan_name)
    text = pdfium.PdfDocument(str(ROOT / scan.source))
    out = pdfium.PdfDocument.new()
    for i in range(len(text)):
        if i + 1 in pages:
            scanned = pdfium.PdfDocument(_save([images[i]], scan.dpi, scan.quality))
            out.import_pages(scanned)
            scanned.close()
        else:
            out.import_pages(text, [i])
    buffer = io.BytesIO()
    out.save(buffer)
    (OUT / f"{name}.pdf").write_bytes(buffer.getvalue())
    out.close()
    text.close()


def main(names: list[str]) -> None:
    OUT.mkdir(exist_ok=True)
    for name in names or list(SCANS):
        scan = SCANS[name]
        images = _images(scan, name)
        if scan.strips > 1 or scan.overlay:
            source = pdfium.PdfDocument(str(ROOT / scan.source))
            sizes = [source[i].get_size() for i in range(len(source))]
            data = _assembled(images, scan, sizes)
        else:
            data = _save(images, scan.dpi, scan.quality)
        (OUT / f"{name}.pdf").write_bytes(data)
        print(f"{name}.pdf  {scan.dpi} dpi, {scan.angle:+.1f}°, from {scan.source}")
    for name, (scan_name, pages) in MIXED.items():
        if not names or scan_name in names:
            _mixed(name, scan_name, pages)
            print(f"{name}.pdf  pages {pages} scanned")


if __name__ == "__main__":
    main(sys.argv[1:])
