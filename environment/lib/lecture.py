"""Builds a lecture kit from the notebooks: run them, then write one folder a lecturer can take to a talk.

    environment/lecture [NOTEBOOK ...] [--out DIR] [--quick] [--jobs N] [--figure-size WxH] [--font-scale F]
                        [--png-scale N]

NOTEBOOK is a notebook in notebooks/ by path, file name, name or number (`01`); default: all of them. The kit:
  index.html                    links to everything below
  NAME.html                     the executed notebook as one standalone page (figures embedded)
  NAME.slides.html              reveal.js slides (cells tagged by environment/lib/tag_slides.py), offline
  figures/NAME-figNN-TITLE.png  every chart the notebook shows, PNG at 2x (projectors) and SVG, named after the
  figures/NAME-figNN-TITLE.svg  notebook and the chart's title; plus the figures and GIFs the notebook saves itself
  reveal.js/                    reveal.js and require.js (from the npm registry, pinned), so slides work offline
  notebooks/NAME.ipynb          the executed notebooks
The kit is written into a temporary folder beside DIR and renamed to DIR only when complete; an existing DIR is
replaced at that moment. Exits 2 on bad arguments (naming the parameter, the rule and the value), 1 when a notebook
fails (no kit is left behind).
"""
import argparse
import base64
import concurrent.futures
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
    "no-mermaid.mjs": "export default { initialize() {}, run() {}, registerLayoutLoaders() {} };\n",
}
# Slides read as a talk: no In/Out prompts, figures as large as the slide allows, a title that fits.
SLIDE_CSS = """<style>
.reveal .jp-InputPrompt, .reveal .jp-OutputPrompt { display: none; }
.reveal .jp-OutputArea-output img { width: min(100%, 1200px); height: auto; max-height: 82vh; object-fit: contain; }
.reveal h1 { font-size: 2.1em; }
.reveal .jp-RenderedText pre { font-size: 0.55em; line-height: 1.25; }
</style>
"""


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
                  jquery_url="reveal.js/no-jquery.js", mermaid_js_url="reveal.js/no-mermaid.mjs")
    page = HTMLExporter(template_name="lab", embed_images=True, **common)
    slides = SlidesExporter(reveal_url_prefix="reveal.js", reveal_theme="white", reveal_scroll=True,
                            font_awesome_url="", exclude_input_prompt=True, exclude_output_prompt=True, **common)
    hide = TagRemovePreprocessor(remove_input_tags={"hide-input"}, remove_cell_tags={"remove-cell"})
    slides.register_preprocessor(hide, enabled=True)
    return page, slides


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


def index_page(entries: list[tuple[str, list[str]]]) -> str:
    rows = []
    for name, figures in entries:
        figs = " ".join(f'<a href="figures/{html.escape(f)}">{html.escape(f)}</a>' for f in figures)
        rows.append(f"<tr><td>{html.escape(name)}</td><td><a href=\"{html.escape(name)}.html\">page</a></td>"
                    f"<td><a href=\"{html.escape(name)}.slides.html\">slides</a></td><td>{figs}</td></tr>")
    return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Mode Collapse Lab: lecture kit</title>"
            "<style>body{font-family:sans-serif;margin:2em}td{padding:.3em .8em;vertical-align:top}"
            "td:last-child{font-size:.85em}</style></head><body><h1>Mode Collapse Lab: lecture kit</h1>"
            f"<p>Built {time.strftime('%Y-%m-%d %H:%M')}. Slides: arrow keys to move, <kbd>s</kbd> for speaker "
            "notes, <kbd>f</kbd> for full screen. Figures: PNG at 2&times; and SVG.</p>"
            "<table><tr><th>notebook</th><th>page</th><th>slides</th><th>figures</th></tr>"
            + "".join(rows) + "</table></body></html>\n")


def parse(argv):
    ap = argparse.ArgumentParser(prog="environment/lecture", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("notebooks", nargs="*", metavar="NOTEBOOK")
    ap.add_argument("--out", default=os.path.join(ROOT, "lecture-kit"), help="the kit's folder (default lecture-kit/)")
    ap.add_argument("--quick", action="store_true", help="the notebooks' quick settings (for tests; minutes less)")
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
        env = {"MCL_FIGURES": figures, "MCL_EXPORT_FIGURES": "1", "MCL_QUICK": "1" if a.quick else "0"}
        for var, value in (("MCL_FIGURE_SIZE", a.figure_size), ("MCL_FIGURE_FONT_SCALE", a.font_scale),
                           ("MCL_FIGURE_PNG_SCALE", a.png_scale)):
            if value is not None:
                env[var] = value

        def execute(path):
            name = os.path.splitext(os.path.basename(path))[0]
            kernel_env = dict(os.environ, **env, MCL_NOTEBOOK=name)
            try:
                return run_notebooks.run(path, os.path.join(tmp, "notebooks"), a.timeout, images=False,
                                         env=kernel_env)
            except Exception as e:  # the kernel died or would not start: this notebook failed
                return False, f"FAIL {name}: {type(e).__name__}: {e}"

        # Notebooks run in parallel kernels (--jobs), each naming its own figures; then each is exported.
        with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as pool:
            results = list(pool.map(execute, notebooks))
        for ok, line in results:
            print(line, flush=True)
        failed = [line.split()[1].rstrip(":") for ok, line in results if not ok]
        if failed:
            print(f"lecture: {', '.join(failed)} failed; no kit was written (the error is above)", file=sys.stderr)
            return 1
        entries = []
        for path in notebooks:
            name = os.path.splitext(os.path.basename(path))[0]
            nb = nbformat.read(os.path.join(tmp, "notebooks", name + ".ipynb"), as_version=4)
            body, _ = page.from_notebook_node(nb, resources={"metadata": {"name": name}})
            with open(os.path.join(tmp, name + ".html"), "w", encoding="utf-8") as f:
                f.write(body)
            body, _ = slides.from_notebook_node(nb, resources={"metadata": {"name": name}})
            body = body.replace("</head>", SLIDE_CSS + "</head>", 1)
            with open(os.path.join(tmp, name + ".slides.html"), "w", encoding="utf-8") as f:
                f.write(body)
            number = name.split("-")[0] + "-"   # its exported charts (NAME-figNN-…) and what it saves (NN-…)
            entries.append((name, sorted(f for f in os.listdir(figures) if f.startswith(number))))
        with open(os.path.join(tmp, "index.html"), "w", encoding="utf-8") as f:
            f.write(index_page(entries))
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
    n_fig = len(os.listdir(os.path.join(out, "figures")))
    print(f"lecture kit: {out} ({len(notebooks)} notebooks, {n_fig} figure files, {size_of(out) / 2**20:.1f} MiB, "
          f"{time.time() - t0:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
