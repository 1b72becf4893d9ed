/* SPDX-License-Identifier: MIT */
/*
 * The raw SWIG layer over the public C API (module smbstrat.core).
 *
 * It stays thin on purpose: the Pythonic API (exceptions, views, lifetimes)
 * lives in the pure-Python package around it. What belongs here is only the
 * translation of C calling conventions that Python cannot express:
 * out-parameters become extra return values (a call returns the pair
 * `[status, value]`), library-owned strings are copied into Python and
 * released with smb_free(), sequences become C arrays, and text arguments are
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
 * meanwhile. smb_document_set_canvas() and smb_document_set_forces() free
 * the old section, so they keep the GIL. */
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

/* smb_canvas_set_item_tags(): a sequence of str. A tuple copy keeps every
 * string (and so its UTF-8 buffer) alive during the call. */
%typemap(in) (const char *const *tags, size_t count) (PyObject *items = NULL) {
    Py_ssize_t n, i;

    if (PyUnicode_Check($input) || PyBytes_Check($input) || !PySequence_Check($input)) {
        PyErr_Format(PyExc_TypeError, "tags must be a sequence of str, not %.100s",
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
        PyObject *tag = PyTuple_GET_ITEM(items, i);
        if (!PyUnicode_Check(tag)) {
            PyErr_Format(PyExc_TypeError, "tags[%zd] must be str, not %.100s", i,
                         Py_TYPE(tag)->tp_name);
            SWIG_fail;
        }
        if (smbpy_text_arg(tag, (const char **)&$1[i], "a tag") < 0)
            SWIG_fail;
    }
}
%typemap(freearg) (const char *const *tags, size_t count) {
    PyMem_Free((void *)$1);
    Py_XDECREF(items$argnum);
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

/* Scores: [status, value]. On failure C leaves *out untouched, so the value
 * is None rather than a number that was never computed. */
%typemap(in, numinputs=0) double *out (double temp = 0.0) {
    $1 = &temp;
}
%typemap(argout) double *out {
    $result = SWIG_Python_AppendOutput($result,
        result == SMB_OK ? PyFloat_FromDouble(*$1) : (Py_INCREF(Py_None), Py_None));
}

/* smb_forces_comparison_pressure() and _attractiveness(): the three values
 * after the status, None each when the call failed. */
%typemap(in, numinputs=0) (double *before, double *after, double *delta)
    (double b = 0.0, double a = 0.0, double d = 0.0) {
    $1 = &b;
    $2 = &a;
    $3 = &d;
}
%typemap(argout) (double *before, double *after, double *delta) {
    double *values[3];
    int i;

    values[0] = $1;
    values[1] = $2;
    values[2] = $3;
    for (i = 0; i < 3; i++)
        $result = SWIG_Python_AppendOutput($result,
            result == SMB_OK ? PyFloat_FromDouble(*values[i]) : (Py_INCREF(Py_None), Py_None));
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

/* ---- What is not wrapped ---------------------------------------------- */

/* Raw function pointers and frees of arbitrary pointers cannot be used
 * safely from Python: the package releases everything it owns. */
%ignore smb_set_allocator;
%ignore smb_free;

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
%immutable;

%include "smbstrat/common.h"
%include "smbstrat/canvas.h"
%include "smbstrat/forces.h"
%include "smbstrat/document.h"
%include "smbstrat/render.h"

%mutable;
