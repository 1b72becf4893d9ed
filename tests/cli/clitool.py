# SPDX-License-Identifier: MIT
"""Running the smbstrat tool from the CLI tests, shared by every test file.

Environment (set by tests/cli/meson.build): SMBSTRAT_CLI is the binary,
SMB_TEST_DATA the tests/data directory, SMB_EXAMPLES the examples directory,
SMB_BUILD_DIR the build directory (where tests leave artefacts; may be unset).
"""
import fcntl
import json
import os
import pty
import struct
import subprocess
import termios

CLI = os.environ["SMBSTRAT_CLI"]
DATA = os.environ["SMB_TEST_DATA"]
EXAMPLES = os.environ["SMB_EXAMPLES"]
BAKERY = os.path.join(EXAMPLES, "bakery.json")
BUILD_DIR = os.environ.get("SMB_BUILD_DIR")


# Wide enough for every table to keep its natural layout; the tests of
# fitting to the terminal (test_terminal.py) choose their own width.
WIDE = 1000


def environment(env_extra, colour, columns):
    """The tool's environment: NO_COLOR unless `colour`, COLUMNS=`columns`
    (unset when None: the tool then uses the terminal's width, or 80 when
    stdout is not a terminal), then env_extra."""
    env = dict(os.environ)
    env.pop("NO_COLOR", None)
    env.pop("COLUMNS", None)
    if columns is not None:
        env["COLUMNS"] = str(columns)
    if not colour:
        env["NO_COLOR"] = "1"
    if env_extra:
        env.update(env_extra)
    return env


def argv_of(args):
    return [CLI] + [a if isinstance(a, bytes) else str(a) for a in args]


def run(*args, stdout=subprocess.PIPE, env_extra=None, colour=False, columns=WIDE):
    """Run the tool without a shell; arguments may be str, bytes or paths."""
    return subprocess.run(argv_of(args), stdout=stdout, stderr=subprocess.PIPE,
                          env=environment(env_extra, colour, columns), timeout=120,
                          check=False)


def run_on_terminal(*args, env_extra=None, columns=WIDE, window=None):
    """Run with stdout on a pseudo-terminal; returns (status, output).

    `window` is the terminal's (rows, columns), as TIOCGWINSZ reports it.
    The output is read while the tool runs, so that it may be longer than
    the terminal's buffer."""
    master, slave = pty.openpty()
    if window:
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", window[0], window[1], 0, 0))
    try:
        proc = subprocess.Popen(argv_of(args), stdout=slave, stderr=subprocess.DEVNULL,
                                env=environment(env_extra, True, columns))
        os.close(slave)
        slave = -1
        chunks = []
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:  # EIO once the terminal's other end is closed
                break
            if not chunk:
                break
            chunks.append(chunk)
        return proc.wait(timeout=120), b"".join(chunks).decode("utf-8")
    finally:
        os.close(master)
        if slave >= 0:
            os.close(slave)


def out(proc):
    return proc.stdout.decode("utf-8")


def err(proc):
    return proc.stderr.decode("utf-8", "replace")


def one_error_line(proc):
    """The single stderr line of a failed command, without its newline."""
    text = err(proc)
    assert text.endswith("\n"), text
    lines = text.splitlines()
    assert len(lines) == 1, text
    assert lines[0].startswith("smbstrat: "), text
    return lines[0]


def write(path, text):
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def write_json(path, doc):
    path.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def bakery():
    with open(BAKERY, encoding="utf-8") as f:
        return json.load(f)


def worked_forces():
    """A small forces document whose scores are worked out by hand.

    Weights are 1 unless said.
      new_entrants: capital_requirements 2 at weight 3, brand_loyalty 5
        score (3*2 + 5) / 4 = 2.75, moderate; intensity 1.75/4 = 0.4375
        contributions: brand_loyalty 1*4/(4*4) = 0.25, capital 3*1/16 = 0.1875
      supplier_power: nothing rated: no score
      buyer_power: price_sensitivity 4, switching_costs 5 (confidence 0.8)
        score 4.5, high; intensity 0.875 (the highest: dominant)
      substitutes: price_performance 1.5: score 1.5, low; intensity 0.125
      rivalry (force weight 2): exit_barriers 3, number_and_balance 3
        score 3, moderate; intensity 0.5
      pressure = (0.4375 + 0.875 + 0.125 + 2*0.5) / (1+1+1+2) = 2.4375/5 = 0.4875
      attractiveness = 0.5125
    """
    return {
        "smbstrat": 1,
        "forces": {
            "name": "Artisan bakery, city centre",
            "weights": {"rivalry": 2},
            "new_entrants": {"drivers": {
                "capital_requirements": {"rating": 2, "weight": 3},
                "brand_loyalty": {"rating": 5},
            }},
            "supplier_power": {"drivers": {}},
            "buyer_power": {"drivers": {
                "price_sensitivity": {"rating": 4},
                "switching_costs": {"rating": 5, "confidence": 0.8,
                                    "rationale": "The supermarket is next door"},
            }},
            "substitutes": {"drivers": {"price_performance": {"rating": 1.5}}},
            "rivalry": {"drivers": {
                "exit_barriers": {"rating": 3},
                "number_and_balance": {"rating": 3},
            }},
        },
    }
