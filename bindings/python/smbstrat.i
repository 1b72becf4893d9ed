/* SPDX-License-Identifier: MIT */
/*
 * The raw SWIG layer over the public C API (module smbstrat.core).
 *
 * It stays thin on purpose: the Pythonic API (exceptions, views, lifetimes)
 * lives in the pure-Python package around it. What belongs here is only the
 * translation of C calling conventions that Python cannot express:
 * out-parameters become extra return values (a call returns the pair
 * `[status, value]`), library-owned strings are copied into Python and
 * released with smb_free(), sequences become C arrays, estimates travel as
 * numbers, mappings or (dist, min, mode, max) tuples, decision tables as
 * buffers (numpy arrays) whose sizes are checked, and text arguments are
 * checked to be str (or bytes) without embedded NUL characters, because a C
 * string would silently end at the first one.
 *
 * Handles returned here (smb_canvas, smb_document, ...) are NOT owned by the
 * Python object that carries them; the package frees them explicitly.
 */
%define SMBSTRAT_DOCSTRING
"Raw SWIG wrapper of libsmbstrat's C API.

Prefer the `smbstrat` package: it owns the handles, raises exceptions and
offers Pythonic views. Functions here return status codes; those with C
out-parameters return the pair `[status, value]`."
%enddef

%module(package="smbstrat", docstring=SMBSTRAT_DOCSTRING, threads="1") core

%feature("autodoc", "1");

/* Only the calls that may take long run without the GIL; accessors and
 * setters keep it, which is cheaper. Each GIL-free call only reads the
 * objects it is given (or makes new ones), and the package holds the owning
 * object's lock around it so that no other thread changes or frees them
 * meanwhile. The smb_document_set_*() calls free the old section, so they
 * keep the GIL. The decision-table helpers smbpy_ahp_weights() and
 * smbpy_mcda() below release it themselves, around the C call only. */
%nothread;
%thread smb_document_load_file;
%thread smb_document_load_string;
%thread smb_document_save_file;
%thread smb_document_save_string;
%thread smb_canvas_copy;
%thread smb_canvas_equal;
%thread smb_canvas_check;
%thread smb_canvas_diff;
%thread smb_canvas_render;
%thread smb_forces_copy;
%thread smb_forces_equal;
%thread smb_forces_score;
%thread smb_forces_sensitivity;
%thread smb_forces_compare;
%thread smb_forces_render;
%thread smb_scenarios_copy;
%thread smb_scenarios_equal;
%thread smb_scenarios_score;
%thread smb_scenarios_stress;
%thread smb_scenarios_canvas_heat;
%thread smb_scenarios_render;
%thread smb_responses_copy;
%thread smb_responses_equal;
%thread smb_responses_residual;
%thread smb_responses_rank;
%thread smb_responses_plan;
%thread smb_sim_model_new;
%thread smb_sim_part_merge;
%thread smb_sim_part_load;
%thread smb_sim_finish;
%thread smb_report_render;
%thread smb_report_save;

