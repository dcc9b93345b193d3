# A compiled loop that calls nothing must still notice signals and let other
# threads run, as the interpreter's backward jumps do (the eval breaker).
import signal
import threading


class Stop(Exception):
    pass


def on_alarm(signum, frame):
    raise Stop("alarm")


def spin():
    n = 0
    while True:
        n += 1


signal.signal(signal.SIGALRM, on_alarm)
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    spin()
except Stop as e:
    print("interrupted:", e)

done = []


def worker():
    done.append(True)


t = threading.Thread(target=worker)
t.start()
i = 0
while not done:
    i += 1
t.join()
print("the thread ran:", done)

signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    for k in range(10 ** 12):
        pass
except Stop:
    print("a for loop too")
