# Checks building a text file line by line, reading it back with line iteration and parsing numbers. Writes corpus_file_lines.txt.
name = "corpus_file_lines.txt"
rows = [("alice", 30, 1.5), ("bob", 25, 2.25), ("carol", 35, 0.75)]
with open(name, "w") as f:
    f.write("name,age,score\n")
    for r in rows:
        f.write(",".join(str(x) for x in r) + "\n")
    print("header", "written", file=f)

with open(name) as f:
    header = f.readline().strip().split(",")
    data = []
    for line in f:
        line = line.strip()
        if not line or "," not in line:
            print("skipping", repr(line))
            continue
        name_, age, score = line.split(",")
        data.append({"name": name_, "age": int(age), "score": float(score)})
print(header)
for d in data:
    print(d)
print(sum(d["age"] for d in data), max(data, key=lambda d: d["score"])["name"])

with open(name, "w") as f:
    f.writelines(f"{i}\n" for i in range(10))
with open(name) as f:
    nums = [int(line) for line in f]
print(nums, sum(nums))
with open(name) as f:
    print(f.read(5).split(), repr(f.readline()), repr(f.read()[:6]))
with open(name) as f:
    all_lines = list(f)
print(len(all_lines), all_lines[:2])
with open(name, "w") as f:
    pass
with open(name) as f:
    print(repr(f.read()), f.readlines())
