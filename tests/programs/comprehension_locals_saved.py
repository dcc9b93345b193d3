"""locals(), vars(), dir() or eval() inside a comprehension whose variable
the function also uses: 3.12+ inlines the comprehension (PEP 709) and shows
its variable in the function's frame, under the function's own name; the
function's value is saved before the loop and restored after it, also when
an exception leaves the loop.  (Before 3.12 the comprehension is a
function of its own, with a frame of its own.)"""


def shown(d):
    return sorted((k, v) for k, v in d.items() if not k.startswith("."))


def also_used():
    x = "outer"
    r = [shown(locals()) for x in "ab"]
    print("also_used:", r, x, shown(locals()))


def with_eval():
    y = 1
    r = [eval("y * 10") for y in (2, 3)]
    print("with_eval:", r, y)


def exceptional_exit():
    x = "outer"
    try:
        [eval("1 / x") for x in (1, 0)]
    except ZeroDivisionError as e:
        print("exceptional_exit:", e, x, shown(locals()))


def dir_and_vars():
    z = "outer"
    r = [(sorted(dir()), sorted(vars())) for z in [1]]
    print("dir_and_vars:", r, z)


also_used()
with_eval()
exceptional_exit()
dir_and_vars()
