# Fails: ZeroDivisionError "integer division or modulo by zero" from //.
def per_person(total, people):
    return total // people

def remainder(total, people):
    return total % people

for people in [1, 2, 3, 4]:
    print(people, per_person(10, people), remainder(10, people))

print(divmod(10, 3), -10 // 3)
print(7 // 2, -7 // 2, 7 // -2)
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print("caught:", e)

print(per_person(10, 3))
print(per_person(10, 0))
print("never printed")
