/* test_attr_caches.c — Check suite for the attribute and global-name
 * caches (pyc2c/attrs.h, runtime/attrs.c, runtime/names.c) on whatever
 * target it is built for: after a first access, each site's cache must
 * hold the kind of entry the target's layout allows and answer later
 * accesses without the generic lookup; after a change it must answer
 * what the interpreter does.  The program tests check the answers on
 * every path; this suite checks that the caches are on (on 3.10 they were
 * compiled out until the compat layer learned 3.10's dicts,
 * runtime/compat/object310.h).
 *
 *   cc ... test_attr_caches.c libpyc2crt.a $(python3.10-config --ldflags --embed) -lcheck
 */
#include "pyc2c/runtime.h"   /* Python.h first, as CPython requires */
#include "internal.h"
#include <check.h>

static PyObject *G;   /* the namespace of the snippets */

/* The targets whose caches must run (every one but 3.13's free-threaded
 * build): 3.10 keeps instance attributes in a real __dict__ (HINT, *_DICT
 * entries), 3.11 to 3.13 in inline values (VALUE, METHOD, CLASS).  Asked
 * of the version, not of P2C_ATTR_CACHES, so that a target losing its
 * caches fails here. */
#if P2C_PY_MINOR <= 12 || (P2C_PY_MINOR == 13 && !defined(Py_GIL_DISABLED))
#  define EXPECT_CACHES 1
#endif

static void
run(const char *src)
{
    PyObject *r = PyRun_String(src, Py_file_input, G, G);
    if (r == NULL)
        PyErr_Print();
    ck_assert_ptr_nonnull(r);
    Py_DECREF(r);
}

static PyObject *
get(const char *name)
{
    PyObject *v = PyDict_GetItemString(G, name);
    ck_assert_ptr_nonnull(v);
    return v;
}

static PyObject *
intern(const char *s)
{
    PyObject *u = PyUnicode_InternFromString(s);
    ck_assert_ptr_nonnull(u);
    return u;
}

/* obj.name through cache c, checked equal to the generic answer. */
static void
load_same(P2C_AttrCache *c, PyObject *obj, PyObject *name)
{
    PyObject *v = P2C_LoadAttrCached(c, obj, name);
    PyObject *w = PyObject_GetAttr(obj, name);
    ck_assert_ptr_nonnull(v);
    ck_assert_ptr_eq(v, w);
    Py_DECREF(v);
    Py_DECREF(w);
}

static const char CLASSES[] =
    "class P:\n"
    "    kind = 'point'\n"
    "    def __init__(self, x): self.x = x\n"
    "    def norm(self): return self.x\n"
    "class S:\n"
    "    __slots__ = ('a',)\n"
    "    def __init__(self): self.a = 7\n"
    "p = P(3)\n"
    "s = S()\n";

START_TEST(test_instance_attribute)
{
    run(CLASSES);
    static P2C_AttrCache c;
    PyObject *p = get("p"), *x = intern("x");
    load_same(&c, p, x);
#if EXPECT_CACHES && P2C_PY_MINOR >= 11
    ck_assert_int_eq(c.e[0].kind, P2C_ATTR_VALUE);
#elif EXPECT_CACHES
    ck_assert_int_eq(c.e[0].kind, P2C_ATTR_HINT);
#endif
#if EXPECT_CACHES
    PyObject *v = P2C_LoadAttrPeek(&c, p);   /* answered without a lookup */
    ck_assert_ptr_nonnull(v);
    ck_assert_int_eq(PyLong_AsLong(v), 3);
    /* the split dict becomes combined when an attribute is deleted (3.10):
     * another index, found again */
    run("p.y = 4\ndel p.y\np.x = 5\n");
    load_same(&c, p, x);
    v = P2C_LoadAttrPeek(&c, p);
    ck_assert_ptr_nonnull(v);
    ck_assert_int_eq(PyLong_AsLong(v), 5);
#endif
    Py_DECREF(x);
}
END_TEST

/* 3.10: a store of the next value a split dict takes (its keys' order)
 * is done in place, and counted. */