%{
#include <string.h>

#include "smbstrat/smbstrat.h"

/* A Python str (as UTF-8) or bytes object as a C string, refusing embedded
 * NUL characters. The returned pointer borrows from @p obj. */
static int smbpy_text_arg(PyObject *obj, const char **out, const char *what)
{
    const char *text;
    Py_ssize_t size;

    if (obj == Py_None) {
        *out = NULL;
        return 0;
    }
    if (PyUnicode_Check(obj)) {
        text = PyUnicode_AsUTF8AndSize(obj, &size);
        if (!text)
            return -1;
    } else if (PyBytes_Check(obj)) {
        text = PyBytes_AS_STRING(obj);
        size = PyBytes_GET_SIZE(obj);
    } else {
        PyErr_Format(PyExc_TypeError, "%s must be str, bytes or None, not %.100s", what,
                     Py_TYPE(obj)->tp_name);
        return -1;
    }
    if (strlen(text) != (size_t)size) {
        PyErr_Format(PyExc_ValueError, "%s contains a NUL character", what);
        return -1;
    }
    *out = text;
    return 0;
}

/* Library-owned text handed to the caller, as a str; the C buffer is
 * released either way. Bytes that are not UTF-8 (never expected) survive as
 * surrogate escapes rather than failing the call. */
static PyObject *smbpy_take_text(char *text, size_t length)
{
    PyObject *result;

    if (!text)
        Py_RETURN_NONE;
    result = PyUnicode_DecodeUTF8(text, (Py_ssize_t)length, "surrogateescape");
    smb_free(text);
    return result;
}

/* A real number (int or float, not bool) as a double. */
static int smbpy_real(PyObject *obj, double *out, const char *what)
{
    if (PyBool_Check(obj) || !(PyFloat_Check(obj) || PyLong_Check(obj))) {
        PyErr_Format(PyExc_TypeError, "%s must be a number, not %.100s", what,
                     Py_TYPE(obj)->tp_name);
        return -1;
    }
    *out = PyFloat_AsDouble(obj);
    return (*out == -1.0 && PyErr_Occurred()) ? -1 : 0;
}

/* One field of an estimate given as a mapping or an object with
 * attributes; *found is 0 when it is absent (a new reference otherwise). */
static PyObject *smbpy_field(PyObject *obj, const char *name, int *found)
{
    PyObject *value;

    if (PyMapping_Check(obj) && !PySequence_Check(obj)) {
        value = PyMapping_GetItemString(obj, name);
        if (!value && PyErr_ExceptionMatches(PyExc_KeyError))
            PyErr_Clear();
    } else {
        value = PyObject_GetAttrString(obj, name);
        if (!value && PyErr_ExceptionMatches(PyExc_AttributeError))
            PyErr_Clear();
    }
    *found = value != NULL;
    return value;
}

/* An estimate from a number (a point), or from a mapping or object with
 * `dist` (a key such as "pert", or an smb_dist value), `min`, `mode` and
 * `max`. A uniform or a lognormal may leave out its mode (unused); a point
 * may give its value as any one of the three. Values are not checked here:
 * the library checks them and names the field. */
static int smbpy_estimate_arg(PyObject *obj, smb_estimate *out)
{
    static const char *const names[3] = {"min", "mode", "max"};
    double numbers[3] = {0.0, 0.0, 0.0};
    int present[3] = {0, 0, 0}, found, i, given = -1;
    PyObject *dist;

    if (PyFloat_Check(obj) || (PyLong_Check(obj) && !PyBool_Check(obj))) {
        if (smbpy_real(obj, &numbers[0], "an estimate") < 0)
            return -1;
        out->dist = SMB_DIST_POINT;
        out->min = out->mode = out->max = numbers[0];
        return 0;
    }
    if (obj == Py_None || PyBool_Check(obj) || PyUnicode_Check(obj) || PyBytes_Check(obj)) {
        PyErr_Format(PyExc_TypeError,
                     "an estimate must be a number, a mapping or an Estimate, not %.100s",
                     Py_TYPE(obj)->tp_name);
        return -1;
    }
    dist = smbpy_field(obj, "dist", &found);
    if (!found) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_TypeError, "an estimate needs a 'dist'");
        return -1;
    }
    if (PyUnicode_Check(dist)) {
        const char *key = PyUnicode_AsUTF8(dist);
        smb_dist form;
        if (!key || smb_dist_from_key(key, &form) != SMB_OK) {
            if (key)
                PyErr_Format(PyExc_ValueError,
                             "unknown dist %R; expected one of: point, uniform, triangular, pert, "
                             "lognormal",
                             dist);
            Py_DECREF(dist);
            return -1;
        }
        out->dist = form;
    } else if (PyLong_Check(dist) && !PyBool_Check(dist)) {
        long form = PyLong_AsLong(dist);
        if (form == -1 && PyErr_Occurred()) {
            Py_DECREF(dist);
            return -1;
        }
        /* An unknown form is passed on: the library refuses it. */
        out->dist = (form < SMB_DIST_NONE || form > SMB_DIST_COUNT) ? SMB_DIST_NONE
                                                                     : (smb_dist)form;
    } else {
        PyErr_Format(PyExc_TypeError, "an estimate's dist must be str, not %.100s",
                     Py_TYPE(dist)->tp_name);
        Py_DECREF(dist);
        return -1;
    }
    Py_DECREF(dist);
    for (i = 0; i < 3; i++) {
        PyObject *value = smbpy_field(obj, names[i], &found);
        int failed;
        if (!found) {
            if (PyErr_Occurred())
                return -1;
            continue;
        }
        if (value == Py_None) { /* None stands for absent, as in a dataclass */
            Py_DECREF(value);
            continue;
        }
        failed = smbpy_real(value, &numbers[i], names[i]);
        Py_DECREF(value);
        if (failed < 0)
            return -1;
        present[i] = 1;
        if (given < 0)
            given = i;
    }
    if (out->dist == SMB_DIST_POINT && given >= 0) {
        for (i = 0; i < 3; i++)
            if (!present[i]) {
                numbers[i] = numbers[given];
                present[i] = 1;
            }
    }
    if ((out->dist == SMB_DIST_UNIFORM || out->dist == SMB_DIST_LOGNORMAL) && !present[1] &&
        present[0] && present[2]) {
        numbers[1] = numbers[0] / 2 + numbers[2] / 2;
        present[1] = 1;
    }
    for (i = 0; i < 3; i++)
        if (!present[i]) {
            PyErr_Format(PyExc_TypeError, "an estimate of this dist needs '%s'", names[i]);
            return -1;
        }
    out->min = numbers[0];
    out->mode = numbers[1];
    out->max = numbers[2];
    return 0;
}

/* A borrowed estimate as the tuple (dist key, min, mode, max); None for NULL. */
static PyObject *smbpy_estimate_tuple(const smb_estimate *estimate)
{
    const char *key;

    if (!estimate)
        Py_RETURN_NONE;
    key = smb_dist_key(estimate->dist);
    return Py_BuildValue("(sddd)", key ? key : "", estimate->min, estimate->mode,
                         estimate->max);
}

