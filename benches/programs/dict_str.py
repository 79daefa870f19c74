# Word counting over generated text: measures str split/join/strip/format,
# string concatenation, dict get/set/iteration and sorting with key functions.
# Nothing here depends on hash() or set order, so the output is stable under
# any PYTHONHASHSEED.

ITERATIONS = 5
LINES = 12000
WORDS_PER_LINE = 12

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "pa", "qu", "do"]


def make_vocabulary(size):
    words = []
    seed = 42
    for i in range(size):
        seed = (seed * 214013 + 2531011) % 4294967296
        count = 1 + (seed >> 16) % 3
        word = ""
        s = seed
        for _ in range(count):
            word += SYLLABLES[s % len(SYLLABLES)]
            s //= len(SYLLABLES)
        words.append(word)
    return words


def make_text(vocabulary, lines, per_line):
    out = []
    seed = 7
    n = len(vocabulary)
    for line_no in range(lines):
        words = []
        for _ in range(per_line):
            seed = (seed * 1103515245 + 12345) % 2147483648
            # Skew towards the front of the vocabulary, like real text.
            r = (seed >> 8) % (n * n)
            words.append(vocabulary[int(r ** 0.5)] if r % 3 else vocabulary[r % n])
        if line_no % 5 == 0:
            words[0] = words[0].capitalize()
        out.append("  " + " ".join(words) + ". ")
    return "\n".join(out)


def count_words(text):
    counts = {}
    for line in text.split("\n"):
        for word in line.strip().rstrip(".").split():
            word = word.lower()
            counts[word] = counts.get(word, 0) + 1
    return counts


def count_pairs(text):
    pairs = {}
    for line in text.splitlines():
        words = line.split()
        for i in range(len(words) - 1):
            key = words[i] + "|" + words[i + 1]
            if key in pairs:
                pairs[key] += 1
            else:
                pairs[key] = 1
    return pairs


def letter_histogram(counts):
    letters = {}
    for word, n in counts.items():
        for ch in word:
            letters[ch] = letters.get(ch, 0) + n
    return letters


def top(counts, k):
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return ranked[:k]


def report(counts, pairs, letters):
    lines = []
    for word, n in top(counts, 5):
        lines.append("{}={}".format(word, n))
    for pair, n in top(pairs, 3):
        lines.append("%s:%d" % (pair.replace("|", "+"), n))
    letter_line = "".join(ch for ch, _ in top(letters, 6))
    lines.append(f"{letter_line.upper()}/{len(counts)}/{len(pairs)}")
    return " ".join(lines)


def checksum(counts):
    total = 0
    for word in sorted(counts):
        for ch in word:
            total = (total * 31 + ord(ch)) % 1000000007
        total = (total + counts[word]) % 1000000007
    return total


def run_iteration():
    vocabulary = make_vocabulary(400)
    text = make_text(vocabulary, LINES, WORDS_PER_LINE)
    counts = count_words(text)
    pairs = count_pairs(text)
    letters = letter_histogram(counts)
    return report(counts, pairs, letters) + " #" + str(checksum(counts))


def main(n):
    for i in range(n):
        result = run_iteration()
    print(result)


if __name__ == "__main__":
    main(ITERATIONS)
