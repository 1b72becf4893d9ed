# SPDX-License-Identifier: MIT
"""Fail when a source file lacks its SPDX licence identifier.

Usage: check_spdx.py SOURCE_ROOT

Source files are C sources and headers, SWIG interfaces, Python modules,
shell scripts, meson files, configuration templates (*.in), the linker
version script, and any file starting with "#!". Each must carry
"SPDX-License-Identifier: MIT" in its first five lines. Build directories
(wherever meson put them), the git directory and test data (JSON cannot hold
a comment) are not looked at.
"""

import os
import sys

IDENTIFIER = "SPDX-License-Identifier: MIT"
HEAD_LINES = 5
SUFFIXES = (".c", ".h", ".i", ".py", ".sh", ".in", ".map")
NAMES = ("meson.build", "meson_options.txt", "meson.options")
SKIP_DIRS = {".git", "__pycache__", ".pytest_cache"}
# Inputs of tests and fuzzers, not sources.
SKIP_PATHS = {os.path.join("tests", "data"), os.path.join("tests", "fuzz", "corpus")}


def is_build_dir(path):
    return any(os.path.exists(os.path.join(path, marker))
               for marker in ("meson-private", "build.ninja", "meson-info"))


def head(path):
    try:
        with open(path, "rb") as f:
            return f.read(4096).decode("utf-8", "replace").splitlines()[:HEAD_LINES]
    except OSError:
        return []


def is_source(path, name):
    if name.endswith(SUFFIXES) or name in NAMES:
        return True
    lines = head(path)
    return bool(lines) and lines[0].startswith("#!")


def offenders(root):
    missing = []
    for directory, subdirs, files in os.walk(root):
        relative_dir = os.path.relpath(directory, root)
        subdirs[:] = sorted(
            d for d in subdirs
            if d not in SKIP_DIRS
            and os.path.normpath(os.path.join(relative_dir, d)) not in SKIP_PATHS
            and not is_build_dir(os.path.join(directory, d)))
        for name in sorted(files):
            path = os.path.join(directory, name)
            if os.path.islink(path) or not is_source(path, name):
                continue
            if not any(IDENTIFIER in line for line in head(path)):
                missing.append(os.path.relpath(path, root))
    return missing


def main(argv):
    if len(argv) != 2:
        print("usage: check_spdx.py SOURCE_ROOT", file=sys.stderr)
        return 2
    missing = offenders(argv[1])
    if missing:
        print(f"{len(missing)} source file(s) without '{IDENTIFIER}' in their first "
              f"{HEAD_LINES} lines:")
        for path in missing:
            print(f"  {path}")
        return 1
    print("every source file carries its SPDX identifier")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
