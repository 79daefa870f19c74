"""Heap queue algorithm (a.k.a. priority queue), written for Ember.

Heaps are lists for which a[k] <= a[2*k+1] and a[k] <= a[2*k+2] for every k; a[0] is
the smallest item. The sift algorithms are the ones CPython's heapq uses (the "bottom-up"
siftup of Knuth, exercise 5.2.3-18), so the positions of equal items, the number of
comparisons and therefore every result order match CPython exactly.
"""

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']


def _need_list(name, heap):
    if not isinstance(heap, list):
        which = "argument" if name == 'heapify' else "argument 1"
        raise TypeError(f"{name}() {which} must be list, not {type(heap).__name__}")


def heappush(heap, item):
    """Push item onto heap, maintaining the heap invariant."""
    _need_list('heappush', heap)
    heap.append(item)
    _siftdown(heap, 0, len(heap) - 1)


def heappop(heap):
    """Pop the smallest item off the heap, maintaining the heap invariant."""
    _need_list('heappop', heap)
    if not heap:
        raise IndexError('index out of range')
    last = heap.pop()
    if not heap:
        return last
    smallest = heap[0]
    heap[0] = last
    _siftup(heap, 0)
    return smallest


def heapreplace(heap, item):
    """Pop and return the smallest item, then push item (the heap must not be empty)."""
    _need_list('heapreplace', heap)
    if not heap:
        raise IndexError('index out of range')
    smallest = heap[0]
    heap[0] = item
    _siftup(heap, 0)
    return smallest


def heappushpop(heap, item):
    """Push item on the heap, then pop and return the smallest item (faster than both)."""
    _need_list('heappushpop', heap)
    if heap and heap[0] < item:
        smallest = heap[0]
        heap[0] = item
        _siftup(heap, 0)
        return smallest
    return item


def heapify(x):
    """Transform list x into a heap, in place, in linear time."""
    _need_list('heapify', x)
    for i in range(len(x) // 2 - 1, -1, -1):
        _siftup(x, i)


def _siftdown(heap, startpos, pos):
    # Moves the item at pos up towards startpos while it is smaller than its parent.
    item = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if item < parent:
            heap[pos] = parent
            pos = parentpos
        else:
            break
    heap[pos] = item


def _siftup(heap, pos):
    # Moves the hole at pos down to a leaf, always promoting the smaller child, then
    # sifts the item back up: fewer comparisons than stopping early on average.
    endpos = len(heap)
    startpos = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < endpos:
        right = child + 1
        if right < endpos and not heap[child] < heap[right]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _siftdown(heap, startpos, pos)


# Max-heap variants, used by nsmallest() and merge(reverse=True).

def _siftdown_max(heap, startpos, pos):
    item = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if parent < item:
            heap[pos] = parent
            pos = parentpos
        else:
            break
    heap[pos] = item


def _siftup_max(heap, pos):
    endpos = len(heap)
    startpos = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < endpos:
        right = child + 1
        if right < endpos and not heap[right] < heap[child]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _siftdown_max(heap, startpos, pos)


def _heapify_max(x):
    for i in range(len(x) // 2 - 1, -1, -1):
        _siftup_max(x, i)


def _heappop_max(heap):
    last = heap.pop()
    if not heap:
        return last
    largest = heap[0]
    heap[0] = last
    _siftup_max(heap, 0)
    return largest


def _heapreplace_max(heap, item):
    largest = heap[0]
    heap[0] = item
    _siftup_max(heap, 0)
    return largest


def merge(*iterables, key=None, reverse=False):
    """Merge sorted inputs into a single sorted output (a generator).

    Equal items keep the order of the inputs they come from: each heap entry carries the
    input's position, so ties never compare the items' iterators.
    """
    if reverse:
        make_heap, pop, replace, direction = _heapify_max, _heappop_max, _heapreplace_max, -1
    else:
        make_heap, pop, replace, direction = heapify, heappop, heapreplace, 1
    h = []
    if key is None:
        for order, it in enumerate(map(iter, iterables)):
            for value in it:
                h.append([value, order * direction, it])
                break
        make_heap(h)
        while len(h) > 1:
            entry = h[0]
            yield entry[0]
            it = entry[2]
            for value in it:
                entry[0] = value
                replace(h, entry)
                break
            else:
                pop(h)
        if h:
            value, _, it = h[0]
            yield value
            yield from it
        return
    for order, it in enumerate(map(iter, iterables)):
        for value in it:
            h.append([key(value), order * direction, value, it])
            break
    make_heap(h)
    while len(h) > 1:
        entry = h[0]
        yield entry[2]
        it = entry[3]
        for value in it:
            entry[0] = key(value)
            entry[2] = value
            replace(h, entry)
            break
        else:
            pop(h)
    if h:
        _, _, value, it = h[0]
        yield value
        yield from it


def nsmallest(n, iterable, key=None):
    """The n smallest items of iterable, as sorted(iterable, key=key)[:n] would give."""
    if n == 1:
        missing = object()
        if key is None:
            best = min(iterable, default=missing)
        else:
            best = min(iterable, default=missing, key=key)
        return [] if best is missing else [best]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key)[:n]
    it = iter(iterable)
    if key is None:
        # A max-heap of (item, order): order breaks ties so equal items keep their
        # input order and the items themselves are compared only with <.
        result = [(elem, i) for i, elem in zip(range(n), it)]
        if not result:
            return result
        _heapify_max(result)
        top = result[0][0]
        order = n
        for elem in it:
            if elem < top:
                _heapreplace_max(result, (elem, order))
                top = result[0][0]
                order += 1
        result.sort()
        return [entry[0] for entry in result]
    result = [(key(elem), i, elem) for i, elem in zip(range(n), it)]
    if not result:
        return result
    _heapify_max(result)
    top = result[0][0]
    order = n
    for elem in it:
        k = key(elem)
        if k < top:
            _heapreplace_max(result, (k, order, elem))
            top = result[0][0]
            order += 1
    result.sort()
    return [entry[2] for entry in result]


def nlargest(n, iterable, key=None):
    """The n largest items of iterable, as sorted(iterable, key=key, reverse=True)[:n]."""
    if n == 1:
        missing = object()
        if key is None:
            best = max(iterable, default=missing)
        else:
            best = max(iterable, default=missing, key=key)
        return [] if best is missing else [best]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key, reverse=True)[:n]
    it = iter(iterable)
    # A min-heap of (item, order) with decreasing orders, so that after the final
    # reverse sort equal items come out in input order.
    if key is None:
        result = [(elem, i) for i, elem in zip(range(0, -n, -1), it)]
        if not result:
            return result
        heapify(result)
        top = result[0][0]
        order = -n
        for elem in it:
            if top < elem:
                heapreplace(result, (elem, order))
                top = result[0][0]
                order -= 1
        result.sort(reverse=True)
        return [entry[0] for entry in result]
    result = [(key(elem), i, elem) for i, elem in zip(range(0, -n, -1), it)]
    if not result:
        return result
    heapify(result)
    top = result[0][0]
    order = -n
    for elem in it:
        k = key(elem)
        if top < k:
            heapreplace(result, (k, order, elem))
            top = result[0][0]
            order -= 1
    result.sort(reverse=True)
    return [entry[2] for entry in result]
