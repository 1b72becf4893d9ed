#!/bin/sh
# SPDX-License-Identifier: MIT
# Peak memory of loading documents of 10^3 to 10^6 canvas items, against
# their size on disk, and the item limit one past 10^6. Not a test: it
# takes a minute and a gigabyte or so. Usage:
#
#   bench/load_memory.sh [BUILD_DIR]     (default: build)
#
# Prints, per size: the file's bytes, the items loaded, the time, the peak
# resident set size the load added, and that peak divided by the file size.
set -eu
cd "$(dirname "$0")/.."
build="${1:-build}"
[ -f "$build/lib/libsmbstrat.so" ] || { echo "no library in $build/lib; build first"; exit 2; }
py=/usr/bin/python3

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cc -std=c11 -O2 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L -Iinclude bench/load_memory.c \
    -L"$build/lib" -lsmbstrat -Wl,-rpath,"$(cd "$build/lib" && pwd)" -o "$work/load_memory"

printf '%9s %11s %9s %8s %10s %7s\n' items bytes status seconds peak_MiB ratio
for n in 1000 10000 100000 1000000 1000001; do
    "$py" bench/gen_items.py "$n" >"$work/doc.json"
    set -- $("$work/load_memory" "$work/doc.json" 2>"$work/err")
    bytes=$1 items=$2 status=$3 seconds=$4 base=$5 peak=$6
    # The peak the load added, in KiB, over the file's size in KiB.
    awk -v n="$n" -v b="$bytes" -v s="$status" -v t="$seconds" -v base="$base" -v peak="$peak" \
        'BEGIN { added = peak - base; printf "%9d %11d %9s %8.2f %10.1f %7.2f\n",
                 n, b, s, t, added / 1024, added * 1024 / b }'
    [ "$status" = SMB_OK ] || sed 's/^/          /' "$work/err"
done
