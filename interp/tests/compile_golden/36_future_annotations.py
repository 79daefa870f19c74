"""Docstring first: future imports may follow it."""
from __future__ import annotations
from __future__ import generator_stop

class Node:
    next: Node | None = None
    children: list[Node]
    weight: dict[str, tuple[int, ...]]

x: Callable[[int], str] = print
obj.attr: undefined_name          # not evaluated under the future import
