"""PyTorch reference for environment/bench: the same GAN as org.modecollapselab.bench.GanBenchmark.

python pytorch_gan.py <case> <warmup_steps> <steps>  prints  case=<name> steps_per_s=<x> peak_rss_mib=<y>

Same architecture (2x64 leaky-ReLU(0.2) MLPs, PyTorch's default nn.Linear initialisation, which the Java
library also uses), latent 1, batch 256, Adam(1e-3, betas (0.5, 0.999), eps 1e-8), non-saturating loss on logits,
one D step per G step, float32, one thread, data standardised with the mixture's mean and sd, drawn each step.
"""
import resource
import sys
import time

import numpy as np
import torch
from torch import nn
import torch.nn.functional as F

HOT, COLD = (35.5, 3.8), (-26.0, 3.0)
MEAN = 0.5 * HOT[0] + 0.5 * COLD[0]
SD = float(np.sqrt(0.5 * (HOT[1] ** 2 + (HOT[0] - MEAN) ** 2) + 0.5 * (COLD[1] ** 2 + (COLD[0] - MEAN) ** 2)))


def mlp(n_in, hidden, n_out):
    layers, width = [], n_in
    for h in hidden:
        layers += [nn.Linear(width, h), nn.LeakyReLU(0.2)]
        width = h
    layers.append(nn.Linear(width, n_out))
    return nn.Sequential(*layers)


def main():
    name, warmup, steps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    if name != "temperature":
        raise SystemExit(f"case must be one of [temperature], was '{name}'")
    torch.set_num_threads(1)
    torch.manual_seed(1)
    rng = np.random.default_rng(1)
    batch, latent = 256, 1
    g, d = mlp(latent, [64, 64], 1), mlp(1, [64, 64], 1)
    opt_g = torch.optim.Adam(g.parameters(), lr=1e-3, betas=(0.5, 0.999), eps=1e-8)
    opt_d = torch.optim.Adam(d.parameters(), lr=1e-3, betas=(0.5, 0.999), eps=1e-8)

    def real_batch():
        hot = rng.random(batch) < 0.5
        x = np.where(hot, HOT[0] + HOT[1] * rng.standard_normal(batch), COLD[0] + COLD[1] * rng.standard_normal(batch))
        return torch.from_numpy(((x - MEAN) / SD).astype(np.float32)).view(batch, 1)

    def step():
        real = real_batch()
        with torch.no_grad():
            fake = g(torch.randn(batch, latent))
        logits = d(torch.cat([real, fake]))
        d_loss = F.softplus(-logits[:batch]).mean() + F.softplus(logits[batch:]).mean()
        opt_d.zero_grad(set_to_none=True)
        d_loss.backward()
        opt_d.step()
        fake = g(torch.randn(batch, latent))
        g_loss = F.softplus(-d(fake)).mean()
        opt_g.zero_grad(set_to_none=True)
        g_loss.backward()
        opt_g.step()
        return d_loss.item(), g_loss.item()

    for _ in range(warmup):
        step()
    t0 = time.perf_counter()
    for _ in range(steps):
        step()
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"case={name} steps_per_s={steps / seconds:.1f} peak_rss_mib={peak:.0f}")


if __name__ == "__main__":
    main()
