# Fails: ZeroDivisionError "float division by zero".
speed = 12.5
distances = [25.0, 6.25, 100.0]

def duration(distance, velocity):
    return distance / velocity

for d in distances:
    print(d, "->", duration(d, speed))

print(0.0 / 5.0, -0.0 * 3, 1e308 * 10)
print(speed / 2, speed / -4)
try:
    1.5 / 0
except ZeroDivisionError as e:
    print("caught:", e)

for t in [2.0, 0.5, 0.0]:
    print(speed / t)
print("never printed")
