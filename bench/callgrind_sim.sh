#!/bin/sh
# SPDX-License-Identifier: MIT
# Instructions the simulator spends per scenario-trial, counted by callgrind
# (an exact count, unlike a time: it does not depend on the machine's load).
# Usage:
#
#   bench/callgrind_sim.sh [BUILD_DIR] [TRIALS]   (defaults: build, 10000)
#
# Runs bench/sim_driver on the 100-scenario model of bench/make_model.py,
# one thread, sensitivity off, twice: TRIALS and TRIALS/10 trials. Prints
# the instructions counted inside smb_sim_run() divided by the scenario-
# trials, and the whole program's instructions of the larger run less those
# of the smaller one, divided by the scenario-trials between them (what one
# more trial costs from start to finish: running, sorting the totals,
# statistics). Then the same for the money measure.
set -eu
cd "$(dirname "$0")/.."
build="${1:-build}"
trials="${2:-10000}"
few=$((trials / 10))
[ -f "$build/lib/libsmbstrat.so" ] || { echo "no library in $build/lib; build first"; exit 2; }
command -v valgrind >/dev/null || { echo "valgrind is not installed"; exit 2; }
py=/usr/bin/python3

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
driver="$build/bench/sim_driver"
if [ ! -x "$driver" ]; then
    driver="$work/sim_driver"
    cc -std=c11 -O2 -g -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L -Iinclude \
        bench/sim_driver.c -L"$build/lib" -lsmbstrat -Wl,-rpath,"$(cd "$build/lib" && pwd)" \
        -o "$driver"
fi
"$py" bench/make_model.py -o "$work/model.json"

# The instruction count callgrind writes as "totals:" (or "summary:").
count() {
    sed -n 's/^\(totals\|summary\): *\([0-9]*\).*/\2/p' "$1" | head -n 1
}

# callgrind_run OUT TRIALS [OPTIONS...]: run the driver under callgrind.
callgrind_run() {
    out=$1 n=$2
    shift 2
    valgrind --tool=callgrind --callgrind-out-file="$out" "$@" \
        "$driver" "$work/model.json" "$n" 1 $measure >/dev/null 2>"$work/valgrind.log" ||
        { cat "$work/valgrind.log"; exit 1; }
}

printf '%-9s %8s %10s %22s %22s\n' measure trials scenarios 'run Ir/scenario-trial' \
    'total Ir/scenario-trial'
for measure in "" --money; do
    scenarios=$("$driver" "$work/model.json" 1 1 $measure | cut -d' ' -f2)
    callgrind_run "$work/run.out" "$trials" --toggle-collect=smb_sim_run
    callgrind_run "$work/big.out" "$trials"
    callgrind_run "$work/small.out" "$few"
    awk -v m="${measure:---severity}" -v n="$trials" -v few="$few" -v s="$scenarios" \
        -v run="$(count "$work/run.out")" -v big="$(count "$work/big.out")" \
        -v small="$(count "$work/small.out")" \
        'BEGIN { printf "%-9s %8d %10d %22.1f %22.1f\n", substr(m, 3), n, s,
                 run / (n * s), (big - small) / ((n - few) * s) }'
done
