#!/usr/bin/env python3
"""Draws the toolbar/store icons (a key on a rounded square) at 16, 32, 48 and 128 px.
Plain zlib + struct PNG writing, so it needs nothing but Python. Rerun only to change them."""
import math, pathlib, struct, zlib

HERE = pathlib.Path(__file__).parent
BG, FG = (0x1F, 0x5F, 0xD1), (0xFF, 0xFF, 0xFF)

def coverage(x, y, n):
    """Fraction of pixel (x, y) inside the shape, by 4x4 supersampling."""
    hits_bg = hits_fg = 0
    for sy in range(4):
        for sx in range(4):
            u, v = (x + (sx + .5) / 4) / n, (y + (sy + .5) / 4) / n
            r = .2
            dx, dy = max(abs(u - .5) - (.5 - r), 0), max(abs(v - .5) - (.5 - r), 0)
            if dx * dx + dy * dy > r * r:
                continue
            hits_bg += 1
            ring = math.hypot(u - .36, v - .5)
            bow = .1 < ring < .19
            shaft = .5 < u < .82 and abs(v - .5) < .045
            teeth = (.64 < u < .70 or .74 < u < .80) and .5 < v < .64
            hits_fg += bow or shaft or teeth
    return hits_bg / 16, hits_fg / 16

def png(n):
    rows = []
    for y in range(n):
        row = bytearray([0])
        for x in range(n):
            a, f = coverage(x, y, n)
            if a == 0:
                row += bytes(4); continue
            t = f / a
            row += bytes(round(BG[i] * (1 - t) + FG[i] * t) for i in range(3)) + bytes([round(255 * a)])
        rows.append(bytes(row))
    chunk = lambda k, d: struct.pack(">I", len(d)) + k + d + struct.pack(">I", zlib.crc32(k + d))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", n, n, 8, 6, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")

for size in (16, 32, 48, 128):
    (HERE / f"icon-{size}.png").write_bytes(png(size))
