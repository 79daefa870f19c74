# A board game: Reversi (Othello) played by two alpha-beta searchers with a
# positional evaluation plus mobility. The board is a flat list with a
# sentinel border, so neighbours are fixed offsets. Measures list indexing,
# tight loops with early exits, recursion, and small-int arithmetic.

ITERATIONS = 5
DEPTH = 3
MOVES = 24

EMPTY = 0
BLACK = 1
WHITE = 2
BORDER = 3

DIRECTIONS = [-11, -10, -9, -1, 1, 9, 10, 11]

WEIGHTS = [
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 120, -20, 20, 5, 5, 20, -20, 120, 0,
    0, -20, -40, -5, -5, -5, -5, -40, -20, 0,
    0, 20, -5, 15, 3, 3, 15, -5, 20, 0,
    0, 5, -5, 3, 3, 3, 3, -5, 5, 0,
    0, 5, -5, 3, 3, 3, 3, -5, 5, 0,
    0, 20, -5, 15, 3, 3, 15, -5, 20, 0,
    0, -20, -40, -5, -5, -5, -5, -40, -20, 0,
    0, 120, -20, 20, 5, 5, 20, -20, 120, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
]

SQUARES = [10 * row + col for row in range(1, 9) for col in range(1, 9)]


def new_board():
    board = [BORDER] * 100
    for square in SQUARES:
        board[square] = EMPTY
    board[44] = WHITE
    board[45] = BLACK
    board[54] = BLACK
    board[55] = WHITE
    return board


def opponent(player):
    return BLACK + WHITE - player


def flips(board, square, player, direction):
    """The squares flipped in one direction by playing `square`."""
    other = opponent(player)
    run = []
    at = square + direction
    while board[at] == other:
        run.append(at)
        at += direction
    if run and board[at] == player:
        return run
    return []


def legal(board, square, player):
    if board[square] != EMPTY:
        return False
    other = opponent(player)
    for direction in DIRECTIONS:
        at = square + direction
        if board[at] != other:
            continue
        at += direction
        while board[at] == other:
            at += direction
        if board[at] == player:
            return True
    return False


def moves(board, player):
    return [square for square in SQUARES if legal(board, square, player)]


def play(board, square, player):
    after = board[:]
    after[square] = player
    for direction in DIRECTIONS:
        for flipped in flips(board, square, player, direction):
            after[flipped] = player
    return after


def evaluate(board, player):
    other = opponent(player)
    score = 0
    for square in SQUARES:
        piece = board[square]
        if piece == player:
            score += WEIGHTS[square]
        elif piece == other:
            score -= WEIGHTS[square]
    mobility = len(moves(board, player)) - len(moves(board, other))
    return score + 4 * mobility


class Searcher:
    def __init__(self, depth):
        self.depth = depth
        self.nodes = 0

    def negamax(self, board, player, depth, alpha, beta):
        self.nodes += 1
        if depth == 0:
            return evaluate(board, player)
        options = moves(board, player)
        if not options:
            if not moves(board, opponent(player)):
                return final_score(board, player) * 1000
            return -self.negamax(board, opponent(player), depth - 1, -beta, -alpha)
        for square in options:
            value = -self.negamax(play(board, square, player), opponent(player),
                                  depth - 1, -beta, -alpha)
            if value > alpha:
                alpha = value
                if alpha >= beta:
                    break
        return alpha

    def choose(self, board, player):
        best = None
        best_value = -1000000
        for square in moves(board, player):
            value = -self.negamax(play(board, square, player), opponent(player),
                                  self.depth - 1, -1000000, -best_value)
            if value > best_value:
                best = square
                best_value = value
        return best


def final_score(board, player):
    mine = 0
    theirs = 0
    for square in SQUARES:
        if board[square] == player:
            mine += 1
        elif board[square] != EMPTY:
            theirs += 1
    return mine - theirs


def show(board):
    marks = ".XO"
    return "/".join("".join(marks[board[10 * row + col]] for col in range(1, 9))
                    for row in range(1, 9))


def run_iteration():
    board = new_board()
    player = BLACK
    searcher = Searcher(DEPTH)
    history = []
    for _ in range(MOVES):
        square = searcher.choose(board, player)
        if square is None:
            history.append("pass")
        else:
            history.append("%s%d" % ("abcdefgh"[square % 10 - 1], square // 10))
            board = play(board, square, player)
        player = opponent(player)
    return " ".join(history), show(board), final_score(board, BLACK), searcher.nodes


def main(n):
    for i in range(n):
        result = run_iteration()
    print(result)


if __name__ == "__main__":
    main(ITERATIONS)
