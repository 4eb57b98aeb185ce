"""PyTorch reference for environment/bench: the same GANs as org.modecollapselab.bench.GanBenchmark.

python pytorch_gan.py <case> <warmup_steps> <steps>  prints  case=<name> steps_per_s=<x> peak_rss_mib=<y>

Both cases: non-saturating loss on logits, one D step per G step, float32, one thread, real data standardised
with the mixture's mean and sd and drawn each step, as in the Java library.
- temperature: 2x64 leaky-ReLU(0.2) MLPs with PyTorch's default nn.Linear initialisation (which the Java library
  also uses), latent 1, batch 256, Adam(1e-3, betas (0.5, 0.999), eps 1e-8).
- mnist: the MLP GAN on MNIST (GanConfig.mnistMlp()): G 64 -> 256 -> 512 -> 784 with leaky ReLU(0.2) and tanh,
  D 784 -> 512 -> 256 -> 1 with leaky ReLU(0.2), PyTorch's default initialisation, batch 64, Adam(2e-4, (0.5, 0.999));
  real batches drawn from the MNIST digits in MCL_DATA_DIR (its mnist/ folder) or the download cache, pixels in [-1, 1].
- ring: PacGAN's 2-D architecture: G 2 -> 4x[Linear 400, BatchNorm, ReLU] -> 2, D 2 -> 3x[maxout 200 units of
  5 pieces] -> 1, weights N(0, 0.02^2), biases 0, latent 2, batch 100, Adam(1e-4, betas (0.8, 0.999)); 8 modes on
  the unit circle, sd 0.01.
- dcgan, dcgan-small: the DCGAN for 28x28x1 images of org.modecollapselab.config.Dcgan (w = 64, or 8 for the
  small preset): G 100 -> Linear(100, 2w*7*7, no bias) -> view (2w, 7, 7) -> BatchNorm2d, ReLU ->
  ConvTranspose2d(2w, w, 4, 2, 1, no bias) -> BatchNorm2d, ReLU -> ConvTranspose2d(w, 1, 4, 2, 1) -> tanh;
  D Conv2d(1, w, 4, 2, 1) -> LeakyReLU(0.2) -> Conv2d(w, 2w, 4, 2, 1) -> LeakyReLU(0.2) -> Linear(2w*7*7, 1);
  weights N(0, 0.02^2), biases 0, batch norm 1 and 0; latent 100 N(0, I), batch 64, Adam(2e-4, betas (0.5, 0.999)).
  Real images are uniform random pixels in [-1, 1] (the step's cost does not depend on what they show).
"""
import gzip
import os
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


class Maxout(nn.Module):
    def __init__(self, n_in, units, pieces):
        super().__init__()
        self.units, self.pieces = units, pieces
        self.linear = nn.Linear(n_in, units * pieces)

    def forward(self, x):
        # piece-major columns, as in the Java library: piece k of unit j is column k*units + j
        return self.linear(x).view(x.shape[0], self.pieces, self.units).max(dim=1).values


def pacgan_nets():
    g_layers, width = [], 2
    for _ in range(4):
        g_layers += [nn.Linear(width, 400), nn.BatchNorm1d(400, eps=1e-5), nn.ReLU()]
        width = 400
    g = nn.Sequential(*g_layers, nn.Linear(400, 2))
    d = nn.Sequential(Maxout(2, 200, 5), Maxout(200, 200, 5), Maxout(200, 200, 5), nn.Linear(200, 1))
    for m in list(g.modules()) + list(d.modules()):
        if isinstance(m, nn.Linear):
            nn.init.normal_(m.weight, 0.0, 0.02)
            nn.init.zeros_(m.bias)
    return g, d


def dcgan_nets(w):
    g = nn.Sequential(nn.Linear(100, 2 * w * 7 * 7, bias=False), nn.Unflatten(1, (2 * w, 7, 7)),
                      nn.BatchNorm2d(2 * w, eps=1e-5), nn.ReLU(),
                      nn.ConvTranspose2d(2 * w, w, 4, 2, 1, bias=False), nn.BatchNorm2d(w, eps=1e-5), nn.ReLU(),
                      nn.ConvTranspose2d(w, 1, 4, 2, 1), nn.Tanh(), nn.Flatten())
    d = nn.Sequential(nn.Unflatten(1, (1, 28, 28)), nn.Conv2d(1, w, 4, 2, 1), nn.LeakyReLU(0.2),
                      nn.Conv2d(w, 2 * w, 4, 2, 1), nn.LeakyReLU(0.2), nn.Flatten(), nn.Linear(2 * w * 7 * 7, 1))
    for m in list(g.modules()) + list(d.modules()):
        if isinstance(m, (nn.Linear, nn.Conv2d, nn.ConvTranspose2d)):
            nn.init.normal_(m.weight, 0.0, 0.02)
            if m.bias is not None:
                nn.init.zeros_(m.bias)
    return g, d


