"""Builds a lecture kit from the notebooks: run them, then write one folder a lecturer can take to a talk.

    environment/lecture [NOTEBOOK ...] [--out DIR] [--quick] [--svg] [--embed] [--notebooks] [--jobs N]
                        [--figure-size WxH] [--font-scale F] [--png-scale N]

NOTEBOOK is a notebook in notebooks/ by path, file name, name or number (`01`); default: all of them. The kit:
  index.html                    links to everything below
  NAME.html                     the executed notebook as one page (a handout), its charts and animations shown from
                                figures/ (each stored once in the kit); with --embed, a self-contained page
  NAME.slides.html              reveal.js slides (cells tagged by environment/lib/tag_slides.py), offline; speaker
                                notes on `s`; one chart per slide, shown from figures/ at 2x
  figures/NAME-FIGURE.png       every chart the notebook shows, PNG at 2x (projectors), named after the notebook and
                                the figure's name (the cell's metadata "figure"; -1, -2, ... for a cell's several
                                charts), so the names stay the same from run to run; plus the figures and GIFs the
                                notebook saves itself (NN-NAME.png, NN-NAME.gif)
  figures/NAME-FIGURE.svg       the same as SVG where it is small (under 150 kB), or for every chart with --svg
  reveal.js/                    reveal.js and require.js (from the npm registry, pinned), so slides work offline
  notebooks/NAME.ipynb          with --notebooks, the executed notebooks
A kit built with --quick says so: a "rehearsal: quick settings" banner on the index, every page and every slide,
and a file REHEARSAL-QUICK-SETTINGS.txt beside index.html and in figures/.
The kit is written into a temporary folder beside DIR and renamed to DIR only when complete; an existing DIR is
replaced at that moment. Exits 2 on bad arguments (naming the parameter, the rule and the value), 1 when a notebook
fails (no kit is left behind).
"""
import argparse
import base64
import concurrent.futures
import copy
import glob
import hashlib
import html
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time

import nbformat
from nbconvert import HTMLExporter, SlidesExporter
from nbconvert.preprocessors import TagRemovePreprocessor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run_notebooks  # noqa: E402  (the headless runner: one way to execute a notebook)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
NOTEBOOKS = os.path.join(ROOT, "notebooks")
# reveal.js as nbconvert's slides template expects it (4.0.2, its default), and require.js, which loads it.
NPM_PACKAGES = {
    "reveal.js@4.0.2": "sha512-LWZSUenufF1gpD7npxJ7KfoQQFKgc1D6XrLTFgKlwWNP1BQ74hT48KONFWMAw+8R/QUeaScCLCLrBVHDfFIEiw==",
    "requirejs@2.3.7": "sha512-DouTG8T1WanGok6Qjg2SXuCMzszOo0eHeH9hDZ5Y4x8Je+9JB38HdTLT4/VA8OaUhBa0JPVHJ0pyBkM1z+pDsw==",
}
CACHE = os.path.join(ROOT, ".venv", "share", "mcl-reveal")
# Formulas are written in Unicode in these notebooks; the slides template still calls MathJax, so an offline kit
# gets this stand-in instead of MathJax from a CDN.
# Stand-ins for what nbconvert's templates load from CDNs and these notebooks do not use (formulas are written in
# Unicode, no diagrams, no jQuery), so that an offline kit makes no request that fails.
STUBS = {
    "no-mathjax.js": "window.MathJax = window.MathJax || {Hub: {Config: function () {}, Queue: function () {},\n"
                     "  getAllJax: function () { return null; }, Rerender: function () {}}};\n",
    "no-jquery.js": "/* jQuery is not needed by the lecture kit's slides. */\n",
}
# An SVG is kept beside its PNG when it is at most this large (bar charts, curves); scatter plots and heat maps make
# SVGs of several hundred kB to MB, which only --svg keeps.
SVG_SMALL = 150_000
# What the kernel's Charts.export writes while the lecture command runs a notebook: NAME-figNN-TITLE.png/.svg.
EXPORTED = r"^{name}-fig(\d+)-.*\.(png|svg)$"
# The templates import mermaid as a JavaScript module; a browser refuses modules from file: addresses, so the
# stand-in is a data: address (no request, no error).
NO_MERMAID = "data:text/javascript," + "export default { initialize() {}, run() {}, registerLayoutLoaders() {} };".replace(
    " ", "%20")
