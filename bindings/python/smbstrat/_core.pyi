# SPDX-License-Identifier: MIT
# The SWIG extension module behind smbstrat.core. Its functions and
# constants are generated from the C headers and carry no Python types;
# this stub tells type checkers so (every attribute is Any), which lets them
# resolve smbstrat.core and the typed modules that use it.
from typing import Any

def __getattr__(name: str) -> Any: ...
