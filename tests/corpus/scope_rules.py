# Checks LEGB name resolution: local, enclosing, global, builtin; shadowing builtins; class scope not visible in methods.
x = "global"
def outer():
    x = "enclosing"
    def inner():
        return x
    return inner()
print(outer())

def local_only():
    x = "local"
    return x
print(local_only(), x)

def uses_builtin():
    return len([1, 2, 3])
print(uses_builtin())

def shadow_builtin():
    len = lambda s: "shadowed len"
    return len([1])
print(shadow_builtin(), len([1]))

class K:
    attr = "class attr"
    def method(self):
        try:
            return attr
        except NameError as e:
            return "NameError: " + str(e)
    def method_ok(self):
        return self.attr + " / " + K.attr
print(K().method())
print(K().method_ok())

def loop_var_leak():
    for i in range(3):
        pass
    return i
print(loop_var_leak())

def conditional_def(flag):
    if flag:
        def f():
            return "version A"
    else:
        def f():
            return "version B"
    return f()
print(conditional_def(True), conditional_def(False))

def closure_sees_later_binding():
    def get():
        return value
    value = "bound after def"
    return get()
print(closure_sees_later_binding())

counter = 0
def read_then_global():
    global counter
    before = counter
    counter = before + 10
    return before, counter
print(read_then_global(), counter)

def nested_functions_share():
    items = []
    def add(v):
        items.append(v)
    def size():
        return len(items)
    add(1); add(2)
    return size()
print(nested_functions_share())
print(type(__builtins__).__name__ in ("module", "dict"))
def param_shadows(x):
    return x
print(param_shadows("param"), x)
