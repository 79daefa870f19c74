# abc (ABC, ABCMeta, abstractmethod, register, __subclasshook__), contextlib, threading, __future__
from __future__ import annotations
import __future__
from abc import ABC, ABCMeta, abstractmethod
import contextlib
from contextlib import contextmanager, suppress, closing, ExitStack, nullcontext
import threading


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def perimeter(self):
        ...

    def describe(self):
        return f'{type(self).__name__} area={self.area()}'


class Half(Shape):
    def area(self):
        return 1


class Square(Half):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s ** 2

    def perimeter(self):
        return 4 * self.s


for cls in (Shape, Half):
    try:
        cls()
    except TypeError as e:
        print(type(e).__name__, e)
sq = Square(3)
print(sq.describe(), sq.perimeter(), isinstance(sq, Shape), issubclass(Square, Shape), Shape.__abstractmethods__ == frozenset({'area', 'perimeter'}))
print(sorted(Half.__abstractmethods__), Square.__abstractmethods__)


class Plugin(metaclass=ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Plugin:
            return hasattr(C, 'run')
        return NotImplemented


class Runner:
    def run(self):
        pass


class Other:
    pass


print(isinstance(Runner(), Plugin), isinstance(Other(), Plugin), issubclass(Runner, Plugin))
Plugin.register(int)
print(isinstance(3, Plugin), issubclass(bool, Plugin), Plugin.register(str) is str)


class WithProp(ABC):
    @property
    @abstractmethod
    def value(self):
        ...


try:
    WithProp()
except TypeError as e:
    print(type(e).__name__, e)


class Concrete(WithProp):
    @property
    def value(self):
        return 42


print(Concrete().value, type(ABC), type(Shape) is ABCMeta)


@contextmanager
def tag(name):
    print(f'<{name}>')
    try:
        yield name.upper()
    finally:
        print(f'</{name}>')


with tag('b') as t:
    print('inside', t)
try:
    with tag('err'):
        raise ValueError('boom')
except ValueError as e:
    print('caught', e)


@contextmanager
def swallow():
    try:
        yield
    except KeyError as e:
        print('swallowed', e)


with swallow():
    raise KeyError('k')
print('after swallow')


@tag('deco')
def decorated():
    print('in decorated')


decorated()


@contextmanager
def no_yield():
    if False:
        yield


try:
    with no_yield():
        pass
except RuntimeError as e:
    print(type(e).__name__, e)

with suppress(ZeroDivisionError, KeyError):
    1 / 0
print('suppressed')
try:
    with suppress(KeyError):
        [][1]
except IndexError as e:
    print('not suppressed', type(e).__name__)


class Res:
    def __init__(self, n):
        self.n = n

    def close(self):
        print('closed', self.n)


with closing(Res(1)) as r:
    print('using', r.n)
with nullcontext(5) as v:
    print('null', v)
with ExitStack() as stack:
    for i in range(3):
        stack.callback(print, 'callback', i)
    stack.enter_context(tag('stacked'))
    print('body')
with ExitStack() as stack:
    stack.push(lambda *exc: print('push exit', exc[0].__name__ if exc[0] else None) or True)
    raise RuntimeError('hidden')
print('exitstack suppressed')
es = ExitStack()
es.callback(print, 'later')
moved = es.pop_all()
es.close()
moved.close()

# threading (single-threaded)
lock = threading.Lock()
print(lock.acquire(), lock.locked(), lock.acquire(False), lock.acquire(timeout=0))
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print(type(e).__name__, e)
with lock:
    print('with lock', lock.locked())
rl = threading.RLock()
with rl:
    with rl:
        print('reentrant ok')
try:
    rl.release()
except RuntimeError as e:
    print(type(e).__name__, e)
ev = threading.Event()
print(ev.is_set(), ev.wait(0))
ev.set()
print(ev.is_set(), ev.wait(), ev.wait(1))
cond = threading.Condition()
with cond:
    cond.notify_all()
    print('cond wait', cond.wait(0))
sem = threading.BoundedSemaphore(2)
print(sem.acquire(), sem.acquire(), sem.acquire(blocking=False))
sem.release(); sem.release()
try:
    sem.release()
except ValueError as e:
    print(type(e).__name__, e)
loc = threading.local()
loc.x = 5
print(loc.x, threading.current_thread().name, threading.main_thread() is threading.current_thread(),
      threading.active_count(), threading.get_ident() == threading.current_thread().ident)
th = threading.Thread(target=print, args=('never',), name='worker')
print(th.name, th.is_alive(), th.daemon)

print(__future__.annotations.compiler_flag == 0x1000000, __future__.division.getMandatoryRelease(), 'annotations' in __future__.all_feature_names)
