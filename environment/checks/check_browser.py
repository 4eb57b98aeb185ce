"""The notebooks as a student uses them: JupyterLab in Chromium, driven by Playwright.

Starts `environment/lab` (headless, a free port, a token, a fresh workspace, autosave off, JupyterLab's windowing
off so that every cell is in the page), and for every notebook given:
  1. opens it; checks that the project's Java kernel is selected and no dialog asks for a kernel;
  2. Kernel ▸ Restart Kernel and Run All Cells… (the menu, the dialog's Restart button), waits for the last cell;
  3. asserts: no error output; every figure cell (tag expect-image) shows a loaded image; progress lines were updated
     in place (each training leaves one "Done: …" line, no intermediate "step i/n" lines); the kernel is alive and
     idle afterwards;
  4. saves a full-page screenshot to target/browser/NAME.png.
Then, cell by cell in notebook 01 (--cell-by-cell): a cell run before the cells it needs shows JShell's plain
"cannot find symbol" (no stack trace of library internals); re-running the training cell leaves one progress
line; Restart Kernel in the middle of the notebook (once between cells, once while a cell trains) leaves a kernel
that runs the next cells, with no stack trace of library internals.
Prints PASS/FAIL lines (with each notebook's wall time, figures and the kernel's peak memory) and a closing
"N passed, M failed"; exits non-zero on failure. The notebooks on disk must be unchanged afterwards (checked).
"""
import argparse
import glob
import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
import time
import uuid

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "lib"))
from harness import ROOT, PeakRss, start_lab, stop, wait_served  # noqa: E402  (environment/lib/harness.py)

KERNEL_DISPLAY = "Java 17 (Mode Collapse Lab)"
# Flags as known to work on these machines: no network calls of Chromium's own (they are refused here), and the
# GPU process inside the browser process (without --in-process-gpu, Debian's Chromium 156 died at start in most
# headless launches here: "GPU process isn't usable. Goodbye.").
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--in-process-gpu", "--disable-dev-shm-usage",
                  "--disable-background-networking", "--disable-component-update", "--no-first-run",
                  "--disable-sync", "--disable-quic", "--disable-default-apps"]
# Library internals in an error would look like this; a student should see JShell's message, not these frames.
INTERNALS = re.compile(r"\bat (org\.modecollapselab|org\.nd4j|jdk\.jshell|org\.dflib)\.")


