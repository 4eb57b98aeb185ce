"""Tests environment/lecture as a lecturer uses it: bad arguments refused by name, then a kit of every notebook
(quick settings) whose pages and slides open offline in Chromium and contain the notebook's figures.

Checks, printed as PASS/FAIL lines (and a closing "N passed, M failed"):
  - every notebook is tagged for slides (environment/lib/tag_slides.py --check);
  - an unknown notebook name, an --out that cannot be written (or is a file), a bad --figure-size: exit 2 with a
    message naming the parameter, the rule and the value, before any notebook runs;
  - a run that fails (a cell time-out) leaves no kit and no temporary folder behind;
  - per notebook: NAME.html and NAME.slides.html exist; the page opens in Chromium with its figures (one loaded
    image per figure cell at least) and no request leaving the machine; the slides open, reveal.js starts from the
    kit's own copy, there are several slides and the figures are on them; its charts are in figures/ as PNG (2x the
    chart's size) and SVG, named after the notebook;
  - the animations (GIFs) the notebooks save are in figures/, each under 2 MB.
"""
import glob
import os
import re
import shutil
import subprocess
import sys
import time

import nbformat

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(1, os.path.join(ROOT, "environment", "lib"))   # tag_slides
from check_browser import CHROMIUM_FLAGS  # noqa: E402  (the same Chromium flags as the browser test)

PY = sys.executable
# Figure cells (tag expect-image; nbconvert writes tags as classes) and how many of them show a loaded image.
FIGURE_CELLS = """() => {
  const cells = Array.from(document.querySelectorAll('.celltag_expect-image'));
  const shown = c => Array.from(c.querySelectorAll('img')).some(i => i.complete && i.naturalWidth > 0);
  return [cells.length, cells.filter(shown).length];
}"""
LECTURE = os.path.join(ROOT, "environment", "lib", "lecture.py")