START_TEST(test_store_fills_split_dict)
{
    run("class T:\n"
        "    def __init__(self, x): self.x = x\n"
        "t1 = T(1)\n"
        "t2 = T(2)\n");
    static P2C_AttrCache st;
    PyObject *y = intern("y"), *v = PyLong_FromLong(40);
    ck_assert_int_eq(P2C_StoreAttrCached(&st, get("t1"), y, v), 0);
#if EXPECT_CACHES && P2C_PY_MINOR >= 11
    ck_assert_int_eq(st.e[0].kind, P2C_ATTR_VALUE);
#elif EXPECT_CACHES
    ck_assert_int_eq(st.e[0].kind, P2C_ATTR_HINT);
    ck_assert_int_eq(P2C_AttrEntry_Store(&st.e[0], get("t2"), v), 1);
#endif
    ck_assert_int_eq(P2C_StoreAttrCached(&st, get("t2"), y, v), 0);
    run("assert vars(t2) == {'x': 2, 'y': 40} and len(vars(t2)) == 2, vars(t2)\n"
        "t2.z = 3\n"
        "assert list(vars(t2)) == ['x', 'y', 'z']\n");
    Py_DECREF(y);
    Py_DECREF(v);
}
END_TEST

/* A class attribute that the program keeps storing into (a counter on the
 * class): each store changes the class's version tag, so once the TYPE
 * entry has gone stale the site remembers the class's own dict entry
 * (TYPE_OWN), and still answers what type_getattro does as the value
 * changes, becomes a descriptor, or the dict is rebuilt. */
START_TEST(test_class_attribute_stored_into)
{
    run("class K:\n"
        "    count = 0\n");
    static P2C_AttrCache c;
    PyObject *k = get("K"), *count = intern("count");
    load_same(&c, k, count);
#if EXPECT_CACHES
    ck_assert_int_eq(c.e[0].kind, P2C_ATTR_TYPE);
#endif
    run("K.count += 1\n");
    load_same(&c, k, count);
#if EXPECT_CACHES
    bool own = false;
    for (int w = 0; w < P2C_ATTR_WAYS; w++)
        own |= c.e[w].kind == P2C_ATTR_TYPE_OWN;
    ck_assert(own);
    run("K.count += 1\n");
    PyObject *v = P2C_LoadAttrPeek(&c, k);   /* answered after the store too */
    ck_assert_ptr_nonnull(v);
    ck_assert_int_eq(PyLong_AsLong(v), 2);
    run("K.count = staticmethod(len)\n");   /* has __get__: the generic path */
    ck_assert_ptr_null(P2C_LoadAttrPeek(&c, k));
    load_same(&c, k, count);
    run("for i in range(40): setattr(K, 'a%d' % i, i)\n"   /* the dict grows */
        "K.count = 'last'\n");
    load_same(&c, k, count);
#endif
    Py_DECREF(count);
}
END_TEST

START_TEST(test_method_and_class_attribute)
{
    run(CLASSES);
    static P2C_AttrCache m, k;
    PyObject *p = get("p"), *norm = intern("norm"), *kind = intern("kind");
    PyObject *self = NULL;
    PyObject *f = P2C_LoadMethodCached(&m, p, norm, &self);
    ck_assert_ptr_nonnull(f);
    Py_DECREF(f);
    Py_XDECREF(self);
    load_same(&k, p, kind);
#if EXPECT_CACHES && P2C_PY_MINOR >= 11
    ck_assert_int_eq(m.e[0].kind, P2C_ATTR_METHOD);
    ck_assert_int_eq(k.e[0].kind, P2C_ATTR_CLASS);
#elif EXPECT_CACHES
    ck_assert_int_eq(m.e[0].kind, P2C_ATTR_METHOD_DICT);
    ck_assert_int_eq(k.e[0].kind, P2C_ATTR_CLASS_DICT);
#endif
#if EXPECT_CACHES
    ck_assert_ptr_nonnull(P2C_LoadAttrPeek(&k, p));
    /* shadowed by the instance: the cache must not answer */
    run("p.kind = 'mine'\n");
    ck_assert_ptr_null(P2C_LoadAttrPeek(&k, p));
    load_same(&k, p, kind);
    /* a key of another type equal to 'norm' shadows the method too */
    run("class K:\n"
        "    def __hash__(self): return hash('norm')\n"
        "    def __eq__(self, o): return o == 'norm'\n"
        "q = P(1)\n"
        "q.__dict__[K()] = 'shadow'\n");
    PyObject *q = get("q");
    self = NULL;
    f = P2C_LoadMethodCached(&m, q, norm, &self);
    ck_assert_ptr_null(self);
    ck_assert_str_eq(PyUnicode_AsUTF8(f), "shadow");
    Py_DECREF(f);
#endif
    Py_DECREF(norm);
    Py_DECREF(kind);
}
END_TEST

