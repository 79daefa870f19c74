# Program: word frequency and text statistics with dicts, sorting by multiple keys, and formatted report output.
text = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness, it was the spring of hope,
it was the winter of despair."""

words = []
for raw in text.split():
    w = raw.strip(".,;:!?").lower()
    if w:
        words.append(w)
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
print("words:", len(words), "unique:", len(freq))
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:8]
for word, count in top:
    print(f"{word:>12} {count:3d} {'*' * count}")
by_len = {}
for w in freq:
    by_len.setdefault(len(w), []).append(w)
for length in sorted(by_len):
    print(length, sorted(by_len[length]))
lines = text.splitlines()
print([len(l) for l in lines], max(lines, key=len)[:20])
letters = {}
for ch in text.lower():
    if ch.isalpha():
        letters[ch] = letters.get(ch, 0) + 1
common = sorted(letters, key=lambda c: (-letters[c], c))[:5]
print(common, [letters[c] for c in common])
print(sum(len(w) for w in words) / len(words))
print(" ".join(w.capitalize() for w in words[:6]))
acronym = "".join(w[0].upper() for w in "portable network graphics".split())
print(acronym)
