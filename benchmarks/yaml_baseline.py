"""The baseline of the `check` benchmark: bare `yaml.load(..., Loader=yaml.CSafeLoader)`.

It reads the files the way `generator.entries.loader` does (walk the folder in sorted order, skip
names starting with `_` or `.`, read bytes, decode UTF-8, normalise line ends, split the front
matter of Markdown files) and parses each one with PyYAML's C loader: no positions, no validation,
no model. Run as its own process, like `recovery-log check`:

    python benchmarks/yaml_baseline.py ENTRIES_DIR
"""

from __future__ import annotations

import os
import sys

import yaml

SUFFIXES = (".md", ".markdown", ".yml", ".yaml")


def main(root: str) -> int:
    parsed = 0
    for folder, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith((".", "_")))
        for name in sorted(filenames):
            if name.startswith((".", "_")) or not name.lower().endswith(SUFFIXES):
                continue
            with open(os.path.join(folder, name), "rb") as handle:
                text = handle.read().decode("utf-8-sig")
            text = text.replace("\r\n", "\n").replace("\r", "\n")
            if name.lower().endswith((".md", ".markdown")):
                lines = text.split("\n")
                end = next(i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "..."))
                text = "\n".join(lines[1:end])
            data = yaml.load(text, Loader=yaml.CSafeLoader)
            parsed += isinstance(data, dict)
    print(f"parsed {parsed} files")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
