/* SPDX-License-Identifier: MIT */
/* Samplers: each estimate drawn by its inverse distribution function
 * (sim_sample.h, docs/methodology.md "Random numbers and distributions").
 *
 * The PERT quantile has no closed form. It is tabulated once per sampler
 * on both sides of the median, by octaves of the tail probability
 * v = min(u, 1 − u): octave o covers v in [2^−(o+1), 2^−o] with k = 2^s
 * equal subintervals and a cubic Hermite interpolant (node values and
 * slopes from the exact quantile). Near the ends of its range a Beta
 * quantile behaves like v^(1/α), which no polynomial in u follows with
 * evenly spaced nodes; in octaves the shape is the same at every scale, so
 * a few nodes an octave are enough, and the octave and the position in it
 * are read straight off the bits of v: a draw needs no search, no
 * logarithm and no power. Each octave starts with one subinterval and is
 * halved until the interpolant's error, measured at points inside every
 * subinterval as the distance |F(x̃) − v| in probability, is at most
 * SMB__PERT_TARGET; slopes are limited so that the interpolant is monotone
 * (Fritsch and Carlson, SIAM J. Numer. Anal. 17 (1980) 238–246). */
#include <float.h>
#include <math.h>
#include <string.h>

#include "scenario_impl.h"
#include "sim_random.h"
#include "sim_sample.h"

/* ---- the Beta distribution ------------------------------------------------ */

/* A Beta(a, b) shape with its normalising constant 1/B(a, b). tgamma, not
 * lgamma: lgamma writes the global signgam, a data race when models are
 * compiled on several threads. */
typedef struct beta_shape {
    double a, b, inv_beta;
} beta_shape;

static beta_shape shape_of(double a, double b)
{
    return (beta_shape){a, b, tgamma(a + b) / (tgamma(a) * tgamma(b))};
}

static double shape_pdf(const beta_shape *sh, double x)
{
    return pow(x, sh->a - 1) * pow(1 - x, sh->b - 1) * sh->inv_beta;
}

/* I_x(a, b) = x^a (1 − x)^b / (a B(a, b)) · 1/(1 + d1/(1 + d2/(1 + …))),
 * d(2m+1) = −(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1)),
 * d(2m) = m (b − m) x / ((a + 2m − 1)(a + 2m)),
 * evaluated by the modified Lentz method. The fraction converges fast for
 * x below (a + 1)/(a + b + 2); above, I_x(a, b) = 1 − I_(1−x)(b, a). */
static double shape_cdf_fraction(const beta_shape *sh, double x)
{
    const double tiny = 1e-300;
    double a = sh->a, b = sh->b;
    double f = 1.0, c = 1.0, d = 0.0;
    for (int n = 1; n <= 400; n++) {
        int m = n / 2;
        double dn = (n & 1) ? -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
                            : m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
        d = 1.0 + dn * d;
        if (fabs(d) < tiny)
            d = tiny;
        c = 1.0 + dn / c;
        if (fabs(c) < tiny)
            c = tiny;
        d = 1.0 / d;
        double delta = c * d;
        f *= delta;
        if (fabs(delta - 1.0) <= DBL_EPSILON / 2)
            break;
    }
    return pow(x, a) * pow(1 - x, b) * sh->inv_beta / (a * f);
}

static double shape_cdf(const beta_shape *sh, double x)
{
    if (!(x > 0))
        return 0.0;
    if (!(x < 1))
        return 1.0;
    if (x <= (sh->a + 1) / (sh->a + sh->b + 2))
        return shape_cdf_fraction(sh, x);
    beta_shape mirror = {sh->b, sh->a, sh->inv_beta};
    return 1.0 - shape_cdf_fraction(&mirror, 1 - x);
}

/* Newton's method kept inside a bracket that every step narrows, with a
 * bisection whenever a step would leave it: it converges from any guess. */
