/* SPDX-License-Identifier: MIT */
#include "harness.h"
int main(void) { return 0; }
