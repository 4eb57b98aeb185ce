"""What the Jupyter checks and the notebook runner share: a free port, environment/lab started and stopped with
everything it started, and the peak resident memory of a process tree.

Used by environment/checks/check_lab.py and check_browser.py (the lab server) and environment/lib/run_notebooks.py
(the kernel's peak memory; environment/lecture runs notebooks through it).
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import threading
import time
import uuid

import psutil

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LAB = os.path.join(ROOT, "environment", "lab")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_lab(log_path: str, extra_args=(), env: dict | None = None):
    """Starts environment/lab on a free port of the loopback interface with a fresh token, in a session of its own
    (so that stop() ends its kernels too), output to log_path. Returns (server, base URL, token)."""
    port, token = free_port(), uuid.uuid4().hex
    os.makedirs(os.path.dirname(log_path), exist_ok=True)
    log = open(log_path, "w")
    server = subprocess.Popen([LAB, "--no-browser", f"--port={port}", "--ServerApp.ip=127.0.0.1",
                               f"--IdentityProvider.token={token}", *extra_args],
                              stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    return server, f"http://127.0.0.1:{port}", token


def wait_served(server: subprocess.Popen, url: str, token: str, seconds: float = 300):
    """Waits until GET url answers OK (with the token); returns the response, or None when the server exited or
    did not answer within `seconds`."""
    import requests
    t0 = time.time()
    while True:
        try:
            r = requests.get(url, headers={"Authorization": f"token {token}"}, timeout=5)
            if r.ok:
                return r
        except requests.ConnectionError:
            pass
        if server.poll() is not None or time.time() - t0 > seconds:
            return None
        time.sleep(0.5)


def stop(server: subprocess.Popen) -> None:
    """Stops the server and everything it started (its kernels)."""
    for sig, wait in ((signal.SIGTERM, 30), (signal.SIGKILL, 10)):
        try:
            os.killpg(server.pid, sig)
        except ProcessLookupError:
            return
        try:
            server.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


class PeakRss(threading.Thread):
    """Peak resident memory of a process and its descendants, sampled every 0.25 s until stopped; with java_only,
    of the Java processes among them only (the JJava JVMs under a Jupyter server). `peak` may be reset to 0."""

    def __init__(self, pid: int, java_only: bool = False):
        super().__init__(daemon=True)
        self.pid, self.java_only, self.peak, self._stop = pid, java_only, 0, threading.Event()

    def run(self):
        while not self._stop.is_set():
            try:
                p = psutil.Process(self.pid)
                procs = [p, *p.children(recursive=True)]
                if self.java_only:
                    procs = [q for q in procs if "java" in (q.name() or "")]
                self.peak = max(self.peak, sum(q.memory_info().rss for q in procs))
            except psutil.Error:
                pass
            self._stop.wait(0.25)

    def stop(self):
        self._stop.set()
