# SPDX-License-Identifier: MIT
"""Check that the samples of docs/guide.md work.

- A ```c block holding `int main(` is a whole program: it is compiled with
  warnings as errors against the library of this build (through the
  pkg-config file meson writes for uninstalled use) and run; it must exit 0.
  Any other ```c block is an excerpt of examples/canvas.c and must appear
  there verbatim.
- A ```sh block whose every line runs `smbstrat` is a command-line session:
  each line runs with the built tool first on PATH, and must exit with the
  status its comment gives ("# exit 3"), or 0.
- A ```json block that is a whole document must pass `smbstrat validate`.
- The ```python blocks run, in order, as one session with the built package.

Everything runs in a temporary directory in which `examples/` and
`tests/data/` are the source tree's, so the samples may write files.
"""

import argparse
import os
import re
import shlex
import subprocess
import sys
import tempfile

FENCE = re.compile(r"^```([A-Za-z0-9_+-]*)[ \t]*$")
EXPECTED_EXIT = re.compile(r"#.*\bexit (\d+)")


def fenced_blocks(text):
    """(language, code, line number of the opening fence) for each block."""
    blocks, language, start, lines = [], None, 0, []
    for number, line in enumerate(text.splitlines(), 1):
        match = FENCE.match(line)
        if language is None:
            if match:
                language, start, lines = match.group(1), number, []
        elif line.rstrip() == "```":
            blocks.append((language, "\n".join(lines) + "\n", start))
            language = None
        else:
            lines.append(line)
    if language is not None:
        raise ValueError(f"guide: the block opened at line {start} is never closed")
    return blocks


def is_cli_session(code):
    lines = [line for line in code.splitlines() if line.strip()]
    return bool(lines) and all(line.startswith("smbstrat ") for line in lines)


class Checker:
    def __init__(self, args, workdir):
        self.args = args
        self.workdir = workdir
        self.failures = []
        self.counts = {"programs": 0, "excerpts": 0, "commands": 0, "documents": 0,
                       "python blocks": 0}
        env = dict(os.environ)
        env["LD_LIBRARY_PATH"] = os.pathsep.join(
            filter(None, [args.libdir, env.get("LD_LIBRARY_PATH")]))
        if args.cli:
            env["PATH"] = os.path.dirname(os.path.abspath(args.cli)) + os.pathsep + env["PATH"]
        env["NO_COLOR"] = "1"
        self.env = env

    def fail(self, where, message, output=""):
        self.failures.append(f"guide.md:{where}: {message}" + (f"\n{output.rstrip()}" if output else ""))

    def run(self, command, **kwargs):
        return subprocess.run(command, cwd=self.workdir, env=self.env, text=True,
                              capture_output=True, check=False, **kwargs)

    def pkg_config_flags(self):
        env = dict(self.env, PKG_CONFIG_PATH=self.args.pkg_config_path)
        command = [self.args.pkg_config, "--cflags", "--libs", "smbstrat"]
        if self.args.static:
            command.insert(1, "--static")
        done = subprocess.run(command, env=env, text=True, capture_output=True, check=True)
        return shlex.split(done.stdout)

    def c_program(self, code, line):
        self.counts["programs"] += 1
        name = f"sample_{line}"
        source = os.path.join(self.workdir, name + ".c")
        with open(source, "w", encoding="utf-8") as f:
            f.write(code)
        compiled = self.run(self.args.cc + ["-std=c11", "-Wall", "-Wextra", "-Wpedantic",
                                            "-Werror", source, "-o", name]
                            + self.pkg_config_flags() + self.args.cflag)
        if compiled.returncode != 0:
            self.fail(line, "the C program does not compile", compiled.stdout + compiled.stderr)
            return
        ran = self.run([os.path.join(self.workdir, name)], timeout=60)
        if ran.returncode != 0:
            self.fail(line, f"the C program exits with {ran.returncode}", ran.stdout + ran.stderr)

    def c_excerpt(self, code, line, example):
        self.counts["excerpts"] += 1
        if code.strip("\n") not in example:
            self.fail(line, f"this C excerpt is not in {self.args.example} (update one or the other)")

    def cli_session(self, code, line):
        for offset, command in enumerate(code.splitlines(), 1):
            if not command.strip():
                continue
            self.counts["commands"] += 1
            match = EXPECTED_EXIT.search(command)
            expected = int(match.group(1)) if match else 0
            ran = self.run(["/bin/sh", "-c", command], timeout=120)
            if ran.returncode != expected:
                self.fail(line + offset, f"'{command.split('#')[0].strip()}' exits with "
                          f"{ran.returncode}, not {expected}", ran.stderr)

    def document(self, code, line):
        self.counts["documents"] += 1
        path = os.path.join(self.workdir, f"document_{line}.json")
        with open(path, "w", encoding="utf-8") as f:
            f.write(code)
        ran = self.run([self.args.cli, "validate", path])
        if ran.returncode != 0:
            self.fail(line, "this document is refused by 'smbstrat validate'", ran.stderr)

    def python_session(self, blocks):
        have_pandas = subprocess.run([sys.executable, "-c", "import pandas"],
                                     capture_output=True, check=False).returncode == 0
        script = []
        for code, line in blocks:
            if not have_pandas and "to_dataframe" in code:
                print(f"note: pandas is not installed, the block at line {line} is not run")
                continue
            self.counts["python blocks"] += 1
            # Number the lines as in the guide, so that a traceback points there.
            script.append("\n" * (line - sum(s.count("\n") for s in script)) + code)
        path = os.path.join(self.workdir, "session.py")
        with open(path, "w", encoding="utf-8") as f:
            f.write("".join(script))
        env = dict(self.env, PYTHONPATH=self.args.python_path, PYTHONDONTWRITEBYTECODE="1")
        ran = subprocess.run([sys.executable, path], cwd=self.workdir, env=env, text=True,
                             capture_output=True, check=False, timeout=300)
        if ran.returncode != 0:
            self.fail(blocks[0][1], "the Python session fails (line numbers are the guide's)",
                      ran.stdout + ran.stderr)