/* A C-contiguous buffer of exactly @p count items: doubles ('d') or, when
 * @p integer, integers of @p itemsize bytes. On success the caller releases
 * @p view. */
static int smbpy_buffer(PyObject *obj, Py_buffer *view, size_t count, int writable,
                        int integer, size_t itemsize, const char *what)
{
    const char *format;
    size_t length = 0;
    int flags = PyBUF_C_CONTIGUOUS | PyBUF_FORMAT | (writable ? PyBUF_WRITABLE : 0);

    if (PyObject_GetBuffer(obj, view, flags) < 0) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError, "%s must be a C-contiguous%s buffer (e.g. a numpy array), "
                     "not %.100s", what, writable ? " writable" : "", Py_TYPE(obj)->tp_name);
        return -1;
    }
    format = view->format ? view->format : "B";
    if (*format == '@' || *format == '=')
        format++;
    if ((size_t)view->itemsize != itemsize || format[0] == '\0' || format[1] != '\0' ||
        (integer ? strchr("bBhHiIlLqQnN", format[0]) == NULL : format[0] != 'd')) {
        PyErr_Format(PyExc_TypeError, "%s must hold %s, not items of format '%s'", what,
                     integer ? "machine-size integers" : "float64 numbers", view->format);
        PyBuffer_Release(view);
        return -1;
    }
    length = (size_t)view->len / itemsize;
    if (length != count) {
        PyErr_Format(PyExc_ValueError, "%s must hold %zu items, not %zu", what, count, length);
        PyBuffer_Release(view);
        return -1;
    }
    return 0;
}

/* a * b, or -1 with a ValueError when it overflows. */
static int smbpy_product(size_t a, size_t b, size_t *out)
{
    if (a != 0 && b > (size_t)-1 / a) {
        PyErr_SetString(PyExc_ValueError, "the table is too large");
        return -1;
    }
    *out = a * b;
    return 0;
}
%}

/* ---- Text arguments ------------------------------------------------- */

%typemap(in) const char * {
    if (smbpy_text_arg($input, (const char **)&$1, "$1_name") < 0)
        SWIG_fail;
}
%typemap(freearg) const char * ""
%typemap(typecheck, precedence=SWIG_TYPECHECK_STRING) const char * {
    $1 = ($input == Py_None || PyUnicode_Check($input) || PyBytes_Check($input)) ? 1 : 0;
}

/* smb_document_load_string(): any bytes-like object or a str (as UTF-8). */
%typemap(in) (const char *text, size_t length) (Py_buffer view, int have_view = 0) {
    if (PyUnicode_Check($input)) {
        Py_ssize_t size;
        $1 = (char *)PyUnicode_AsUTF8AndSize($input, &size);
        if (!$1)
            SWIG_fail;
        $2 = (size_t)size;
    } else {
        if (PyObject_GetBuffer($input, &view, PyBUF_SIMPLE) < 0) {
            PyErr_Format(PyExc_TypeError, "text must be str or a bytes-like object, not %.100s",
                         Py_TYPE($input)->tp_name);
            SWIG_fail;
        }
        have_view = 1;
        $1 = (char *)view.buf;
        $2 = (size_t)view.len;
    }
}
%typemap(freearg) (const char *text, size_t length) {
    if (have_view$argnum)
        PyBuffer_Release(&view$argnum);
}

/* Sequences of str: the tags of smb_canvas_set_item_tags(), the chosen
 * response ids of smb_responses_residual(), the criterion keys of
 * smbpy_responses_set_ahp_weights(). A tuple copy keeps every string (and
 * so its UTF-8 buffer) alive during the call. */
%define SMBPY_STRINGS_IN(NAMES, COUNT, WHAT)
%typemap(in) (const char *const *NAMES, size_t COUNT) (PyObject *items = NULL) {
    Py_ssize_t n, i;

    if (PyUnicode_Check($input) || PyBytes_Check($input) || !PySequence_Check($input)) {
        PyErr_Format(PyExc_TypeError, WHAT " must be a sequence of str, not %.100s",
                     Py_TYPE($input)->tp_name);
        SWIG_fail;
    }
    items = PySequence_Tuple($input);
    if (!items)
        SWIG_fail;
    n = PyTuple_GET_SIZE(items);
    $1 = NULL;
    $2 = (size_t)n;
    if (n > 0) {
        $1 = ($1_ltype)PyMem_Calloc((size_t)n, sizeof(char *));
        if (!$1) {
            PyErr_NoMemory();
            SWIG_fail;
        }
    }
    for (i = 0; i < n; i++) {
        PyObject *name = PyTuple_GET_ITEM(items, i);
        if (!PyUnicode_Check(name)) {
            PyErr_Format(PyExc_TypeError, WHAT "[%zd] must be str, not %.100s", i,
                         Py_TYPE(name)->tp_name);
            SWIG_fail;
        }
        if (smbpy_text_arg(name, (const char **)&$1[i], "an element of " WHAT) < 0)
            SWIG_fail;
    }
}
%typemap(freearg) (const char *const *NAMES, size_t COUNT) {
    PyMem_Free((void *)$1);
    Py_XDECREF(items$argnum);
}
%enddef

