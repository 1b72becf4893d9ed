# SPDX-License-Identifier: MIT
"""Benchmark of the simulator against a plain numpy Monte Carlo of the same
model (bench/reference_mc.py), in one process, on the 100-scenario model of
bench/make_model.py. Not a test: it takes a minute or two.

Usage (Debian's /usr/bin/python3, which has numpy and scipy):

    /usr/bin/python3 bench/simulate_bench.py [--build DIR] [--trials N] [--model FILE]

or ``meson compile -C DIR bench-simulate``. It prints, for the severity and
the money measure:

- whether the two agree: means within 5 combined standard errors, the 95th
  and 99th percentiles within 3 % (the exit status is 1 when they do not);
- the time of numpy, of libsmbstrat on 1 thread and on 2 threads (each the
  best of --repeat runs, 3 by default; numpy's of half as many), and the
  ratios numpy / 1 thread (target at least 5) and 1 thread / 2 threads
  (target at least 1.8);
- scenario-trials per second per core on 1 thread (target at least 10^8);

and then the peak resident memory of a run without totals of 10^5 and of
10^6 trials, each in a fresh child process (it must not grow with the
trials).

The library's timings leave out the Spearman sensitivity
(sensitivity_trials=0), which the numpy reference does not compute either.
"""

import argparse
import math
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)


def import_smbstrat(build):
    if build:
        sys.path.insert(0, os.path.join(os.path.abspath(build), "bindings", "python"))
    import smbstrat

    return smbstrat


def vm_hwm_kib():
    """The process's peak resident set size so far (VmHWM), in KiB."""
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    raise RuntimeError("no VmHWM in /proc/self/status")


def rss_child(args):
    """In a child process: load, compile, run without totals; print the
    peak RSS before and after the run."""
    smbstrat = import_smbstrat(args.build)
    doc = smbstrat.Document.load(args.model)
    model = smbstrat.SimulationModel(doc, smbstrat.SimulationConfig(keep_totals=False))
    before = vm_hwm_kib()
    model.simulate(args.rss_child, threads=2)
    print(before, vm_hwm_kib())
    return 0


def timed(fn, repeat):
    """The value of fn(), its best wall-clock time of `repeat` runs (on a
    shared machine the fastest run is the one least disturbed) and the
    processor time of that run, all threads of the process together (which
    other processes do not inflate)."""
    best, cpu = math.inf, math.inf
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        value = fn()
        wall = time.perf_counter() - start
        if wall < best:
            best, cpu = wall, time.process_time() - start_cpu
    return value, best, cpu


def agree(lib, ref_stats):
    """Means within 5 combined standard errors, the 95th and 99th
    percentiles within 3 %."""
    sem = math.hypot(lib.sem, ref_stats["sem"])
    checks = [("mean", abs(lib.mean - ref_stats["mean"]) <= 5 * sem,
               f"{lib.mean:.6g} vs {ref_stats['mean']:.6g} (5 SE = {5 * sem:.3g})")]
    for q in (95, 99):
        mine, theirs = lib.percentiles[q], ref_stats["percentiles"][q]
        ok = abs(mine - theirs) <= 0.03 * abs(theirs)
        checks.append((f"p{q}", ok, f"{mine:.6g} vs {theirs:.6g}"))
    return checks


def bench_measure(smbstrat, reference, doc, measure, trials, repeat):
    scenarios = len(doc.scenarios)
    config = smbstrat.SimulationConfig(measure=measure, sensitivity_trials=0,
                                       percentiles=(95, 99))
    model = smbstrat.SimulationModel(doc, config)
    model.simulate(min(trials, 10_000), threads=1)  # warm up: pages, tables, caches
    one, t1, c1 = timed(lambda: model.simulate(trials, threads=1), repeat)
    two, t2, c2 = timed(lambda: model.simulate(trials, threads=2), repeat)
    assert one == two, "the result depends on the number of threads"
    (loss, _), tn, cn = timed(lambda: reference.simulate(doc, trials, seed=1, measure=measure),
                              max(1, repeat // 2))
    ref_stats = reference.statistics(loss, percentiles=(95, 99))
    checks = agree(one, ref_stats)
    per_core = trials * scenarios / t1
    per_cpu = trials * scenarios / c1
    print(f"\n== {measure}: {trials} trials x {scenarios} scenarios ==")
    for name, ok, detail in checks:
        print(f"  agreement {name:5} {'ok  ' if ok else 'FAIL'} {detail}")
    print("                          wall    processor")
    print(f"  numpy                 {tn:8.3f} s {cn:8.3f} s")
    print(f"  libsmbstrat 1 thread  {t1:8.3f} s {c1:8.3f} s")
    print(f"  libsmbstrat 2 threads {t2:8.3f} s {c2:8.3f} s")
    print(f"  numpy / 1 thread      {tn / t1:8.2f}   (target >= 5)")
    print(f"  1 thread / 2 threads  {t1 / t2:8.2f}   (target >= 1.8)")
    print(f"  scenario-trials/s/core {per_core:10.3g} (target >= 1e8; "
          f"{per_cpu:.3g} per processor second)")
    return all(ok for _, ok, _ in checks)


def bench_memory(args, model_path):
    print("\n== peak RSS without totals (fresh process each) ==")
    peaks = {}
    for n in (100_000, 1_000_000):
        command = [sys.executable, os.path.abspath(__file__), "--model", model_path,
                   "--rss-child", str(n)]
        if args.build:
            command += ["--build", args.build]
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        before, after = (int(x) for x in done.stdout.split())
        peaks[n] = after
        print(f"  {n:>9} trials: peak {after / 1024:7.1f} MiB "
              f"({(after - before) / 1024:+.1f} MiB during the run)")
    growth = peaks[1_000_000] - peaks[100_000]
    print(f"  10^6 vs 10^5 trials: {growth / 1024:+.1f} MiB "
          f"({'independent of the trials' if abs(growth) < 4096 else 'GROWS with the trials'})")


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", help="the meson build directory (default: smbstrat as "
                        "installed or on PYTHONPATH)")
    parser.add_argument("--trials", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3,
                        help="time each run this many times and keep the best (default 3)")
    parser.add_argument("--model", help="the document (default: bench/make_model.py's)")
    parser.add_argument("--rss-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.rss_child:
        return rss_child(args)

    smbstrat = import_smbstrat(args.build)
    import reference_mc

    with tempfile.TemporaryDirectory() as work:
        model_path = args.model
        if not model_path:
            import make_model

            model_path = os.path.join(work, "model_100.json")
            make_model.main(["-o", model_path])
        doc = smbstrat.Document.load(model_path)
        print(f"libsmbstrat {smbstrat.__version__}, {os.cpu_count()} processors, load average "
              f"{os.getloadavg()[0]:.2f}, model {model_path}")
        ok = all([bench_measure(smbstrat, reference_mc, doc, measure, args.trials, args.repeat)
                  for measure in ("severity", "money")])
        bench_memory(args, model_path)
    if not ok:
        print("\nlibsmbstrat and the numpy reference DISAGREE")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
