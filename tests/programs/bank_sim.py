# A small simulation: accounts as dicts in a list, transactions as tuples,
# validation with early returns and continue, a ledger summary, and a final
# failed transfer raising an uncaught ValueError with a formatted message.

accounts = [
    {"id": 1, "owner": "ann", "balance": 100},
    {"id": 2, "owner": "bob", "balance": 50},
    {"id": 3, "owner": "cy", "balance": 0},
]
ledger = []


def find(account_id):
    for acc in accounts:
        if acc["id"] == account_id:
            return acc
    return None


def transfer(src_id, dst_id, amount):
    src = find(src_id)
    dst = find(dst_id)
    if src is None or dst is None:
        return "unknown account"
    if amount <= 0:
        return "bad amount"
    if src["balance"] < amount:
        raise ValueError(f"insufficient funds: {src['owner']} has {src['balance']}, needs {amount}")
    src["balance"] -= amount
    dst["balance"] += amount
    ledger.append((src_id, dst_id, amount))
    return "ok"


for t in [(1, 2, 30), (2, 3, 70), (4, 1, 5), (3, 1, -1), (3, 2, 10)]:
    print(t, transfer(*t))
for acc in accounts:
    print(f"{acc['owner']:>4}: {acc['balance']:5d}")
total = 0
for acc in accounts:
    total += acc["balance"]
print("ledger", ledger, "total", total)
transfer(3, 1, 1000)
