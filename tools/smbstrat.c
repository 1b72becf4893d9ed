/* SPDX-License-Identifier: MIT */
/* The smbstrat program; everything it does is in cli_main() (main.c). */
#include "cli.h"

int main(int argc, char **argv)
{
    return cli_main(argc, argv);
}
