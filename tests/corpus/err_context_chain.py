# Fails: exception raised while handling another prints "During handling of the above exception, another exception occurred".
def cleanup():
    print("cleanup starting")
    return undefined_cleanup_helper()

def risky(i):
    return [1, 2, 3][i]

for i in range(3):
    print("risky", i, risky(i))

try:
    risky(5)
except IndexError as e:
    print("handled quietly:", e)

try:
    print("trying")
    risky(10)
except IndexError:
    print("handling IndexError")
    cleanup()
print("never printed")
