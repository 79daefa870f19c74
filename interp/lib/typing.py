"""Type hints at run time (Ember's typing): the names importable, subscription that
builds printable aliases, Generic/Protocol bases, TypeVar, NamedTuple and TypedDict.
No static checking happens: aliases carry __origin__/__args__ for introspection."""

import collections
import collections.abc
import functools

__all__ = ['Any', 'Callable', 'ClassVar', 'Final', 'Generic', 'Literal', 'Optional',
           'Protocol', 'Tuple', 'Type', 'TypeVar', 'Union', 'List', 'Dict', 'Set',
           'FrozenSet', 'NamedTuple', 'TypedDict', 'Iterable', 'Iterator', 'Sequence',
           'Mapping', 'MutableMapping', 'cast', 'overload', 'TYPE_CHECKING', 'NoReturn']

TYPE_CHECKING = False


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if obj is None or obj is type(None):
        return 'None'
    if isinstance(obj, type(_type_repr)):
        return obj.__name__
    return repr(obj)


def _type_check(arg, msg=None):
    if arg is None:
        return type(None)
    if isinstance(arg, str):
        return ForwardRef(arg)
    return arg


class ForwardRef:
    def __init__(self, arg):
        self.__forward_arg__ = arg

    def __repr__(self):
        return f'ForwardRef({self.__forward_arg__!r})'

    def __eq__(self, other):
        return isinstance(other, ForwardRef) and self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)


class _Final:
    __slots__ = ()


class _SpecialForm(_Final):
    """Any, Union, Optional, ClassVar ...: subscriptable names that are not classes."""

    def __init__(self, name, getitem=None, doc=''):
        self._name = name
        self._getitem = getitem
        self.__doc__ = doc

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, parameters):
        if self._getitem is None:
            raise TypeError(f"{self} is not subscriptable")
        return self._getitem(self, parameters)

    def __call__(self, *args, **kwds):
        raise TypeError(f"Cannot instantiate {self!r}")

    def __instancecheck__(self, obj):
        raise TypeError(f"{self} cannot be used with isinstance()")

    def __subclasscheck__(self, cls):
        raise TypeError(f"{self} cannot be used with issubclass()")

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __reduce__(self):
        return self._name

    def __hash__(self):
        return hash(self._name)

    def __eq__(self, other):
        return self is other


class _GenericAlias(_Final):
    """A subscripted generic: List[int], Dict[str, int], Callable[[int], str]."""

    def __init__(self, origin, args, name=None, special_repr=None):
        if not isinstance(args, tuple):
            args = (args,)
        self.__origin__ = origin
        self.__args__ = tuple(... if a is ... else _type_check(a) for a in args)
        self.__parameters__ = tuple(a for a in self.__args__ if isinstance(a, TypeVar))
        self._name = name
        self._special_repr = special_repr

    def __repr__(self):
        if self._special_repr is not None:
            return self._special_repr(self)
        name = 'typing.' + self._name if self._name else _type_repr(self.__origin__)
        if not self.__args__:
            return f'{name}[()]'
        return f'{name}[{", ".join(_type_repr(a) for a in self.__args__)}]'

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __call__(self, *args, **kwargs):
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except Exception:
            pass
        return result

    def __mro_entries__(self, bases):
        origin = self.__origin__
        if isinstance(origin, _SpecialForm):
            raise TypeError(f"Cannot subclass {self!r}")
        res = []
        if origin not in bases:
            res.append(origin)
        i = bases.index(self)
        for b in bases[i + 1:]:
            if isinstance(b, _GenericAlias) or (isinstance(b, type) and issubclass(b, Generic)):
                break
        else:
            if Generic not in res and not (isinstance(origin, type) and issubclass(origin, Generic)):
                res.append(Generic)
        return tuple(res)

    def __getattr__(self, attr):
        if attr.startswith('__') and attr.endswith('__'):
            raise AttributeError(attr)
        return getattr(self.__origin__, attr)

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        subst = dict(zip(self.__parameters__, params))
        return _GenericAlias(self.__origin__,
                             tuple(subst.get(a, a) for a in self.__args__), self._name,
                             self._special_repr)

    def __instancecheck__(self, obj):
        raise TypeError("Subscripted generics cannot be used with class and instance checks")

    def __subclasscheck__(self, cls):
        raise TypeError("Subscripted generics cannot be used with class and instance checks")

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _SpecialGenericAlias(_Final):
    """List, Dict, Iterable ...: an unsubscripted alias of a real class."""

    def __init__(self, origin, nparams, name):
        self.__origin__ = origin
        self._nparams = nparams
        self._name = name

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if self._nparams >= 0 and len(params) != self._nparams:
            raise TypeError(f"Too {'many' if len(params) > self._nparams else 'few'} arguments"
                            f" for {self}; actual {len(params)}, expected {self._nparams}")
        return _GenericAlias(self.__origin__, params, self._name)

    def __call__(self, *args, **kwargs):
        if self._name in ('List', 'Dict', 'Set', 'FrozenSet', 'Tuple', 'Type'):
            raise TypeError(f"Type {self._name} cannot be instantiated; "
                            f"use {self.__origin__.__name__}() instead")
        return self.__origin__(*args, **kwargs)

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__origin__)

    def __subclasscheck__(self, cls):
        return issubclass(cls, self.__origin__)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __getattr__(self, attr):
        if attr.startswith('__') and attr.endswith('__'):
            raise AttributeError(attr)
        return getattr(self.__origin__, attr)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