SMBPY_STRINGS_IN(tags, count, "tags")
SMBPY_STRINGS_IN(ids, count, "ids")
SMBPY_STRINGS_IN(keys, n, "keys")
SMBPY_STRINGS_IN(response_ids, count, "responses")

/* ---- Estimates ---------------------------------------------------------- */

/* In: a number (a point), a mapping {"dist", "min", "mode", "max"} or an
 * object with those attributes (smbstrat.Estimate); see smbpy_estimate_arg. */
%typemap(in) const smb_estimate * (smb_estimate temp) {
    if (smbpy_estimate_arg($input, &temp) < 0)
        SWIG_fail;
    $1 = &temp;
}
%typemap(typecheck) const smb_estimate * {
    $1 = $input != Py_None;
}
/* Out: a borrowed estimate, copied at once into (dist, min, mode, max). */
%typemap(out) const smb_estimate * {
    $result = smbpy_estimate_tuple($1);
    if (!$result)
        SWIG_fail;
}

/* smb_scenarios_what_if(): the five capability gains as a sequence of
 * numbers in capability order, or None for none. */
%typemap(in) const double *capability_gain (double gains[SMB_CAPABILITY_COUNT]) {
    Py_ssize_t i;
    PyObject *items;

    $1 = NULL;
    if ($input != Py_None) {
        items = PySequence_Check($input) ? PySequence_Tuple($input) : NULL;
        if (!items || PyTuple_GET_SIZE(items) != SMB_CAPABILITY_COUNT) {
            Py_XDECREF(items);
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError, "capability_gain must be None or a sequence of %d "
                         "numbers", (int)SMB_CAPABILITY_COUNT);
            SWIG_fail;
        }
        for (i = 0; i < SMB_CAPABILITY_COUNT; i++)
            if (smbpy_real(PyTuple_GET_ITEM(items, i), &gains[i], "a capability gain") < 0) {
                Py_DECREF(items);
                SWIG_fail;
            }
        Py_DECREF(items);
        $1 = gains;
    }
}

/* ---- Out-parameters: returned after the status ------------------------ */

%define SMBPY_HANDLE_OUT(TYPE)
%typemap(in, numinputs=0) TYPE **out (TYPE *temp = NULL) {
    $1 = ($1_ltype)&temp;
}
%typemap(argout) TYPE **out {
    $result = SWIG_Python_AppendOutput($result,
        SWIG_NewPointerObj(SWIG_as_voidptr(*$1), $*1_descriptor, 0));
}
%enddef

SMBPY_HANDLE_OUT(smb_canvas)
SMBPY_HANDLE_OUT(smb_document)
SMBPY_HANDLE_OUT(smb_findings)
SMBPY_HANDLE_OUT(smb_diff)
SMBPY_HANDLE_OUT(const smb_item)
SMBPY_HANDLE_OUT(smb_forces)
SMBPY_HANDLE_OUT(smb_forces_result)
SMBPY_HANDLE_OUT(smb_forces_tornado)
SMBPY_HANDLE_OUT(smb_forces_comparison)
SMBPY_HANDLE_OUT(const smb_driver)
SMBPY_HANDLE_OUT(smb_resilience)
SMBPY_HANDLE_OUT(smb_scenarios)
SMBPY_HANDLE_OUT(const smb_scenario)
SMBPY_HANDLE_OUT(smb_scenario_scores)
SMBPY_HANDLE_OUT(smb_stress)
SMBPY_HANDLE_OUT(smb_canvas_heat)
SMBPY_HANDLE_OUT(smb_responses)
SMBPY_HANDLE_OUT(const smb_response)
SMBPY_HANDLE_OUT(smb_residual)
SMBPY_HANDLE_OUT(smb_response_ranking)
SMBPY_HANDLE_OUT(smb_portfolio)
SMBPY_HANDLE_OUT(smb_sim_config)
SMBPY_HANDLE_OUT(smb_sim_model)
SMBPY_HANDLE_OUT(smb_sim_part)
SMBPY_HANDLE_OUT(smb_sim_result)

%define SMBPY_ENUM_OUT(TYPE)
%typemap(in, numinputs=0) TYPE *out (TYPE temp = (TYPE)0) {
    $1 = &temp;
}
%typemap(argout) TYPE *out {
    $result = SWIG_Python_AppendOutput($result, PyLong_FromLong((long)*$1));
}
%enddef

SMBPY_ENUM_OUT(smb_block)
SMBPY_ENUM_OUT(smb_evidence)
SMBPY_ENUM_OUT(smb_amount_kind)
SMBPY_ENUM_OUT(smb_format)
SMBPY_ENUM_OUT(smb_force)
SMBPY_ENUM_OUT(smb_force_band)
SMBPY_ENUM_OUT(smb_capability)
SMBPY_ENUM_OUT(smb_source)
SMBPY_ENUM_OUT(smb_direction)
SMBPY_ENUM_OUT(smb_dist)
SMBPY_ENUM_OUT(smb_risk_band)
SMBPY_ENUM_OUT(smb_criterion_direction)
SMBPY_ENUM_OUT(smb_response_kind)
SMBPY_ENUM_OUT(smb_idea_criterion)
SMBPY_ENUM_OUT(smb_rank_method)
SMBPY_ENUM_OUT(smb_sim_measure)

