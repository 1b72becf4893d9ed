# SPDX-License-Identifier: MIT
"""The rendered SVG and HTML, read back by real parsers.

`smbstrat render` must produce well-formed SVG (an XML parser accepts it)
with the nine blocks of the canvas or the five boxes of the forces, and an
HTML page whose inline SVG is well-formed too, whatever text the document
holds: quotes, markup, ampersands, control characters, noncharacters, emoji.

Environment (set by tests/cli/meson.build): SMBSTRAT_CLI is the binary,
SMB_EXAMPLES the examples directory.
"""
import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from clitool import BAKERY, run, worked_forces, write_json

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


def render(path, fmt, out, *extra):
    proc = run("render", path, "--format", fmt, "-o", out, *extra)
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


# ---- five forces --------------------------------------------------------------

FORCES = ["new_entrants", "supplier_power", "buyer_power", "substitutes", "rivalry"]


def force_boxes(root):
    """{force key: its <g> element} of a five-forces SVG."""
    return {g.get("id")[len("smb-force-"):]: g for g in root.iter(SVG + "g")
            if g.get("id", "").startswith("smb-force-")}


def texts(element):
    return ["".join(t.itertext()) for t in element.iter(SVG + "text")]


def test_forces_svg_is_well_formed_with_five_boxes(tmp_path):
    path = write_json(tmp_path / "forces.json", worked_forces())
    root = ET.fromstring(render(path, "svg", tmp_path / "f.svg").encode("utf-8"))
    assert root.tag == SVG + "svg"
    assert root.get("viewBox") == "0 0 1200 860"
    assert root.find(SVG + "title").text == "Artisan bakery, city centre \u2014 Five Forces"
    boxes = force_boxes(root)
    assert list(boxes) == FORCES
    # Bands as worked out in clitool.worked_forces().
    bands = {k: g.get("class") for k, g in boxes.items()}
    assert bands == {"new_entrants": "force band-moderate", "supplier_power": "force band-unrated",
                     "buyer_power": "force band-high", "substitutes": "force band-low",
                     "rivalry": "force band-moderate"}
    assert "2.75/ 5 \u00b7 moderate" in texts(boxes["new_entrants"])
    assert "DOMINANT" in texts(boxes["buyer_power"])
    assert not any("DOMINANT" in t for k in FORCES if k != "buyer_power"
                   for t in texts(boxes[k]))
    # The boxes sit in a cross: rivalry in the middle, new entrants above,
    # substitutes below, suppliers left, buyers right.
    frames = {k: tuple(int(g.find(SVG + "rect").get(a)) for a in ("x", "y", "width", "height"))
              for k, g in boxes.items()}
    cx, cy, cw, ch = frames["rivalry"]
    assert frames["new_entrants"][1] + frames["new_entrants"][3] < cy
    assert frames["substitutes"][1] > cy + ch
    assert frames["supplier_power"][0] + frames["supplier_power"][2] < cx
    assert frames["buyer_power"][0] > cx + cw
    # Four arrows, each ending at the centre box.
    arrows = [line for line in root.iter(SVG + "line") if line.get("marker-end")]
    assert len(arrows) == 4
    for a in arrows:
        x2, y2 = int(a.get("x2")), int(a.get("y2"))
        assert cx - 4 <= x2 <= cx + cw + 4 and cy - 4 <= y2 <= cy + ch + 4
    verdict = next(t for t in root.iter(SVG + "text") if t.get("class") == "verdict")
    assert "".join(verdict.itertext()).startswith("Attractiveness 0.51")


def test_bakery_forces_svg_and_html(tmp_path):
    root = ET.fromstring(render(BAKERY, "svg", tmp_path / "b.svg", "--what", "forces")
                         .encode("utf-8"))
    assert list(force_boxes(root)) == FORCES
    html = render(BAKERY, "html", tmp_path / "b.html", "--what", "forces")
    assert list(force_boxes(ET.fromstring(inline_svg(html).encode("utf-8")))) == FORCES
    page = PageParser()
    page.feed(html)
    page.close()
    assert not {"script", "link", "iframe", "img", "object", "embed"} & set(page.tags)
    assert not {"src", "srcset"} & set(page.attributes)
    assert page.h2 == ["Forces", "Drivers"]
    with open(BAKERY, encoding="utf-8") as f:
        assert page.h1 == json.load(f)["forces"]["name"]


def hostile_forces():
    doc = worked_forces()
    forces = doc["forces"]
    forces["name"] = HOSTILE
    forces["description"] = HOSTILE * 3
    forces["rivalry"]["drivers"]["exit_barriers"]["rationale"] = HOSTILE
    for i in range(12):
        forces["rivalry"]["drivers"]["evil-%d" % i] = {
            "title": "%s %d" % (HOSTILE, i), "question": HOSTILE, "rating": 1 + (i % 5),
            "rationale": HOSTILE}
    return doc


def test_hostile_forces_give_well_formed_svg_and_safe_html(tmp_path):
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(hostile_forces(), ensure_ascii=True), encoding="utf-8")
    root = ET.fromstring(render(path, "svg", tmp_path / "h.svg").encode("utf-8"))
    assert list(force_boxes(root)) == FORCES
    assert not any(el.tag.endswith("script") for el in root.iter())
    title = root.find(SVG + "title").text
    assert '<script>alert("x")</script> & &amp; \' " ]]> <!-- -->' in title
    for el in root.iter():
        for s in (el.text or "", el.tail or ""):
            assert not any(ord(c) < 0x20 and c not in "\t\n\r" for c in s)
            assert "\ufffe" not in s and "\uffff" not in s and "\x7f" not in s
    # 14 rated rivalry drivers cannot all fit: the rest are counted.
    rivalry = force_boxes(root)["rivalry"]
    shown = [g for g in rivalry.iter(SVG + "g") if g.get("class") == "driver"]
    more = [t.text for t in rivalry.iter(SVG + "text") if t.get("class") == "more"]
    assert 0 < len(shown) < 14 and more == ["+%d more rated" % (14 - len(shown))]

    html = render(path, "html", tmp_path / "h.html")
    ET.fromstring(inline_svg(html).encode("utf-8"))
    page = PageParser()
    page.feed(html)
    page.close()
    assert "script" not in page.tags and "b" not in page.tags
    assert '<script>alert("x")</script>' in page.h1
    assert page.tags.count("tr") == 1 + 5 + 1 + 31 + 12  # two header rows, forces, drivers

    proc = run("render", path, "--format", "markdown")
    assert proc.returncode == 0
    text = proc.stdout.decode("utf-8")
    assert "<script>" not in text and "\\<script\\>" in text
    # One title, two section headings: the "# heading" inside the text stays
    # inside its line, and every driver row keeps its six cells.
    assert [line for line in text.splitlines() if line.startswith("#")][1:] == [
        "## Forces", "## Drivers"]
    rows = [line for line in text.splitlines() if line.startswith("| rivalry |")]
    assert len(rows) == 7 + 12
    for row in rows:
        cells = row.replace("\\|", "").split("|")
        assert len(cells) == 8, row
