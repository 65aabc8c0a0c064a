"""Photos uploaded on the web lose where they were taken and by which camera (core/evidence/metadata.py), and keep
their picture bit for bit."""

from __future__ import annotations

import io

from PIL import Image, PngImagePlugin

from core.evidence.metadata import without_metadata

GPS_IFD, MAKE, MODEL, ARTIST = 0x8825, 0x010F, 0x0110, 0x013B


def jpeg_with_exif() -> bytes:
    exif = Image.Exif()
    exif[MAKE], exif[MODEL], exif[ARTIST] = "HUAWEI", "ELS-AN00 SERIAL-77311", "李举报"
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (30.0, 14.0, 5.5), 3: "E", 4: (119.0, 43.0, 2.1)})
    buf = io.BytesIO()
    Image.new("RGB", (32, 24), (200, 30, 40)).save(buf, "JPEG", exif=exif, comment=b"taken at home")
    return buf.getvalue()


def test_a_jpeg_loses_its_exif_gps_and_comment_and_keeps_its_picture() -> None:
    original = jpeg_with_exif()
    assert Image.open(io.BytesIO(original)).getexif()[MODEL].startswith("ELS-AN00")
    stripped = without_metadata(original)
    assert b"ELS-AN00" not in stripped and b"HUAWEI" not in stripped and b"taken at home" not in stripped
    assert b"Exif" not in stripped and len(Image.open(io.BytesIO(stripped)).getexif()) == 0
    before, after = Image.open(io.BytesIO(original)), Image.open(io.BytesIO(stripped))
    assert after.size == (32, 24) and after.tobytes() == before.tobytes()  # not re-encoded
    assert stripped.endswith(original[original.index(b"\xff\xda") :])  # the scan data byte for byte


def test_a_png_loses_its_text_and_time_chunks() -> None:
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "李举报")
    info.add_itxt("Location", "临安区某镇某村 12 号")
    buf = io.BytesIO()
    Image.new("RGB", (8, 8), (0, 90, 0)).save(buf, "PNG", pnginfo=info)
    stripped = without_metadata(buf.getvalue())
    image = Image.open(io.BytesIO(stripped))
    assert image.text == {} and "某镇".encode() not in stripped
    assert image.tobytes() == Image.open(buf).tobytes()


def test_anything_else_or_a_broken_file_is_left_as_it_is() -> None:
    pdf = b"%PDF-1.7\n" + b"x" * 100
    assert without_metadata(pdf) == pdf
    broken = b"\xff\xd8\xff\xe1\xff\xffshort"
    assert without_metadata(broken) == broken