def _flatten_union(params):
    out = []
    for p in params:
        p = _type_check(p)
        if isinstance(p, _GenericAlias) and p.__origin__ is Union:
            items = p.__args__
        else:
            items = (p,)
        for i in items:
            if i not in out:
                out.append(i)
    return tuple(out)


def _union_repr(alias):
    args = alias.__args__
    if len(args) == 2 and type(None) in args:
        other = args[0] if args[1] is type(None) else args[1]
        return f'typing.Optional[{_type_repr(other)}]'
    return f'typing.Union[{", ".join(_type_repr(a) for a in args)}]'


def _union_getitem(self, parameters):
    if parameters == ():
        raise TypeError("Cannot take a Union of no types.")
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    params = _flatten_union(parameters)
    if len(params) == 1:
        return params[0]
    return _GenericAlias(Union, params, 'Union', _union_repr)


def _optional_getitem(self, parameters):
    return Union[parameters, None]


def _wrap_getitem(name):
    def getitem(self, parameters):
        if not isinstance(parameters, tuple):
            parameters = (parameters,)
        return _GenericAlias(self, parameters, name)
    return getitem


def _literal_repr(alias):
    return f'typing.Literal[{", ".join(repr(a) for a in alias.__args__)}]'


def _literal_getitem(self, parameters):
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    alias = _GenericAlias(self, (), 'Literal', _literal_repr)
    alias.__args__ = parameters
    return alias


Any = _SpecialForm('Any', doc='Special type indicating an unconstrained type.')
NoReturn = _SpecialForm('NoReturn')
Never = _SpecialForm('Never')
Self = _SpecialForm('Self')
LiteralString = _SpecialForm('LiteralString')
TypeAlias = _SpecialForm('TypeAlias')
ClassVar = _SpecialForm('ClassVar', _wrap_getitem('ClassVar'))
Final = _SpecialForm('Final', _wrap_getitem('Final'))
Required = _SpecialForm('Required', _wrap_getitem('Required'))
NotRequired = _SpecialForm('NotRequired', _wrap_getitem('NotRequired'))
Union = _SpecialForm('Union', _union_getitem)
Optional = _SpecialForm('Optional', _optional_getitem)
Literal = _SpecialForm('Literal', _literal_getitem)
Concatenate = _SpecialForm('Concatenate', _wrap_getitem('Concatenate'))
TypeGuard = _SpecialForm('TypeGuard', _wrap_getitem('TypeGuard'))


def _annotated_repr(alias):
    return (f'typing.Annotated[{_type_repr(alias.__origin__)}, '
            f'{", ".join(repr(m) for m in alias.__metadata__)}]')


class _AnnotatedForm(_SpecialForm):
    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) < 2:
            raise TypeError("Annotated[...] should be used with at least two arguments "
                            "(a type and an annotation).")
        alias = _GenericAlias(params[0], (params[0],), None, _annotated_repr)
        alias.__metadata__ = params[1:]
        return alias

Annotated = _AnnotatedForm('Annotated')


