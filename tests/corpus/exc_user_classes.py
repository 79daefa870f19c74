# Checks user-defined exception classes: custom __init__, args, __str__ override, hierarchies, extra attributes.
class AppError(Exception):
    pass

class NotFound(AppError):
    def __init__(self, name, code=404):
        super().__init__(f"{name} not found")
        self.name = name
        self.code = code

class Validation(AppError):
    def __init__(self, field, problem):
        self.field = field
        self.problem = problem
        super().__init__(field, problem)
    def __str__(self):
        return f"{self.field}: {self.problem}"

class Bare(Exception):
    def __init__(self):
        pass

for exc in [AppError("generic", 1), NotFound("page"), Validation("email", "missing @"), Bare()]:
    try:
        raise exc
    except AppError as e:
        print("AppError branch:", type(e).__name__, "|", e, "|", e.args, "|", repr(e))
    except Exception as e:
        print("Exception branch:", type(e).__name__, "|", repr(str(e)), "|", e.args)

try:
    raise NotFound("user", code=410)
except NotFound as e:
    print(e.name, e.code, e)

print(issubclass(NotFound, AppError), issubclass(NotFound, Exception), issubclass(AppError, NotFound))
print([c.__name__ for c in NotFound.__mro__])

class WithDefaultMsg(Exception):
    def __init__(self, msg="default message"):
        super().__init__(msg)
try:
    raise WithDefaultMsg
except WithDefaultMsg as e:
    print(e, e.args)

e = AppError("a", "b")
print(str(e), repr(e), len(e.args))
print(str(AppError()), repr(AppError()), repr(AppError("x")))
print(str(AppError(42)), str(AppError(None)), str(AppError([1, 2])))
e.custom = "attached"
print(e.custom)

class MultiBase(KeyError, AppError):
    pass
try:
    raise MultiBase("both")
except AppError as e:
    print("caught via AppError:", repr(e), str(e))
try:
    raise MultiBase("both")
except LookupError as e:
    print("caught via LookupError:", type(e).__name__)