/* Kind flags of a scenario (smb_scenario_kind_from_key()) and positions
 * (smb_responses_find_criterion()): [status, value], None on failure. */
%typemap(in, numinputs=0) unsigned *out (unsigned temp = 0) {
    $1 = &temp;
}
%typemap(argout) unsigned *out {
    $result = SWIG_Python_AppendOutput($result,
        result == SMB_OK ? PyLong_FromUnsignedLong(*$1) : (Py_INCREF(Py_None), Py_None));
}
%typemap(in, numinputs=0) size_t *out (size_t temp = 0) {
    $1 = &temp;
}
%typemap(argout) size_t *out {
    $result = SWIG_Python_AppendOutput($result,
        result == SMB_OK ? PyLong_FromSize_t(*$1) : (Py_INCREF(Py_None), Py_None));
}

/* smb_resilience_weakest_link(): the weakest capability after the index. */
%typemap(in, numinputs=0) smb_capability *weakest (smb_capability temp = SMB_CAPABILITY_NONE) {
    $1 = &temp;
}
%typemap(argout) smb_capability *weakest {
    $result = SWIG_Python_AppendOutput($result,
        result == SMB_OK ? PyLong_FromLong((long)*$1) : (Py_INCREF(Py_None), Py_None));
}

/* AHP consistency: (size, lambda_max, ci, ri, cr, consistent, iterations)
 * after the status, None when the call failed. */
%typemap(in, numinputs=0) smb_ahp_consistency *consistency (smb_ahp_consistency temp) {
    memset(&temp, 0, sizeof temp);
    $1 = &temp;
}
%typemap(argout) smb_ahp_consistency *consistency {
    PyObject *c = result == SMB_OK
        ? Py_BuildValue("(nddddiI)", (Py_ssize_t)$1->size, $1->lambda_max, $1->ci, $1->ri,
                        $1->cr, $1->consistent, $1->iterations)
        : (Py_INCREF(Py_None), Py_None);
    if (!c)
        SWIG_fail;
    $result = SWIG_Python_AppendOutput($result, c);
}

/* Scores: [status, value]. On failure C leaves *out untouched, so the value
 * is None rather than a number that was never computed. */
%typemap(in, numinputs=0) double *out (double temp = 0.0) {
    $1 = &temp;
}
%typemap(argout) double *out {
    $result = SWIG_Python_AppendOutput($result,
        result == SMB_OK ? PyFloat_FromDouble(*$1) : (Py_INCREF(Py_None), Py_None));
}

/* Three values after the status, None each when the call failed:
 * smb_forces_comparison_pressure() and _attractiveness() (before, after,
 * delta) and smb_scenarios_what_if() (the three exposures). */
%define SMBPY_THREE_OUT(A, B, C)
%typemap(in, numinputs=0) (double *A, double *B, double *C)
    (double a = 0.0, double b = 0.0, double c = 0.0) {
    $1 = &a;
    $2 = &b;
    $3 = &c;
}
%typemap(argout) (double *A, double *B, double *C) {
    double *values[3];
    int i;

    values[0] = $1;
    values[1] = $2;
    values[2] = $3;
    for (i = 0; i < 3; i++)
        $result = SWIG_Python_AppendOutput($result,
            result == SMB_OK ? PyFloat_FromDouble(*values[i]) : (Py_INCREF(Py_None), Py_None));
}
%enddef

SMBPY_THREE_OUT(before, after, delta)
SMBPY_THREE_OUT(exposure, urgency_weighted, money_exposure)

/* smb_scenario_totals.band_count: a tuple of the counts per band. */
%typemap(out) size_t band_count[ANY] {
    Py_ssize_t i;

    $result = PyTuple_New($1_dim0);
    if (!$result)
        SWIG_fail;
    for (i = 0; i < $1_dim0; i++) {
        PyObject *count = PyLong_FromSize_t($1[i]);
        if (!count) {
            Py_CLEAR($result);
            SWIG_fail;
        }
        PyTuple_SET_ITEM($result, i, count);
    }
}

/* Rendered or saved text: a str, with the C buffer released by smb_free(). */
%typemap(in, numinputs=0) (char **out, size_t *length) (char *text = NULL, size_t size = 0) {
    $1 = &text;
    $2 = &size;
}
%typemap(argout) (char **out, size_t *length) {
    PyObject *str = smbpy_take_text(*$1, *$2);
    *$1 = NULL;
    if (!str) {
        Py_XDECREF($result);
        $result = NULL;
        SWIG_fail;
    }
    $result = SWIG_Python_AppendOutput($result, str);
}
%typemap(freearg) (char **out, size_t *length) {
    smb_free(*$1);
}

/* ---- Decision tables -------------------------------------------------- */

