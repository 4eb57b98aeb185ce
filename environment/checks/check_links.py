"""Checks that every relative link in the project's Markdown files (and the notebooks' Markdown cells) resolves:
the file or folder exists, and a #anchor names a heading of the Markdown file it points into (GitHub's anchors).

    python3 environment/checks/check_links.py          # any Python 3, no packages

Links to web addresses are not fetched. Links inside code (fenced blocks and `inline code`) are not links.
Prints a FAIL line per broken link and a closing "links: N checked, M broken"; exits non-zero when one is broken.
"""
import glob
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SKIP = {".git", ".venv", ".venv-bench", "target", "lecture-kit", "node_modules", ".ipynb_checkpoints"}
# Pages another branch of issue 21 writes (the structure work): reported, not failed, while they are missing.
PENDING = {"docs/design-of-the-step.md", "docs/adding-a-remedy.md"}
LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")


def strip_fences(text: str) -> str:
    """The text without fenced code blocks (kept as empty lines, so that line numbers stay)."""
    return re.sub(r"(?ms)^( {0,3})(```|~~~).*?^\1\2[^\n]*$", lambda m: "\n" * m.group(0).count("\n"), text)


def strip_code(text: str) -> str:
    """The text without fenced code blocks and inline code spans (kept as blank space, so line numbers stay)."""
    return re.sub(r"(`+)(?:(?!\1).)+?\1", lambda m: " " * len(m.group(0)), strip_fences(text))


def slug(heading: str) -> str:
    """GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens."""
    h = re.sub(r"`|\*\*|__", "", heading.strip().lower())
    h = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", h)
    h = re.sub(r"[^\w\- ]", "", h)
    return h.replace(" ", "-")


def anchors(path: str) -> set:
    out, seen = set(), {}
    with open(path, encoding="utf-8") as f:
        text = strip_fences(f.read())
    for m in re.finditer(r"(?m)^#{1,6}\s+(.*?)\s*#*\s*$", text):
        s = slug(m.group(1))
        n = seen.get(s, 0)
        seen[s] = n + 1
        out.add(s if n == 0 else f"{s}-{n}")
    return out


def sources():
    """(path, text) of every Markdown file and every notebook's Markdown cells."""
    for dirpath, dirs, files in os.walk(ROOT):
        dirs[:] = sorted(d for d in dirs if d not in SKIP)
        for name in sorted(files):
            path = os.path.join(dirpath, name)
            if name.endswith(".md"):
                with open(path, encoding="utf-8") as f:
                    yield path, f.read()
            elif name.endswith(".ipynb"):
                with open(path, encoding="utf-8") as f:
                    nb = json.load(f)
                cells = ["".join(c.get("source", "")) for c in nb.get("cells", []) if c.get("cell_type") == "markdown"]
                yield path, "\n\n".join(cells)


def main() -> int:
    checked, broken, pending = 0, [], set()
    cache = {}
    for path, text in sources():
        rel = os.path.relpath(path, ROOT)
        for number, line in enumerate(strip_code(text).split("\n"), 1):
            for m in LINK.finditer(line):
                target = m.group(1)
                if re.match(r"[a-z][a-z0-9+.-]*:", target):   # https:, mailto:, …
                    continue
                checked += 1
                file_part, _, anchor = target.partition("#")
                dest = os.path.normpath(os.path.join(os.path.dirname(path), file_part)) if file_part else path
                dest_rel = os.path.relpath(dest, ROOT)
                if not os.path.exists(dest):
                    if dest_rel in PENDING:
                        pending.add(dest_rel)
                        continue
                    broken.append(f"FAIL {rel}:{number}: {target} — no such file or folder ({dest_rel})")
                    continue
                if anchor and dest.endswith(".md"):
                    if dest not in cache:
                        cache[dest] = anchors(dest)
                    if anchor not in cache[dest]:
                        broken.append(f"FAIL {rel}:{number}: {target} — {dest_rel} has no heading with anchor "
                                      f"#{anchor}")
    for line in broken:
        print(line)
    for p in sorted(pending):
        print(f"PENDING {p}: linked, written by the structure work of issue 21 (not on this branch yet)")
    print(f"links: {checked} checked, {len(broken)} broken")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
