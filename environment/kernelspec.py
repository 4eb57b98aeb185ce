"""Writes the kernel spec of the project's Java kernel (JJava with the library on its start-up class path).

Used by environment/setup (local venv) and binder/postBuild (Binder), so both register the same kernel.
"""
import argparse
import json
import os
import sys


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--jjava-dir", required=True, help="folder holding jjava.jar and jjava-launcher.jar (from the jjava wheel)")
    p.add_argument("--out", required=True, help="kernel spec folder to write kernel.json into")
    p.add_argument("--classpath", required=True, help="the kernel's start-up class path, e.g. /repo/target/lib/*")
    p.add_argument("--startup", required=True, help="JShell start-up script run when the kernel starts")
    p.add_argument("--xmx", default="768m", help="kernel JVM heap")
    p.add_argument("--threads", default="1", help="OpenMP threads for ND4J")
    p.add_argument("--launcher", default=None,
                   help="a script the kernel is started through (environment/choose-backend: picks the ND4J back end "
                        "this machine's GPU can run before ND4J loads)")
    a = p.parse_args()

    for jar in ("jjava.jar", "jjava-launcher.jar"):
        if not os.path.isfile(os.path.join(a.jjava_dir, jar)):
            print(f"kernelspec.py: {jar} not found in --jjava-dir {a.jjava_dir}; is the jjava package installed?", file=sys.stderr)
            return 1
    if a.launcher is not None and not os.path.isfile(a.launcher):
        print(f"kernelspec.py: --launcher must be an existing file, was {a.launcher}", file=sys.stderr)
        return 1
    if not os.path.isfile(a.startup):
        print(f"kernelspec.py: --startup must be an existing file, was {a.startup}", file=sys.stderr)
        return 1
    # Bounded for a 2 GB machine (Binder): heap + ND4J's off-heap arrays + the JVM itself stay well under 2 GB
    # together with the notebook server and the small launcher JVM.
    jvm_opts = " ".join([
        f"-Xmx{a.xmx}",
        "-XX:+UseSerialGC",
        "-Dorg.bytedeco.javacpp.maxbytes=512m",
        # No JavaCPP physical-memory probe: it read /proc on every native allocation, 20% of a training step
        # (JFR). The step runs in an ND4J workspace, so its memory is bounded by design (see README).
        "-Dorg.bytedeco.javacpp.maxphysicalbytes=0",
        "-Djava.awt.headless=true",
    ])
    spec = {
        "argv": ([] if a.launcher is None else ["bash", a.launcher]) + [
            "java", "-Xmx64m", "-XX:+UseSerialGC",
            "-jar", os.path.join(a.jjava_dir, "jjava-launcher.jar"),
            os.path.join(a.jjava_dir, "jjava.jar"),
            "{connection_file}",
        ],
        "display_name": "Java 17 (Mode Collapse Lab)",
        "language": "java",
        "interrupt_mode": "message",
        "env": {
            "JJAVA_CLASSPATH": a.classpath,
            "JJAVA_JVM_OPTS": jvm_opts,
            "JJAVA_STARTUP_SCRIPTS_PATH": a.startup,
            "OMP_NUM_THREADS": str(a.threads),
        },
        "metadata": {"debugger": False},
    }
    os.makedirs(a.out, exist_ok=True)
    tmp = os.path.join(a.out, "kernel.json.tmp")
    with open(tmp, "w") as f:
        json.dump(spec, f, indent=2)
    os.replace(tmp, os.path.join(a.out, "kernel.json"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