static double shape_quantile(const beta_shape *sh, double p, double guess)
{
    if (!(p > 0))
        return 0.0;
    if (!(p < 1))
        return 1.0;
    double lo = 0.0, hi = 1.0;
    double x = guess > 0 && guess < 1 ? guess : 0.5;
    for (int i = 0; i < 200; i++) {
        double err = shape_cdf(sh, x) - p;
        if (err == 0)
            return x;
        if (err < 0)
            lo = x;
        else
            hi = x;
        double next = x - err / shape_pdf(sh, x);
        if (!(next > lo && next < hi))
            next = lo + (hi - lo) / 2;
        if (fabs(next - x) <= 2 * DBL_EPSILON * next || next == lo || next == hi)
            return next;
        x = next;
    }
    return x;
}

double smb__beta_cdf(double a, double b, double x)
{
    beta_shape sh = shape_of(a, b);
    return shape_cdf(&sh, x);
}

double smb__beta_quantile(double a, double b, double p, double guess)
{
    beta_shape sh = shape_of(a, b);
    return shape_quantile(&sh, p, guess);
}

/* ---- the PERT table -------------------------------------------------------- */

/* Finest subdivision of an octave (2^10 subintervals); smooth shapes stop
 * long before. */
enum { MAX_SHIFT = 10, MAX_K = 1 << MAX_SHIFT };
/* A subinterval's error is measured at t = ¼, ½ and ¾ of it: the midpoint
 * alone misses the error of a coarse subinterval in which the quantile's
 * fourth derivative changes sign (it did for PERT(0, 0.8725, 1)). */
enum { CHECKS = 4 };

/* One side of the median: v = u on the low side, v = 1 − u on the high
 * side, where the quantile is computed in the mirrored shape Beta(β, α) so
 * that the far upper tail keeps its precision. Values are Y, the quantile
 * of Beta(α, β) itself, in [0, 1]. */
typedef struct side {
    beta_shape shape; /* Beta(α, β) low, Beta(β, α) high */
    bool high;
} side;

static double side_quantile(const side *sd, double v, double guess_y)
{
    double guess = sd->high ? 1 - guess_y : guess_y;
    double y = shape_quantile(&sd->shape, v, guess);
    return sd->high ? 1 - y : y;
}

/* dY/dv. */
static double side_slope(const side *sd, double y)
{
    double pdf = shape_pdf(&sd->shape, sd->high ? 1 - y : y);
    return sd->high ? -1 / pdf : 1 / pdf;
}

/* |F(Y) − v| in the side's own frame. */
static double side_error(const side *sd, double y, double v)
{
    return fabs(shape_cdf(&sd->shape, sd->high ? 1 - y : y) - v);
}

static double hermite(double y0, double m0, double y1, double m1, double t)
{
    double d = y1 - y0;
    return y0 + t * (m0 + t * ((3 * d - 2 * m0 - m1) + t * (m0 + m1 - 2 * d)));
}

/* Limit node slopes (already scaled by the subinterval width) so that
 * every interval's slope-to-secant ratios lie in [0, 3], which makes each
 * cubic piece monotone (Fritsch and Carlson's sufficient box). */
static void limit_slopes(const double *y, double *m, unsigned k)
{
    for (unsigned j = 0; j < k; j++) {
        double cap = 3 * (y[j + 1] - y[j]);
        for (unsigned e = j; e <= j + 1; e++) {
            if (cap >= 0)
                m[e] = fmin(fmax(m[e], 0.0), cap);
            else
                m[e] = fmax(fmin(m[e], 0.0), cap);
        }
    }
}

/* Scratch for one octave: node values and slopes at the current level, and
 * the midpoints that refine it. */
typedef struct octave_work {
    double y[MAX_K + 1], slope[MAX_K + 1], m[MAX_K + 1];
    double y_mid[MAX_K], slope_mid[MAX_K];
} octave_work;

/* Subdivide one octave, whose end values are fixed by the caller, until
 * its interpolant is within SMB__PERT_TARGET at the checked points of every
 * subinterval (MAX_SHIFT, a safety stop, is never reached by a PERT shape:
 * they need at most 2^4); leaves k + 1 nodes in w->y and w->m (slopes
 * scaled by the subinterval's width) and returns s = log2 k. */
