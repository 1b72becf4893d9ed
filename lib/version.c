/* SPDX-License-Identifier: MIT */
#include "internal.h"

const char *smb_version(void)
{
    return SMB_VERSION_STRING;
}

int smb_version_number(void)
{
    return SMB_VERSION_NUMBER;
}
