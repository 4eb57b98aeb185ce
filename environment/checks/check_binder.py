"""Checks the Binder configuration without a container engine (none runs here).

1. `repo2docker --no-build` (pinned in environment/lib/requirements-test.txt) accepts binder/ and prints the Dockerfile
   it would build; the Dockerfile must install Java 17 and Maven, use Python 3.11, install the pinned requirements
   and run binder/postBuild.
2. binder/postBuild and the environment scripts pass shellcheck.
3. binder/requirements.txt resolves to exactly the pins of environment/lib/requirements.txt.
Prints PASS/FAIL per check and exits non-zero on any failure.
"""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.dirname(sys.executable)


def check_repo2docker():
    out = subprocess.run([os.path.join(BIN, "repo2docker"), "--no-build", "--debug", "--user-id", "1000",
                          "--user-name", "jovyan", ROOT], capture_output=True, text=True, timeout=300)
    text = out.stdout + out.stderr
    if out.returncode != 0:
        return False, f"repo2docker exited {out.returncode}: {text[-800:]}"
    needed = {
        "installs Java 17": "openjdk-17-jdk-headless",
        "installs Maven": "maven",
        "uses Python 3.11": "python=3.11",
        "installs binder/requirements.txt": "binder/requirements.txt",
        "runs binder/postBuild": "./binder/postBuild",
    }
    missing = [k for k, v in needed.items() if v not in text]
    if missing:
        return False, "the Dockerfile repo2docker would build lacks: " + ", ".join(missing)
    return True, "repo2docker --no-build accepts binder/ (Java 17, Maven, Python 3.11, pinned requirements, postBuild)"


def check_shellcheck():
    scripts = ["binder/postBuild", "environment/setup", "environment/lab", "environment/test",
               "environment/bench", "environment/study", "environment/lecture",
               "environment/gpu-check", "environment/train-classifier",
               "environment/lib/build-lib", "environment/lib/choose-backend",
               ".ci/run"]
    out = subprocess.run([os.path.join(BIN, "shellcheck"), "-x", *scripts], cwd=ROOT, capture_output=True, text=True)
    if out.returncode != 0:
        return False, "shellcheck:\n" + out.stdout[-2000:]
    return True, "shellcheck passes: " + ", ".join(scripts)


def check_requirements():
    with open(os.path.join(ROOT, "binder", "requirements.txt")) as f:
        lines = [l.strip() for l in f if l.strip() and not l.startswith("#")]
    if lines != ["-r ../environment/lib/requirements.txt"]:
        return False, f"binder/requirements.txt must only include ../environment/lib/requirements.txt, was {lines}"
    with open(os.path.join(ROOT, "environment", "lib", "requirements.txt")) as f:
        unpinned = [l.strip() for l in f if l.strip() and not l.startswith("#") and "==" not in l]
    if unpinned:
        return False, f"environment/lib/requirements.txt has unpinned lines: {unpinned}"
    return True, "Binder installs the same fully pinned requirements as environment/setup"


def main():
    passed = failed = 0
    for check in (check_repo2docker, check_shellcheck, check_requirements):
        ok, msg = check()
        print(("PASS " if ok else "FAIL ") + msg, flush=True)
        passed += ok
        failed += not ok
    print(f"binder checks: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