# A slide is 1280 x 720 (16:9, as projectors are; reveal.js scales it to the screen).
SLIDE_WIDTH, SLIDE_HEIGHT = 1280, 720
# Slides read as a talk: no In/Out prompts, one chart per slide as large as the slide allows, text that fits, tables
# that keep their words whole.
SLIDE_CSS = """<style>
.reveal .jp-InputPrompt, .reveal .jp-OutputPrompt { display: none; }
.reveal .slides { text-align: left; }
.reveal .jp-OutputArea-output img, .reveal img.mcl-figure { display: block; margin: 0 auto; width: auto;
  max-width: 100%; height: 620px; max-height: 620px; object-fit: contain; }
.reveal h1 { font-size: 1.6em; }
.reveal h2 { font-size: 1.45em; }
.reveal h3 { font-size: 1.2em; }
.reveal .jp-RenderedHTMLCommon { font-size: 0.72em; }
.reveal .jp-RenderedHTMLCommon p, .reveal .jp-RenderedHTMLCommon li { line-height: 1.35; }
.reveal table { font-size: 0.75em; margin: 0.4em 0; }
.reveal table th, .reveal table td { word-break: normal; overflow-wrap: normal; hyphens: none; padding: 0.2em 0.45em; }
.reveal .jp-RenderedText pre, .reveal .jp-OutputArea-output pre { white-space: pre; word-break: normal;
  overflow-wrap: normal; overflow-x: hidden; display: block; max-width: 100%; font-size: 0.6em; line-height: 1.2; }
.reveal .jp-InputArea pre, .reveal .highlight pre { font-size: 0.5em; line-height: 1.25; }
.mcl-rehearsal { position: fixed !important; left: 0; right: 0; }
</style>
"""
# Text outputs (tables printed by a cell) shrink until they fit the slide's width rather than wrap mid-word; run on
# every slide shown (reveal.js sends its events on its root element; it is loaded by require.js, not global).
SLIDE_JS = """<script>
(function () {
  var SLIDE_HEIGHT = """ + str(SLIDE_HEIGHT) + """;
  function fit(slide) {
    if (!slide) { return; }
    var pres = Array.from(slide.querySelectorAll('.jp-OutputArea pre'));
    if (!pres.length) { return; }
    pres.forEach(function (p) { p.style.fontSize = ''; });
    var size = parseFloat(getComputedStyle(pres[0]).fontSize);
    var tooWide = function () { return pres.some(function (p) { return p.scrollWidth > p.clientWidth + 1; }); };
    // One size for all the slide's printed output: as large as fits the slide's width and height.
    while ((tooWide() || slide.scrollHeight > SLIDE_HEIGHT) && size > 9) {
      size -= 0.5;
      pres.forEach(function (p) { p.style.fontSize = size + 'px'; });
    }
  }
  document.addEventListener('DOMContentLoaded', function () {
    var root = document.querySelector('.reveal');
    ['ready', 'slidechanged'].forEach(function (e) {
      root.addEventListener(e, function (ev) { fit(ev.currentSlide); });
    });
  });
})();
</script>
"""
BANNER_CSS = (".mcl-rehearsal{position:sticky;top:0;z-index:1000;background:#b00020;color:#fff;font:bold 16px/1.6 sans-serif;text-align:center;"
              "padding:2px 8px;letter-spacing:.04em}")
BANNER = ('<div class="mcl-rehearsal" role="note">REHEARSAL: QUICK SETTINGS — tiny runs, not the real numbers '
          '(build the kit without --quick)</div>')
REHEARSAL_NOTE = ("This kit was built with environment/lecture --quick: the notebooks ran with their tiny test "
                  "settings, so\nevery number, chart and animation in it differs from what the full settings show. "
                  "Use it to rehearse;\nbuild the real kit without --quick.\n")


class UsageError(Exception):
    pass


def known_notebooks() -> list[str]:
    return sorted(glob.glob(os.path.join(NOTEBOOKS, "[0-9][0-9]-*.ipynb")))