class TypeVar(_Final):
    """Type variable: T = TypeVar('T'), bound= or constraints."""

    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        if covariant and contravariant:
            raise ValueError("Bivariant types are not supported.")
        if constraints and bound is not None:
            raise TypeError("Constraints cannot be combined with bound=...")
        if len(constraints) == 1:
            raise TypeError("A single constraint is not allowed")
        self.__constraints__ = constraints
        self.__bound__ = _type_check(bound) if bound is not None else None
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        prefix = '+' if self.__covariant__ else '-' if self.__contravariant__ else '~'
        return prefix + self.__name__

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class ParamSpec(TypeVar):
    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        TypeVar.__init__(self, name, bound=bound, covariant=covariant,
                         contravariant=contravariant)
        self.args = f'{name}.args'
        self.kwargs = f'{name}.kwargs'


class TypeVarTuple(_Final):
    def __init__(self, name):
        self.__name__ = name

    def __repr__(self):
        return self.__name__


AnyStr = TypeVar('AnyStr', bytes, str)
T = TypeVar('T')
KT = TypeVar('KT')
VT = TypeVar('VT')


class Generic:
    """Base for generic classes: class Box(Generic[T])."""
    __slots__ = ()

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        if cls is Generic or cls is Protocol:
            for p in params:
                if not isinstance(p, (TypeVar, TypeVarTuple)):
                    raise TypeError(f"Parameters to {cls.__name__}[...] must all be type variables")
        return _GenericAlias(cls, params, None)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        params = []
        for base in cls.__dict__.get('__orig_bases__', ()):
            for a in getattr(base, '__parameters__', ()):
                if a not in params:
                    params.append(a)
        cls.__parameters__ = tuple(params)


def _protocol_attrs(cls):
    attrs = set()
    for base in cls.__mro__[:-1]:
        if base.__name__ in ('Protocol', 'Generic'):
            continue
        annotations = getattr(base, '__annotations__', {})
        for attr in list(base.__dict__.keys()) + list(annotations.keys()):
            if not attr.startswith('_abc_') and attr not in (
                    '__abstractmethods__', '__annotations__', '__weakref__', '_is_protocol',
                    '_is_runtime_protocol', '__dict__', '__args__', '__slots__',
                    '__next_in_mro__', '__parameters__', '__origin__', '__orig_bases__',
                    '__extra__', '__tree_hash__', '__doc__', '__subclasshook__', '__init__',
                    '__new__', '__module__', '_MutableMapping__marker', '_gorg',
                    '__qualname__', '__init_subclass__', '__class_getitem__'):
                attrs.add(attr)
    return attrs


from abc import ABCMeta as _ABCMeta


class _ProtocolMeta(_ABCMeta):
    def __instancecheck__(cls, instance):
        if getattr(cls, '_is_protocol', False):
            if not getattr(cls, '_is_runtime_protocol', False):
                raise TypeError("Instance and class checks can only be used with "
                                "@runtime_checkable protocols")
            if all(hasattr(instance, attr) and
                   (not callable(getattr(cls, attr, None)) or getattr(instance, attr) is not None)
                   for attr in _protocol_attrs(cls)):
                return True
        return super().__instancecheck__(instance)


class Protocol(Generic, metaclass=_ProtocolMeta):
    """Base for structural types (checked at run time only with @runtime_checkable)."""
    __slots__ = ()
    _is_protocol = True
    _is_runtime_protocol = False

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if not cls.__dict__.get('_is_protocol', False):
            cls._is_protocol = any(b is Protocol or getattr(b, '_is_protocol', False) and
                                   Protocol in b.__mro__ for b in cls.__bases__)


def runtime_checkable(cls):
    cls._is_runtime_protocol = True
    return cls


