# A signal that a C function sends without checking for it is handled when
# the call returns (3.11's CALL checks the eval breaker on return from
# anything but a Python function), so the handler's exception is raised at
# the call, inside the try around it.  signal.pidfd_send_signal is such a
# function (os.kill checks by itself, and stands in for it where pidfds are
# missing, valgrind included: the same output, from another path).
import os
import signal


class Got(Exception):
    pass


def on_usr1(signum, frame):
    raise Got("handled at line %d" % frame.f_lineno)


def pidfd_of_self():
    if "vgpreload" in os.environ.get("LD_PRELOAD", ""):
        return None   # under valgrind, which warns about the pidfd syscalls
    try:
        fd = os.open("/proc/%d" % os.getpid(), os.O_DIRECTORY)
        signal.pidfd_send_signal(fd, 0)
        return fd
    except (AttributeError, OSError):
        return None


fd = pidfd_of_self()
if fd is None:
    fd, send = os.getpid(), os.kill
else:
    send = signal.pidfd_send_signal
signal.signal(signal.SIGUSR1, on_usr1)

try:
    send(fd, signal.SIGUSR1)
    done = "not interrupted"
except Got as e:
    done = "caught: %s" % e
print(done)

args = (fd, signal.SIGUSR1)
try:
    send(*args)                                    # CALL_FUNCTION_EX
    done = "not interrupted"
except Got as e:
    done = "caught: %s" % e
print(done)

n = 0
try:
    for i in range(3):
        n += 1
        send(fd, signal.SIGUSR1)
        n += 10
except Got as e:
    print("caught in the loop:", n, e)


class Box:
    def __init__(self, fd):
        self.fd = fd

    def poke(self):
        send(self.fd, signal.SIGUSR1)
        return "returned"


try:
    result = Box(fd).poke()
except Got as e:
    result = "caught: %s" % e
print(result)

send(fd, signal.SIGUSR1)
print("not reached")
