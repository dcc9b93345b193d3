# raytracer.py — a small ray tracer in object-oriented style: a Vec class
# with operator overloading (__add__, __sub__, __mul__, __neg__), spheres and
# a checkered plane behind an abstract Shape interface, point lights with
# shadows and one level of reflection; prints an ASCII preview and a
# checksum of the rendered colours.
import math
import os

SCALE = float(os.environ.get("BENCH_SCALE", "1"))
W = max(16, int(220 * SCALE ** 0.5))
H = W * 3 // 4


class Vec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def __neg__(self):
        return Vec(-self.x, -self.y, -self.z)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def length(self):
        return math.sqrt(self.dot(self))

    def norm(self):
        return self * (1.0 / self.length())

    def hadamard(self, o):
        return Vec(self.x * o.x, self.y * o.y, self.z * o.z)


class Ray:
    __slots__ = ("origin", "direction")

    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction.norm()

    def at(self, t):
        return self.origin + self.direction * t


class Shape:
    def __init__(self, colour, reflect):
        self.colour = colour
        self.reflect = reflect

    def intersect(self, ray):
        raise NotImplementedError

    def normal_at(self, p):
        raise NotImplementedError

    def colour_at(self, p):
        return self.colour


class Sphere(Shape):
    def __init__(self, centre, radius, colour, reflect=0.3):
        super().__init__(colour, reflect)
        self.centre = centre
        self.radius = radius

    def intersect(self, ray):
        oc = ray.origin - self.centre
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0:
            return None
        s = math.sqrt(disc)
        t = -b - s
        if t > 1e-6:
            return t
        t = -b + s
        return t if t > 1e-6 else None

    def normal_at(self, p):
        return (p - self.centre).norm()


class Plane(Shape):
    def __init__(self, y, colour):
        super().__init__(colour, 0.2)
        self.y = y

    def intersect(self, ray):
        dy = ray.direction.y
        if abs(dy) < 1e-9:
            return None
        t = (self.y - ray.origin.y) / dy
        return t if t > 1e-6 else None

    def normal_at(self, p):
        return Vec(0.0, 1.0, 0.0)

    def colour_at(self, p):
        if (math.floor(p.x) + math.floor(p.z)) % 2 == 0:
            return self.colour
        return Vec(0.1, 0.1, 0.1)


class Scene:
    def __init__(self):
        self.shapes = [
            Sphere(Vec(0.0, 1.0, 5.0), 1.0, Vec(0.9, 0.2, 0.2)),
            Sphere(Vec(-2.2, 0.7, 6.0), 0.7, Vec(0.2, 0.9, 0.3)),
            Sphere(Vec(2.0, 0.5, 4.0), 0.5, Vec(0.3, 0.4, 1.0), 0.6),
            Plane(0.0, Vec(0.9, 0.9, 0.9)),
        ]
        self.lights = [Vec(-5.0, 8.0, -2.0), Vec(6.0, 5.0, 0.0)]

    def hit(self, ray):
        best, best_t = None, float("inf")
        for s in self.shapes:
            t = s.intersect(ray)
            if t is not None and t < best_t:
                best, best_t = s, t
        return best, best_t

    def trace(self, ray, depth):
        shape, t = self.hit(ray)
        if shape is None:
            return Vec(0.2, 0.3, 0.5)
        p = ray.at(t)
        n = shape.normal_at(p)
        base = shape.colour_at(p)
        colour = base * 0.1
        for light in self.lights:
            to_light = light - p
            dist = to_light.length()
            shadow, st = self.hit(Ray(p, to_light))
            if shadow is not None and st < dist:
                continue
            lam = max(0.0, n.dot(to_light.norm()))
            colour = colour + base * (0.6 * lam)
        if depth > 0 and shape.reflect > 0:
            d = ray.direction
            r = d - n * (2 * d.dot(n))
            colour = colour * (1 - shape.reflect) + self.trace(Ray(p, r), depth - 1) * shape.reflect
        return colour


def main():
    scene = Scene()
    eye = Vec(0.0, 1.5, -1.0)
    chars = " .:-=+*#%@"
    checksum = 0.0
    rows = []
    for j in range(H):
        row = []
        for i in range(W):
            d = Vec((i - W / 2) / W, (H / 2 - j) / W, 1.0)
            c = scene.trace(Ray(eye, d), 2)
            lum = 0.3 * c.x + 0.59 * c.y + 0.11 * c.z
            checksum += lum
            row.append(chars[min(9, int(lum * 10))])
        rows.append("".join(row))
    for r in rows[::max(1, H // 20)]:
        print(r[::max(1, W // 60)])
    print("%dx%d checksum %.6f" % (W, H, checksum))


main()
