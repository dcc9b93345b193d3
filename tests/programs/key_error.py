# KeyError and IndexError: lookups that fail inside nested subscripts; the
# dict miss is uncaught.

inventory = {"apples": [3, 5], "pears": [1]}


def second(name):
    return inventory[name][1]


print(second("apples"))
print(inventory.get("plums", []), len(inventory["pears"]))
print(second("plums"))
