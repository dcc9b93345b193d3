"""Top callers (by cost of calls) of a function in a callgrind file: callers.py FILE FUNC [N]"""
import re, subprocess, sys
path, func = sys.argv[1], sys.argv[2]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 6
out = subprocess.run(['callgrind_annotate', '--tree=caller', '--inclusive=yes', '--threshold=100', path],
                     capture_output=True, text=True).stdout.split('\n\n')
for block in out:
    lines = block.splitlines()
    star = [l for l in lines if re.search(r'\*\s+\S+:' + re.escape(func) + r' \[', l)]
    if not star:
        continue
    rows = []
    for l in lines:
        m = re.match(r'\s*([\d,]+) .*<\s+\S+?:(\S+) \((\S+)x\)', l)
        if m:
            rows.append((int(m.group(1).replace(',', '')), m.group(2), m.group(3)))
    print(star[0].strip())
    for c, f, k in sorted(rows, reverse=True)[:n]:
        print('   %12s  from %s (%s calls)' % (format(c, ','), f, k))
