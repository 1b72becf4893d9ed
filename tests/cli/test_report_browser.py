# SPDX-License-Identifier: MIT
"""The HTML report in a real browser: headless Chromium opens it, logs no
console error, builds the same sections, and paints a page that is not
blank. The screenshot is kept in the build directory
(artefacts/report.png) for people to look at.

Skipped, with the reason, only when Chromium is not installed.

Environment (set by tests/cli/meson.build): SMBSTRAT_CLI is the binary,
SMB_EXAMPLES the examples directory, SMB_BUILD_DIR the build directory.
"""
import os
import shutil
import struct
import subprocess
import zlib
from collections import Counter

import pytest

from clitool import BAKERY, BUILD_DIR, err, run

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None,
                                reason="chromium is not installed (apt install chromium)")

WIDTH, HEIGHT = 1280, 2400


def artefact_dir(tmp_path):
    """<build dir>/artefacts when the build says where it is, else tmp_path."""
    if not BUILD_DIR:
        return tmp_path
    path = os.path.join(BUILD_DIR, "artefacts")
    os.makedirs(path, exist_ok=True)
    return path


def chromium(tmp_path, url, *mode):
    """Run headless Chromium on `url`; returns (stdout, console lines).

    A temporary profile keeps runs apart; the timeout keeps a hung browser
    from hanging the suite. Console messages come on stderr as
    "...:INFO:CONSOLE:..." lines with --enable-logging=stderr --v=0.
    """
    profile = tmp_path / "profile"
    proc = subprocess.run(
        [CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu",
         "--user-data-dir=" + str(profile), "--enable-logging=stderr", "--v=0",
         "--no-first-run", "--hide-scrollbars", *mode, url],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60, check=False)
    log = proc.stderr.decode("utf-8", "replace").splitlines()
    console = [line for line in log if ":CONSOLE" in line or "Uncaught" in line]
    assert proc.returncode == 0, "\n".join(log[-20:])
    return proc.stdout.decode("utf-8", "replace"), console


def read_png(path):
    """(width, height, rows of RGB tuples) of an 8-bit RGB or RGBA PNG,
    decoded with zlib alone."""
    with open(path, "rb") as f:
        data = f.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour in (2, 6) and interlace == 0, (depth, colour, interlace)
        elif kind == b"IDAT":
            idat.append(body)
        pos += 12 + length
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        if kind == 1:    # Sub
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 0xFF
        elif kind == 2:  # Up
            line = bytearray((a + b) & 0xFF for a, b in zip(line, previous))
        elif kind == 3:  # Average
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:  # Paeth
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                b = previous[i]
                c = previous[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[i] = (line[i] + pred) & 0xFF
        rows.append([tuple(line[i:i + 3]) for i in range(0, stride, channels)])
        previous = line
    return width, height, rows


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("report")
    html = tmp / "report.html"
    proc = run("report", BAKERY, "--trials", "20000", "-o", html)
    assert proc.returncode == 0, err(proc)
    return tmp, html


def test_the_page_paints_without_console_errors(page):
    tmp, html = page
    shot = os.path.join(artefact_dir(tmp), "report.png")
    if os.path.exists(shot):
        os.remove(shot)
    _, console = chromium(tmp, html.as_uri(), "--screenshot=" + shot,
                          f"--window-size={WIDTH},{HEIGHT}")
    assert console == []
    width, height, rows = read_png(shot)
    assert (width, height) == (WIDTH, HEIGHT)
    colours = Counter(pixel for row in rows[::4] for pixel in row[::4])
    total = sum(colours.values())
    # Text, the canvas, the forces' bands and the charts: many colours, and
    # the background is far from all of it.
    assert len(colours) >= 50, len(colours)
    assert colours.most_common(1)[0][1] < 0.9 * total
    # Colour, not only greys: the canvas's evidence bullets, the forces'
    # bands, the charts' bars.
    saturated = sum(n for (r, g, b), n in colours.items() if max(r, g, b) - min(r, g, b) > 96)
    assert saturated >= 100, saturated


def test_the_browser_builds_every_section(page):
    tmp, html = page
    dom, console = chromium(tmp, html.as_uri(), "--dump-dom")
    assert console == []
    for anchor in ("summary", "business-model-canvas", "five-forces", "resilience-profile",
                   "disruption-scenarios", "block-heat", "simulation",
                   "recommended-responses"):
        assert f'<section id="{anchor}"' in dom
    assert dom.count("<svg") == 6
    assert "<script" not in dom


def test_the_console_check_catches_errors(tmp_path):
    # The check above must be able to fail: a page with a script error.
    bad = tmp_path / "bad.html"
    bad.write_text("<!DOCTYPE html><html><body><script>undefinedFunction();</script>"
                   "</body></html>", encoding="utf-8")
    _, console = chromium(tmp_path, bad.as_uri(), "--dump-dom")
    assert any("Uncaught" in line for line in console), console
