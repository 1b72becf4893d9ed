# SPDX-License-Identifier: MIT
"""The rendered SVG and HTML, read back by real parsers.

`smbstrat render` must produce well-formed SVG (an XML parser accepts it)
with the nine blocks of the canvas, and an HTML page whose inline SVG is
well-formed too, whatever text the document holds: quotes, markup,
ampersands, control characters, noncharacters, emoji.

Environment (set by tests/cli/meson.build): SMBSTRAT_CLI is the binary,
SMB_EXAMPLES the examples directory.
"""
import json
import os
import subprocess
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

CLI = os.environ["SMBSTRAT_CLI"]
BAKERY = os.path.join(os.environ["SMB_EXAMPLES"], "bakery.json")
SVG_NS = "http://www.w3.org/2000/svg"
SVG = "{%s}" % SVG_NS

NINE_BLOCKS = [
    "key_partnerships", "key_activities", "key_resources", "value_propositions",
    "customer_relationships", "channels", "customer_segments", "cost_structure",
    "revenue_streams",
]

# Text no renderer may let through raw: markup, entities, quotes, every kind
# of control character, noncharacters XML forbids, emoji, bidi overrides.
HOSTILE = ("<script>alert(\"x\")</script> & &amp; ' \" ]]> <!-- --> "
           "\u0001\u0008\u000b\u000c\u001f\u007f\u0085\u009f "
           "\ufffe\uffff\U0010fffe \u2028\u2029 \u202e bread 🍞🥐 面包\r\n# heading")


def run(*args):
    env = dict(os.environ, NO_COLOR="1")
    return subprocess.run([CLI] + [str(a) for a in args], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, env=env, timeout=120, check=False)


def render(path, fmt, out):
    proc = run("render", path, "--format", fmt, "-o", out)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    assert proc.stdout == b""
    with open(out, "rb") as f:
        data = f.read()
    return data.decode("utf-8")  # fails on invalid UTF-8


def markdown_headings(path):
    """The block titles, as the Markdown renderer writes them."""
    proc = run("render", path, "--format", "markdown")
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    lines = proc.stdout.decode("utf-8").splitlines()
    return [line[3:] for line in lines if line.startswith("## ")]


def block_titles(root):
    """{block key: title} from the SVG's block groups."""
    titles = {}
    for group in root.iter(SVG + "g"):
        gid = group.get("id", "")
        if gid.startswith("smb-"):
            first_text = group.find(SVG + "text")
            assert first_text is not None, gid
            titles[gid[4:]] = first_text.text
    return titles


def inline_svg(html):
    start = html.index("<svg")
    end = html.index("</svg>") + len("</svg>")
    assert html.count("<svg") == 1
    return html[start:end]