def write_settings(folder: str) -> None:
    """User settings of the test's JupyterLab: every cell rendered, no autosave, no news pop-up."""
    settings = {
        "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
        "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
        "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false",
                                                                             "checkForUpdates": False},
    }
    for name, value in settings.items():
        path = os.path.join(folder, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            json.dump(value, f)


# JavaScript run in the page. JupyterLab is exposed as window.jupyterapp (--LabApp.expose_app_in_browser).
JS_STATE = """() => {
  const w = window.jupyterapp.shell.currentWidget;
  if (!w || !w.content || !w.sessionContext) { return null; }
  const k = w.sessionContext.session && w.sessionContext.session.kernel;
  const cells = w.content.widgets.map((c, i) => {
    const m = c.model;
    const out = { index: i, type: m.type, tags: m.getMetadata('tags') || [] };
    if (m.type === 'code') {
      out.count = m.executionCount;
      out.prompt = (c.node.querySelector('.jp-InputPrompt') || {}).textContent || '';
      out.outputs = m.outputs.toJSON();
      out.images = Array.from(c.node.querySelectorAll('.jp-OutputArea-output img'))
        .filter(img => img.complete && img.naturalWidth > 0).length;
    }
    return out;
  });
  return { kernel: w.sessionContext.kernelDisplayName, status: k ? k.status : 'none',
           connection: k ? k.connectionStatus : 'none', cells: cells };
}"""


def text_of(output: dict) -> str:
    if output.get("output_type") == "stream":
        t = output.get("text", "")
        return t if isinstance(t, str) else "".join(t)
    if output.get("output_type") == "error":
        return f"{output.get('ename')}: {output.get('evalue')}\n" + "\n".join(output.get("traceback", []))
    t = output.get("data", {}).get("text/plain", "")
    return t if isinstance(t, str) else "".join(t)


def strip_ansi(s: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", s)


class Lab:
    """One JupyterLab served by environment/lab, and one Chromium page on it."""

    def __init__(self, page, base: str, token: str):
        self.page, self.base, self.token = page, base, token

    def open(self, name: str) -> None:
        workspace = "t" + uuid.uuid4().hex[:8]
        self.page.goto(f"{self.base}/lab/workspaces/{workspace}/tree/{name}.ipynb?reset&token={self.token}",
                       wait_until="domcontentloaded")
        self.page.wait_for_function("() => window.jupyterapp && window.jupyterapp.shell.currentWidget "
                                    "&& window.jupyterapp.shell.currentWidget.sessionContext "
                                    "&& window.jupyterapp.shell.currentWidget.context.isReady", timeout=120_000)
        self.wait_kernel_idle(180)

    def state(self) -> dict:
        return self.page.evaluate(JS_STATE)

    def wait_kernel_idle(self, seconds: float) -> dict:
        """Waits for a connected kernel that is not busy ("unknown" is JupyterLab's word for a JJava kernel that
        has answered but not yet run anything)."""
        deadline = time.time() + seconds
        s = None
        while time.time() < deadline:
            s = self.state()
            if s and s["status"] in ("idle", "unknown") and s["connection"] == "connected":
                return s
            self.page.wait_for_timeout(300)
        raise TimeoutError(f"the kernel did not become idle within {seconds:.0f} s (last: {s and s['status']})")

    def dialog_accept(self, timeout: float = 15_000) -> None:
        self.page.locator(".jp-Dialog .jp-mod-accept").click(timeout=timeout)
        self.page.locator(".jp-Dialog").wait_for(state="detached", timeout=timeout)

    def menu(self, top: str, item: str) -> None:
        self.page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(f"^{re.escape(top)}$")).click()
        self.page.locator(".lm-Menu-itemLabel", has_text=re.compile(f"^{re.escape(item)}")).first.click()

    def restart(self) -> None:
        self.menu("Kernel", "Restart Kernel…")
        self.dialog_accept()

    def restart_and_run_all(self) -> None:
        self.menu("Kernel", "Restart Kernel and Run All Cells…")
        self.dialog_accept()

    def wait_all_run(self, timeout: float) -> dict:
        """Waits until every code cell has run (a number in its prompt) and the kernel is idle."""
        deadline = time.time() + timeout
        self.page.wait_for_timeout(1500)
        while time.time() < deadline:
            s = self.state()
            code = [c for c in s["cells"] if c["type"] == "code"]
            busy = any("*" in c["prompt"] for c in code)
            errored = any(o.get("output_type") == "error" for c in code for o in c["outputs"])
            if not busy and s["status"] == "idle" and (errored or all(c["count"] for c in code)):
                return s
            self.page.wait_for_timeout(1000)
        raise TimeoutError(f"the notebook did not finish within {timeout:.0f} s")

    def run_cell(self, index: int, timeout: float = 300) -> dict:
        """Selects cell `index` (its prompt) and runs it with Shift+Enter, as a student does; returns its state."""
        self.page.locator(".jp-Notebook .jp-Cell").nth(index).locator(".jp-InputPrompt").click()
        self.page.keyboard.press("Escape")
        self.page.keyboard.press("Shift+Enter")
        self.page.wait_for_timeout(500)
        deadline = time.time() + timeout
        while time.time() < deadline:
            s = self.state()
            c = s["cells"][index]
            if "*" not in c["prompt"] and s["status"] == "idle":
                return c
            self.page.wait_for_timeout(400)
        raise TimeoutError(f"cell {index} did not finish within {timeout:.0f} s")

    def screenshot(self, path: str) -> None:
        """The whole notebook in one image: the viewport made as tall as the notebook, then a screenshot."""
        height = self.page.evaluate("""() => {
          const panel = window.jupyterapp.shell.currentWidget.content.node;
          const scrollers = [panel, ...panel.querySelectorAll('.jp-WindowedPanel-outer')];
          scrollers.forEach(n => { n.scrollTop = 0; });
          return Math.max(...scrollers.map(n => n.scrollHeight));
        }""")
        width = self.page.viewport_size["width"]
        # The notebook's own height plus JupyterLab's bars around it (menu, tabs, toolbar, status bar).
        self.page.set_viewport_size({"width": width, "height": min(int(height) + 260, 30000)})
        self.page.wait_for_timeout(800)
        self.page.screenshot(path=path, full_page=True)
        self.page.set_viewport_size({"width": width, "height": 1000})

    def close_all(self) -> None:
        """Closes the notebook without saving and shuts its kernel down (File ▸ Close and Shut Down…)."""
        self.page.evaluate("""async () => {
          const w = window.jupyterapp.shell.currentWidget;
          if (w && w.sessionContext) { await w.sessionContext.shutdown(); }
          if (w && w.context) { w.context.model.dirty = false; }
          await window.jupyterapp.commands.execute('application:close-all');
        }""")


def check_notebook(lab: Lab, path: str, shots: str, monitor: PeakRss, timeout: float) -> tuple[bool, str]:
    name = os.path.splitext(os.path.basename(path))[0]
    t0 = time.time()
    lab.open(name)
    s = lab.state()
    problems = []
    if lab.page.locator(".jp-Dialog").count():
        problems.append("a dialog is open after opening the notebook: "
                        + lab.page.locator(".jp-Dialog").first.inner_text()[:200])
    if s["kernel"] != KERNEL_DISPLAY:
        problems.append(f"kernel is '{s['kernel']}', expected '{KERNEL_DISPLAY}'")
    monitor.peak = 0
    t1 = time.time()
    lab.restart_and_run_all()
    s = lab.wait_all_run(timeout)
    seconds = time.time() - t1
    figures = 0
    for c in s["cells"]:
        if c["type"] != "code":
            continue
        texts = [strip_ansi(text_of(o)) for o in c["outputs"]]
        for o, t in zip(c["outputs"], texts):
            if o.get("output_type") == "error":
                problems.append(f"cell {c['index']} shows an error: {t.splitlines()[0][:200]}")
        if "expect-image" in c["tags"]:
            if c["images"] == 0:
                problems.append(f"figure cell {c['index']} shows no image")
            figures += c["images"]
        progress = [t for t in texts if re.match(r"\s*(step \d+/\d+|Training steps)", t)]
        if progress:
            problems.append(f"cell {c['index']} kept {len(progress)} progress line(s) that were not updated in "
                            f"place to 'Done': {progress[0][:80]!r}")
    s = lab.state()
    if s["status"] != "idle" or s["connection"] != "connected":
        problems.append(f"kernel is {s['status']}/{s['connection']} after the run, not idle/connected")
    os.makedirs(shots, exist_ok=True)
    shot = os.path.join(shots, name + ".png")
    lab.screenshot(shot)
    lab.close_all()
    detail = (f"{seconds:.1f} s run, {time.time() - t0:.1f} s in all, {figures} images in figure cells, "
              f"kernel peak RSS {monitor.peak / 2**20:.0f} MiB, screenshot {os.path.relpath(shot, ROOT)}")
    if problems:
        return False, f"FAIL browser {name}: " + "; ".join(problems[:5]) + f" ({detail})"
    return True, f"PASS browser {name} ({detail})"


def check_cell_by_cell(lab: Lab, path: str) -> list[tuple[bool, str]]:
    """Cell-by-cell behaviour in notebook 01 (see the module doc)."""
    name = os.path.splitext(os.path.basename(path))[0]
    import nbformat
    nb = nbformat.read(path, as_version=4)
    code = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    setup = next(i for i in code if "Lab.quick()" in nb.cells[i].source)
    data = next(i for i in code if "var data =" in nb.cells[i].source)
    needs_data = next(i for i in code if i > data and "data." in nb.cells[i].source and "var data" not in nb.cells[i].source)
    training = next(i for i in code if ".train(" in nb.cells[i].source and "live()" in nb.cells[i].source)
    after = next(i for i in code if i > training)
    results = []
    lab.open(name)

    def error_of(c):
        errs = [strip_ansi(text_of(o)) for o in c["outputs"] if o.get("output_type") == "error"]
        return errs[0] if errs else None

    # 1. A cell run before the cell that defines what it needs.
    c = lab.run_cell(needs_data)
    e = error_of(c)
    ok = e is not None and "cannot find symbol" in e and "variable data" in e and not INTERNALS.search(e)
    results.append((ok, f"cell {needs_data} run first shows JShell's 'cannot find symbol: variable data'"
                        + ("" if ok else f", got: {e!r}"[:300])))
    # 2. Run the cells in order up to the training; run the training twice: one progress line each time.
    for i in [i for i in code if setup <= i <= training]:
        lab.run_cell(i)
    c = lab.run_cell(training)
    texts = [strip_ansi(text_of(o)) for o in c["outputs"]]
    done = [t for t in texts if t.startswith("Done: steps")]
    ok = error_of(c) is None and len(done) == 1 and not any(re.match(r"step \d+/\d+", t) for t in texts)
    results.append((ok, f"training cell {training} re-run: one progress line, updated in place to "
                        f"'{done[0][:40] if done else None}'" + ("" if ok else f"; outputs {texts[:4]}")))
    # 3. Restart between cells: the next cell says what is missing, plainly; the kernel runs cells again.
    lab.restart()
    lab.wait_kernel_idle(120)
    c = lab.run_cell(after)
    e = error_of(c)
    plain = e is not None and "cannot find symbol" in e and not INTERNALS.search(e)
    c2 = lab.run_cell(setup)
    ok = plain and error_of(c2) is None
    results.append((ok, f"Restart Kernel mid-notebook: cell {after} says 'cannot find symbol', no library stack "
                        f"trace; the set-up cell runs again" + ("" if ok else f"; got {e!r}"[:300])))
    # 4. Restart while a cell trains (a long run typed into a new cell): the kernel comes back and runs cells.
    lab.run_cell(data)
    lab.page.locator(".jp-Notebook .jp-Cell").nth(data).locator(".jp-InputPrompt").click()
    lab.page.keyboard.press("Escape")
    lab.page.keyboard.press("b")
    lab.page.keyboard.press("Enter")
    lab.page.keyboard.type("Gan.create(data, GanConfig.temperatureCollapse()).train(1000000, live().progress());")
    lab.page.keyboard.press("Shift+Enter")
    lab.page.wait_for_timeout(6000)
    busy = lab.state()["status"] == "busy"
    lab.restart()
    lab.wait_kernel_idle(120)
    c = lab.run_cell(setup)
    ok = busy and error_of(c) is None and c["count"] is not None
    results.append((ok, "Restart Kernel while a cell trains: the kernel restarts and runs the set-up cell"
                        + ("" if ok else f" (was busy: {busy}; set-up cell: {error_of(c)!r})")))
    lab.close_all()
    return results


def fingerprint(paths: list[str]) -> dict:
    return {p: hashlib.sha256(open(p, "rb").read()).hexdigest() for p in paths}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("notebooks", nargs="+")
    ap.add_argument("--cell-by-cell", metavar="NOTEBOOK", help="the notebook for the cell-by-cell checks")
    ap.add_argument("--out", default=os.path.join(ROOT, "target", "browser"), help="screenshots folder")
    ap.add_argument("--timeout", type=float, default=1800, help="seconds per notebook")
    ap.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    a = ap.parse_args()
    from playwright.sync_api import sync_playwright

    before = fingerprint(a.notebooks)
    os.makedirs(a.out, exist_ok=True)
    for old in glob.glob(os.path.join(a.out, "*.png")):   # screenshots of an earlier run
        os.remove(old)
    tmp = tempfile.mkdtemp(prefix="mcl-browser-")
    write_settings(os.path.join(tmp, "settings"))
    os.makedirs(os.path.join(tmp, "workspaces"))
    env = dict(os.environ, JUPYTERLAB_SETTINGS_DIR=os.path.join(tmp, "settings"),
               JUPYTERLAB_WORKSPACES_DIR=os.path.join(tmp, "workspaces"))
    server, base, token = start_lab(os.path.join(ROOT, "target", "browser-server.log"),
                                    ["--LabApp.expose_app_in_browser=True",
                                     f"--LabApp.workspaces_dir={os.path.join(tmp, 'workspaces')}"], env)
    passed = failed = 0

    def report(ok: bool, line: str) -> None:
        nonlocal passed, failed
        print(line if line.startswith(("PASS", "FAIL")) else ("PASS " if ok else "FAIL ") + line, flush=True)
        passed += ok
        failed += not ok

    monitor = PeakRss(server.pid, java_only=True)
    monitor.start()
    t_all = time.time()
    try:
        if wait_served(server, f"{base}/api/status", token) is None:
            report(False, f"FAIL environment/lab did not serve {base} (see target/browser-server.log)")
            return 1
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=a.chromium, args=CHROMIUM_FLAGS, headless=True)
            page = browser.new_page(viewport={"width": 1280, "height": 1000})
            page.set_default_timeout(60_000)
            lab = Lab(page, base, token)
            for path in a.notebooks:
                try:
                    report(*check_notebook(lab, path, a.out, monitor, a.timeout))
                except Exception as e:  # a stuck page or a time-out fails this notebook, not the whole run
                    name = os.path.splitext(os.path.basename(path))[0]
                    try:
                        page.screenshot(path=os.path.join(a.out, name + "-failure.png"))
                    except Exception:
                        pass
                    report(False, f"FAIL browser {name}: {type(e).__name__}: {str(e)[:300]}")
                    page.goto(f"{base}/lab?reset&token={token}")
            if a.cell_by_cell:
                try:
                    for ok, line in check_cell_by_cell(lab, a.cell_by_cell):
                        report(ok, "cell by cell: " + line)
                except Exception as e:
                    page.screenshot(path=os.path.join(a.out, "cell-by-cell-failure.png"))
                    report(False, f"FAIL cell by cell: {type(e).__name__}: {str(e)[:300]}")
            browser.close()
    finally:
        monitor.stop()
        stop(server)
        shutil.rmtree(tmp, ignore_errors=True)
    after = fingerprint(a.notebooks)
    changed = [p for p in a.notebooks if before[p] != after[p]]
    report(not changed, "the notebooks on disk are unchanged by the browser run"
           + (f"; changed: {changed}" if changed else ""))
    print(f"browser test: {time.time() - t_all:.0f} s", flush=True)
    print(f"browser: {passed} passed, {failed} failed", flush=True)
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
