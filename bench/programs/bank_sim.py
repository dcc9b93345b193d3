# bank_sim.py — object-oriented simulation: a bank with several account
# classes, customers and a ledger.  Many small objects, attribute access,
# method calls through a class hierarchy, super(), properties, exceptions
# for refused operations.
import os
import random

SCALE = float(os.environ.get("BENCH_SCALE", "1"))
DAYS = max(2, int(150 * SCALE))


class InsufficientFunds(Exception):
    pass


class Transaction:
    __slots__ = ("day", "kind", "amount", "account_id")

    def __init__(self, day, kind, amount, account_id):
        self.day = day
        self.kind = kind
        self.amount = amount
        self.account_id = account_id


class Account:
    next_id = 0

    def __init__(self, owner, balance=0):
        Account.next_id += 1
        self.id = Account.next_id
        self.owner = owner
        self._balance = balance
        self.history = []

    @property
    def balance(self):
        return self._balance

    def deposit(self, day, amount):
        self._balance += amount
        self.history.append(Transaction(day, "dep", amount, self.id))

    def can_withdraw(self, amount):
        return self._balance >= amount

    def withdraw(self, day, amount):
        if not self.can_withdraw(amount):
            raise InsufficientFunds(self.id)
        self._balance -= amount
        self.history.append(Transaction(day, "wd", amount, self.id))

    def end_of_day(self, day):
        pass


class Checking(Account):
    def __init__(self, owner, balance=0, overdraft=500):
        super().__init__(owner, balance)
        self.overdraft = overdraft

    def can_withdraw(self, amount):
        return self._balance + self.overdraft >= amount

    def end_of_day(self, day):
        if self._balance < 0:
            fee = 1 + (-self._balance) // 100
            self._balance -= fee
            self.history.append(Transaction(day, "fee", fee, self.id))


class Savings(Account):
    def __init__(self, owner, balance=0, rate_per_mille=1):
        super().__init__(owner, balance)
        self.rate = rate_per_mille
        self.withdrawals_today = 0

    def can_withdraw(self, amount):
        return self.withdrawals_today < 3 and super().can_withdraw(amount)

    def withdraw(self, day, amount):
        super().withdraw(day, amount)
        self.withdrawals_today += 1

    def end_of_day(self, day):
        self.withdrawals_today = 0
        interest = self._balance * self.rate // 1000
        if interest:
            self.deposit(day, interest)


class Customer:
    def __init__(self, name, rng):
        self.name = name
        self.accounts = [Checking(name, rng.randrange(0, 2000)),
                         Savings(name, rng.randrange(0, 5000), rng.randrange(1, 4))]
        self.refused = 0

    def net_worth(self):
        return sum(a.balance for a in self.accounts)


class Bank:
    def __init__(self, n_customers, seed):
        self.rng = random.Random(seed)
        self.customers = [Customer("c%04d" % i, self.rng) for i in range(n_customers)]
        self.accounts = {a.id: a for c in self.customers for a in c.accounts}

    def transfer(self, day, src, dst, amount):
        src.withdraw(day, amount)
        dst.deposit(day, amount)

    def simulate_day(self, day, ops):
        rng = self.rng
        custs = self.customers
        for _ in range(ops):
            c = custs[rng.randrange(len(custs))]
            acct = c.accounts[rng.randrange(2)]
            r = rng.random()
            amount = rng.randrange(1, 800)
            try:
                if r < 0.4:
                    acct.deposit(day, amount)
                elif r < 0.8:
                    acct.withdraw(day, amount)
                else:
                    other = custs[rng.randrange(len(custs))].accounts[0]
                    self.transfer(day, acct, other, amount)
            except InsufficientFunds:
                c.refused += 1
        for a in self.accounts.values():
            a.end_of_day(day)

    def report(self):
        kinds = {}
        total = 0
        for a in self.accounts.values():
            total += a.balance
            for t in a.history:
                kinds[t.kind] = kinds.get(t.kind, 0) + t.amount
        richest = max(self.customers, key=lambda c: (c.net_worth(), c.name))
        refused = sum(c.refused for c in self.customers)
        return total, sorted(kinds.items()), richest.name, refused


def main():
    bank = Bank(400, 12345)
    for day in range(DAYS):
        bank.simulate_day(day, 2000)
    total, kinds, richest, refused = bank.report()
    print("days", DAYS, "total", total)
    print("by kind", kinds)
    print("richest", richest, "refused", refused)


main()
