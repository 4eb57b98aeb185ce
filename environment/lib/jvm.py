"""The JVM options of the project's Java processes, from environment/lib/jvm.options (the one place they are set).

    python3 environment/lib/jvm.py NAME    # prints NAME's options on one line, separated by spaces

In Python: `import jvm; jvm.options("kernel")` (a list). Unknown names and undefined ${…} references are errors that
name the file, the name and the names known.
"""
import os
import re
import sys

FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "jvm.options")


def table(path: str = FILE) -> dict:
    """Every NAME = options line of the file, with ${OTHER} replaced by OTHER's options (OTHER defined above)."""
    out = {}
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            name, sep, value = line.partition("=")
            name = name.strip()
            if not sep or not re.fullmatch(r"[a-z][a-z0-9-]*", name):
                raise ValueError(f"{path}:{number}: a line must be 'NAME = options' (NAME in a-z, 0-9, -), was {line!r}")

            def expand(m):
                if m.group(1) not in out:
                    raise ValueError(f"{path}:{number}: ${{{m.group(1)}}} must name a line above, was undefined "
                                     f"(defined: {', '.join(out)})")
                return " ".join(out[m.group(1)])

            out[name] = re.sub(r"\$\{([a-z][a-z0-9-]*)\}", expand, value).split()
    return out


def options(name: str, path: str = FILE) -> list:
    t = table(path)
    if name not in t:
        raise KeyError(f"{path} has no line '{name} = …'; known: {', '.join(t)}")
    return list(t[name])


def main(argv) -> int:
    if len(argv) != 1:
        print("usage: jvm.py NAME (one of the names in environment/lib/jvm.options)", file=sys.stderr)
        return 2
    try:
        print(" ".join(options(argv[0])))
    except (KeyError, ValueError) as e:
        print(f"jvm.py: {e.args[0]}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