def mnist_pixels():
    """The MNIST images (every split found) as uint8 [n, 784], from where the Java library reads them."""
    bases = []
    if os.environ.get("MCL_DATA_DIR"):
        d = os.environ["MCL_DATA_DIR"]
        bases += [os.path.join(d, "mnist"), d]
    cache = os.environ.get("MCL_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "mode-collapse-lab")
    bases.append(os.path.join(cache, "mnist"))
    for b in bases:
        parts = []
        for name in ("train-images-idx3-ubyte", "t10k-images-idx3-ubyte"):
            for f, opener in ((os.path.join(b, name + ".gz"), gzip.open), (os.path.join(b, name), open)):
                if os.path.isfile(f):
                    with opener(f, "rb") as fh:
                        raw = fh.read()
                    parts.append(np.frombuffer(raw, dtype=np.uint8, offset=16).reshape(-1, 784))
                    break
        if parts:
            return np.concatenate(parts)
    raise SystemExit("no MNIST images found in " + ", ".join(bases) + " (set MCL_DATA_DIR)")


def main():
    name, warmup, steps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    torch.set_num_threads(1)
    torch.manual_seed(1)
    rng = np.random.default_rng(1)
    if name == "temperature":
        batch, latent, lr, betas = 256, 1, 1e-3, (0.5, 0.999)
        g, d = mlp(latent, [64, 64], 1), mlp(1, [64, 64], 1)

        def real_batch():
            hot = rng.random(batch) < 0.5
            x = np.where(hot, HOT[0] + HOT[1] * rng.standard_normal(batch),
                         COLD[0] + COLD[1] * rng.standard_normal(batch))
            return torch.from_numpy(((x - MEAN) / SD).astype(np.float32)).view(batch, 1)
    elif name == "ring":
        batch, latent, lr, betas = 100, 2, 1e-4, (0.8, 0.999)
        g, d = pacgan_nets()
        angles = 2 * np.pi * np.arange(8) / 8
        centres = np.stack([np.cos(angles), np.sin(angles)], axis=1)
        ring_sd = np.sqrt(0.5 + 0.01 ** 2)

        def real_batch():
            x = centres[rng.integers(0, 8, batch)] + 0.01 * rng.standard_normal((batch, 2))
            return torch.from_numpy((x / ring_sd).astype(np.float32))
    elif name in ("dcgan", "dcgan-small"):
        batch, latent, lr, betas = 64, 100, 2e-4, (0.5, 0.999)
        g, d = dcgan_nets(64 if name == "dcgan" else 8)

        def real_batch():
            return torch.from_numpy((2 * rng.random((batch, 784)) - 1).astype(np.float32))
    elif name == "mnist":
        batch, latent, lr, betas = 64, 64, 2e-4, (0.5, 0.999)
        g = nn.Sequential(nn.Linear(latent, 256), nn.LeakyReLU(0.2), nn.Linear(256, 512), nn.LeakyReLU(0.2),
                          nn.Linear(512, 784), nn.Tanh())
        d = mlp(784, [512, 256], 1)
        pixels = mnist_pixels()

        def real_batch():
            idx = rng.integers(0, len(pixels), batch)
            return torch.from_numpy(pixels[idx].astype(np.float32) / 127.5 - 1.0)
    else:
        raise SystemExit(f"case must be one of [temperature, ring, dcgan, dcgan-small, mnist], was '{name}'")
    opt_g = torch.optim.Adam(g.parameters(), lr=lr, betas=betas, eps=1e-8)
    opt_d = torch.optim.Adam(d.parameters(), lr=lr, betas=betas, eps=1e-8)

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
    print(f"case={name} steps_per_s={steps / seconds:.3f} peak_rss_mib={peak:.0f}")


if __name__ == "__main__":
    main()
