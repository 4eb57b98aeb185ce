"""Writes the kernel spec of the project's Java kernel (JJava with the library on its start-up class path).

Used by environment/setup (local venv) and binder/postBuild (Binder), so both register the same kernel. The JVM
options come from environment/lib/jvm.options (lines 'kernel' and 'kernel-launcher').
"""
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import jvm  # noqa: E402  (environment/lib/jvm.py)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--jjava-dir", required=True, help="folder holding jjava.jar and jjava-launcher.jar (from the jjava wheel)")
    p.add_argument("--out", required=True, help="kernel spec folder to write kernel.json into")
    p.add_argument("--classpath", required=True, help="the kernel's start-up class path, e.g. /repo/target/lib/*")
    p.add_argument("--startup", required=True, help="JShell start-up script run when the kernel starts")
    p.add_argument("--xmx", default=None,
                   help="kernel JVM heap, replacing the -Xmx of environment/lib/jvm.options (MCL_KERNEL_XMX)")
    p.add_argument("--threads", default="1", help="OpenMP threads for ND4J")
    p.add_argument("--launcher", default=None,
                   help="a script the kernel is started through (environment/lib/choose-backend: picks the ND4J back end "
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
    # Bounded for a 2 GB machine (Binder); why each option: environment/lib/jvm.options.
    kernel = jvm.options("kernel")
    if a.xmx is not None:
        kernel = [f"-Xmx{a.xmx}" if o.startswith("-Xmx") else o for o in kernel]
    jvm_opts = " ".join(kernel)
    spec = {
        "argv": ([] if a.launcher is None else ["bash", a.launcher]) + [
            "java", *jvm.options("kernel-launcher"),
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
