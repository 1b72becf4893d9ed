# SPDX-License-Identifier: MIT
"""Fail when a public declaration in include/smbstrat/ lacks a Doxygen comment.

Usage: check_documented.py DOXYGEN DOXYFILE HEADER_DIR

Runs doxygen on the project's configured Doxyfile (the one that builds the
API reference) with warnings about undocumented members turned on and
parameter-by-parameter documentation not required, and fails on any warning
about a file in HEADER_DIR. Doxygen 1.9 does not warn about an undocumented
enumerator, so the enumerators are checked in doxygen's XML output as well.
Exits 77 (skipped) when doxygen is not installed.
"""

import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

SKIP = 77


def overrides(output_dir, log):
    """Settings appended to the Doxyfile: later assignments win."""
    return "\n".join([
        f"OUTPUT_DIRECTORY = {output_dir}",
        "GENERATE_HTML = NO",
        "GENERATE_XML = YES",
        "XML_PROGRAMLISTING = NO",
        "QUIET = YES",
        "WARNINGS = YES",
        "WARN_IF_UNDOCUMENTED = YES",
        "WARN_IF_DOC_ERROR = YES",
        "WARN_NO_PARAMDOC = NO",
        "WARN_AS_ERROR = NO",
        'WARN_FORMAT = "$file:$line: $text"',
        f"WARN_LOGFILE = {log}",
        "",
    ])


def warning_entries(log_text):
    """Doxygen warnings, one string each; a warning's continuation lines
    (e.g. the list of undocumented parameters) start with blanks."""
    entries = []
    for line in log_text.splitlines():
        if line[:1].isspace() and entries:
            entries[-1] += "\n" + line
        elif line.strip():
            entries.append(line)
    return entries


def has_text(element):
    return element is not None and "".join(element.itertext()).strip() != ""


def undocumented_enumerators(xml_dir, header_dir):
    """'file:line: enumerator NAME of enum ENUM ...' for each enumerator
    that has neither a brief nor a detailed description. The Doxyfile's
    only C input is the public header directory, so every header in the
    XML is a public one (its location is shown relative to include/)."""
    found = []
    for name in sorted(os.listdir(xml_dir)):
        if not name.endswith("_8h.xml"):
            continue
        root = ET.parse(os.path.join(xml_dir, name)).getroot()
        for enum in root.iter("memberdef"):
            if enum.get("kind") != "enum":
                continue
            location = enum.find("location")
            where = os.path.join(header_dir, os.path.basename(location.get("file", name)))
            for value in enum.findall("enumvalue"):
                if has_text(value.find("briefdescription")) or has_text(
                        value.find("detaileddescription")):
                    continue
                found.append(f"{where}:{location.get('line')}: enumerator "
                             f"{value.findtext('name')} of enum {enum.findtext('name')} "
                             "is not documented.")
    return found


def main(argv):
    if len(argv) != 4:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    doxygen, doxyfile, header_dir = argv[1], argv[2], os.path.abspath(argv[3])
    if not doxygen:
        print("doxygen is not installed: documentation check skipped")
        return SKIP

    with open(doxyfile, encoding="utf-8") as f:
        config = f.read()
    with tempfile.TemporaryDirectory(prefix="smbstrat-doxygen-") as tmp:
        log = os.path.join(tmp, "warnings.log")
        run = subprocess.run([doxygen, "-"], input=config + "\n" + overrides(tmp, log),
                             text=True, capture_output=True, check=False)
        if run.returncode != 0:
            sys.stderr.write(run.stdout + run.stderr)
            print(f"doxygen failed with status {run.returncode}")
            return 1
        with open(log, encoding="utf-8") as f:
            # Doxygen repeats some warnings once per output pass.
            warnings = list(dict.fromkeys(warning_entries(f.read())))
        enumerators = undocumented_enumerators(os.path.join(tmp, "xml"), header_dir)

    prefix = header_dir + os.sep
    ours = [w for w in warnings if w.startswith(prefix)] + enumerators
    others = [w for w in warnings if not w.startswith(prefix)]
    for warning in others:
        print(f"note (not a public header): {warning}")
    if ours:
        print(f"{len(ours)} documentation problem(s) in the public headers:")
        for warning in ours:
            print(warning)
        return 1
    print(f"every public declaration in {header_dir} is documented")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
