"""Tests environment/lecture as a lecturer uses it: bad arguments refused by name, then a kit of every notebook
(quick settings) whose pages and slides open offline in Chromium and contain the notebook's figures.

Checks, printed as PASS/FAIL lines (and a closing "N passed, M failed"):
  - every notebook is tagged for slides (environment/lib/tag_slides.py --check);
  - an unknown notebook name, an --out that cannot be written (or is a file), a bad --figure-size: exit 2 with a
    message naming the parameter, the rule and the value, before any notebook runs;
  - a run that fails (a cell time-out) leaves no kit and no temporary folder behind;
  - per notebook: NAME.html and NAME.slides.html exist; the page opens in Chromium with its figures (one loaded
    image per figure cell at least; charts from figures/ as PNG at twice the size shown), no request leaving the
    machine, the rehearsal banner (a --quick kit); the deck opens, reveal.js starts from the kit's own copy, and
    every slide (1280x720, visited one by one) has at most 60 words of prose (headings, paragraphs and lists; not
    tables, code or printed output) and fits the slide (tables and printed output too), every figure slide shows
    exactly one loaded chart, the title slide and the closing "what to remember" slide carry speaker notes, the
    speaker view opens offline, no script error; screenshots of the title slide, the first figure slide and the
    closing slide in target/lecture-slides/; its charts are in figures/, named NAME-FIGURE after the figure cells'
    metadata "figure" (no result in a name);
  - SVGs only where small; the animations (GIFs) the notebooks save are in figures/, each under 2 MB; the kit is
    under 40 MiB, and the slide counts per deck are printed.
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


# Each leaf slide (a <section> without sections inside) as the audience sees it: its prose words (headings,
# paragraphs, lists; not tables, code, printed output or speaker notes), whether it fits the slide, its figure.
SLIDES = """() => Array.from(document.querySelectorAll('.reveal .slides section'))
  .filter(s => !s.querySelector('section')).map(s => {
    const top = s.parentElement.matches('.slides') ? s : s.parentElement;
    const h = Array.from(top.parentElement.children).indexOf(top);
    const v = top === s ? 0 : Array.from(top.children).indexOf(s);
    return {h: h, v: v, figure: s.dataset.mclFigure || null};
  })"""
SLIDE_AT = """([h, v]) => {
  const top = document.querySelector('.reveal .slides').children[h];
  const subs = Array.from(top.children).filter(e => e.tagName === 'SECTION');
  return subs.length ? subs[v] : top;
}"""
SHOWN = "([h, v]) => (" + SLIDE_AT + ")([h, v]).classList.contains('present')"
SLIDE_NOW = r"""([h, v, width]) => {
  const cur = (SLIDE_AT)([h, v]);
  const clone = cur.cloneNode(true);
  clone.querySelectorAll('aside.notes, pre, table, .jp-CodeCell, script, style').forEach(e => e.remove());
  const words = (clone.textContent.match(/\S+/g) || []).filter(w => /[\p{L}\p{N}]/u.test(w));
  const imgs = Array.from(cur.querySelectorAll('img')).filter(i => i.closest('.jp-OutputArea') || i.classList.contains('mcl-figure'));
  return {
    words: words.length,
    heading: (cur.querySelector('h1, h2, h3') || {textContent: ''}).textContent.replace('¶', '').trim(),
    notes: Array.from(cur.querySelectorAll('aside.notes')).map(a => a.textContent.trim()).join(' ').length,
    height: cur.scrollHeight, width: cur.scrollWidth,
    tablesFit: Array.from(cur.querySelectorAll('table, pre')).every(t => t.scrollWidth <= Math.min(cur.clientWidth, t.clientWidth || width) + 1),
    figureImage: imgs.filter(i => i.complete && i.naturalWidth > 0).length,
    banner: !!document.querySelector('.mcl-rehearsal'),
  };
}""".replace("SLIDE_AT", SLIDE_AT)
WORD_LIMIT = 60
SLIDE_W, SLIDE_H = 1280, 720   # environment/lib/lecture.py's SLIDE_WIDTH, SLIDE_HEIGHT
SHOTS = os.path.join(ROOT, "target", "lecture-slides")


def figure_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code" and "expect-image" in c.metadata.get("tags", [])]


def check_slides(browser, name, slides_file, quick, check):
    """The deck as a lecturer presents it: every slide within the word limit and the slide's size, every figure
    slide with its image, speaker notes, a title slide and a closing "what to remember" slide; screenshots of the
    title slide, the first figure slide and the closing slide in target/lecture-slides/."""
    page = browser.new_context(viewport={"width": SLIDE_W, "height": SLIDE_H}).new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto("file://" + slides_file)
    page.wait_for_selector(".reveal.ready", timeout=30_000)
    slides = page.evaluate(SLIDES)
    seen = []
    for s in slides:
        page.evaluate(f"location.hash = '#/{s['h']}/{s['v']}'")
        page.wait_for_function(SHOWN, arg=[s["h"], s["v"]], timeout=10_000)
        page.wait_for_timeout(50)   # the fitting of printed output runs on the slide change
        seen.append(dict(s, **page.evaluate(SLIDE_NOW, [s["h"], s["v"], SLIDE_W])))
    wordy = [f"{x['h']}/{x['v']} ({x['words']} words: {x['heading'][:40] or '…'})" for x in seen
             if x["words"] > WORD_LIMIT]
    check(not wordy, f"{name} slides: each of {len(seen)} slides has at most {WORD_LIMIT} words of prose (the most: "
          f"{max(x['words'] for x in seen)})" + (f"; over: {', '.join(wordy)}" if wordy else ""))
    tall = [f"{x['h']}/{x['v']} ({x['width']}x{x['height']} px)" for x in seen
            if x["height"] > SLIDE_H + 2 or x["width"] > SLIDE_W + 2 or not x["tablesFit"]]
    check(not tall, f"{name} slides: every slide fits {SLIDE_W}x{SLIDE_H} (tables and printed output included)"
          + (f"; too large: {', '.join(tall)}" if tall else ""))
    figs = [x for x in seen if x["figure"]]
    blank = [f"{x['h']}/{x['v']} {x['figure']}" for x in figs if x["figureImage"] != 1]
    check(figs and not blank, f"{name} slides: each of {len(figs)} figure slides shows exactly one chart, loaded"
          + (f"; not so: {', '.join(blank)}" if blank else ""))
    notes = sum(1 for x in seen if x["notes"] > 0)
    check(seen[0]["notes"] > 0 and seen[-1]["notes"] > 0 and notes >= 3,
          f"{name} slides: speaker notes on {notes} slides, the title slide and the closing slide among them")
    check(seen[0]["heading"][:2].isdigit() and "what to remember" in seen[-1]["heading"].lower(),
          f"{name} slides: opens with the title slide ('{seen[0]['heading'][:50]}') and closes with "
          f"'{seen[-1]['heading'][:40]}'")
    check(seen[0]["banner"] == quick, f"{name} slides: the rehearsal banner is {'shown' if quick else 'absent'}"
          f" ({'quick' if quick else 'full'} settings)")
    check(not errors, f"{name} slides: no script error" + (f" ({errors[:2]})" if errors else ""))
    # The speaker view (s) opens offline with the title slide's notes.
    page.evaluate("location.hash = '#/0/0'")
    page.wait_for_function(SHOWN, arg=[0, 0], timeout=10_000)
    try:
        with page.context.expect_page(timeout=10_000) as popup:
            page.keyboard.press("s")
        view = popup.value
        view.wait_for_function("() => (document.querySelector('.speaker-controls-notes') || {innerText: ''})"
                               ".innerText.trim().length > 40", timeout=15_000)
        speaker = True
        view.close()
    except Exception:
        speaker = False
    check(speaker, f"{name} slides: the speaker view (s) opens and shows the title slide's notes")
    os.makedirs(SHOTS, exist_ok=True)
    first_figure = figs[0] if figs else seen[1]
    for label, x in (("1-title", seen[0]), ("2-figure", first_figure), ("3-closing", seen[-1])):
        page.evaluate(f"location.hash = '#/{x['h']}/{x['v']}'")
        page.wait_for_timeout(900)   # the slide transition
        page.screenshot(path=os.path.join(SHOTS, f"{name}-{label}.png"))
    page.context.close()
    return len(seen)


def check_kit(notebooks, out, check, results) -> int:
    sys.path.insert(0, os.path.join(ROOT, "environment", "lib"))
    import lecture
    figures = [f for f in os.listdir(os.path.join(out, "figures")) if not f.endswith(".txt")]
    quick = os.path.isfile(os.path.join(out, "REHEARSAL-QUICK-SETTINGS.txt"))
    counts = {}

    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                    args=CHROMIUM_FLAGS, headless=True)
        for path in notebooks:
            name = os.path.splitext(os.path.basename(path))[0]
            nb = nbformat.read(path, as_version=4)
            expected = len(figure_cells(nb))
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
            banner = page.evaluate("() => !!document.querySelector('.mcl-rehearsal')")
            # Charts shown from figures/ at the size the notebook shows them: their PNG has twice that width.
            linked, sharp = page.evaluate("""() => { const i = Array.from(document.querySelectorAll('img.mcl-page-figure'))
              .filter(i => !i.src.endsWith('.gif'));
              return [i.length, i.filter(x => x.complete && x.naturalWidth === 2 * parseInt(x.getAttribute('width'))).length]; }""")
            check(cells == expected and shown == expected and not outside and banner == quick and linked > 0
                  and sharp == linked,
                  f"{name}.html opens; {shown} of its {expected} figure cells show their image ({sharp} of {linked} "
                  f"charts from figures/ at 2x); no request off the machine; rehearsal banner "
                  f"{'shown' if banner else 'absent'}" + (f" (requested {outside[:3]})" if outside else ""))
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
            text = open(slides_file, encoding="utf-8").read()
            check("reveal.js/dist/reveal.js" in text and not outside,
                  f"{name}.slides.html: reveal.js from the kit, no request off the machine"
                  + (f" (requested {outside[:3]})" if outside else ""))
            page.close()
            counts[name] = check_slides(browser, name, slides_file, quick, check)
            # Figure files: stable names (the notebook and each figure cell's metadata "figure"), never a result.
            names = {}
            unnamed = []
            for i, cell in enumerate(figure_cells(nb)):
                figure = cell.metadata.get("figure")
                listed = figure if isinstance(figure, list) else [figure]
                if not all(isinstance(f, str) and lecture.FIGURE_NAME.fullmatch(f) for f in listed):
                    unnamed.append(i)
                for f in listed:
                    names[str(f)] = i
            # The notebook's own figures (its "save figures" cell: FIGURES.resolve("NN-…")) are named by it.
            saved = {m + ".png" for c in nb.cells if c.cell_type == "code"
                     for m in re.findall(r'FIGURES\.resolve\("([^"]+)"\)', c.source)}
            mine = [f for f in figures if f.startswith(name + "-") and f.endswith(".png") and f not in saved]
            clash = sorted(f for f in names if f"{name}-{f}.png" in saved or any(
                s.startswith(f"{name}-{f}-") for s in saved))
            stray = [f for f in mine if re.sub(r"-\d+$", "", f[len(name) + 1:-4]) not in names
                     and f[len(name) + 1:-4] not in names]
            check(mine and not unnamed and not stray and not clash,
                  f"{name}: {len(mine)} charts in figures/ as PNG, each named NAME-FIGURE after its cell's metadata "
                  f"\"figure\"" + (f"; figure cells without a name: {unnamed}" if unnamed else "")
                  + (f"; files no figure cell names: {stray[:3]}" if stray else "")
                  + (f"; names the notebook's own saved figures use too: {clash}" if clash else ""))
        browser.close()
    svgs = {f: os.path.getsize(os.path.join(out, "figures", f)) for f in figures if f.endswith(".svg")}
    check(all(v <= lecture.SVG_SMALL for v in svgs.values()),
          f"SVG only where small: {len(svgs)} SVGs, each at most {lecture.SVG_SMALL // 1000} kB (the rest as PNG)")
    gifs = [f for f in figures if f.endswith(".gif")]
    sizes = {f: os.path.getsize(os.path.join(out, "figures", f)) for f in gifs}
    check(len(gifs) >= 2 and all(open(os.path.join(out, "figures", f), "rb").read(6) == b"GIF89a" for f in gifs)
          and all(v < 2_000_000 for v in sizes.values()),
          "animations in figures/: " + ", ".join(f"{f} {v / 1024:.0f} KiB" for f, v in sorted(sizes.items())))
    total = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(out) for f in fs)
    check(total < 40 * 2**20, f"the kit is {total / 2**20:.1f} MiB (under 40 MiB): {len(notebooks)} notebooks, "
          f"{len(figures)} figure files; slides per deck: " + ", ".join(f"{k[:2]} {v}" for k, v in counts.items()))
    print(f"     screenshots of three slides per deck: {os.path.relpath(SHOTS, ROOT)}/")
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