_alias = _SpecialGenericAlias
cabc = collections.abc
Hashable = _alias(cabc.Hashable, 0, 'Hashable')
Awaitable = _alias(cabc.Awaitable, 1, 'Awaitable')
Coroutine = _alias(cabc.Coroutine, 3, 'Coroutine')
AsyncIterable = _alias(cabc.AsyncIterable, 1, 'AsyncIterable')
AsyncIterator = _alias(cabc.AsyncIterator, 1, 'AsyncIterator')
Iterable = _alias(cabc.Iterable, 1, 'Iterable')
Iterator = _alias(cabc.Iterator, 1, 'Iterator')
Reversible = _alias(cabc.Reversible, 1, 'Reversible')
Sized = _alias(cabc.Sized, 0, 'Sized')
Container = _alias(cabc.Container, 1, 'Container')
Collection = _alias(cabc.Collection, 1, 'Collection')
AbstractSet = _alias(cabc.Set, 1, 'AbstractSet')
MutableSet = _alias(cabc.MutableSet, 1, 'MutableSet')
Mapping = _alias(cabc.Mapping, 2, 'Mapping')
MutableMapping = _alias(cabc.MutableMapping, 2, 'MutableMapping')
Sequence = _alias(cabc.Sequence, 1, 'Sequence')
MutableSequence = _alias(cabc.MutableSequence, 1, 'MutableSequence')
ByteString = _alias(cabc.ByteString, 0, 'ByteString')
List = _alias(list, 1, 'List')
Deque = _alias(collections.deque, 1, 'Deque')
Set = _alias(set, 1, 'Set')
FrozenSet = _alias(frozenset, 1, 'FrozenSet')
MappingView = _alias(cabc.MappingView, 1, 'MappingView')
KeysView = _alias(cabc.KeysView, 1, 'KeysView')
ItemsView = _alias(cabc.ItemsView, 2, 'ItemsView')
ValuesView = _alias(cabc.ValuesView, 1, 'ValuesView')
Dict = _alias(dict, 2, 'Dict')
DefaultDict = _alias(collections.defaultdict, 2, 'DefaultDict')
OrderedDict = _alias(collections.OrderedDict, 2, 'OrderedDict')
Counter = _alias(collections.Counter, 1, 'Counter')
ChainMap = _alias(collections.ChainMap, 2, 'ChainMap')
Generator = _alias(cabc.Generator, 3, 'Generator')
AsyncGenerator = _alias(cabc.AsyncGenerator, 2, 'AsyncGenerator')
Type = _alias(type, 1, 'Type')
Text = str


def _tuple_repr(alias):
    if alias.__args__ == ((),):
        return 'typing.Tuple[()]'
    return f'typing.Tuple[{", ".join(_type_repr(a) for a in alias.__args__)}]'


class _TupleAlias(_SpecialGenericAlias):
    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if params == ():
            params = ((),)
        return _GenericAlias(tuple, params, 'Tuple', _tuple_repr)

Tuple = _TupleAlias(tuple, -1, 'Tuple')


def _callable_repr(alias):
    args = alias.__args__
    if len(args) == 2 and args[0] is ...:
        return f'typing.Callable[..., {_type_repr(args[1])}]'
    return (f'typing.Callable[[{", ".join(_type_repr(a) for a in args[:-1])}], '
            f'{_type_repr(args[-1])}]')


class _CallableAlias(_SpecialGenericAlias):
    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError("Callable must be used as Callable[[arg, ...], result].")
        args, result = params
        if args is ...:
            flat = (..., result)
        else:
            if not isinstance(args, list):
                raise TypeError("Callable[args, result]: args must be a list. "
                                f"Got {args!r:.100}.")
            flat = tuple(args) + (result,)
        return _GenericAlias(cabc.Callable, flat, 'Callable', _callable_repr)

Callable = _CallableAlias(cabc.Callable, 2, 'Callable')


class SupportsInt(Protocol):
    __slots__ = ()

class SupportsFloat(Protocol):
    __slots__ = ()

class SupportsIndex(Protocol):
    __slots__ = ()

class SupportsAbs(Protocol):
    __slots__ = ()

class SupportsRound(Protocol):
    __slots__ = ()

class SupportsBytes(Protocol):
    __slots__ = ()


class IO(Generic):
    pass

class TextIO(IO):
    pass

class BinaryIO(IO):
    pass


def cast(typ, val):
    """Returns val unchanged (a hint for static checkers)."""
    return val


def assert_type(val, typ, /):
    return val


def reveal_type(obj, /):
    import sys
    print(f"Runtime type is {type(obj).__name__!r}", file=sys.stderr)
    return obj


def assert_never(arg, /):
    value = repr(arg)
    if len(value) > 100:
        value = value[:100] + '...'
    raise AssertionError(f"Expected code to be unreachable, but got: {value}")


def _overload_dummy(*args, **kwds):
    raise NotImplementedError(
        "You should not call an overloaded function. "
        "A series of @typing.overload-decorated functions "
        "outside a stub module should always be followed "
        "by an implementation that is not @typing.overload-decorated.")


def overload(func):
    return _overload_dummy


def final(f):
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def no_type_check(arg):
    return arg


def no_type_check_decorator(decorator):
    return decorator