def resolve(names: list[str]) -> list[str]:
    known = known_notebooks()
    if not names:
        return known
    out = []
    for name in names:
        stem = os.path.splitext(os.path.basename(name))[0]
        hits = [p for p in known if os.path.splitext(os.path.basename(p))[0] == stem]
        if not hits and re.fullmatch(r"\d{1,2}", name):
            hits = [p for p in known if os.path.basename(p).startswith(f"{int(name):02d}-")]
        if not hits and os.path.isfile(name) and name.endswith(".ipynb"):
            hits = [os.path.abspath(name)]
        if len(hits) != 1:
            names_known = ", ".join(os.path.splitext(os.path.basename(p))[0] for p in known)
            raise UsageError(f"NOTEBOOK must name one notebook in notebooks/ (a path, a name or its number), "
                             f"was '{name}'; known: {names_known}")
        if hits[0] not in out:
            out.append(hits[0])
    return out


def npm_fetch() -> dict:
    """The pinned npm packages, unpacked once into the venv (checked against their integrity), by package name."""
    dirs = {}
    for spec, integrity in NPM_PACKAGES.items():
        name = spec.rsplit("@", 1)[0]
        target = os.path.join(CACHE, spec)
        if not os.path.isfile(os.path.join(target, "package.json")):
            if shutil.which("npm") is None:
                raise UsageError("the slides need reveal.js from the npm registry, but 'npm' is not on PATH; install "
                                 "Node.js and npm (e.g. apt-get install npm) and run again")
            os.makedirs(CACHE, exist_ok=True)
            with tempfile.TemporaryDirectory(dir=CACHE) as tmp:
                r = subprocess.run(["npm", "pack", spec, "--pack-destination", tmp, "--silent"],
                                   capture_output=True, text=True, timeout=300)
                tgz = [f for f in os.listdir(tmp) if f.endswith(".tgz")]
                if r.returncode != 0 or len(tgz) != 1:
                    raise RuntimeError(f"npm pack {spec} failed: {r.stderr.strip() or r.stdout.strip()}")
                data = open(os.path.join(tmp, tgz[0]), "rb").read()
                got = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
                if got != integrity:
                    raise RuntimeError(f"npm package {spec} has integrity {got}, expected {integrity}")
                unpacked = os.path.join(tmp, "unpacked")
                with tarfile.open(os.path.join(tmp, tgz[0])) as t:
                    t.extractall(unpacked, filter="data")
                os.replace(os.path.join(unpacked, "package"), target)
        dirs[name] = target
    return dirs


def vendor_reveal(kit: str) -> None:
    """reveal.js's dist/ and notes plugin, require.js and the stand-ins, into kit/reveal.js/."""
    src = npm_fetch()
    dst = os.path.join(kit, "reveal.js")
    shutil.copytree(os.path.join(src["reveal.js"], "dist"), os.path.join(dst, "dist"),
                    ignore=shutil.ignore_patterns("*.map", "*.esm.js"))
    shutil.copytree(os.path.join(src["reveal.js"], "plugin", "notes"), os.path.join(dst, "plugin", "notes"),
                    ignore=shutil.ignore_patterns("*.esm.js"))
    shutil.copy(os.path.join(src["reveal.js"], "LICENSE"), os.path.join(dst, "LICENSE"))
    shutil.copy(os.path.join(src["requirejs"], "require.js"), os.path.join(dst, "require.js"))
    for name, text in STUBS.items():
        with open(os.path.join(dst, name), "w") as f:
            f.write(text)


def exporters():
    common = dict(require_js_url="reveal.js/require.js", mathjax_url="reveal.js/no-mathjax.js",
                  jquery_url="reveal.js/no-jquery.js", mermaid_js_url=NO_MERMAID)
    page = HTMLExporter(template_name="lab", embed_images=True, **common)
    slides = SlidesExporter(reveal_url_prefix="reveal.js", reveal_theme="white", reveal_scroll=False,
                            reveal_width=str(SLIDE_WIDTH), reveal_height=str(SLIDE_HEIGHT), reveal_number="c/t",
                            font_awesome_url="", exclude_input_prompt=True, exclude_output_prompt=True, **common)
    hide = TagRemovePreprocessor(remove_input_tags={"hide-input"}, remove_cell_tags={"remove-cell"})
    slides.register_preprocessor(hide, enabled=True)
    return page, slides