def lecture(*args, timeout=1800):
    t0 = time.time()
    r = subprocess.run([PY, LECTURE, *args], capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    return r.returncode, r.stdout + r.stderr, time.time() - t0


def png_size(path: str) -> tuple[int, int]:
    with open(path, "rb") as f:
        head = f.read(24)
    return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")


def svg_width(path: str) -> int:
    """The width of an SVG written by XChart (its root element's width="…px")."""
    with open(path, encoding="utf-8") as f:
        head = f.read(2000)
    m = re.search(r'<svg[^>]*\swidth="(\d+)(?:px)?"', head)
    return int(m.group(1)) if m else -1


def main() -> int:
    notebooks = sorted(glob.glob(os.path.join(ROOT, "notebooks", "[0-9][0-9]-*.ipynb")))
    out = os.path.join(ROOT, "target", "lecture-kit")
    # --existing: check the kit already in target/lecture-kit without building it (while changing this test).
    existing = "--existing" in sys.argv[1:]
    results = []

    def check(ok, msg):
        results.append(ok)
        print(("PASS " if ok else "FAIL ") + msg, flush=True)

    if existing:
        return check_kit(notebooks, out, check, results)
    # Every notebook is tagged for slides (environment/lib/tag_slides.py; new notebooks need a run of it).
    r = subprocess.run([PY, os.path.join(ROOT, "environment", "lib", "tag_slides.py"), "--check", *notebooks],
                       capture_output=True, text=True, cwd=ROOT)
    check(r.returncode == 0, "every notebook is tagged for slides" + ("" if r.returncode == 0 else ": " + "; ".join(
        l for l in r.stdout.splitlines() if "not tagged" in l)))
    check(*hand_set_tags_survive(notebooks[0]))
    # Bad arguments: refused before anything runs.
    rc, text, s = lecture("no-such-notebook", "--out", out)
    check(rc == 2 and "NOTEBOOK must name one notebook" in text and "was 'no-such-notebook'" in text and s < 30,
          f"an unknown notebook is refused by name (exit {rc}): {text.strip().splitlines()[-1][:160]}")
    rc, text, _ = lecture("01", "--out", "/proc/mcl-cannot-write/kit")
    check(rc == 2 and "--out must be a folder that can be written, was '/proc/mcl-cannot-write/kit'" in text,
          f"an --out that cannot be written is refused by name (exit {rc}): {text.strip().splitlines()[-1][:160]}")
    rc, text, _ = lecture("01", "--out", os.path.join(ROOT, "pom.xml"))
    check(rc == 2 and "--out must be a folder" in text and "(a file)" in text,
          f"a file as --out is refused (exit {rc})")
    rc, text, _ = lecture("01", "--figure-size", "huge", "--out", out)
    check(rc == 2 and "--figure-size must be WIDTHxHEIGHT in pixels (e.g. 1280x720), was 'huge'" in text,
          f"a bad --figure-size is refused by name (exit {rc})")
    # A run that fails leaves nothing a lecturer could mistake for a kit.
    failing = os.path.join(ROOT, "target", "lecture-kit-failing")
    shutil.rmtree(failing, ignore_errors=True)
    rc, text, _ = lecture("01", "--quick", "--timeout", "1", "--out", failing)
    leftovers = glob.glob(os.path.join(ROOT, "target", ".lecture-kit-failing*"))
    check(rc == 1 and not os.path.exists(failing) and not leftovers,
          f"a failing run (a cell time-out) exits 1 and leaves no kit and no temporary folder (exit {rc}, "
          f"left: {leftovers or 'nothing'})")

    # The kit of every notebook, quick settings, two kernels at a time.
    rc, text, seconds = lecture("--quick", "--jobs", "2", "--out", out)
    print("\n".join("     " + l for l in text.strip().splitlines() if l.startswith(("PASS", "FAIL", "lecture"))))
    check(rc == 0 and os.path.isdir(out), f"environment/lecture --quick built {os.path.relpath(out, ROOT)} "
          f"({seconds:.0f} s, exit {rc})")
    if rc != 0:
        print(text[-3000:])
        return finish(results)
    check(not glob.glob(os.path.join(ROOT, "target", ".lecture-kit.*")), "no temporary folder is left beside the kit")
    return check_kit(notebooks, out, check, results)


def check_kit(notebooks, out, check, results) -> int:
    figures = os.listdir(os.path.join(out, "figures"))

    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                    args=CHROMIUM_FLAGS, headless=True)
        for path in notebooks:
            name = os.path.splitext(os.path.basename(path))[0]
            nb = nbformat.read(path, as_version=4)
            expected = sum("expect-image" in c.metadata.get("tags", []) for c in nb.cells if c.cell_type == "code")
            page_file = os.path.join(out, name + ".html")
            slides_file = os.path.join(out, name + ".slides.html")
            if not (os.path.isfile(page_file) and os.path.isfile(slides_file)):
                check(False, f"{name}: NAME.html and NAME.slides.html exist")
                continue
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            outside = []
            page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(("file:", "data:")) else None)
            page.goto("file://" + page_file)
            page.wait_for_load_state("load")
            cells, shown = page.evaluate(FIGURE_CELLS)
            check(cells == expected and shown == expected and not outside,
                  f"{name}.html opens; {shown} of its {expected} figure cells show their image; no request off the "
                  f"machine" + (f" (requested {outside[:3]})" if outside else ""))
            outside.clear()
            page.goto("file://" + slides_file)
            # reveal.js is loaded by require.js (no global Reveal); it marks its root "ready" once it runs.
            try:
                page.wait_for_selector(".reveal.ready", timeout=30_000)
            except Exception:
                check(False, f"{name}.slides.html: reveal.js did not start within 30 s"
                      + (f" (requested {outside[:3]})" if outside else ""))
                page.close()
                continue
            slides = page.evaluate("() => Array.from(document.querySelectorAll('.reveal .slides section'))"
                                   ".filter(s => !s.querySelector('section')).length")
            cells, shown = page.evaluate(FIGURE_CELLS)
            local = 'src="reveal.js/dist/reveal.js"' in open(slides_file).read() or \
                "reveal.js/dist/reveal.js" in open(slides_file).read()
            check(slides >= 5 and cells == expected and shown == expected and not outside and local,
                  f"{name}.slides.html: reveal.js from the kit, {slides} slides, {shown} of {expected} figure cells "
                  f"with their image, no request off the machine" + (f" (requested {outside[:3]})" if outside else ""))
            page.close()
            pngs = [f for f in figures if f.startswith(name + "-fig") and f.endswith(".png")]
            svgs = [f for f in figures if f.startswith(name + "-fig") and f.endswith(".svg")]
            # Each PNG at twice its chart's size: the SVG of the same chart carries the size in pixels (720 wide by
            # default; digit grids and heat maps have sizes of their own).
            doubled = all(png_size(os.path.join(out, "figures", f))[0]
                          == 2 * svg_width(os.path.join(out, "figures", f[:-4] + ".svg")) for f in pngs)
            check(len(pngs) >= 1 and len(pngs) == len(svgs) and doubled,
                  f"{name}: {len(pngs)} charts in figures/ as PNG (2x) and SVG, named after the notebook")
        browser.close()
    gifs = [f for f in figures if f.endswith(".gif")]
    sizes = {f: os.path.getsize(os.path.join(out, "figures", f)) for f in gifs}
    check(len(gifs) >= 2 and all(open(os.path.join(out, "figures", f), "rb").read(6) == b"GIF89a" for f in gifs)
          and all(v < 2_000_000 for v in sizes.values()),
          "animations in figures/: " + ", ".join(f"{f} {v / 1024:.0f} KiB" for f, v in sorted(sizes.items())))
    total = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(out) for f in fs)
    print(f"     kit: {len(notebooks)} notebooks, {len(figures)} figure files, {total / 2**20:.1f} MiB")
    return finish(results)


def hand_set_tags_survive(path: str) -> tuple[bool, str]:
    """On a copy: a slide type and a hide-input tag set by hand survive a re-run of the rules; others are re-set."""
    import tag_slides
    nb = nbformat.read(path, as_version=4)
    tag_slides.apply(nb)
    code = [c for c in nb.cells if c.cell_type == "code" and c.metadata["slideshow"]["slide_type"] != "skip"]
    if not code:
        return True, "tag_slides: nothing to override by hand in " + os.path.basename(path)
    by_hand = code[0]
    by_hand.metadata["slideshow"]["slide_type"] = "fragment"
    shown = "hide-input" in by_hand.metadata.get("tags", [])
    tags = [t for t in by_hand.metadata.get("tags", []) if t != "hide-input"] + ([] if shown else ["hide-input"])
    by_hand.metadata["tags"] = tags
    changed = tag_slides.apply(nb)
    ok = (by_hand.metadata["slideshow"]["slide_type"] == "fragment"
          and ("hide-input" in by_hand.metadata.get("tags", [])) != shown and not changed)
    return ok, "tag_slides keeps a slide type and a hide-input tag set by hand when the rules run again"


def finish(results) -> int:
    passed = sum(results)
    print(f"lecture: {passed} passed, {len(results) - passed} failed", flush=True)
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