def dataclass_transform(**kwargs):
    return lambda cls_or_fn: cls_or_fn


def NewType(name, tp):
    """A callable that returns its argument, named for static checkers."""
    def new_type(x):
        return x
    new_type.__name__ = name
    new_type.__qualname__ = name
    new_type.__supertype__ = tp
    return new_type


def get_origin(tp):
    if isinstance(tp, (_GenericAlias, _SpecialGenericAlias)):
        if getattr(tp, '__metadata__', None) is not None:
            return Annotated
        return tp.__origin__
    if tp is Generic:
        return Generic
    return None


def get_args(tp):
    if isinstance(tp, _GenericAlias):
        if getattr(tp, '__metadata__', None) is not None:
            return (tp.__origin__,) + tp.__metadata__
        args = tp.__args__
        if tp.__origin__ is cabc.Callable and not (len(args) == 2 and args[0] is ...):
            return (list(args[:-1]), args[-1])
        return args
    return ()


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            hints.update(base.__dict__.get('__annotations__', {}))
    else:
        hints.update(getattr(obj, '__annotations__', {}))
    return {k: (type(None) if v is None else v) for k, v in hints.items()}


def is_typeddict(tp):
    return isinstance(tp, _TypedDictMeta)


# ----- NamedTuple and TypedDict ---------------------------------------------------------

class _NamedTupleMeta(type):
    def __new__(cls, typename, bases, ns):
        if ns.get('_root', False):
            return super().__new__(cls, typename, bases, ns)
        types = ns.get('__annotations__', {})
        default_names = []
        for field_name in types:
            if field_name in ns:
                default_names.append(field_name)
            elif default_names:
                raise TypeError(f"Non-default namedtuple field {field_name} "
                                f"cannot follow default field"
                                f"{'s' if len(default_names) > 1 else ''} "
                                f"{', '.join(default_names)}")
        nm_tpl = collections.namedtuple(typename, list(types),
                                        defaults=[ns[n] for n in default_names],
                                        module=ns.get('__module__', '__main__'))
        nm_tpl.__annotations__ = dict(types)
        for key in ns:
            if key in ('__module__', '__qualname__', '__annotations__', '_root'):
                continue
            if key in ('_make', '_fields', '_field_defaults', '_asdict', '_replace',
                       '__new__', '__init__', '__slots__', '__getnewargs__'):
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            if key not in nm_tpl._fields:
                setattr(nm_tpl, key, ns[key])
        if '__qualname__' in ns:
            nm_tpl.__qualname__ = ns['__qualname__']
        return nm_tpl


class NamedTuple(metaclass=_NamedTupleMeta):
    """Typed namedtuple: class syntax or NamedTuple('Name', [('x', int)])."""
    _root = True

    def __new__(cls, typename, fields=None, /, **kwargs):
        if fields is None:
            fields = kwargs.items()
        fields = list(fields)
        nt = collections.namedtuple(typename, [n for n, t in fields], module='__main__')
        nt.__annotations__ = dict(fields)
        return nt


class _TypedDictMeta(type):
    def __new__(cls, name, bases, ns, total=True):
        annotations = {}
        for base in bases:
            annotations.update(base.__dict__.get('__annotations__', {}))
        annotations.update(ns.get('__annotations__', {}))
        tp_dict = type.__new__(_TypedDictMeta, name, (dict,), dict(ns))
        tp_dict.__annotations__ = annotations
        keys = set(annotations)
        tp_dict.__required_keys__ = frozenset(keys) if total else frozenset()
        tp_dict.__optional_keys__ = frozenset() if total else frozenset(keys)
        tp_dict.__total__ = total
        return tp_dict

    def __call__(cls, *args, **kwargs):
        return dict(*args, **kwargs)

    def __subclasscheck__(cls, other):
        raise TypeError('TypedDict does not support instance and class checks')

    __instancecheck__ = __subclasscheck__


def TypedDict(typename, fields=None, /, *, total=True, **kwargs):
    """A dict type with declared keys: instances are plain dicts."""
    if fields is None:
        fields = kwargs
    ns = {'__annotations__': dict(fields), '__module__': '__main__'}
    return _TypedDictMeta(typename, (), ns, total=total)


_TypedDict = type.__new__(_TypedDictMeta, 'TypedDict', (), {})
TypedDict.__mro_entries__ = lambda bases: (_TypedDict,)