def parse_args(argv):
    parser = argparse.ArgumentParser(description="Check the samples of the user guide.")
    parser.add_argument("--guide", required=True)
    parser.add_argument("--example", required=True, help="examples/canvas.c")
    parser.add_argument("--source-root", required=True)
    parser.add_argument("--cc", action="append", required=True,
                        help="the C compiler command, one word per option")
    parser.add_argument("--cflag", action="append", default=[],
                        help="an extra compiler flag (e.g. the sanitizers of this build)")
    parser.add_argument("--pkg-config", required=True)
    parser.add_argument("--pkg-config-path", required=True, help="the build's meson-uninstalled")
    parser.add_argument("--static", action="store_true", help="link the static library")
    parser.add_argument("--libdir", required=True)
    parser.add_argument("--cli", help="the built smbstrat tool (command lines are skipped without)")
    parser.add_argument("--python-path", help="where the built package is (Python is skipped without)")
    return parser.parse_args(argv)


def main(argv):
    args = parse_args(argv)
    with open(args.guide, encoding="utf-8") as f:
        blocks = fenced_blocks(f.read())
    with open(args.example, encoding="utf-8") as f:
        example = f.read()

    with tempfile.TemporaryDirectory(prefix="smbstrat-guide-") as workdir:
        os.symlink(os.path.join(args.source_root, "examples"), os.path.join(workdir, "examples"))
        os.makedirs(os.path.join(workdir, "tests"))
        os.symlink(os.path.join(args.source_root, "tests", "data"),
                   os.path.join(workdir, "tests", "data"))
        checker = Checker(args, workdir)
        python_blocks = []
        for language, code, line in blocks:
            if language == "c":
                if "int main(" in code:
                    checker.c_program(code, line)
                else:
                    checker.c_excerpt(code, line, example)
            elif language == "sh" and is_cli_session(code) and args.cli:
                checker.cli_session(code, line)
            elif language == "json" and re.match(r'\s*\{\s*"smbstrat"', code) and args.cli:
                checker.document(code, line)
            elif language == "python" and args.python_path:
                python_blocks.append((code, line))
        if python_blocks:
            checker.python_session(python_blocks)

    checked = ", ".join(f"{n} {what}" for what, n in checker.counts.items())
    if checker.failures:
        print("\n".join(checker.failures))
        print(f"{len(checker.failures)} sample(s) of the guide fail ({checked} checked)")
        return 1
    print(f"the guide's samples work: {checked}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
