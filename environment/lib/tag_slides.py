"""Tags notebook cells for reveal.js slides (nbconvert), by rules, keeping what was set by hand.

    .venv/bin/python environment/lib/tag_slides.py notebooks/*.ipynb          # tag in place
    .venv/bin/python environment/lib/tag_slides.py --check notebooks/*.ipynb  # exit 1 if a notebook would change

Rules (each cell gets one slide type, nbconvert's `metadata.slideshow.slide_type`, and code cells may get the tag
`hide-input`, which the lecture kit's slides honour):
  - the title (`# ...`) and every section (`## ...`) start a slide; `### ...` starts a subslide;
  - a markdown cell tagged `notes` (or containing `<!-- notes -->`) becomes speaker notes of the slide before it
    (press `s` in the slides): longer explanations go there, so that a slide keeps to about 60 words;
  - the set-up section (`## Set-up` and its cells, any code cell calling `Lab.quick()`) and the "save figures" section
    (its heading and every code cell calling `Charts.save(`) are skipped: they are for the notebook, not the talk;
  - a figure cell (tagged `expect-image`) starts a subslide of its own with its code hidden, so the figure is shown
    full size (the lecture kit gives each of a cell's charts a slide of its own); so does prose that follows a
    figure (one idea per slide);
  - code is hidden unless the cell is tagged `show-code` (a slide about the code); other code cells are skipped,
    unless tagged `slide-output` (their printed output is shown, their code hidden; `slide-output-last`: the last
    printed line only, e.g. a study's verdict under its table) or `show-code`.
Hand-set values win: the script records its own decision per cell (`metadata.mcl_slides`); where a cell's slide type
or `hide-input` tag differs from what the script last set (or was set before the script ever ran), the cell was
edited by hand and is left alone. Re-running on a tagged notebook changes nothing.
"""
import argparse
import re
import sys

import nbformat

AUTO = "mcl_slides"


def heading(cell) -> int:
    """The level of the markdown heading the cell starts with (0 for none)."""
    if cell.cell_type != "markdown":
        return 0
    m = re.match(r"\s*(#{1,6})\s", cell.source)
    return len(m.group(1)) if m else 0


def rules(nb) -> list[tuple[str, bool]]:
    """(slide type, hide input) for each cell, by the rules above."""
    out = []
    section = ""
    after_figure = False
    for cell in nb.cells:
        level = heading(cell)
        if level in (1, 2):
            section = cell.source.strip().splitlines()[0].lstrip("#").strip().lower()
        skipped_section = section.startswith("set-up") or section.startswith("setup") or section.startswith("save figures")
        tags = cell.metadata.get("tags", [])
        if cell.cell_type == "markdown":
            if "notes" in tags or "<!-- notes -->" in cell.source:
                out.append(("notes", False))
                continue
            if skipped_section:
                kind = "skip"
            elif level in (1, 2):
                kind = "slide"
            elif level == 3 or after_figure:
                kind = "subslide"
            else:
                kind = "-"
            after_figure = False
            out.append((kind, False))
            continue
        if cell.cell_type != "code":
            out.append(("-", False))
            continue
        source = cell.source
        if skipped_section or "Lab.quick()" in source or "Charts.save(" in source:
            out.append(("skip", False))
            continue
        if "expect-image" in tags:
            out.append(("subslide", "show-code" not in tags))
            after_figure = True
            continue
        if "show-code" in tags:
            out.append(("-", False))
        elif "slide-output" in tags or "slide-output-last" in tags:
            out.append(("-", True))
        else:
            out.append(("skip", False))
    return out


def current(cell) -> tuple[str | None, bool]:
    return cell.metadata.get("slideshow", {}).get("slide_type"), "hide-input" in cell.metadata.get("tags", [])


def apply(nb) -> bool:
    """Tags the notebook in place; True when anything changed."""
    changed = False
    for cell, (kind, hide) in zip(nb.cells, rules(nb)):
        now_kind, now_hide = current(cell)
        auto = cell.metadata.get(AUTO)
        if auto is None:
            hand_kind = now_kind is not None
            hand_hide = now_hide
        else:
            hand_kind = now_kind != auto.get("slide_type")
            hand_hide = now_hide != auto.get("hide_input", False)
        new_kind = now_kind if hand_kind else kind
        new_hide = now_hide if hand_hide else hide
        record = {"slide_type": kind, "hide_input": hide}
        if new_kind != now_kind:
            cell.metadata.setdefault("slideshow", {})["slide_type"] = new_kind
            changed = True
        if new_hide != now_hide:
            tags = [t for t in cell.metadata.get("tags", []) if t != "hide-input"]
            if new_hide:
                tags.append("hide-input")
            if tags:
                cell.metadata["tags"] = tags
            else:
                cell.metadata.pop("tags", None)
            changed = True
        if auto != record:
            cell.metadata[AUTO] = record
            changed = True
    return changed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("notebooks", nargs="+")
    ap.add_argument("--check", action="store_true", help="change nothing; exit 1 if a notebook is not tagged")
    a = ap.parse_args()
    untagged = 0
    for path in a.notebooks:
        try:
            nb = nbformat.read(path, as_version=4)
        except (OSError, ValueError) as e:
            print(f"tag_slides.py: notebooks: cannot read '{path}': {e}", file=sys.stderr)
            return 2
        if apply(nb):
            untagged += 1
            if a.check:
                print(f"{path}: not tagged for slides (run environment/lib/tag_slides.py {path})")
            else:
                nbformat.write(nb, path)
                print(f"{path}: tagged")
        else:
            print(f"{path}: already tagged")
    return 1 if a.check and untagged else 0


if __name__ == "__main__":
    sys.exit(main())