FIGURE_NAME = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def figure_names(figure, count: int) -> list[str] | None:
    """The names of a cell's `count` charts from its metadata "figure": a list of that many names, or one name
    (NAME for one chart, NAME-1, NAME-2, ... for several); None when it names none (or not as lower-case words
    joined by '-')."""
    if isinstance(figure, list) and len(figure) == count and all(
            isinstance(f, str) and FIGURE_NAME.fullmatch(f) for f in figure):
        return list(figure)
    if isinstance(figure, list) and figure and isinstance(figure[0], str):
        figure = figure[0]   # a list of another length: numbered after its first name
    if not isinstance(figure, str) or not FIGURE_NAME.fullmatch(figure):
        return None
    return [figure] if count == 1 else [f"{figure}-{k}" for k in range(1, count + 1)]


class FigureNamer:
    """Called after each cell of a notebook has run (run_notebooks.run's after_cell): renames the charts the cell
    exported (NAME-figNN-TITLE.png/.svg, numbered in the kernel's order, titled with results) to NAME-FIGURE.png/.svg,
    FIGURE from the cell's metadata "figure" (figure_names; "cellNN" for a cell without a name), and records the
    PNGs' names in the cell's metadata "mcl_figure_files"."""

    def __init__(self, name: str, folder: str):
        self.name, self.folder = name, folder
        self.pattern = re.compile(EXPORTED.format(name=re.escape(name)))
        self.unnamed: list[int] = []

    def __call__(self, index, cell):
        numbers = sorted({int(m.group(1)) for f in os.listdir(self.folder) if (m := self.pattern.match(f))})
        if not numbers:
            return
        names = figure_names(cell.metadata.get("figure"), len(numbers))
        if names is None:
            names = figure_names(f"cell{index:02d}", len(numbers))
            self.unnamed.append(index)
        files = []
        for number, figure in zip(numbers, names):
            for f in os.listdir(self.folder):
                m = self.pattern.match(f)
                if m and int(m.group(1)) == number:
                    os.replace(os.path.join(self.folder, f), os.path.join(self.folder, f"{self.name}-{figure}.{m.group(2)}"))
            files.append(f"{self.name}-{figure}.png")
        cell.metadata["mcl_figure_files"] = files


def keep_figures(folder: str, figures: str, all_svg: bool) -> list[str]:
    """Moves a notebook's figure files into the kit's figures/, dropping large SVGs unless all_svg; returns the
    names moved."""
    moved = []
    for f in sorted(os.listdir(folder)):
        path = os.path.join(folder, f)
        if f.endswith(".svg") and not all_svg and os.path.getsize(path) > SVG_SMALL:
            os.remove(path)
            continue
        os.replace(path, os.path.join(figures, f))
        moved.append(f)
    return moved


def coalesce_streams(cell) -> None:
    """In place: consecutive outputs of one stream (the kernel sends each printed line on its own) as one output, so
    that a printed table is one block."""
    out = []
    for o in cell.get("outputs", []):
        if out and o.get("output_type") == "stream" and out[-1].get("output_type") == "stream" \
                and out[-1].get("name") == o.get("name"):
            out[-1]["text"] = out[-1].get("text", "") + o.get("text", "")
        else:
            out.append(o)
    cell["outputs"] = out


def is_image(output) -> bool:
    return output.get("output_type") in ("display_data", "execute_result") and any(
        k.startswith("image/") for k in output.get("data", {}))


def png_width(data: bytes) -> int:
    return int.from_bytes(data[16:20], "big") if data[:8] == b"\x89PNG\r\n\x1a\n" else 0


def link_figures(nb, figures: str, css_class: str) -> None:
    """In place: every chart a cell shows whose 2x PNG is in figures/ (the cell's metadata "mcl_figure_files", one
    per image/png output) and every animation saved there (a GIF of the same bytes) is shown from that file instead
    of being embedded, at the size the notebook shows it: each chart is stored once in the kit."""
    gifs = {}
    for f in os.listdir(figures):
        if f.endswith(".gif"):
            gifs[hashlib.sha256(open(os.path.join(figures, f), "rb").read()).hexdigest()] = f
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        coalesce_streams(cell)
        files = cell.metadata.get("mcl_figure_files", [])
        pngs = [o for o in cell.outputs if is_image(o) and "image/png" in o.get("data", {})]
        if files and len(files) == len(pngs) and all(os.path.isfile(os.path.join(figures, f)) for f in files):
            for o, f in zip(pngs, files):
                width = png_width(base64.b64decode(o["data"]["image/png"]))
                o["data"] = {"text/html": f'<img class="{css_class}" src="figures/{html.escape(f)}" '
                                          f'width="{width}" alt="{html.escape(f[:-4])}">'}
                o["metadata"] = {}
        for o in cell.outputs:
            gif = o.get("data", {}).get("image/gif") if is_image(o) else None
            if gif:
                f = gifs.get(hashlib.sha256(base64.b64decode(gif)).hexdigest())
                if f:
                    o["data"] = {"text/html": f'<img class="{css_class}" src="figures/{html.escape(f)}" '
                                              f'alt="{html.escape(f[:-4])}">'}
                    o["metadata"] = {}


