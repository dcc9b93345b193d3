"""Self cost of a callgrind file grouped into rough categories."""
import re, subprocess, sys
CATS = [
  ('interpreter loop (stdlib/pyperf code)', r'_PyEval_EvalFrameDefault'),
  ('attribute lookup/store', r'GetAttr|SetAttr|_PyType_Lookup|InstanceAttribute|GetMethod|find_name_in_mro|type_getattro|member_get|member_set|PyMember_|_PyObject_LookupAttr|slot_tp_getattr|property_descr|descr_get|method_get|func_descr_get'),
  ('calls/frames/arg binding', r'Frame|release_frame|BindArgs|Vectorcall|_PyObject_Call|PyObject_Call|method_vectorcall|_PyFunction_Vectorcall|P2C_Function_|EnterRecursiveCall|LeaveRecursiveCall|_PyEvalFramePushAndInit|_PyEval_Vector|clear_thread_frame|_PyThreadState_PushFrame|_PyThreadState_PopFrame|_PyFrame_Clear'),
  ('dict lookups (globals/builtins/instance)', r'_Py_dict_lookup|PyDict_GetItem|insertdict|dict_subscript|PyDict_SetItem|lookdict'),
  ('alloc/free/refcount', r'Malloc|Free|_Py_Dealloc|_Py_NewReference|dealloc|Py_DECREF|gc_|_PyObject_GC|subtype_traverse|visit_|PyObject_GC'),
  ('int/float boxing+arith', r'PyLong_|PyFloat_|long_|float_|BinaryOp|InPlaceOp|CompareOp|RichCompare|PyNumber_|binary_op'),
]
def cats(path):
    out = subprocess.run(['callgrind_annotate', '--inclusive=no', '--threshold=100', path],
                         capture_output=True, text=True).stdout
    tot = {}
    total = 0
    for l in out.splitlines():
        m = re.match(r'\s*([\d,]+) \(\s*[\d.]+%\)\s+(\S+)', l)
        if not m: continue
        n = int(m.group(1).replace(',', '')); fn = m.group(2)
        if 'PROGRAM' in l: total = n; continue
        name = fn.split(':', 1)[-1]
        for c, pat in CATS:
            if re.search(pat, name):
                tot[c] = tot.get(c, 0) + n; break
        else:
            key = 'compiled code (p2c_*)' if name.startswith('p2c_') else 'other'
            tot[key] = tot.get(key, 0) + n
    return total, tot
for p in sys.argv[1:]:
    total, tot = cats(p)
    print(p, 'total %.0fM' % (total/1e6))
    for k, v in sorted(tot.items(), key=lambda kv: -kv[1]):
        print('   %-42s %8.0fM %5.1f%%' % (k, v/1e6, 100*v/total))
