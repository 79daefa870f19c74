"""Shallow and deep copy operations (Ember's copy).

Instances are copied through __copy__/__deepcopy__ when defined, else __reduce_ex__ /
__reduce__ when the class defines one, else by creating a bare instance of the class and
copying its __dict__ and slot values."""

from _collections import deque as _deque

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass

error = Error

_atomic = [type(None), int, float, bool, str, bytes, type, range, type(len),
           type(lambda: 0), type(Ellipsis), type(NotImplemented), property]
try:
    _atomic.append(complex)
except NameError:
    pass
_atomic = tuple(_atomic)


def _is_atomic(x):
    return isinstance(x, _atomic) and type(x) in _atomic


def _slot_names(cls):
    names = []
    for c in cls.__mro__:
        slots = c.__dict__.get('__slots__', ())
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name in ('__dict__', '__weakref__'):
                continue
            if name.startswith('__') and not name.endswith('__'):
                name = '_%s%s' % (c.__name__.lstrip('_'), name)
            names.append(name)
    return names


def _user_reduce(cls):
    """The class's own __reduce_ex__/__reduce__ if it overrides object's."""
    for name in ('__reduce_ex__', '__reduce__'):
        for c in cls.__mro__:
            if c is object:
                break
            if name in c.__dict__:
                return name
    return None


def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None,
                 *, deepcopy_fn=None):
    deep = memo is not None
    if deep and args:
        args = deepcopy_fn(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy_fn(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if listiter is not None:
        if deep:
            for item in listiter:
                y.append(deepcopy_fn(item, memo))
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                y[deepcopy_fn(key, memo)] = deepcopy_fn(value, memo)
        else:
            for key, value in dictiter:
                y[key] = value
    return y


def _copy_instance(x, memo):
    cls = type(x)
    y = object.__new__(cls)
    if memo is not None:
        memo[id(x)] = y
    d = getattr(x, '__dict__', None)
    if d:
        d = deepcopy(d, memo) if memo is not None else d
        for key, value in d.items():
            setattr(y, key, value)
    for name in _slot_names(cls):
        try:
            value = getattr(x, name)
        except AttributeError:
            continue
        if memo is not None:
            value = deepcopy(value, memo)
        setattr(y, name, value)
    return y


def _copy_any(x, memo):
    """Copies an object of a user class (shallow when memo is None)."""
    cls = type(x)
    reductor = _user_reduce(cls)
    if reductor is not None:
        rv = getattr(x, reductor)(4) if reductor == '__reduce_ex__' else x.__reduce__()
        if isinstance(rv, str):
            return x
        return _reconstruct(x, memo, *rv, deepcopy_fn=deepcopy)
    if cls.__new__ is not object.__new__ and not isinstance(x, (list, dict, set, tuple)):
        for base in cls.__mro__:
            if base in (list, dict, set, frozenset, tuple, bytes, bytearray, str, int, float):
                break
        else:
            return _copy_instance(x, memo)
    for base in cls.__mro__:
        if base is list:
            y = cls.__new__(cls)
            if memo is not None:
                memo[id(x)] = y
            list.extend(y, [deepcopy(v, memo) for v in x] if memo is not None else x)
            _copy_state(x, y, memo)
            return y
        if base is dict:
            y = cls.__new__(cls)
            if memo is not None:
                memo[id(x)] = y
            for k, v in dict.items(x):
                if memo is not None:
                    k, v = deepcopy(k, memo), deepcopy(v, memo)
                dict.__setitem__(y, k, v)
            _copy_state(x, y, memo)
            return y
        if base is bytearray:
            y = cls.__new__(cls)
            if memo is not None:
                memo[id(x)] = y
            bytearray.extend(y, x)
            _copy_state(x, y, memo)
            return y
        if base in (set, frozenset, tuple, str, bytes, int, float):
            items = base(x)
            if memo is not None and base is tuple:
                items = tuple(deepcopy(v, memo) for v in items)
            y = base.__new__(cls, items)
            if memo is not None:
                memo[id(x)] = y
            _copy_state(x, y, memo)
            return y
    return _copy_instance(x, memo)


def _copy_state(x, y, memo):
    d = getattr(x, '__dict__', None)
    if d:
        for key, value in d.items():
            setattr(y, key, deepcopy(value, memo) if memo is not None else value)


def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)
    if cls in (list, dict, set):
        return x.copy()
    if cls in (tuple, frozenset) or _is_atomic(x):
        return x
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    if issubclass(cls, type):
        return x
    if isinstance(x, _deque):
        return cls(x, x.maxlen)
    if isinstance(x, BaseException):
        y = cls.__new__(cls, *x.args)
        y.args = x.args
        _copy_state(x, y, None)
        return y
    return _copy_any(x, None)


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects (memo maps id -> copy)."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if _is_atomic(x) or issubclass(cls, type):
        return x
    if cls is list:
        y = []
        memo[d] = y
        append = y.append
        for a in x:
            append(deepcopy(a, memo))
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is tuple:
        y = [deepcopy(a, memo) for a in x]
        try:
            return memo[d]
        except KeyError:
            pass
        for k, j in zip(x, y):
            if k is not j:
                y = tuple(y)
                break
        else:
            y = x
    elif cls in (set, frozenset):
        y = cls(deepcopy(a, memo) for a in x)
    else:
        copier = getattr(x, '__deepcopy__', None)
        if copier is not None and not isinstance(x, type):
            y = copier(memo)
        elif isinstance(x, _deque):
            y = cls(maxlen=x.maxlen)
            memo[d] = y
            y.extend(deepcopy(a, memo) for a in x)
        elif isinstance(x, BaseException):
            y = cls.__new__(cls, *x.args)
            y.args = deepcopy(x.args, memo)
            _copy_state(x, y, memo)
        else:
            y = _copy_any(x, memo)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]
