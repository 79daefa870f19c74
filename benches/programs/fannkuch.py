# Permutations, two ways. Fannkuch-redux: every permutation of 0..N-1 is
# generated in place (by rotating prefixes, in the order of the original
# benchmark), and each is "pancake flipped" (reverse the first k items, where
# k is the first item) until a 0 comes first; the result is the largest flip
# count and a checksum alternating in sign. Then the permutations again in
# lexicographic order (swap and reverse the tail), counting derangements and
# inversions. Measures list indexing, slice assignment, reversed slices and
# tight integer loops.

ITERATIONS = 5
N = 8
LEXICOGRAPHIC_N = 8


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    permutation = 0
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        perm = perm1[:]
        flips = 0
        first = perm[0]
        while first:
            perm[:first + 1] = perm[first::-1]
            flips += 1
            first = perm[0]
        if flips > max_flips:
            max_flips = flips
        checksum += flips if permutation % 2 == 0 else -flips
        # Next permutation: rotate the first r + 1 items left until a
        # counter does not wrap.
        while True:
            if r == n:
                return max_flips, checksum, permutation + 1
            head = perm1[0]
            perm1[:r] = perm1[1:r + 1]
            perm1[r] = head
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        permutation += 1


def next_permutation(items):
    """Rearranges items into the next permutation in lexicographic order;
    False (and items unchanged) after the last one."""
    i = len(items) - 2
    while i >= 0 and items[i] >= items[i + 1]:
        i -= 1
    if i < 0:
        return False
    j = len(items) - 1
    while items[j] <= items[i]:
        j -= 1
    items[i], items[j] = items[j], items[i]
    items[i + 1:] = items[:i:-1]
    return True


def lexicographic(n):
    items = list(range(n))
    derangements = 0
    inversions = 0
    index = 0
    while True:
        if all(items[k] != k for k in range(n)):
            derangements += 1
        if index % 3 == 0:
            for a in range(n):
                for b in range(a + 1, n):
                    if items[a] > items[b]:
                        inversions += 1
        index += 1
        if not next_permutation(items):
            return derangements, inversions, items


def run_iteration():
    return fannkuch(N), lexicographic(LEXICOGRAPHIC_N)


def main(n):
    for i in range(n):
        result = run_iteration()
    print(result)


if __name__ == "__main__":
    main(ITERATIONS)
