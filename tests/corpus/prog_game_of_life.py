# Program: Conway's game of life on a small torus, using sets of (row, col) tuples (printed only via sorted grids).
W, H = 10, 8
glider = {(0, 1), (1, 2), (2, 0), (2, 1), (2, 2)}
blinker = {(5, 6), (5, 7), (5, 8)}
alive = glider | blinker

def neighbours(cell):
    r, c = cell
    for dr in (-1, 0, 1):
        for dc in (-1, 0, 1):
            if dr or dc:
                yield ((r + dr) % H, (c + dc) % W)

def step(alive):
    counts = {}
    for cell in alive:
        for n in neighbours(cell):
            counts[n] = counts.get(n, 0) + 1
    return {cell for cell, n in counts.items() if n == 3 or (n == 2 and cell in alive)}

def render(alive):
    return "\n".join("".join("#" if (r, c) in alive else "." for c in range(W)) for r in range(H))

for gen in range(5):
    print(f"generation {gen}: {len(alive)} alive")
    print(render(alive))
    alive = step(alive)
for _ in range(35):
    alive = step(alive)
print("after 40 generations:", len(alive), sorted(alive))