class PageParser(HTMLParser):
    """Collects what an HTML page would load or run, and its headings."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []
        self.attributes = []
        self.h2 = []
        self.h1 = ""
        self.list_items = 0
        self._in = None

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes.extend(name for name, _ in attrs)
        if tag in ("h1", "h2"):
            self._in = tag
            if tag == "h2":
                self.h2.append("")
        if tag == "li":
            self.list_items += 1

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in == "h2":
            self.h2[-1] += data
        elif self._in == "h1":
            self.h1 += data


def item_count(document):
    canvas = document["canvas"]
    return sum(len(canvas.get(key, [])) for key in NINE_BLOCKS)


def hostile_document():
    def item(ident, text, **extra):
        d = {"id": ident, "text": text}
        d.update(extra)
        return d

    many = [item("vp-%d" % i, "%s %d" % (HOSTILE, i)) for i in range(40)]
    return {
        "smbstrat": 1,
        "canvas": {
            "name": HOSTILE,
            "description": HOSTILE * 3,
            "key_partnerships": [item("kp-1", HOSTILE, notes=HOSTILE, tags=["<b>", "a&b", "\"q\""])],
            "key_activities": [item("ka-1", "x" * 300)],
            "value_propositions": many,
            "customer_segments": [item("cs-1", "Bäckerei Müller – 面包 " * 20)],
            "revenue_streams": [item("rev-1", HOSTILE, amount=1234.5, kind="subscription",
                                     links=["cs-1"])],
            "cost_structure": [item("cost-1", HOSTILE, amount=1e15, kind="fixed")],
        },
    }


@pytest.fixture
def hostile_path(tmp_path):
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(hostile_document(), ensure_ascii=True), encoding="utf-8")
    assert run("validate", path).returncode in (0, 1)
    return path


def test_bakery_svg_is_well_formed_with_nine_blocks(tmp_path):
    text = render(BAKERY, "svg", tmp_path / "bakery.svg")
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == SVG + "svg"
    assert root.get("viewBox") == "0 0 1400 900"
    title = root.find(SVG + "title")
    assert title is not None and title.text.endswith("Business Model Canvas")
    with open(BAKERY, encoding="utf-8") as f:
        document = json.load(f)
    assert title.text.startswith(document["canvas"]["name"])
    titles = block_titles(root)
    assert sorted(titles) == sorted(NINE_BLOCKS)
    headings = markdown_headings(BAKERY)
    assert [titles[key] for key in NINE_BLOCKS] == headings
    assert len(set(headings)) == 9 and all(headings)
    # One bullet group per item, as long as the example fits its blocks.
    items = [g for g in root.iter(SVG + "g") if g.get("class") == "item"]
    assert len(items) == item_count(document)


def test_bakery_svg_on_standard_output_is_the_same(tmp_path):
    text = render(BAKERY, "svg", tmp_path / "bakery.svg")
    proc = run("render", BAKERY, "--format", "svg")
    assert proc.returncode == 0
    assert proc.stdout.decode("utf-8") == text


def test_bakery_html_is_a_standalone_page(tmp_path):
    html = render(BAKERY, "html", tmp_path / "bakery.html")
    assert html.startswith("<!DOCTYPE html>\n")
    assert '<meta charset="utf-8">' in html
    root = ET.fromstring(inline_svg(html).encode("utf-8"))
    assert root.tag == SVG + "svg"
    assert sorted(block_titles(root)) == sorted(NINE_BLOCKS)
    page = PageParser()
    page.feed(html)
    page.close()
    # No scripts, nothing fetched from elsewhere.
    assert not {"script", "link", "iframe", "img", "object", "embed"} & set(page.tags)
    assert not {"src", "srcset"} & set(page.attributes)
    assert not any(a.startswith("on") for a in page.attributes)
    assert page.h2 == markdown_headings(BAKERY)
    with open(BAKERY, encoding="utf-8") as f:
        document = json.load(f)
    assert page.list_items == item_count(document)
    assert page.h1 == document["canvas"]["name"]


def test_hostile_text_still_gives_well_formed_svg(tmp_path, hostile_path):
    text = render(hostile_path, "svg", tmp_path / "hostile.svg")
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == SVG + "svg"
    assert sorted(block_titles(root)) == sorted(NINE_BLOCKS)
    # The markup arrives as text, intact, not as elements.
    assert not any(el.tag.endswith("script") for el in root.iter())
    title = root.find(SVG + "title").text
    assert '<script>alert("x")</script> & &amp; \' " ]]> <!-- -->' in title
    assert "🍞🥐 面包" in title
    # Controls and XML-forbidden noncharacters are gone from every text.
    for el in root.iter():
        for s in (el.text or "", el.tail or ""):
            assert not any(ord(c) < 0x20 and c not in "\t\n\r" for c in s)
            assert "\ufffe" not in s and "\uffff" not in s and "\x7f" not in s
    # Forty long items cannot fit: the rest is counted.
    vp = next(g for g in root.iter(SVG + "g") if g.get("id") == "smb-value_propositions")
    shown = [g for g in vp.iter(SVG + "g") if g.get("class") == "item"]
    more = [t.text for t in vp.iter(SVG + "text") if t.get("class") == "more"]
    assert 0 < len(shown) < 40
    assert more == ["+%d more" % (40 - len(shown))]


def test_hostile_text_still_gives_a_safe_html_page(tmp_path, hostile_path):
    html = render(hostile_path, "html", tmp_path / "hostile.html")
    ET.fromstring(inline_svg(html).encode("utf-8"))
    page = PageParser()
    page.feed(html)
    page.close()
    assert "script" not in page.tags and "b" not in page.tags
    assert '<script>alert("x")</script>' in page.h1
    assert page.list_items == item_count(hostile_document())


def test_hostile_text_renders_as_markdown(hostile_path):
    proc = run("render", hostile_path, "--format", "markdown")
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    text = proc.stdout.decode("utf-8")
    lines = text.splitlines()
    # Title and nine block headings only: the "# heading" inside the text
    # stays inside its line.
    assert sum(1 for line in lines if line.startswith("#")) == 10
    assert "<script>" not in text and "\\<script\\>" in text
