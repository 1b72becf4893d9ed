/* SPDX-License-Identifier: MIT */
/* The standard normal quantile and distribution functions of the
 * simulator (sim_random.h). The quantile turns a uniform into a normal draw
 * (lognormal money, the Gaussian copula's factors), so it must be accurate
 * to the last bits in the far tails as well as in the middle. */
#include <math.h>

#include "sim_random.h"

/* Horner's rule for a polynomial of degree 7, coefficients from c[0]. */
static double poly7(const double c[8], double x)
{
    return ((((((c[7] * x + c[6]) * x + c[5]) * x + c[4]) * x + c[3]) * x + c[2]) * x + c[1]) * x +
           c[0];
}

/* Wichura, "Algorithm AS 241: the percentage points of the normal
 * distribution", Applied Statistics 37 (1988) 477–484, PPND16: three
 * rational approximations of degree 7, for |p − ½| ≤ 0.425, for the tails
 * up to r = √(−ln min(p, 1 − p)) ≤ 5 (p down to about 1.4e-11) and beyond. */
double smb__normal_quantile(double p)
{
    static const double a[8] = {3.3871328727963666080e0, 1.3314166789178437745e+2,
                                1.9715909503065514427e+3, 1.3731693765509461125e+4,
                                4.5921953931549871457e+4, 6.7265770927008700853e+4,
                                3.3430575583588128105e+4, 2.5090809287301226727e+3};
    static const double b[8] = {1.0,
                                4.2313330701600911252e+1, 6.8718700749205790830e+2,
                                5.3941960214247511077e+3, 2.1213794301586595867e+4,
                                3.9307895800092710610e+4, 2.8729085735721942674e+4,
                                5.2264952788528545610e+3};
    static const double c[8] = {1.42343711074968357734e0, 4.63033784615654529590e0,
                                5.76949722146069140550e0, 3.64784832476320460504e0,
                                1.27045825245236838258e0, 2.41780725177450611770e-1,
                                2.27238449892691845833e-2, 7.74545014278341407640e-4};
    static const double d[8] = {1.0,
                                2.05319162663775882187e0, 1.67638483018380384940e0,
                                6.89767334985100004550e-1, 1.48103976427480074590e-1,
                                1.51986665636164571966e-2, 5.47593808499534494600e-4,
                                1.05075007164441684324e-9};
    static const double e[8] = {6.65790464350110377720e0, 5.46378491116411436990e0,
                                1.78482653991729133580e0, 2.96560571828504891230e-1,
                                2.65321895265761230930e-2, 1.24266094738807843860e-3,
                                2.71155556874348757815e-5, 2.01033439929228813265e-7};
    static const double f[8] = {1.0,
                                5.99832206555887937690e-1, 1.36929880922735805310e-1,
                                1.48753612908506148525e-2, 7.86869131145613259100e-4,
                                1.84631831751005468180e-5, 1.42151175831644588870e-7,
                                2.04426310338993978564e-15};

    if (!(p > 0.0 && p < 1.0)) {
        if (p == 0.0)
            return -HUGE_VAL;
        if (p == 1.0)
            return HUGE_VAL;
        return NAN;
    }
    double q = p - 0.5;
    if (fabs(q) <= 0.425) {
        double r = 0.180625 - q * q;
        return q * poly7(a, r) / poly7(b, r);
    }
    /* 1 − p is exact for p ≥ ½ (Sterbenz), so the upper tail keeps its
     * precision down to the spacing of doubles near 1. */
    double r = sqrt(-log(q < 0.0 ? p : 1.0 - p));
    double x = r <= 5.0 ? poly7(c, r - 1.6) / poly7(d, r - 1.6)
                        : poly7(e, r - 5.0) / poly7(f, r - 5.0);
    return q < 0.0 ? -x : x;
}

/* Φ(x) = erfc(−x/√2)/2. Rounding −x/√2 costs a relative error of about
 * 2t²·2⁻⁵³ in erfc(t) for large t (1e-14 at x = −8); the first-order
 * correction with the rounding error δ of t, erfc(t + δ) ≈ erfc(t) −
 * 2/√π·e^(−t²)·δ, restores full precision in the lower tail. */
double smb__normal_cdf(double x)
{
    if (isnan(x))
        return x;
    /* 1/√2 as the sum of two doubles. */
    static const double h_hi = 0.70710678118654757, h_lo = -4.8336466567264567e-17;
    static const double two_over_sqrt_pi = 1.1283791670955126;
    double t = -x * h_hi;
    double delta = fma(-x, h_hi, -t) + -x * h_lo;
    double erfc_t = erfc(t);
    if (!isfinite(t))
        return 0.5 * erfc_t;
    return 0.5 * (erfc_t - two_over_sqrt_pi * exp(-t * t) * delta);
}
