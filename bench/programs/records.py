# records.py — dataclasses, properties and value objects: an inventory of
# frozen/ordered dataclasses, __post_init__ validation, properties computed
# from fields, NamedTuple rows, __eq__/__hash__ in sets and dict keys,
# sorting with attrgetter and key functions, grouping and aggregation.
import dataclasses
import operator
import os
from typing import NamedTuple

SCALE = float(os.environ.get("BENCH_SCALE", "1"))
ORDERS = max(200, int(40000 * SCALE))


@dataclasses.dataclass(frozen=True, order=True)
class Sku:
    category: str
    code: int


@dataclasses.dataclass
class Product:
    sku: Sku
    name: str
    price_cents: int
    stock: int = 0
    tags: list = dataclasses.field(default_factory=list)

    def __post_init__(self):
        if self.price_cents < 0:
            raise ValueError("negative price")

    @property
    def price(self):
        return self.price_cents / 100

    @property
    def in_stock(self):
        return self.stock > 0


class Line(NamedTuple):
    sku: Sku
    qty: int
    unit_cents: int

    @property
    def total(self):
        return self.qty * self.unit_cents


@dataclasses.dataclass
class Order:
    oid: int
    customer: str
    lines: list = dataclasses.field(default_factory=list)
    _discount: int = 0

    @property
    def subtotal(self):
        return sum(l.total for l in self.lines)

    @property
    def discount(self):
        return self._discount

    @discount.setter
    def discount(self, pct):
        self._discount = max(0, min(50, pct))

    @property
    def total(self):
        return self.subtotal * (100 - self._discount) // 100


def catalogue():
    cats = ["book", "game", "tool", "food", "toy"]
    out = {}
    for i in range(200):
        sku = Sku(cats[i % 5], 1000 + i)
        out[sku] = Product(sku, "%s-%d" % (cats[i % 5], i), 199 + (i * 37) % 5000,
                           stock=i % 13, tags=["t%d" % (i % 4)])
    return out


def main():
    prods = catalogue()
    skus = sorted(prods)
    state = 1
    orders = []
    for oid in range(ORDERS):
        state = (state * 48271) % 2147483647
        o = Order(oid, "cust%d" % (state % 300))
        for k in range(1 + state % 4):
            state = (state * 48271) % 2147483647
            p = prods[skus[state % len(skus)]]
            o.lines.append(Line(p.sku, 1 + state % 3, p.price_cents))
        o.discount = (state >> 8) % 70 - 10
        orders.append(o)
    revenue = sum(o.total for o in orders)
    by_cat = {}
    for o in orders:
        for l in o.lines:
            by_cat[l.sku.category] = by_cat.get(l.sku.category, 0) + l.total
    best = sorted(orders, key=operator.attrgetter("total", "oid"), reverse=True)[:3]
    per_cust = {}
    for o in orders:
        per_cust.setdefault(o.customer, []).append(o)
    loyal = sorted(((len(v), k) for k, v in per_cust.items()), reverse=True)[:3]
    distinct = {l.sku for o in orders for l in o.lines}
    print("orders", len(orders), "revenue", revenue)
    print("by category", sorted(by_cat.items()))
    print("best", [(o.oid, o.total, o.discount) for o in best])
    print("loyal", loyal, "distinct skus", len(distinct))
    cheap = [p for p in prods.values() if p.in_stock and p.price < 10]
    print("cheap in stock", len(cheap), min(cheap, key=lambda p: (p.price, p.name)).name)
    print(best[0].lines[0], dataclasses.asdict(prods[skus[0]]))
    print(Order(1, "x") == Order(1, "x"), Sku("a", 1) < Sku("a", 2))


main()
