# SPDX-License-Identifier: MIT
"""Write a smbstrat document with N canvas items to standard output.

The items look like real ones: ids and texts of ordinary length, every
value proposition linked to a segment, amounts and kinds on the revenue and
cost items, an importance and an evidence level on all, a tag on every
tenth. They are spread over the nine blocks in turn.
"""
import json
import sys

BLOCKS = ["key_partnerships", "key_activities", "key_resources", "value_propositions",
          "customer_relationships", "channels", "customer_segments", "cost_structure",
          "revenue_streams"]
EVIDENCE = ["assumption", "testing", "validated", "invalidated"]


def item(block, i, segments):
    it = {"id": f"{block[:2]}-{i}", "text": f"{block.replace('_', ' ')} number {i}"}
    if i % 10 == 0:
        it["tags"] = ["core"]
    it["importance"] = 1 + i % 5
    it["evidence"] = EVIDENCE[i % 4]
    if block == "revenue_streams":
        it["amount"] = 1000 + i % 5000
        it["kind"] = "subscription"
    elif block == "cost_structure":
        it["amount"] = 500 + i % 3000
        it["kind"] = "fixed" if i % 2 else "variable"
    elif block == "value_propositions" and segments:
        it["links"] = [segments[i % len(segments)]]
    return it


def main():
    n = int(sys.argv[1])
    per_block = {b: [] for b in BLOCKS}
    for i in range(n):
        per_block[BLOCKS[i % len(BLOCKS)]].append(i)
    segments = [f"cu-{i}" for i in per_block["customer_segments"]]
    canvas = {"name": f"Generated canvas of {n} items"}
    for b in BLOCKS:
        canvas[b] = [item(b, i, segments) for i in per_block[b]]
    json.dump({"smbstrat": 1, "canvas": canvas}, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
