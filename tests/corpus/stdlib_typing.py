# typing: names, subscription and reprs at run time, TypeVar, Generic, Protocol, NamedTuple, TypedDict
from typing import (Any, List, Dict, Optional, Union, Tuple, Callable, TypeVar, Generic, NamedTuple,
                    Protocol, Set, FrozenSet, Iterable, Iterator, Sequence, Mapping, Type, ClassVar,
                    Literal, Final, cast, overload, get_origin, get_args, runtime_checkable, TypedDict,
                    Deque, DefaultDict, NoReturn, Annotated, NewType, TYPE_CHECKING)
import typing

print(List[int], Dict[str, int], Optional[int], Union[int, str], Union[int, None], Tuple[int, ...])
print(Tuple[()], Callable[[int, str], bool], Callable[..., int], Set[int], FrozenSet[str], Iterable[int])
print(Any, Optional, Union, List, Union[int, Union[str, int]], Union[int], Literal['a', 1], Type[int])
print(Sequence[int], Mapping[str, List[int]], Deque[int], DefaultDict[str, int], ClassVar[int], Final[int])
print(List[int] == List[int], List[int] == List[str], get_origin(List[int]), get_args(Dict[str, int]),
      get_args(Callable[[int], str]), get_origin(Union[int, str]) is Union, get_origin(int))
print(isinstance([], List), isinstance({}, Dict), isinstance(3, Iterable), TYPE_CHECKING)
try:
    List([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    isinstance([], List[int])
except TypeError as e:
    print(type(e).__name__, e)
try:
    isinstance(1, Any)
except TypeError as e:
    print(type(e).__name__, e)
print(cast(int, 'x'), Annotated[int, 'meta'], NoReturn)

T = TypeVar('T')
K = TypeVar('K', bound=str)
print(T, K.__bound__, TypeVar('C', covariant=True))


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []

    def push(self, item: T) -> None:
        self.items.append(item)

    def pop(self) -> T:
        return self.items.pop()


s = Stack[int]()
s.push(1); s.push(2)
print(s.pop(), type(s).__name__, Stack.__parameters__, isinstance(s, Stack), Stack[int])


class Pair(Generic[K, T]):
    pass


print(Pair.__parameters__, Pair[str, int])


class Employee(NamedTuple):
    name: str
    id: int = 3

    def describe(self) -> str:
        return f'{self.name}#{self.id}'


e = Employee('ann')
print(e, e.describe(), e._fields, e._field_defaults, Employee.__annotations__, isinstance(e, tuple))
E2 = NamedTuple('E2', [('a', int), ('b', str)])
print(E2(1, 'x'), E2._fields)


@runtime_checkable
class Closable(Protocol):
    def close(self) -> None:
        ...


class F:
    def close(self):
        pass


print(isinstance(F(), Closable), isinstance(1, Closable))


class Movie(TypedDict):
    title: str
    year: int


mv = Movie(title='x', year=1)
print(mv, type(mv).__name__, Movie.__annotations__, Movie.__total__)

UserId = NewType('UserId', int)
print(UserId(5), UserId.__name__)


@overload
def over(x: int) -> int: ...
@overload
def over(x: str) -> str: ...
def over(x):
    return x


print(over(3))


def annotated(a: int, b: 'str' = 'x') -> Optional[List[int]]:
    return None


print(annotated(1), typing.get_type_hints(Employee))
