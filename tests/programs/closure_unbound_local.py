# A cell read before assignment: UnboundLocalError, as for a plain local.
def outer():
    def inner():
        return cell
    print(cell)
    cell = 1
    return inner

outer()
