# SPDX-License-Identifier: MIT
"""Print one closing line for all the meson test runs named on the command line."""
import json
import sys

passed = failed = skipped = 0
for build in sys.argv[1:]:
    with open(f"{build}/meson-logs/testlog.json", encoding="utf-8") as log:
        for line in log:
            result = json.loads(line)["result"]
            if result == "OK":
                passed += 1
            elif result == "SKIP":
                skipped += 1
            else:
                failed += 1
print(f"summary: {passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed else 0)
