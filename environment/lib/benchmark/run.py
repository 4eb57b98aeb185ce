"""Side-by-side benchmark: this library's training step against a PyTorch reference, alternated in one run.

For each case and each repetition it runs ours (a fresh JVM) and then PyTorch (a fresh process), each timing
`--steps` steps after `--warmup` untimed ones, one thread each. Prints per case:
  case=<name> ours=<x>/s pytorch=<y>/s ratio=<median> range=<min>..<max> ours_peak_rss=<MiB> pytorch_peak_rss=<MiB>
where x and y are medians over the repetitions (training steps per second; image cases add images per second, steps
times the batch) and the ratio is ours/PyTorch per repetition.
"""
import argparse
import os
import platform
import re
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "environment", "lib"))
import jvm  # noqa: E402  (environment/lib/jvm.py)

# The kernel's JVM options (environment/lib/jvm.options, line 'bench'), so the figures are what a notebook gets.
JVM = jvm.options("bench")
CASES = ["temperature", "ring", "dcgan", "dcgan-small", "mnist"]
# Timed steps per case unless --steps is given: the ring's PacGAN networks (4x400 with batch norm, 3x200 maxout)
# are ~20x heavier per step than the temperature GAN; a DCGAN step (28x28 images, batch 64) is heavier still.
DEFAULT_STEPS = {"temperature": 2000, "ring": 300, "dcgan": 20, "dcgan-small": 100, "mnist": 500}
DEFAULT_WARMUP = {"temperature": 300, "ring": 50, "dcgan": 3, "dcgan-small": 10, "mnist": 50}
# Images per step of the image cases (their batch), to print images per second beside steps per second.
IMAGES_PER_STEP = {"dcgan": 64, "dcgan-small": 64, "mnist": 64}


def parse(out: str) -> tuple[float, float]:
    m = re.search(r"steps_per_s=([\d.]+) peak_rss_mib=([\d.]+)", out)
    if not m:
        raise RuntimeError("no result line in:\n" + out[-2000:])
    return float(m.group(1)), float(m.group(2))


def ours(case, warmup, steps):
    out = subprocess.run(["java", *JVM, "-cp", os.path.join(os.path.realpath(os.path.join(ROOT, "target", "lib")), "*"),
                          "org.modecollapselab.bench.GanBenchmark", case, str(warmup), str(steps)],
                         capture_output=True, text=True, check=True, env=dict(os.environ, OMP_NUM_THREADS="1"))
    return parse(out.stdout)


def pytorch(case, warmup, steps):
    out = subprocess.run([sys.executable, os.path.join(ROOT, "environment", "lib", "benchmark", "pytorch_gan.py"), case,
                          str(warmup), str(steps)], capture_output=True, text=True, check=True,
                         env=dict(os.environ, OMP_NUM_THREADS="1"))
    return parse(out.stdout)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--cases", nargs="+", default=CASES, choices=CASES)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=None, help="untimed steps (default per case: %s)" % DEFAULT_WARMUP)
    ap.add_argument("--steps", type=int, default=None, help="timed steps (default per case: %s)" % DEFAULT_STEPS)
    a = ap.parse_args()
    import torch
    print(f"# {platform.processor() or platform.machine()}, {os.cpu_count()} cores; one thread each; "
          f"torch {torch.__version__}; {a.reps} repetitions per case", flush=True)
    for case in a.cases:
        steps = a.steps or DEFAULT_STEPS[case]
        warmup = a.warmup if a.warmup is not None else DEFAULT_WARMUP[case]
        print(f"# {case}: {steps} timed steps after {warmup}", flush=True)
        o, p = [], []
        for rep in range(a.reps):
            o.append(ours(case, warmup, steps))
            p.append(pytorch(case, warmup, steps))
            print(f"#   {case} rep {rep + 1}: ours {o[-1][0]:.2f}/s, pytorch {p[-1][0]:.2f}/s", flush=True)
        ratios = [x[0] / y[0] for x, y in zip(o, p)]
        ours_sps, torch_sps = statistics.median(x[0] for x in o), statistics.median(y[0] for y in p)
        images = ""
        if case in IMAGES_PER_STEP:
            k = IMAGES_PER_STEP[case]
            images = f"ours_images={ours_sps * k:.0f}/s pytorch_images={torch_sps * k:.0f}/s "
        print(f"case={case} ours={ours_sps:.2f}/s pytorch={torch_sps:.2f}/s {images}ratio={statistics.median(ratios):.2f} "
              f"range={min(ratios):.2f}..{max(ratios):.2f} ours_peak_rss={max(x[1] for x in o):.0f}MiB "
              f"pytorch_peak_rss={max(y[1] for y in p):.0f}MiB", flush=True)


if __name__ == "__main__":
    main()
