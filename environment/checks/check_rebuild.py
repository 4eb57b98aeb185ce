"""Checks that rebuilding the library never breaks a running kernel.

A kernel of the project's kernel spec is started and runs a cell; then the library is rebuilt as a developer would
(environment/setup, forced to a fresh build with MCL_BUILD_SALT); then the same kernel runs a cell that loads classes
it had not loaded yet (training, Tablesaw, XChart). Before versioned folders, `mvn package` rewrote the jars under
the kernel and such a cell failed (a StringIndexOutOfBoundsException from a half-rewritten jar, then a hang).
Checked: the running kernel keeps the folder it started with, that folder is not removed while it runs, the second
cell works and shows its chart, a kernel started after the rebuild gets the new folder, and once the kernels are gone
and the normal build is current again the extra folder is removed. Prints PASS/FAIL lines; exits non-zero on failure.
"""
import os
import subprocess
import sys
import time
import uuid

from jupyter_client.manager import KernelManager

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
KERNEL = "mode-collapse-lab"


def execute(client, code: str, timeout: float = 300) -> dict:
    """Runs code in the kernel; its text output, number of images and error (None if none)."""
    out = {"text": "", "images": 0, "error": None}

    def hook(msg):
        t, c = msg["msg_type"], msg["content"]
        if t == "stream":
            out["text"] += c["text"]
        elif t in ("execute_result", "display_data"):
            out["text"] += c["data"].get("text/plain", "")
            out["images"] += "image/png" in c["data"]
        elif t == "error":
            out["error"] = f"{c['ename']}: {c['evalue']}"

    reply = client.execute_interactive(code, output_hook=hook, timeout=timeout)
    if reply["content"]["status"] != "ok" and out["error"] is None:
        out["error"] = f"{reply['content'].get('ename')}: {reply['content'].get('evalue')}"
    return out


def start():
    km = KernelManager(kernel_name=KERNEL)
    km.start_kernel()
    client = km.client()
    client.start_channels()
    client.wait_for_ready(timeout=180)
    return km, client


def folder(client) -> str:
    res = execute(client, 'System.out.println(System.getenv("JJAVA_CLASSPATH"));')
    return os.path.dirname(res["text"].strip())


def setup(salt: str = "") -> str:
    env = dict(os.environ, MCL_BUILD_SALT=salt)
    subprocess.run(["bash", os.path.join(ROOT, "environment", "setup")], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return os.path.realpath(os.path.join(ROOT, "target", "lib"))


def main() -> int:
    failures = 0

    def check(ok: bool, message: str):
        nonlocal failures
        print(("PASS " if ok else "FAIL ") + message, flush=True)
        failures += not ok

    kernels = []
    try:
        km, kc = start()
        kernels.append((km, kc))
        first = execute(kc, "var ring = GaussianMixture.teachingRing();\nSystem.out.println(ring.modes().size());")
        before = folder(kc)
        check(first["error"] is None and first["text"].strip() == "8",
              f"a running kernel uses the library from {os.path.relpath(before, ROOT)}: {first['error'] or 'ok'}")

        t0 = time.time()
        after = setup(salt=uuid.uuid4().hex)
        check(after != before and os.path.isdir(before),
              f"rebuilt into {os.path.relpath(after, ROOT)} in {time.time() - t0:.0f} s; the running kernel's folder "
              f"{'is still there' if os.path.isdir(before) else 'was REMOVED'}")

        second = execute(kc, "\n".join([
            "var temps = TemperatureData.aliceSpringsAndSouthPole();",
            "var table = TemperatureData.sampleTable(temps, 200, 1);",
            "var gan = Gan.create(temps, GanConfig.temperatureCollapse().withBatchSize(16));",
            "gan.train(30);",
            "System.out.println(table.rowCount() + \" \" + gan.stepsDone());",
            "var generated = Arrays.stream(gan.sample(200, 1L)).mapToDouble(s -> s[0]).toArray();",
            "Charts.image(Charts.histogram(table.doubleColumn(\"temperature_c\").asDoubleArray(), generated, 30,",
            "        \"after the rebuild\", \"°C\"))",
        ]))
        check(second["error"] is None and "200 30" in second["text"] and second["images"] == 1
              and folder(kc) == before,
              "after the rebuild the same kernel trains, tabulates and draws with its own folder "
              f"({second['error'] or 'no error'}, {second['images']} image)")

        km2, kc2 = start()
        kernels.append((km2, kc2))
        check(folder(kc2) == after, "a kernel started after the rebuild gets the new folder")
    finally:
        for km, kc in kernels:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
    current = setup()
    leftovers = [d for d in os.listdir(os.path.join(ROOT, "target"))
                 if d.startswith("lib-") and os.path.join(ROOT, "target", d) != current and d != "lib-build"]
    check(not leftovers, f"back to the normal build {os.path.relpath(current, ROOT)}; unused folders removed "
                         f"(left: {leftovers or 'none'})")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
