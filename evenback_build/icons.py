"""The site's icon and web app manifest, drawn at build time from one shape list.

The icon is five vertebrae stacked level on the site's teal: the SVG is written from the
shapes, and the PNGs (192 and 512 px, and a maskable 512 px one whose drawing keeps inside
the central safe circle) are rasterised from the same shapes by the pure-Python writer
below (anti-aliased by each pixel's distance to the shape's edge), so the build needs no
image library and no browser.

    python -m evenback_build.icons --site site
"""

from __future__ import annotations

import argparse
import json
import math
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

NAME = "Even Back"
SHORT_NAME = "Even Back"
DESCRIPTION = (
    "A free, evidence-based guide and planner for an uneven lower back, one side at a time."
)
TEAL = (0x00, 0x94, 0x85)  # Material's teal primary, the site's header colour
DARK = (0x1E, 0x21, 0x29)  # Material's slate background
LIGHT = (0xFF, 0xFF, 0xFF)
VIEW = 64.0  # the drawing's coordinate system: a 64 x 64 square


@dataclass(frozen=True)
class Box:
    """A rounded rectangle in drawing units, filled with `colour`."""

    x: float
    y: float
    w: float
    h: float
    r: float
    colour: tuple[int, int, int]


def shapes(*, maskable: bool) -> list[Box]:
    """The icon's shapes, back to front. Maskable: full bleed, drawing within 40% of centre."""
    scale, background_r = (0.62, 0.0) if maskable else (1.0, 12.0)
    out = [Box(0, 0, VIEW, VIEW, background_r, TEAL)]
    widths = (22.0, 26.0, 30.0, 34.0, 38.0)
    height, gap, top = 6.0, 3.0, 10.0
    for i, width in enumerate(widths):
        w, h = width * scale, height * scale
        y = VIEW / 2 + (top + i * (height + gap) - VIEW / 2) * scale
        out.append(Box(VIEW / 2 - w / 2, y, w, h, h / 2, LIGHT))
    # The level line under the spine: the "even" of the name.
    w, h = 44.0 * scale, 2.5 * scale
    y = VIEW / 2 + (top + 5 * (height + gap) + 1.0 - VIEW / 2) * scale
    out.append(Box(VIEW / 2 - w / 2, y, w, h, h / 2, DARK))
    return out


def _hex(colour: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*colour)


def svg(*, maskable: bool = False) -> str:
    """The icon as SVG text (same shapes as the PNGs)."""
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {VIEW:g} {VIEW:g}" '
        f'width="{VIEW:g}" height="{VIEW:g}">',
        f"<title>{NAME}</title>",
    ]
    for b in shapes(maskable=maskable):
        parts.append(
            f'<rect x="{b.x:g}" y="{b.y:g}" width="{b.w:g}" height="{b.h:g}" '
            f'rx="{b.r:g}" fill="{_hex(b.colour)}"/>'
        )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _coverage(b: Box, px: float, py: float, unit: float) -> float:
    """How much of the pixel centred on (px, py) the rounded box covers, from 0 to 1."""
    cx, cy = b.x + b.w / 2, b.y + b.h / 2
    qx = abs(px - cx) - (b.w / 2 - b.r)
    qy = abs(py - cy) - (b.h / 2 - b.r)
    outside = math.hypot(max(qx, 0.0), max(qy, 0.0))
    distance = outside + min(max(qx, qy), 0.0) - b.r
    return min(max(0.5 - distance / unit, 0.0), 1.0)


def raster(size: int, *, maskable: bool) -> list[bytearray]:
    """The icon as `size` rows of RGBA bytes."""
    unit = VIEW / size
    rows = [bytearray(size * 4) for _ in range(size)]
    for b in shapes(maskable=maskable):
        x0, x1 = max(int(b.x / unit) - 1, 0), min(int((b.x + b.w) / unit) + 2, size)
        y0, y1 = max(int(b.y / unit) - 1, 0), min(int((b.y + b.h) / unit) + 2, size)
        for j in range(y0, y1):
            row, py = rows[j], (j + 0.5) * unit
            for i in range(x0, x1):
                a = _coverage(b, (i + 0.5) * unit, py, unit)
                if a <= 0.0:
                    continue
                k = i * 4
                under = row[k + 3] / 255
                alpha = a + under * (1 - a)
                for c in range(3):
                    mixed = b.colour[c] * a + row[k + c] * under * (1 - a)
                    row[k + c] = round(mixed / alpha) if alpha else 0
                row[k + 3] = round(alpha * 255)
    return rows


def png(rows: list[bytearray]) -> bytes:
    """RGBA rows as a PNG file (8 bits per channel, no filter, zlib level 9)."""
    height, width = len(rows), len(rows[0]) // 4

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    data = zlib.compress(b"".join(b"\x00" + bytes(r) for r in rows), 9)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


ICONS = (  # file name, size in px, maskable
    ("icon-192.png", 192, False),
    ("icon-512.png", 512, False),
    ("icon-maskable-512.png", 512, True),
)


def manifest() -> dict[str, object]:
    """The web app manifest; every URL is relative to the manifest, so a sub-path works."""
    icons: list[dict[str, str]] = [
        {"src": "assets/icons/icon.svg", "sizes": "any", "type": "image/svg+xml"}
    ]
    for name, size, maskable in ICONS:
        icons.append(
            {
                "src": f"assets/icons/{name}",
                "sizes": f"{size}x{size}",
                "type": "image/png",
                "purpose": "maskable" if maskable else "any",
            }
        )
    return {
        "id": "./",
        "name": NAME,
        "short_name": SHORT_NAME,
        "description": DESCRIPTION,
        "lang": "en",
        "start_url": "planner/",
        "scope": "./",
        "display": "standalone",
        "theme_color": _hex(TEAL),
        "background_color": _hex(LIGHT),
        "icons": icons,
    }


def write(site: Path) -> None:
    """Write the icons and manifest.webmanifest into the built site."""
    folder = site / "assets" / "icons"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "icon.svg").write_text(svg(), encoding="utf-8")
    for name, size, maskable in ICONS:
        (folder / name).write_bytes(png(raster(size, maskable=maskable)))
    text = json.dumps(manifest(), indent=2, ensure_ascii=False) + "\n"
    (site / "manifest.webmanifest").write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", type=Path, required=True, help="the built site's folder")
    write(parser.parse_args().site)


if __name__ == "__main__":
    main()