def for_page(nb, figures: str, embed: bool = False):
    """The executed notebook as its page shows it: printed lines in one block per cell; unless embed, charts and
    saved animations from figures/ (link_figures)."""
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            coalesce_streams(cell)
    if not embed:
        link_figures(nb, figures, "mcl-page-figure")
    return nb


def for_slides(nb, figures: str):
    """The executed notebook as the slides show it: a figure cell (tag expect-image) becomes one slide per chart it
    shows (its text output only with the tag slide-output), each chart from figures/ (link_figures) where it is there
    (else the image the notebook embeds); every code cell's input is hidden unless it is
    tagged show-code; a cell tagged slide-output shows what it printed (no progress lines), slide-output-last only
    the last line of it. Figure slides carry data-mcl-figure (the figure's name) for the checks."""
    nb = copy.deepcopy(nb)
    link_figures(nb, figures, "mcl-figure")
    cells = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            cells.append(cell)
            continue
        tags = cell.metadata.get("tags", [])
        if "show-code" not in tags and "hide-input" not in tags:
            cell.metadata["tags"] = tags = [*tags, "hide-input"]
        if "expect-image" not in tags:
            if "slide-output" in tags or "slide-output-last" in tags:
                # What the cell printed (not its progress lines); with slide-output-last, its last line only.
                printed = [o for o in cell.outputs if o.get("output_type") in ("stream", "execute_result")]
                if "slide-output-last" in tags:
                    text = "".join(o.get("text", "") for o in printed if o.get("output_type") == "stream")
                    lines = [l for l in text.splitlines() if l.strip()]
                    printed = [nbformat.v4.new_output("stream", name="stdout", text=lines[-1] + "\n")] if lines else []
                cell.outputs = printed
            cells.append(cell)
            continue
        images = [o for o in cell.outputs if is_image(o) or "mcl-figure" in o.get("data", {}).get("text/html", "")]
        texts = [o for o in cell.outputs if o not in images and o.get("output_type") != "error"]
        names = figure_names(cell.metadata.get("figure"), max(1, len(images))) or \
            figure_names("figure", max(1, len(images)))
        for k, image in enumerate(images or [None]):
            part = copy.deepcopy(cell)
            if k > 0 and part.get("id"):
                part["id"] = f"{cell['id']}-{k + 1}"
            part.outputs = ([o for o in texts] if k == 0 and "slide-output" in tags else []) + ([image] if image else [])
            show = part.metadata.setdefault("slideshow", {})
            if k > 0:
                show["slide_type"] = "subslide"
            show["data"] = {"mcl_figure": names[k]}
            cells.append(part)
    nb.cells = cells
    return nb


def with_banner(page: str, title_prefix: str = "[rehearsal] ") -> str:
    """The page with the rehearsal banner at the top of its body (and in its title)."""
    page = re.sub(r"<title>", "<title>" + title_prefix, page, count=1)
    page = page.replace("</head>", f"<style>{BANNER_CSS}</style></head>", 1)
    return re.sub(r"(<body[^>]*>)", r"\1" + BANNER.replace("\\", "\\\\"), page, count=1)


def writable_folder(out: str) -> tuple[str, str]:
    """(the kit's final path, a fresh temporary folder beside it); raises UsageError naming --out."""
    out = os.path.abspath(out)
    if os.path.exists(out) and not os.path.isdir(out):
        raise UsageError(f"--out must be a folder, was '{out}' (a file)")
    parent = os.path.dirname(out)
    try:
        os.makedirs(parent, exist_ok=True)
        tmp = tempfile.mkdtemp(prefix=f".{os.path.basename(out)}.partial-", dir=parent)
    except OSError as e:
        raise UsageError(f"--out must be a folder that can be written, was '{out}' ({e.strerror})") from e
    return out, tmp