/* The MCDA functions take row-major arrays whose sizes Python cannot pass
 * beside a pointer. These helpers take buffers (numpy arrays, array.array,
 * ...) and the sizes, check that each buffer holds exactly what the sizes
 * say, and write results into the caller's buffers, so that the package
 * hands out numpy arrays without a copy. Each releases the GIL around the
 * C call only, holding the buffers meanwhile. */
/* A helper that failed before reaching C has set a Python exception: raise
 * it rather than return a status with no library detail behind it. */
%exception smbpy_ahp_weights {
    $action
    if (PyErr_Occurred())
        SWIG_fail;
}
%exception smbpy_mcda {
    $action
    if (PyErr_Occurred())
        SWIG_fail;
}
%exception smbpy_responses_set_ahp_weights {
    $action
    if (PyErr_Occurred())
        SWIG_fail;
}

%inline %{
/** smb_ahp_weights() over buffers: @p matrix n × n float64, @p weights n
 *  float64 (written). Returns [status, consistency tuple or None]. */
static smb_status smbpy_ahp_weights(PyObject *matrix, size_t n, PyObject *weights,
                                    smb_ahp_consistency *consistency)
{
    Py_buffer in, out;
    size_t cells;
    smb_status status;

    if (smbpy_product(n, n, &cells) < 0 ||
        smbpy_buffer(matrix, &in, cells, 0, 0, sizeof(double), "matrix") < 0)
        return SMB_EINVAL;
    if (smbpy_buffer(weights, &out, n, 1, 0, sizeof(double), "weights") < 0) {
        PyBuffer_Release(&in);
        return SMB_EINVAL;
    }
    Py_BEGIN_ALLOW_THREADS
    status = smb_ahp_weights((const double *)in.buf, n, (double *)out.buf, consistency);
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&out);
    PyBuffer_Release(&in);
    return status;
}

/** smb_mcda_weighted_sum() (method SMB_RANK_WEIGHTED_SUM) or
 *  smb_mcda_topsis() (SMB_RANK_TOPSIS) over buffers: @p values
 *  alternatives × criteria float64, @p weights criteria float64,
 *  @p directions None or criteria machine-size integers (smb_criterion_direction
 *  values), @p scores alternatives float64 (written), @p order None or
 *  alternatives integers of the size of size_t (written). */
static smb_status smbpy_mcda(int method, PyObject *values, size_t alternatives,
                             size_t criteria, PyObject *weights, PyObject *directions,
                             PyObject *scores, PyObject *order)
{
    Py_buffer v, w, d, s, o;
    int have_d = 0, have_o = 0;
    size_t cells, i;
    smb_criterion_direction *dirs = NULL;
    smb_status status = SMB_EINVAL;

    if (method != SMB_RANK_WEIGHTED_SUM && method != SMB_RANK_TOPSIS) {
        PyErr_Format(PyExc_ValueError, "unknown method %d", method);
        return SMB_EINVAL;
    }
    if (smbpy_product(alternatives, criteria, &cells) < 0 ||
        smbpy_buffer(values, &v, cells, 0, 0, sizeof(double), "values") < 0)
        return SMB_EINVAL;
    if (smbpy_buffer(weights, &w, criteria, 0, 0, sizeof(double), "weights") < 0)
        goto release_v;
    if (directions != Py_None) {
        if (smbpy_buffer(directions, &d, criteria, 0, 1, sizeof(int), "directions") < 0)
            goto release_w;
        have_d = 1;
        dirs = PyMem_Calloc(criteria ? criteria : 1, sizeof *dirs);
        if (!dirs) {
            PyErr_NoMemory();
            goto release_d;
        }
        for (i = 0; i < criteria; i++)
            dirs[i] = (smb_criterion_direction)((const int *)d.buf)[i];
    }
    if (smbpy_buffer(scores, &s, alternatives, 1, 0, sizeof(double), "scores") < 0)
        goto release_d;
    if (order != Py_None) {
        if (smbpy_buffer(order, &o, alternatives, 1, 1, sizeof(size_t), "order") < 0)
            goto release_s;
        have_o = 1;
    }
    Py_BEGIN_ALLOW_THREADS
    if (method == SMB_RANK_TOPSIS)
        status = smb_mcda_topsis((const double *)v.buf, alternatives, criteria,
                                 (const double *)w.buf, dirs, (double *)s.buf,
                                 have_o ? (size_t *)o.buf : NULL);
    else
        status = smb_mcda_weighted_sum((const double *)v.buf, alternatives, criteria,
                                       (const double *)w.buf, dirs, (double *)s.buf,
                                       have_o ? (size_t *)o.buf : NULL);
    Py_END_ALLOW_THREADS
    if (have_o)
        PyBuffer_Release(&o);
release_s:
    PyBuffer_Release(&s);
release_d:
    PyMem_Free(dirs);
    if (have_d)
        PyBuffer_Release(&d);
release_w:
    PyBuffer_Release(&w);
release_v:
    PyBuffer_Release(&v);
    return status;
}

/** smb_responses_set_ahp_weights() with the matrix as a buffer of
 *  len(keys) × len(keys) float64. Returns [status, consistency tuple or None]. */
