# elevator.py — discrete-event simulation of a bank of elevators: passengers,
# cars and a dispatcher as small classes, a heapq event queue, enum-like
# constants, properties and many method calls per tick.
import heapq
import os
import random

SCALE = float(os.environ.get("BENCH_SCALE", "1"))
PASSENGERS = max(50, int(40000 * SCALE))
FLOORS = 20

UP, IDLE, DOWN = 1, 0, -1


class Passenger:
    __slots__ = ("pid", "src", "dst", "t_arrive", "t_board", "t_exit")

    def __init__(self, pid, src, dst, t):
        self.pid = pid
        self.src = src
        self.dst = dst
        self.t_arrive = t
        self.t_board = -1
        self.t_exit = -1

    @property
    def direction(self):
        return UP if self.dst > self.src else DOWN


class Car:
    def __init__(self, cid, capacity):
        self.cid = cid
        self.floor = 0
        self.direction = IDLE
        self.capacity = capacity
        self.riders = []
        self.stops = set()
        self.moves = 0

    @property
    def load(self):
        return len(self.riders)

    def has_room(self):
        return len(self.riders) < self.capacity

    def cost_to(self, floor, direction):
        d = abs(self.floor - floor)
        if self.direction == IDLE:
            return d
        if self.direction == direction and (floor - self.floor) * direction >= 0:
            return d + self.load
        return d + 2 * FLOORS + self.load

    def unload(self, t):
        out = [p for p in self.riders if p.dst == self.floor]
        if out:
            self.riders = [p for p in self.riders if p.dst != self.floor]
            for p in out:
                p.t_exit = t
        return out

    def step(self):
        if not self.stops:
            self.direction = IDLE
            return
        target = min(self.stops, key=lambda f: (abs(f - self.floor), f))
        if self.direction == IDLE or not any((f - self.floor) * self.direction > 0
                                             for f in self.stops):
            self.direction = UP if target > self.floor else DOWN
        if self.floor != target or self.floor + self.direction in self.stops:
            self.floor += self.direction
            self.moves += 1


class Building:
    def __init__(self, n_cars, seed):
        self.cars = [Car(i, 8) for i in range(n_cars)]
        self.waiting = [[] for _ in range(FLOORS)]
        self.done = []
        self.rng = random.Random(seed)
        self.events = []
        self.recalls = []

    def schedule_arrivals(self, n):
        t = 0
        rng = self.rng
        for pid in range(n):
            t += rng.randrange(0, 3)
            src = 0 if rng.random() < 0.4 else rng.randrange(FLOORS)
            dst = rng.randrange(FLOORS)
            if dst == src:
                dst = (src + 1 + rng.randrange(FLOORS - 1)) % FLOORS
            heapq.heappush(self.events, (t, pid, Passenger(pid, src, dst, t)))

    def dispatch(self, p):
        best = min(self.cars, key=lambda c: (c.cost_to(p.src, p.direction), c.cid))
        best.stops.add(p.src)
        self.waiting[p.src].append(p)

    def board(self, car, t):
        queue = self.waiting[car.floor]
        keep = []
        for p in queue:
            if car.has_room():
                p.t_board = t
                car.riders.append(p)
                car.stops.add(p.dst)
            else:
                keep.append(p)
        self.waiting[car.floor] = keep
        if keep:
            self.recalls.append(car.floor)   # full: another car (or this one later)

    def tick(self, t):
        while self.events and self.events[0][0] <= t:
            self.dispatch(heapq.heappop(self.events)[2])
        recalls, self.recalls = self.recalls, []
        for floor in recalls:
            best = min(self.cars, key=lambda c: (c.cost_to(floor, UP), c.cid))
            best.stops.add(floor)
        for car in self.cars:
            self.done.extend(car.unload(t))
            car.stops.discard(car.floor)
            self.board(car, t)
            car.step()

    def run(self):
        t = 0
        total = len(self.events)
        while len(self.done) < total:
            self.tick(t)
            t += 1
        return t


def main():
    b = Building(6, 2024)
    b.schedule_arrivals(PASSENGERS)
    t_end = b.run()
    waits = [p.t_board - p.t_arrive for p in b.done]
    rides = [p.t_exit - p.t_board for p in b.done]
    print("passengers", len(b.done), "finished at", t_end)
    print("mean wait %.3f max wait %d" % (sum(waits) / len(waits), max(waits)))
    print("mean ride %.3f" % (sum(rides) / len(rides)))
    print("moves", [c.moves for c in b.cars])


main()