static unsigned refine_octave(const side *sd, double v_lo, double y_lo, double y_hi,
                              octave_work *w)
{
    unsigned shift = 0, k = 1;
    w->y[0] = y_lo;
    w->y[1] = y_hi;
    w->slope[0] = side_slope(sd, y_lo);
    w->slope[1] = side_slope(sd, y_hi);
    for (;;) {
        double h = v_lo / k; /* the octave's width is v_lo */
        for (unsigned j = 0; j <= k; j++)
            w->m[j] = w->slope[j] * h;
        limit_slopes(w->y, w->m, k);
        if (shift == MAX_SHIFT)
            return shift;
        bool good = true;
        for (unsigned j = 0; j < k && good; j++) {
            for (int q = 1; q < CHECKS && good; q++) {
                double t = (double)q / CHECKS;
                double approx = hermite(w->y[j], w->m[j], w->y[j + 1], w->m[j + 1], t);
                good = side_error(sd, approx, v_lo + (j + t) * h) <= SMB__PERT_TARGET;
            }
        }
        if (good)
            return shift;
        for (unsigned j = 0; j < k; j++) {
            double approx = hermite(w->y[j], w->m[j], w->y[j + 1], w->m[j + 1], 0.5);
            w->y_mid[j] = side_quantile(sd, v_lo + (j + 0.5) * h, approx);
            w->slope_mid[j] = side_slope(sd, w->y_mid[j]);
        }
        for (unsigned j = k; j > 0; j--) {
            w->y[2 * j] = w->y[j];
            w->slope[2 * j] = w->slope[j];
        }
        for (unsigned j = 0; j < k; j++) {
            w->y[2 * j + 1] = w->y_mid[j];
            w->slope[2 * j + 1] = w->slope_mid[j];
        }
        k *= 2;
        shift++;
    }
}

/* A growable list of (value, scaled slope) nodes. */
typedef struct node_list {
    double *data;
    size_t count, cap; /* in nodes */
} node_list;

static smb_status append_nodes(node_list *list, const double *y, const double *m, size_t n)
{
    void *data = list->data;
    size_t cap_pairs = list->cap * 2;
    smb_status st = smb__reserve(&data, &cap_pairs, (list->count + n) * 2, sizeof(double));
    list->data = data;
    list->cap = cap_pairs / 2;
    if (st != SMB_OK)
        return st;
    for (size_t i = 0; i < n; i++) {
        list->data[2 * (list->count + i)] = y[i];
        list->data[2 * (list->count + i) + 1] = m[i];
    }
    list->count += n;
    return SMB_OK;
}

static smb_status build_pert(smb__sampler *s, double alpha, double beta)
{
    side sides[2] = {{shape_of(alpha, beta), false}, {shape_of(beta, alpha), true}};
    /* The octaves' end values, computed once so that neighbouring octaves
     * share them exactly: bound[side][o] = Y at v = 2^−o. Both sides meet
     * at the median, the low side's. */
    double bound[2][SMB__PERT_OCTAVES + 1];
    for (int i = 0; i < 2; i++)
        for (int o = 1; o <= SMB__PERT_OCTAVES; o++)
            bound[i][o] = i == 1 && o == 1 ? bound[0][1]
                                           : side_quantile(&sides[i], ldexp(1.0, -o),
                                                           o > 1 ? bound[i][o - 1] : 0.5);

    octave_work *w = smb__malloc(sizeof *w);
    uint32_t *octave = smb__malloc(2 * SMB__PERT_OCTAVES * sizeof *octave);
    node_list list = {0};
    smb_status st = w && octave ? SMB_OK : smb__nomem();
    for (int i = 0; i < 2 && st == SMB_OK; i++) {
        /* Octave 0, v in [½, 1), is reached by v = ½ only: the median. */
        double median[2] = {bound[0][1], bound[0][1]}, flat[2] = {0, 0};
        octave[i * SMB__PERT_OCTAVES] = (uint32_t)list.count << 5;
        st = append_nodes(&list, median, flat, 2);
        for (int o = 1; o < SMB__PERT_OCTAVES && st == SMB_OK; o++) {
            unsigned shift = refine_octave(&sides[i], ldexp(1.0, -(o + 1)), bound[i][o + 1],
                                           bound[i][o], w);
            octave[i * SMB__PERT_OCTAVES + o] = (uint32_t)list.count << 5 | shift;
            st = append_nodes(&list, w->y, w->m, ((size_t)1 << shift) + 1);
        }
    }
    smb__free(w);
    if (st != SMB_OK) {
        smb__free(octave);
        smb__free(list.data);
        return st;
    }
    s->table = list.data;
    s->table_n = (unsigned)list.count;
    s->octave = octave;
    return SMB_OK;
}

