"""Executes notebooks headless in the project's Java kernel and checks what they show.

A notebook passes when every cell runs without error and every code cell tagged "expect-image" shows at least
one image/png or image/gif output. Executed copies are written to --out for inspection (their PNGs too). Prints one line per
notebook, the kernel's peak memory (resident set of the kernel's process tree), and a closing
"N passed, M failed" line; exits non-zero on any failure.
"""
import argparse
import base64
import os
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import PeakRss  # noqa: E402  (environment/lib/harness.py)


def describe_error(nb) -> str:
    """The failing cell's number, exception and first frames (without terminal colours)."""
    import re
    for i, cell in enumerate(nb.cells):
        for o in cell.get("outputs", []):
            if o.get("output_type") == "error":
                frames = [re.sub(r"\x1b\[[0-9;]*m", "", t) for t in o.get("traceback", [])[:6]]
                return f"cell {i}: {o.get('ename')}: {o.get('evalue')}\n      " + "\n      ".join(frames)
    return "unknown error"


def run(path: str, out_dir: str, timeout: int, images: bool = True, env: dict | None = None,
        after_cell=None) -> tuple[bool, str]:
    """Executes one notebook; writes it (and, with images, each image output) to out_dir; returns (passed, line).

    env: the kernel's environment (default: this process's). after_cell: called as after_cell(index, cell) once
    each cell has run (the lecture kit names the figure files the cell wrote); it may change the cell's metadata.
    """
    nb = nbformat.read(path, as_version=4)
    name = os.path.splitext(os.path.basename(path))[0]
    kernel = nb.metadata.get("kernelspec", {}).get("name", "")
    client = NotebookClient(nb, timeout=timeout, kernel_name=kernel,
                            resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
    t0 = time.time()
    monitor = None
    error = None
    try:
        with client.setup_kernel(**({"env": env} if env is not None else {})):
            pid = client.km.provisioner.process.pid if client.km.provisioner else None
            if pid:
                monitor = PeakRss(pid)
                monitor.start()
            try:
                for index, cell in enumerate(nb.cells):
                    client.execute_cell(cell, index)
                    if after_cell is not None:
                        after_cell(index, cell)
            except CellExecutionError:
                error = describe_error(nb)
            except CellTimeoutError as e:
                error = f"a cell ran longer than {timeout} s: {str(e).splitlines()[0][:200]}"
            except DeadKernelError:
                # e.g. a crash in native code: report it and go on with the next notebook
                error = f"the kernel died in cell {index} (a JVM crash leaves hs_err_pid*.log in notebooks/)"
    finally:
        if monitor:
            monitor.stop()
    seconds = time.time() - t0
    os.makedirs(out_dir, exist_ok=True)
    nbformat.write(nb, os.path.join(out_dir, name + ".ipynb"))
    shown, missing = 0, []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        pngs = [o for o in cell.get("outputs", []) if "image/png" in o.get("data", {})]
        gifs = [o for o in cell.get("outputs", []) if "image/gif" in o.get("data", {})]
        for k, o in enumerate(pngs if images else []):
            with open(os.path.join(out_dir, f"{name}-cell{i:02d}-{k}.png"), "wb") as f:
                f.write(base64.b64decode(o["data"]["image/png"]))
        for k, o in enumerate(gifs if images else []):
            with open(os.path.join(out_dir, f"{name}-cell{i:02d}-{k}.gif"), "wb") as f:
                f.write(base64.b64decode(o["data"]["image/gif"]))
        shown += len(pngs) + len(gifs)
        if "expect-image" in cell.metadata.get("tags", []) and not pngs and not gifs:
            missing.append(i)
    peak = f"{monitor.peak / 2**20:.0f} MiB" if monitor else "n/a"
    detail = f"{seconds:.1f} s, {shown} images, kernel peak RSS {peak}"
    if error:
        return False, f"FAIL {name}: a cell raised an error ({detail})\n      {error}"
    if missing:
        return False, f"FAIL {name}: cells {missing} are tagged expect-image but showed no image/png or image/gif ({detail})"
    return True, f"PASS {name} ({detail})"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("notebooks", nargs="+")
    ap.add_argument("--out", default="target/executed-notebooks")
    ap.add_argument("--timeout", type=int, default=900, help="seconds per cell")
    a = ap.parse_args()
    passed = failed = 0
    for path in a.notebooks:
        ok, line = run(path, a.out, a.timeout)
        print(line, flush=True)
        passed += ok
        failed += not ok
    print(f"notebooks: {passed} passed, {failed} failed", flush=True)
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
