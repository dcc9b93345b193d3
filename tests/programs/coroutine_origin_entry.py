# cr_origin of a coroutine created below a frame the interpreter entered
# anew (exec of source code, a C call back into Python): 3.12 and 3.13 leave
# the interpreter's entry frame out (a shim code object on 3.12, no code
# object at all on 3.13, where reading it crashed the compiled runtime).
import sys


async def co():
    pass


def make(_):
    return co()


def via_map():
    return list(map(make, [1]))[0]


def via_exec():
    ns = {"make": make}
    exec("c = make(0)", ns)
    return ns["c"]


def show(label, c):
    print(label)
    for filename, line, name in c.cr_origin:
        print("   ", filename.rsplit("/", 1)[-1], line, name)
    c.close()


# deep enough to reach the module's frame, not the import system's (an
# extension module's body runs from another line of it)
sys.set_coroutine_origin_tracking_depth(3)
show("through map", via_map())
sys.set_coroutine_origin_tracking_depth(4)
show("through exec", via_exec())
sys.set_coroutine_origin_tracking_depth(2)
show("two frames through exec", via_exec())
sys.set_coroutine_origin_tracking_depth(0)
print(via_exec().cr_origin)
