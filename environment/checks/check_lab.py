"""Starts `environment/lab` as a user would, and checks the running server.

1. GET /api/kernelspecs lists the project's kernel "mode-collapse-lab" (language java).
2. Notebook 01 runs in a kernel started by that server: each code cell is sent over the kernel's websocket, and
   the run must finish without an error and show image/png outputs.
With --kernel-only, only step 1 (environment/test passes it when the browser test has already run every notebook
in kernels of this server). The server is stopped afterwards. Prints PASS/FAIL lines; exits non-zero on failure.
"""
import json
import os
import sys
import time
import uuid

import nbformat
import requests
import websocket

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "lib"))
from harness import ROOT, start_lab, stop, wait_served  # noqa: E402  (environment/lib/harness.py)

NOTEBOOK = os.path.join(ROOT, "notebooks", "01-temperature-mode-collapse.ipynb")


def execute(ws, code: str, timeout: float) -> dict:
    msg_id = uuid.uuid4().hex
    ws.send(json.dumps({
        "header": {"msg_id": msg_id, "msg_type": "execute_request", "username": "check", "session": uuid.uuid4().hex,
                   "version": "5.3"},
        "parent_header": {}, "metadata": {}, "channel": "shell",
        "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {}, "allow_stdin": False},
    }))
    result = {"images": 0, "error": None}
    deadline = time.time() + timeout
    while time.time() < deadline:
        m = json.loads(ws.recv())
        if m.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        t = m["msg_type"]
        if t in ("display_data", "execute_result", "update_display_data") and "image/png" in m["content"].get("data", {}):
            result["images"] += 1
        elif t == "error":
            result["error"] = f"{m['content']['ename']}: {m['content']['evalue']}"
        elif t == "status" and m["content"]["execution_state"] == "idle":
            return result
    result["error"] = f"timed out after {timeout} s"
    return result


def main() -> int:
    # --kernel-only: the kernel list only (when the browser test has run every notebook in this server's kernels).
    kernel_only = "--kernel-only" in sys.argv[1:]
    env = dict(os.environ, MCL_QUICK="1")
    server, base, token = start_lab(os.path.join(ROOT, "target", "lab-server.log"), env=env)
    port = base.rsplit(":", 1)[1]
    headers = {"Authorization": f"token {token}"}
    failures = 0
    try:
        t0 = time.time()
        r = wait_served(server, f"{base}/api/kernelspecs", token)
        if r is None:
            print(f"FAIL environment/lab did not serve {base} (see target/lab-server.log)")
            return 1
        print(f"     environment/lab answered after {time.time() - t0:.1f} s")
        specs = r.json()["kernelspecs"]
        spec = specs.get("mode-collapse-lab", {}).get("spec", {})
        if spec.get("language") != "java":
            print(f"FAIL /api/kernelspecs lacks the java kernel 'mode-collapse-lab'; it lists {sorted(specs)}")
            return 1
        print(f"PASS /api/kernelspecs lists 'mode-collapse-lab' ({spec.get('display_name')})")
        if kernel_only:
            return 0

        kernel = requests.post(f"{base}/api/kernels", headers=headers, json={"name": "mode-collapse-lab"}, timeout=30).json()
        ws = websocket.create_connection(f"ws://127.0.0.1:{port}/api/kernels/{kernel['id']}/channels?token={token}",
                                         timeout=600)
        nb = nbformat.read(NOTEBOOK, as_version=4)
        images, t1 = 0, time.time()
        for i, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            res = execute(ws, cell.source, timeout=600)
            images += res["images"]
            if res["error"]:
                print(f"FAIL notebook 01 in the lab server: cell {i}: {res['error']}")
                return 1
        ws.close()
        if images == 0:
            print("FAIL notebook 01 in the lab server showed no image/png output")
            failures += 1
        else:
            print(f"PASS notebook 01 ran in a kernel of the lab server ({time.time() - t1:.1f} s, {images} image outputs)")
    finally:
        stop(server)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