def size_of(path: str) -> int:
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(path) for f in fs)


def index_page(entries: list[tuple[str, list[str]]], quick: bool) -> str:
    rows = []
    for name, figures in entries:
        figs = " ".join(f'<a href="figures/{html.escape(f)}">{html.escape(f)}</a>' for f in figures)
        rows.append(f"<tr><td>{html.escape(name)}</td><td><a href=\"{html.escape(name)}.html\">page</a></td>"
                    f"<td><a href=\"{html.escape(name)}.slides.html\">slides</a></td><td>{figs}</td></tr>")
    return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Mode Collapse Lab: lecture kit</title>"
            "<style>body{font-family:sans-serif;margin:2em}td{padding:.3em .8em;vertical-align:top}"
            "td:last-child{font-size:.85em}</style></head><body><h1>Mode Collapse Lab: lecture kit</h1>"
            + (f"<style>{BANNER_CSS}</style>{BANNER}" if quick else "")
            + f"<p>Built {time.strftime('%Y-%m-%d %H:%M')}" + (" with <b>quick settings</b> (a rehearsal)" if quick
                                                               else " with the notebooks' full settings")
            + ". Slides: arrow keys or space to move, <kbd>s</kbd> for speaker notes, <kbd>f</kbd> for full screen. "
            "Figures: PNG at 2&times;, SVG where small (all of them with <code>--svg</code>).</p>"
            "<table><tr><th>notebook</th><th>page</th><th>slides</th><th>figures</th></tr>"
            + "".join(rows) + "</table></body></html>\n")


