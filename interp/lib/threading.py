"""Thread primitives for a single-threaded runtime (Ember's threading).

Ember runs one thread. Lock, RLock, Event, Condition, Semaphore, Barrier-free code and
thread-local data behave as they do in CPython's main thread; an operation that could only
succeed if another thread ran (blocking forever on a held lock, waiting on an unset event
with no timeout) raises RuntimeError instead of hanging. Thread objects can be created,
but start() raises RuntimeError("ember: threads are not supported")."""

import time as _time

__all__ = ['get_ident', 'active_count', 'Condition', 'current_thread', 'enumerate',
           'main_thread', 'TIMEOUT_MAX', 'Event', 'Lock', 'RLock', 'Semaphore',
           'BoundedSemaphore', 'Thread', 'Timer', 'local', 'get_native_id',
           'ThreadError', 'excepthook']

TIMEOUT_MAX = 9223372036.0
ThreadError = RuntimeError
_MAIN_IDENT = 1


def _would_block(what):
    return RuntimeError(f"ember: {what} would block forever (threads are not supported)")


def _wait(blocking, timeout, what):
    """A wait that no other thread can end: False after the timeout, error if unbounded."""
    if not blocking:
        return False
    if timeout is None or timeout < 0:
        raise _would_block(what)
    if timeout > 0:
        _time.sleep(timeout)
    return False


class _Lock:
    """A non-reentrant lock (threading.Lock())."""
    __slots__ = ('_locked',)

    def __init__(self):
        self._locked = False

    def acquire(self, blocking=True, timeout=-1):
        if not blocking and timeout != -1:
            raise ValueError("can't specify a timeout for a non-blocking call")
        if timeout < 0 and timeout != -1:
            raise ValueError("timeout value must be a non-negative number")
        if not self._locked:
            self._locked = True
            return True
        return _wait(blocking, None if timeout == -1 else timeout, "acquiring a held lock")

    def release(self):
        if not self._locked:
            raise RuntimeError('release unlocked lock')
        self._locked = False

    def locked(self):
        return self._locked

    __enter__ = acquire

    def __exit__(self, *args):
        self.release()

    def _at_fork_reinit(self):
        self._locked = False

    def __repr__(self):
        state = 'locked' if self._locked else 'unlocked'
        return f'<{state} _thread.lock object>'


def Lock():
    return _Lock()


class _RLock:
    """A reentrant lock: the owning thread may acquire it again."""

    def __init__(self):
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        self._count += 1
        return True

    __enter__ = acquire

    def release(self):
        if self._count == 0:
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1

    def __exit__(self, *args):
        self.release()

    def _is_owned(self):
        return self._count > 0

    def __repr__(self):
        state = 'locked' if self._count else 'unlocked'
        return (f'<{state} {self.__class__.__module__}.{self.__class__.__qualname__} '
                f'object owner={_MAIN_IDENT if self._count else 0} count={self._count}>')


def RLock(*args, **kwargs):
    return _RLock()


class Condition:
    """A condition variable; wait() can only time out (no other thread can notify)."""

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def _is_owned(self):
        if hasattr(self._lock, '_is_owned'):
            return self._lock._is_owned()
        return self._lock.locked()

    def wait(self, timeout=None):
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        return _wait(True, timeout, "Condition.wait()")

    def wait_for(self, predicate, timeout=None):
        result = predicate()
        if result:
            return result
        self.wait(timeout)
        return predicate()

    def notify(self, n=1):
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")

    def notify_all(self):
        self.notify()

    notifyAll = notify_all


class Semaphore:
    """A counter of available resources."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._value = value

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        if self._value > 0:
            self._value -= 1
            return True
        return _wait(blocking, timeout, "acquiring an exhausted semaphore")

    __enter__ = acquire

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        self._value += n

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    """A semaphore that refuses to be released above its initial value."""

    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        if self._value + n > self._initial_value:
            raise ValueError("Semaphore released too many times")
        self._value += n


class Event:
    """A flag that wait() blocks on until set."""

    def __init__(self):
        self._flag = False

    def is_set(self):
        return self._flag

    isSet = is_set

    def set(self):
        self._flag = True

    def clear(self):
        self._flag = False

    def wait(self, timeout=None):
        if self._flag:
            return True
        return _wait(True, timeout, "Event.wait() on an unset event")


class local:
    """Thread-local data: with one thread, plain per-object attributes."""


class Thread:
    """A thread of control. Ember cannot run threads: start() raises RuntimeError."""

    _counter = 0

    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *,
                 daemon=None):
        assert group is None, "group argument must be None for now"
        Thread._counter += 1
        if name is None:
            name = f"Thread-{Thread._counter}"
            if target is not None and hasattr(target, '__name__'):
                name += f" ({target.__name__})"
        self._target = target
        self._name = str(name)
        self._args = args
        self._kwargs = {} if kwargs is None else kwargs
        self._daemonic = bool(daemon) if daemon is not None else False
        self._ident = None
        self._started = False

    def start(self):
        if self._started:
            raise RuntimeError("threads can only be started once")
        raise RuntimeError("ember: threads are not supported")

    def run(self):
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            del self._target, self._args, self._kwargs

    def join(self, timeout=None):
        if not self._started:
            raise RuntimeError("cannot join thread before it is started")

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        self._name = str(name)

    @property
    def ident(self):
        return self._ident

    native_id = ident

    def is_alive(self):
        return False

    @property
    def daemon(self):
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        self._daemonic = daemonic

    def isDaemon(self):
        return self._daemonic

    def setDaemon(self, daemonic):
        self._daemonic = daemonic

    def getName(self):
        return self._name

    def setName(self, name):
        self._name = name

    def __repr__(self):
        status = "initial"
        if self._started:
            status = "started"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (self.__class__.__name__, self._name, status)


class Timer(Thread):
    """Calls a function after a delay (needs a thread: start() raises)."""

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        self.finished.set()


class _MainThread(Thread):
    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._started = True
        self._ident = _MAIN_IDENT

    def is_alive(self):
        return True

    def join(self, timeout=None):
        raise RuntimeError("cannot join current thread")

    def __repr__(self):
        return "<_MainThread(MainThread, started %s)>" % self._ident


_main_thread = _MainThread()
Thread._counter = 0


def current_thread():
    return _main_thread

currentThread = current_thread


def main_thread():
    return _main_thread


def get_ident():
    return _MAIN_IDENT


def get_native_id():
    return _MAIN_IDENT


def active_count():
    return 1

activeCount = active_count


def enumerate():
    return [_main_thread]


def excepthook(args, /):
    raise args.exc_value


def settrace(func):
    pass


def setprofile(func):
    pass


def stack_size(size=0):
    return 0
