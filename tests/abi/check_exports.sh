#!/bin/sh
# SPDX-License-Identifier: MIT
# Fails when the shared library exports a symbol that is not part of the
# public API (smb_ followed by a letter), or exports it unversioned.
set -eu
nm="$1"
lib="$2"
symbols=$("$nm" -D --defined-only "$lib" | awk '{print $3}')
bad=$(printf '%s\n' "$symbols" | grep -v -E '^smb_[a-z][a-z0-9_]*@@SMBSTRAT_[0-9.]+$' | grep -v -E '^SMBSTRAT_[0-9.]+$' || true)
count=$(printf '%s\n' "$symbols" | grep -c '^smb_' || true)
if [ -n "$bad" ]; then
    echo "unexpected exported symbols:"
    printf '  %s\n' $bad
    exit 1
fi
if [ "$count" -lt 10 ]; then
    echo "only $count smb_ symbols exported: the version script or visibility is broken"
    exit 1
fi
echo "$count public symbols, all smb_* and versioned"