def parse(argv):
    ap = argparse.ArgumentParser(prog="environment/lecture", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("notebooks", nargs="*", metavar="NOTEBOOK")
    ap.add_argument("--out", default=os.path.join(ROOT, "lecture-kit"), help="the kit's folder (default lecture-kit/)")
    ap.add_argument("--quick", action="store_true",
                    help="the notebooks' quick settings (a rehearsal: minutes less; the kit carries a banner)")
    ap.add_argument("--svg", action="store_true",
                    help=f"keep every chart's SVG (default: only SVGs under {SVG_SMALL // 1000} kB; the rest as PNG)")
    ap.add_argument("--embed", action="store_true",
                    help="pages embed their figures (one self-contained file each; a larger kit) instead of showing "
                         "them from figures/")
    ap.add_argument("--notebooks", action="store_true", help="add the executed notebooks (notebooks/NAME.ipynb)")
    ap.add_argument("--figure-size", help="WIDTHxHEIGHT of every chart in pixels (default 720x400)")
    ap.add_argument("--font-scale", help="font size relative to the default (e.g. 1.5 for a large room)")
    ap.add_argument("--png-scale", help="PNG resolution relative to the chart size, 1-4 (default 2)")
    ap.add_argument("--timeout", type=int, default=1800, help="seconds per cell (default 1800)")
    ap.add_argument("--jobs", type=int, default=1, help="notebooks run at once, one kernel each (default 1)")
    a = ap.parse_args(argv)
    if a.figure_size is not None and not re.fullmatch(r"\d{3,4}x\d{3,4}", a.figure_size):
        raise UsageError(f"--figure-size must be WIDTHxHEIGHT in pixels (e.g. 1280x720), was '{a.figure_size}'")
    if a.font_scale is not None:
        try:
            ok = 0.5 <= float(a.font_scale) <= 4
        except ValueError:
            ok = False
        if not ok:
            raise UsageError(f"--font-scale must be a number in [0.5, 4], was '{a.font_scale}'")
    if a.png_scale is not None and a.png_scale not in ("1", "2", "3", "4"):
        raise UsageError(f"--png-scale must be 1, 2, 3 or 4, was '{a.png_scale}'")
    if a.jobs < 1:
        raise UsageError(f"--jobs must be >= 1, was {a.jobs}")
    if a.timeout < 1:
        raise UsageError(f"--timeout must be >= 1 second, was {a.timeout}")
    return a


def main(argv) -> int:
    try:
        a = parse(argv)
        notebooks = resolve(a.notebooks)
        out, tmp = writable_folder(a.out)
    except UsageError as e:
        print(f"lecture: {e}", file=sys.stderr)
        return 2
    t0 = time.time()
    try:
        vendor_reveal(tmp)
        figures = os.path.join(tmp, "figures")
        os.makedirs(figures)
        page, slides = exporters()
        env = {"MCL_EXPORT_FIGURES": "1", "MCL_QUICK": "1" if a.quick else "0"}
        for var, value in (("MCL_FIGURE_SIZE", a.figure_size), ("MCL_FIGURE_FONT_SCALE", a.font_scale),
                           ("MCL_FIGURE_PNG_SCALE", a.png_scale)):
            if value is not None:
                env[var] = value
        work = os.path.join(tmp, ".figures")
        executed = os.path.join(tmp, "notebooks" if a.notebooks else ".notebooks")
        owned: dict[str, list[str]] = {}   # each notebook's files in figures/

        def execute(path):
            name = os.path.splitext(os.path.basename(path))[0]
            # Each notebook writes into a folder of its own, so that a cell's new files are that cell's charts.
            folder = os.path.join(work, name)
            os.makedirs(folder)
            kernel_env = dict(os.environ, **env, MCL_FIGURES=folder, MCL_NOTEBOOK=name)
            namer = FigureNamer(name, folder)
            try:
                ok, line = run_notebooks.run(path, executed, a.timeout, images=False,
                                             env=kernel_env, after_cell=namer)
            except Exception as e:  # the kernel died or would not start: this notebook failed
                return False, f"FAIL {name}: {type(e).__name__}: {e}"
            if namer.unnamed:
                line += (f"\n      note: cells {namer.unnamed} of {name} show charts but have no metadata \"figure\" "
                         "(their files are named NAME-cellNN)")
            owned[name] = keep_figures(folder, figures, a.svg)
            return ok, line

        # Notebooks run in parallel kernels (--jobs), each naming its own figures; then each is exported.
        with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as pool:
            results = list(pool.map(execute, notebooks))
        for ok, line in results:
            print(line, flush=True)
        failed = [line.split()[1].rstrip(":") for ok, line in results if not ok]
        if failed:
            print(f"lecture: {', '.join(failed)} failed; no kit was written (the error is above)", file=sys.stderr)
            return 1
        shutil.rmtree(work, ignore_errors=True)
        entries = []
        for path in notebooks:
            name = os.path.splitext(os.path.basename(path))[0]
            nb = nbformat.read(os.path.join(executed, name + ".ipynb"), as_version=4)
            body, _ = page.from_notebook_node(for_page(nb, figures, a.embed),
                                              resources={"metadata": {"name": name}})
            with open(os.path.join(tmp, name + ".html"), "w", encoding="utf-8") as f:
                f.write(with_banner(body) if a.quick else body)
            body, _ = slides.from_notebook_node(for_slides(nb, figures), resources={"metadata": {"name": name}})
            body = body.replace("</head>", SLIDE_CSS + SLIDE_JS + "</head>", 1)
            if a.quick:
                body = with_banner(body)
            with open(os.path.join(tmp, name + ".slides.html"), "w", encoding="utf-8") as f:
                f.write(body)
            entries.append((name, owned.get(name, [])))
        if not a.notebooks:
            shutil.rmtree(executed)
        if a.quick:
            for folder in (tmp, figures):
                with open(os.path.join(folder, "REHEARSAL-QUICK-SETTINGS.txt"), "w") as f:
                    f.write(REHEARSAL_NOTE)
        with open(os.path.join(tmp, "index.html"), "w", encoding="utf-8") as f:
            f.write(index_page(entries, a.quick))
        # Complete: replace any previous kit in one rename (the old one is moved aside first, then deleted).
        old = None
        if os.path.exists(out):
            old = tempfile.mkdtemp(prefix=f".{os.path.basename(out)}.old-", dir=os.path.dirname(out))
            os.replace(out, os.path.join(old, "kit"))
        os.replace(tmp, out)
        tmp = None
        if old:
            shutil.rmtree(old, ignore_errors=True)
    except UsageError as e:
        print(f"lecture: {e}", file=sys.stderr)
        return 2
    finally:
        if tmp and os.path.isdir(tmp):
            shutil.rmtree(tmp, ignore_errors=True)
    n_fig = len([f for f in os.listdir(os.path.join(out, "figures")) if not f.endswith(".txt")])
    print(f"lecture kit: {out} ({len(notebooks)} notebooks, {n_fig} figure files, {size_of(out) / 2**20:.1f} MiB, "
          f"{time.time() - t0:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