static smb_status smbpy_responses_set_ahp_weights(smb_responses *set, const char *const *keys,
                                                  size_t n, PyObject *matrix,
                                                  smb_ahp_consistency *consistency)
{
    Py_buffer in;
    size_t cells;
    smb_status status;

    if (smbpy_product(n, n, &cells) < 0 ||
        smbpy_buffer(matrix, &in, cells, 0, 0, sizeof(double), "matrix") < 0)
        return SMB_EINVAL;
    status = smb_responses_set_ahp_weights(set, keys, n, (const double *)in.buf, consistency);
    PyBuffer_Release(&in);
    return status;
}
%}

/* ---- Simulation --------------------------------------------------------- */

/* smb_sim_config_set_percentiles(): a sequence of numbers. */
%typemap(in) (const double *percentiles, size_t count) (PyObject *items = NULL) {
    Py_ssize_t n, i;

    if (PyUnicode_Check($input) || PyBytes_Check($input) || !PySequence_Check($input)) {
        PyErr_Format(PyExc_TypeError, "percentiles must be a sequence of numbers, not %.100s",
                     Py_TYPE($input)->tp_name);
        SWIG_fail;
    }
    items = PySequence_Tuple($input);
    if (!items)
        SWIG_fail;
    n = PyTuple_GET_SIZE(items);
    $1 = NULL;
    $2 = (size_t)n;
    if (n > 0) {
        $1 = ($1_ltype)PyMem_Calloc((size_t)n, sizeof(double));
        if (!$1) {
            PyErr_NoMemory();
            SWIG_fail;
        }
    }
    for (i = 0; i < n; i++)
        if (smbpy_real(PyTuple_GET_ITEM(items, i), (double *)&$1[i], "a percentile") < 0)
            SWIG_fail;
}
%typemap(freearg) (const double *percentiles, size_t count) {
    PyMem_Free((void *)$1);
    Py_XDECREF(items$argnum);
}

/* smb_sim_part_load(): any bytes-like object, held during the call. */
%typemap(in) (const void *bytes, size_t size) (Py_buffer view, int have_view = 0) {
    if (PyObject_GetBuffer($input, &view, PyBUF_SIMPLE) < 0) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError, "a saved part must be a bytes-like object, not %.100s",
                     Py_TYPE($input)->tp_name);
        SWIG_fail;
    }
    have_view = 1;
    $1 = view.buf;
    $2 = (size_t)view.len;
}
%typemap(freearg) (const void *bytes, size_t size) {
    if (have_view$argnum)
        PyBuffer_Release(&view$argnum);
}

/* smb_sim_part_save(): the bytes, with the C buffer released by smb_free(). */
%typemap(in, numinputs=0) (void **bytes, size_t *size) (void *buffer = NULL, size_t length = 0) {
    $1 = &buffer;
    $2 = &length;
}
%typemap(argout) (void **bytes, size_t *size) {
    PyObject *data = Py_None;
    if (result == SMB_OK) {
        data = PyBytes_FromStringAndSize((const char *)*$1, (Py_ssize_t)*$2);
        if (!data) {
            Py_XDECREF($result);
            $result = NULL;
            SWIG_fail;
        }
    } else {
        Py_INCREF(Py_None);
    }
    $result = SWIG_Python_AppendOutput($result, data);
}
%typemap(freearg) (void **bytes, size_t *size) {
    smb_free(*$1);
}

/* The helpers below fail with a Python exception of their own when a
 * progress callback raised one (or Ctrl-C was pressed): raise it rather
 * than the status. */
%exception smbpy_sim_run {
    $action
    if (PyErr_Occurred())
        SWIG_fail;
}
%exception smbpy_simulate {
    $action
    if (PyErr_Occurred())
        SWIG_fail;
}

%{
/* A run's progress callback: a Python callable (or None) called with the
 * GIL taken back, on the thread that started the run. The GIL is released
 * around the whole C run; between two calls the interpreter runs other
 * threads freely. */
typedef struct smbpy_progress {
    PyObject *callback;    /* None: only Ctrl-C is watched */
    PyThreadState *state;  /* the calling thread's, saved while C runs */
} smbpy_progress;

static int smbpy_progress_call(double fraction, void *user)
{
    smbpy_progress *p = (smbpy_progress *)user;
    int stop = 0;

    PyEval_RestoreThread(p->state);
    /* Ctrl-C stops a long run; it raises KeyboardInterrupt afterwards. An
     * exception already pending (a call after a cancel) stops it too. */
    if (PyErr_Occurred() || PyErr_CheckSignals() < 0) {
        stop = 1;
    } else if (p->callback != Py_None) {
        PyObject *answer = PyObject_CallFunction(p->callback, "d", fraction);
        if (!answer) {
            stop = 1;
        } else {
            /* True (or anything true but None) cancels; an error in
             * deciding is kept and cancels too. */
            stop = answer != Py_None && PyObject_IsTrue(answer) != 0;
            Py_DECREF(answer);
        }
    }
    p->state = PyEval_SaveThread();
    return stop;
}
%}

