import sys, re, collections
# usage: agg.py file.txt (output of jfr print --events jdk.ExecutionSample --stack-depth 64)
txt = open(sys.argv[1]).read()
events = txt.split('jdk.ExecutionSample')
self_c = collections.Counter(); incl = collections.Counter(); threads = collections.Counter(); n = 0
pats = [l.strip() for l in open(sys.argv[2])] if len(sys.argv) > 2 else []
for ev in events[1:]:
    m = re.search(r'sampledThread = "([^"]*)"', ev)
    th = re.sub(r'\d+', 'N', m.group(1)) if m else '?'
    frames = re.findall(r'^\s+([\w$.<>]+\([^)]*\))\s+line:', ev, re.M)
    if not frames: continue
    n += 1; threads[th] += 1
    self_c[frames[0]] += 1
    seen = set()
    for p in pats:
        if any(p in f for f in frames): incl[p] += 1
print("samples", n)
print("threads:", threads.most_common(8))
print("--- self top 25")
for f, c in self_c.most_common(25): print(f"{100*c/n:5.1f}% {f}")
print("--- inclusive")
for p in pats: print(f"{100*incl[p]/n:5.1f}% {p}")
