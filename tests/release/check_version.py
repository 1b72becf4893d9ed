# SPDX-License-Identifier: MIT
"""Fail unless the version agrees everywhere a release states it.

Usage: check_version.py SOURCE_ROOT MESON_VERSION

The newest released version in CHANGELOG.md (the first "## [X.Y.Z]"
heading; "[Unreleased]" is not a release), meson.project_version(),
SMB_VERSION_STRING in include/smbstrat/common.h, and the
SMB_VERSION_MAJOR/MINOR/PATCH macros must all name the same version.
"""

import os
import re
import sys

RELEASE_HEADING = re.compile(r"^## \[(\d+\.\d+\.\d+)\]", re.MULTILINE)
ANY_HEADING = re.compile(r"^## \[([^\]]*)\]", re.MULTILINE)


def changelog_version(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for heading in ANY_HEADING.finditer(text):
        name = heading.group(1)
        if name.lower() == "unreleased":
            continue
        if not RELEASE_HEADING.match(text, heading.start()):
            raise ValueError(f"{path}: release heading '[{name}]' is not MAJOR.MINOR.PATCH")
        return name
    raise ValueError(f"{path}: no released version (a '## [X.Y.Z]' heading)")


def header_versions(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()

    def define(name, pattern):
        match = re.search(rf"^#define {name} ({pattern})\s*$", text, re.MULTILINE)
        if not match:
            raise ValueError(f"{path}: no '#define {name}'")
        return match.group(1)

    string = define("SMB_VERSION_STRING", r'"[^"]*"').strip('"')
    parts = [define(f"SMB_VERSION_{part}", r"\d+") for part in ("MAJOR", "MINOR", "PATCH")]
    return string, ".".join(str(int(p)) for p in parts)


def main(argv):
    if len(argv) != 3:
        print("usage: check_version.py SOURCE_ROOT MESON_VERSION", file=sys.stderr)
        return 2
    root, meson_version = argv[1], argv[2]
    try:
        found = {
            "CHANGELOG.md (newest release)": changelog_version(os.path.join(root, "CHANGELOG.md")),
            "meson.project_version()": meson_version,
        }
        string, numbers = header_versions(os.path.join(root, "include", "smbstrat", "common.h"))
        found["SMB_VERSION_STRING"] = string
        found["SMB_VERSION_MAJOR.MINOR.PATCH"] = numbers
    except (OSError, ValueError) as error:
        print(error)
        return 1
    for where, version in found.items():
        print(f"{where:32} {version}")
    if len(set(found.values())) != 1:
        print("the versions disagree: update them together (docs/abi.md, 'Making a release')")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