%inline %{
/** smb_sim_run() without the GIL; @p progress is a callable taking the
 *  fraction done and returning True to cancel, or None. Returns
 *  [status, part]. */
static smb_status smbpy_sim_run(const smb_sim_model *model, uint64_t first, uint64_t count,
                                unsigned threads, PyObject *progress, smb_sim_part **out)
{
    smbpy_progress p;
    smb_status status;

    p.callback = progress;
    p.state = PyEval_SaveThread();
    status = smb_sim_run(model, first, count, threads, smbpy_progress_call, &p, out);
    PyEval_RestoreThread(p.state);
    return status;
}

/** smb_simulate() without the GIL, with @p progress as for smbpy_sim_run().
 *  Returns [status, result]. */
static smb_status smbpy_simulate(const smb_sim_model *model, uint64_t trials, unsigned threads,
                                 PyObject *progress, smb_sim_result **out)
{
    smbpy_progress p;
    smb_status status;

    p.callback = progress;
    p.state = PyEval_SaveThread();
    status = smb_simulate(model, trials, threads, smbpy_progress_call, &p, out);
    PyEval_RestoreThread(p.state);
    return status;
}

/** Where smb_sim_result_totals() of @p side lies: (address, count), or None
 *  when the totals were not kept. The package builds a read-only numpy
 *  array over it (its __array_interface__) whose base keeps @p result
 *  alive, so the totals are never copied. */
static PyObject *smbpy_sim_totals(const smb_sim_result *result, smb_sim_side side)
{
    size_t count = 0;
    const double *totals = smb_sim_result_totals(result, side, &count);

    if (!totals)
        Py_RETURN_NONE;
    return Py_BuildValue("(Nn)", PyLong_FromVoidPtr((void *)totals), (Py_ssize_t)count);
}
%}

/* ---- What is not wrapped ---------------------------------------------- */

/* Raw function pointers and frees of arbitrary pointers cannot be used
 * safely from Python: the package releases everything it owns. */
%ignore smb_set_allocator;
%ignore smb_free;

/* Pointers to arrays whose size Python cannot give: the smbpy_* helpers
 * above stand in for them. */
%ignore smb_ahp_weights;
%ignore smb_mcda_weighted_sum;
%ignore smb_mcda_topsis;
%ignore smb_mcda_rank;
%ignore smb_responses_set_ahp_weights;

/* The simulator's runs take a C progress callback, and its totals and
 * saved parts are raw memory: the smbpy_sim_* helpers above stand in. */
%ignore smb_sim_run;
%ignore smb_simulate;
%ignore smb_sim_result_totals;

/* Estimates travel as numbers, mappings and tuples (typemaps above), and
 * the consistency of a pairwise matrix as a tuple. */
%ignore smb_estimate;
%ignore smb_ahp_consistency;

/* Result structs are filled by the library only. */
%nodefaultctor smb_error;
%nodefaultdtor smb_error;
%nodefaultctor smb_finding;
%nodefaultdtor smb_finding;
%nodefaultctor smb_change;
%nodefaultdtor smb_change;
%nodefaultctor smb_force_score;
%nodefaultdtor smb_force_score;
%nodefaultctor smb_driver_score;
%nodefaultdtor smb_driver_score;
%nodefaultctor smb_driver_swing;
%nodefaultdtor smb_driver_swing;
%nodefaultctor smb_driver_delta;
%nodefaultdtor smb_driver_delta;
%nodefaultctor smb_force_delta;
%nodefaultdtor smb_force_delta;
%nodefaultctor smb_driver_shift;
%nodefaultdtor smb_driver_shift;
%nodefaultctor smb_scenario_score;
%nodefaultdtor smb_scenario_score;
%nodefaultctor smb_scenario_totals;
%nodefaultdtor smb_scenario_totals;
%nodefaultctor smb_shift_outcome;
%nodefaultdtor smb_shift_outcome;
%nodefaultctor smb_block_heat;
%nodefaultdtor smb_block_heat;
%nodefaultctor smb_response_effect;
%nodefaultdtor smb_response_effect;
%nodefaultctor smb_residual_scenario;
%nodefaultdtor smb_residual_scenario;
%nodefaultctor smb_response_rank;
%nodefaultdtor smb_response_rank;
%nodefaultctor smb_portfolio_item;
%nodefaultdtor smb_portfolio_item;
%nodefaultctor smb_sim_stats;
%nodefaultdtor smb_sim_stats;
%nodefaultctor smb_sim_scenario;
%nodefaultdtor smb_sim_scenario;
%nodefaultctor smb_sim_sensitivity;
%nodefaultdtor smb_sim_sensitivity;
%nodefaultctor smb_sim_swing;
%nodefaultdtor smb_sim_swing;
%immutable;

%include "smbstrat/common.h"
%include "smbstrat/canvas.h"
%include "smbstrat/forces.h"
%include "smbstrat/resilience.h"
%include "smbstrat/scenario.h"
%include "smbstrat/mcda.h"
%include "smbstrat/response.h"
%include "smbstrat/document.h"
%include "smbstrat/render.h"
%include "stdint.i"
%include "smbstrat/simulate.h"
%include "smbstrat/report.h"

%mutable;
