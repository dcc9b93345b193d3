/* super.c — `super().name(...)` without a super object.
 *
 * CPython 3.11 runs `super().m(x)` as a call of the builtin super (which
 * finds __class__ and the first argument in the caller's frame and makes a
 * super object), then LOAD_METHOD on that object: super_getattro looks m up
 * in the MRO of type(self) after __class__ and binds it, making a bound
 * method to call.  Both objects die at once.  In compiled code the code
 * generator knows where __class__'s cell and the first argument are (frame
 * slots), so when `super` is the builtin and the lookup is plain, the method
 * is found as super_getattro finds it and called unbound with self, as
 * LOAD_METHOD does for an ordinary method (CPython 3.12's LOAD_SUPER_ATTR
 * does the same).  Every other case (a rebound `super`, a deleted first
 * argument, an empty cell, self not an instance of __class__, a descriptor
 * that binds in another way, no such method, a profiler that must see the
 * call of super; the name __class__, which super answers itself, is left to
 * the generic way by the code generator) goes the generic way, which raises
 * what CPython raises.
 */
#include "pyc2c/runtime.h"
#include "compat/api.h"   /* P2C_Type_Dict */

/* The attribute super(type, obj) would find for name, borrowed: searched in
 * the MRO of Py_TYPE(obj) after type, as super_getattro does.  NULL when
 * not found or when the MRO is not a tuple (then the generic way decides). */
static PyObject *
lookup_after(PyTypeObject *type, PyObject *obj, PyObject *name)
{
    PyObject *mro = Py_TYPE(obj)->tp_mro;
    if (mro == NULL || !PyTuple_Check(mro))
        return NULL;
    Py_INCREF(mro);   /* a key's __eq__ could replace tp_mro meanwhile */
    Py_ssize_t n = PyTuple_GET_SIZE(mro), i = 0;
    while (i < n - 1 && PyTuple_GET_ITEM(mro, i) != (PyObject *)type)
        i++;
    PyObject *found = NULL;
    for (i++; i < n && found == NULL; i++) {
        PyObject *dict = P2C_Type_Dict((PyTypeObject *)PyTuple_GET_ITEM(mro, i));
        if (dict == NULL || !PyDict_Check(dict))
            break;
        found = PyDict_GetItemWithError(dict, name);
        if (found == NULL && PyErr_Occurred()) {
            PyErr_Clear();   /* the generic way raises it again */
            break;
        }
    }
    /* borrowed from a type's dict; the caller takes a reference before
     * anything can run */
    Py_DECREF(mro);
    return found;
}

int
P2C_SuperMethod(PyObject *super, PyObject *first, int first_is_cell, PyObject *class_cell,
                PyObject *name, PyObject **meth, PyObject **self)
{
    /* Under a profiler, the call of super is an event it must see. */
    if (super != (PyObject *)&PySuper_Type || first == NULL || class_cell == NULL ||
        !PyCell_Check(class_cell) || P2C_Tracing())
        return 0;
    PyObject *obj = first_is_cell ? PyCell_GET(first) : first;
    PyObject *type = PyCell_GET(class_cell);
    /* obj a class: super may start at obj itself (a classmethod's cls) */
    if (obj == NULL || PyType_Check(obj) || type == NULL || !PyType_Check(type) ||
        !PyType_IsSubtype(Py_TYPE(obj), (PyTypeObject *)type))
        return 0;
    PyObject *res = lookup_after((PyTypeObject *)type, obj, name);
    if (res == NULL || !(Py_TYPE(res)->tp_flags & Py_TPFLAGS_METHOD_DESCRIPTOR))
        return 0;
    *meth = Py_NewRef(res);
    *self = Py_NewRef(obj);
    return 1;
}
