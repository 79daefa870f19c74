# Fails: ZeroDivisionError "division by zero" from / on ints.
def average(values):
    return sum(values) / len(values)

print(average([1, 2, 3]))
print(average([10]))
print(average(range(1, 101)))

def safe_average(values):
    try:
        return average(values)
    except ZeroDivisionError:
        return None

print(safe_average([]), safe_average([4, 5]))
print(7 / 2, 8 / 4, -1 / 3)
print(1 / 8, 2 ** -3)
print(10 / 5 == 2)
print(average([]))
print("never printed")