/* Keep a draw inside [lo, hi] against the last bit of rounding. Comparisons
 * rather than fmin/fmax: those are library calls in the inner loop, and the
 * values here are never NaN. */
static inline double clamp(double x, double lo, double hi)
{
    return x < lo ? lo : x > hi ? hi : x;
}

static double pert_draw(const smb__sampler *s, double u)
{
    unsigned high = u > 0.5;
    double v = high ? 1.0 - u : u;
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    /* v in [2^−(o+1), 2^−o) has the biased exponent 1022 − o; v ≤ ½, so
     * this does not wrap unless v is NaN, which lands past the end too. */
    uint64_t o = 1022u - (bits >> 52);
    if (o >= SMB__PERT_OCTAVES)
        return high ? s->max : s->min;
    uint32_t meta = s->octave[high * SMB__PERT_OCTAVES + o];
    double w = (double)(bits & ((UINT64_C(1) << 52) - 1)) * 0x1p-52 * (double)(1u << (meta & 31));
    unsigned j = (unsigned)w;
    const double *n = s->table + 2 * (size_t)((meta >> 5) + j);
    double y = hermite(n[0], n[1], n[2], n[3], w - (double)j);
    return clamp(s->min + s->c * y, s->min, s->max);
}

/* ---- samplers ---------------------------------------------------------------- */

smb_status smb__sampler_init(smb__sampler *s, const smb_estimate *e)
{
    *s = (smb__sampler){.dist = e->dist, .min = e->min, .mode = e->mode, .max = e->max,
                        .form = e->dist};
    double range = e->max - e->min;
    if (e->dist == SMB_DIST_POINT || !(e->min < e->max)) {
        s->form = SMB_DIST_POINT;
        return SMB_OK;
    }
    switch (e->dist) {
    case SMB_DIST_UNIFORM:
        s->c = range;
        break;
    case SMB_DIST_TRIANGULAR:
        s->a = (e->mode - e->min) / range;             /* F(mode) */
        s->b = range * (e->mode - e->min);              /* x = min + √(u·b) below the mode */
        s->c = range * (e->max - e->mode);              /* x = max − √((1 − u)·c) above */
        break;
    case SMB_DIST_PERT:
        s->a = 1 + 4 * (e->mode - e->min) / range;     /* α */
        s->b = 1 + 4 * (e->max - e->mode) / range;     /* β */
        s->c = range;
        return build_pert(s, s->a, s->b);
    case SMB_DIST_LOGNORMAL:
        smb__lognormal_params(e, &s->a, &s->b);         /* μ, σ */
        break;
    default:
        s->form = SMB_DIST_POINT;
        break;
    }
    return SMB_OK;
}

void smb__sampler_free(smb__sampler *s)
{
    if (!s)
        return;
    smb__free(s->table);
    smb__free(s->octave);
    s->table = NULL;
    s->octave = NULL;
    s->table_n = 0;
}

bool smb__sampler_varies(const smb__sampler *s)
{
    return s->form != SMB_DIST_POINT;
}

double smb__sampler_draw(const smb__sampler *s, double u)
{
    switch (s->form) {
    case SMB_DIST_UNIFORM:
        return clamp(s->min + u * s->c, s->min, s->max);
    case SMB_DIST_TRIANGULAR: {
        bool below = u < s->a;
        double r = sqrt(below ? u * s->b : (1.0 - u) * s->c);
        return clamp(below ? s->min + r : s->max - r, s->min, s->max);
    }
    case SMB_DIST_PERT:
        return pert_draw(s, u);
    case SMB_DIST_LOGNORMAL:
        return exp(s->a + s->b * smb__normal_quantile(u));
    default:
        return s->min;
    }
}

double smb__sampler_mean(const smb__sampler *s)
{
    smb_estimate e = {s->dist, s->min, s->mode, s->max};
    return smb__estimate_mean(&e);
}

void smb__sampler_range(const smb__sampler *s, double *low, double *high)
{
    *low = s->min;
    *high = s->max;
}
