/* SPDX-License-Identifier: MIT */
/**
 * @file smbstrat.h
 * @brief Umbrella header: include this one.
 */
#ifndef SMBSTRAT_H
#define SMBSTRAT_H

#include "common.h"
#include "canvas.h"
#include "forces.h"
#include "resilience.h"
#include "scenario.h"
#include "document.h"
#include "render.h"
#include "mcda.h"
#include "response.h"
#include "simulate.h"
#include "report.h"

#endif /* SMBSTRAT_H */
