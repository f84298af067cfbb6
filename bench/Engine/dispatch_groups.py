"""Maps perf samples to the instruction groups (IGs) of Machine.Dispatch's last JIT listing.

usage: dispatch_groups.py perf.data perf-PID.map dispatch.asm [groups]
The listing's "G_M000_IGnn: ;; offset=0x..." lines give each group's offset from the method start; the perf
map gives the start of the optimized Dispatch. Prints each hot group's share of all samples and its code.
"""
import collections
import re
import subprocess
import sys

data, perf_map, listing = sys.argv[1:4]
top = int(sys.argv[4]) if len(sys.argv) > 4 else 20

start = size = None
for line in open(perf_map):
    address, length, name = line.split(' ', 2)
    if 'Machine::Dispatch' in name and '[Optimized]' in name:
        start, size = int(address, 16), int(length, 16)
if start is None:
    sys.exit('Dispatch [Optimized] is not in ' + perf_map)

text = open(listing).read()
text = text[text.rfind('; Assembly listing'):]  # the last (fully optimized) compilation
groups, current = [], None
for line in text.split('\n')[1:]:
    m = re.match(r'(G_M\d+_IG\d+):\s+;; offset=0x([0-9A-F]+)', line)
    if m:
        current = [m.group(1), int(m.group(2), 16), []]
        groups.append(current)
    elif current is not None and line.strip():
        current[2].append(line.rstrip())

ips = subprocess.run(['perf', 'script', '-i', data, '-F', 'ip'], capture_output=True, text=True).stdout.split()
counts, inside = collections.Counter(), 0
for ip in ips:
    offset = int(ip, 16) - start
    if 0 <= offset < size:
        inside += 1
        owner = None
        for group in groups:
            if group[1] <= offset:
                owner = group
            else:
                break
        counts[owner[0]] += 1
print(f'{len(ips)} samples, {inside} in Dispatch ({100 * inside / max(1, len(ips)):.1f}%)')
by_name = {g[0]: g for g in groups}
for name, n in counts.most_common(top):
    group = by_name[name]
    print(f'--- {name} at 0x{group[1]:X}: {100 * n / len(ips):.2f}% of all samples')
    for line in group[2][:12]:
        print('   ', line)