START_TEST(test_slot_module_type)
{
    run(CLASSES);
    run("import math\n");
    static P2C_AttrCache sc, mc, tc;
    PyObject *a = intern("a"), *pi = intern("pi"), *kind = intern("kind");
    load_same(&sc, get("s"), a);
    load_same(&mc, get("math"), pi);
    load_same(&tc, get("P"), kind);
#if EXPECT_CACHES
    ck_assert_int_eq(sc.e[0].kind, P2C_ATTR_SLOT);
    ck_assert_int_eq(mc.e[0].kind, P2C_ATTR_MODULE);
    ck_assert_int_eq(tc.e[0].kind, P2C_ATTR_TYPE);
    ck_assert_ptr_nonnull(P2C_LoadAttrPeek(&tc, get("P")));
    run("P.kind = 'other'\n");   /* a new version tag */
    ck_assert_ptr_null(P2C_LoadAttrPeek(&tc, get("P")));
    load_same(&tc, get("P"), kind);
#endif
    Py_DECREF(a);
    Py_DECREF(pi);
    Py_DECREF(kind);
}
END_TEST

START_TEST(test_global_cache)
{
    run("X = 1\n");
    static P2C_GlobalCache gx, gl;
    PyObject *b = PyEval_GetBuiltins();
    PyObject *x = intern("X"), *len = intern("len");
    PyObject *v = P2C_LoadGlobalCached(&gx, G, b, x);
    Py_DECREF(v);
    v = P2C_LoadGlobalCached(&gl, G, b, len);
    Py_DECREF(v);
#if EXPECT_CACHES
    ck_assert_ptr_eq(P2C_LoadGlobalPeek(&gl, G, b, len), PyDict_GetItemString(b, "len"));
    run("X = 2\n");   /* rebinding keeps the entry */
    v = P2C_LoadGlobalPeek(&gx, G, b, x);
    ck_assert_ptr_nonnull(v);
    ck_assert_int_eq(PyLong_AsLong(v), 2);
    run("len = 'mine'\n");   /* shadowing a builtin */
    ck_assert_ptr_null(P2C_LoadGlobalPeek(&gl, G, b, len));
    run("del X\n");
    ck_assert_ptr_null(P2C_LoadGlobalPeek(&gx, G, b, x));
    run("del len\n");
#endif
    Py_DECREF(x);
    Py_DECREF(len);
}
END_TEST

int
main(void)
{
    Py_Initialize();
    if (P2C_Runtime_Ready(NULL) < 0) {   /* stores count dict versions there */
        PyErr_Print();
        return 1;
    }
    PyObject *main = PyImport_AddModule("__main__");
    G = PyModule_GetDict(main);
    Suite *s = suite_create("attr_caches");
    TCase *tc = tcase_create("caches");
    tcase_add_test(tc, test_instance_attribute);
    tcase_add_test(tc, test_store_fills_split_dict);
    tcase_add_test(tc, test_method_and_class_attribute);
    tcase_add_test(tc, test_class_attribute_stored_into);
    tcase_add_test(tc, test_slot_module_type);
    tcase_add_test(tc, test_global_cache);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_set_fork_status(sr, CK_NOFORK);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed != 0;
}
