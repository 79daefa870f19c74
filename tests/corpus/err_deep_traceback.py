# Fails: exception raised four calls deep; the traceback must list every frame.
def level4(x):
    return x["missing"]

def level3(x):
    return level4(x) + 1

def level2(x):
    print("level2 called")
    return level3(x)

def level1():
    data = {"present": 1}
    return level2(data)

def safe_level4(x):
    return x.get("missing", 0)

print("start")
print(safe_level4({"present": 1}))
try:
    level1()
except KeyError as e:
    print("first attempt caught", e)
level1()
print("never printed")
