#!/usr/bin/env python3
"""How compile time grows with the size of a model. Not a timed test: it
prints figures and ratios, nothing fails.

Measured in one run, each on a generated model, end to end through the real
executable (process start-up included, one scored row of input):
  - `icp score --engine jit` and `--engine interp` on one profile of 100,
    1,000 and 10,000 rules (parse, check, lowering, compile, one row);
  - `icp check` on 10,000 and 100,000 rules (time and peak RSS);
  - 10,000 chained lets (`let lN = lN_1 + 1`) and 10,000 chained defs
    (`def dN(x: int): int = dN_1(x) + 1`), JIT and interpreter.
Ratios are printed for each tenfold step. Target: 10,000 rules JIT-compile
in at most 2 s, and 10x the rules cost at most 12x the time.

usage: bench/compile_scaling.py [--icp build/icp] [--runs N] [--keep DIR]
       [--timeout S] [--quick]
"""
import argparse, os, resource, shutil, subprocess, sys, tempfile, time

SCHEMA = '''enum Tier { bronze, silver, gold }

schema Account {
  name:      string
  domain:    string
  industry:  string?
  employees: int?
  revenue:   float?
  tech:      set<string>
  level:     Tier?
  founded:   date?
}
'''

CSV = ('name,domain,industry,employees,revenue,tech,level,founded\n'
       'Acme,acme.io,software,420,1250000.5,kubernetes;aws;go,silver,2016-03-01\n')

# Rule shapes, cycled; each mentions its index so no two rules are equal.
RULES = [
    'signal "r{i}" when employees ?? 0 >= {i} => +{p}',
    'signal "r{i}" when revenue ?? 0.0 > {i}.5 and employees ?? 0 < {j} => {p}.25',
    'signal "r{i}" when tech has "t{i}" => +{p}',
    'signal "r{i}" when lower(name) == "n{i}" or domain == "d{i}.com" => +{p}',
    'signal "r{i}" when level >= silver and (employees ?? 1) * 2 > {j} => min(log({i} + 1.0) * 2.0, 30.0)',
    'exclude "r{i}" when industry == "x{i}"',
    'signal "r{i}" when founded is present and year(founded) >= {y} => (employees ?? 0) / {j} + 0.5',
    'trigger "r{i}" on founded within {d}d when employees ?? 0 > {i} => +{p} halflife 60d',
]


def rules_model(n, group_size=25):
    out = [SCHEMA, 'profile P on Account {']
    for g in range((n + group_size - 1) // group_size):
        cap = ' cap %d' % (50 + g % 7) if g % 3 == 0 else ''
        out.append('  group "g%d"%s {' % (g, cap))
        for i in range(g * group_size, min(n, (g + 1) * group_size)):
            out.append('    ' + RULES[i % len(RULES)].format(
                i=i, j=i + 7, p=1 + i % 17, y=1990 + i % 35, d=30 + i % 300))
        out.append('  }')
    out += ['  tier hot when score >= 100', '  tier warm when score >= 20', '}', '']
    return '\n'.join(out)


def lets_model(n):
    out = [SCHEMA, 'profile P on Account {', '  let l0 = employees ?? 0']
    out += ['  let l%d = l%d + 1' % (i, i - 1) for i in range(1, n)]
    out += ['  signal "s" when l%d > 5 => +1' % (n - 1), '}', '']
    return '\n'.join(out)


def defs_model(n):
    out = [SCHEMA, 'def d0(x: int): int = x + 1']
    out += ['def d%d(x: int): int = d%d(x) + 1' % (i, i - 1) for i in range(1, n)]
    out += ['profile P on Account {', '  signal "s" when d%d(employees ?? 0) > 5 => +1' % (n - 1),
            '}', '']
    return '\n'.join(out)




def measure(cmd, timeout, runs):
    """(best wall time, peak RSS in MB, exit code, stderr, best CPU time) of
    `runs` runs; the times are None when a run exceeded the timeout."""
    helper = ('import resource,subprocess,sys,time\n'
              't=time.monotonic()\n'
              'r=subprocess.run(sys.argv[2:],stdout=subprocess.DEVNULL,stderr=subprocess.PIPE,'
              'timeout=float(sys.argv[1]))\n'
              'dt=time.monotonic()-t\n'
              'u=resource.getrusage(resource.RUSAGE_CHILDREN)\n'
              'print(dt,u.ru_maxrss,r.returncode,u.ru_utime+u.ru_stime);'
              'sys.stderr.write(r.stderr.decode()[-2000:])\n')
    best, rss, code, err, cpu = None, None, 0, '', None
    for _ in range(runs):
        try:
            p = subprocess.run([sys.executable, '-c', helper, str(timeout)] + cmd,
                               capture_output=True, text=True, timeout=timeout + 30)
        except subprocess.TimeoutExpired:
            return None, None, -9, 'timeout', None
        if p.returncode != 0 or not p.stdout.strip():
            return None, None, -9, 'timeout' if 'TimeoutExpired' in p.stderr else p.stderr[-500:], None
        dt, m, code, c = p.stdout.split()
        dt, m, code, c = float(dt), int(m) / 1024.0, int(code), float(c)
        err = p.stderr
        best = dt if best is None else min(best, dt)
        cpu = c if cpu is None else min(cpu, c)
        rss = m if rss is None else max(rss, m)
        if code != 0:
            break
    return best, rss, code, err, cpu


def fmt_t(t):
    return '>limit' if t is None else '%.3fs' % t


def ratio(a, b):
    return '-' if a is None or b is None or a <= 0 else '%.1fx' % (b / a)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--icp', default='build/icp')
    ap.add_argument('--runs', type=int, default=3, help='runs per figure (best is kept)')
    ap.add_argument('--timeout', type=float, default=300.0, help='seconds per run')
    ap.add_argument('--keep', help='write the generated models to this directory')
    ap.add_argument('--quick', action='store_true', help='smaller sizes (100..1,000 rules)')
    args = ap.parse_args()
    icp = os.path.abspath(args.icp)
    d = args.keep or tempfile.mkdtemp(prefix='icp-scaling-')
    os.makedirs(d, exist_ok=True)
    data = os.path.join(d, 'one.csv')
    with open(data, 'w') as f:
        f.write(CSV)

    def write(name, text):
        p = os.path.join(d, name)
        with open(p, 'w') as f:
            f.write(text)
        return p

    def score(model, engine):
        cmd = [icp, 'score', '--engine', engine, '--threads', '1', '--as-of', '2026-11-01',
               '-o', os.devnull, '--rejects', os.path.join(d, 'rejects.csv'), model, data]
        return measure(cmd, args.timeout, args.runs)

    sizes = [100, 1000] if args.quick else [100, 1000, 10000]
    print('icp: %s' % icp)
    print('wall = elapsed seconds, cpu = user+system seconds of the process (less affected by a busy')
    print('machine); ratio = this row / the row above (target: at most 12x for 10x the rules)')

    def failed(what, r):
        if r[2] not in (0, -9):
            print('  %s failed (exit %d): %s' % (what, r[2], r[3].strip()[-300:]))

    print('\n== compile: one profile of N rules (icp score, one row; best of %d) ==' % args.runs)
    print('%8s | %9s %9s %7s %7s | %9s %9s %7s | %8s' % (
        'rules', 'jit wall', 'jit cpu', 'ratio', 'rss', 'int wall', 'int cpu', 'ratio', 'jit-int'))
    prev = None
    for n in sizes:
        m = write('rules_%d.icp' % n, rules_model(n))
        j, i = score(m, 'jit'), score(m, 'interp')
        failed('jit', j)
        failed('interp', i)
        print('%8d | %9s %9s %7s %6.0fM | %9s %9s %7s | %8s' % (
            n, fmt_t(j[0]), fmt_t(j[4]), ratio(prev and prev[0][0], j[0]), j[1] or 0,
            fmt_t(i[0]), fmt_t(i[4]), ratio(prev and prev[1][0], i[0]),
            fmt_t(None if j[0] is None or i[0] is None else j[0] - i[0])))
        prev = (j, i)

    print('\n== icp check: one profile of N rules ==')
    print('%8s | %9s %9s %7s %9s' % ('rules', 'wall', 'cpu', 'ratio', 'peak RSS'))
    prev = None
    for n in ([1000, 10000] if args.quick else [10000, 100000]):
        m = write('rules_%d.icp' % n, rules_model(n))
        r = measure([icp, 'check', m], args.timeout, args.runs)
        failed('check', r)
        print('%8d | %9s %9s %7s %8.0fM' % (n, fmt_t(r[0]), fmt_t(r[4]), ratio(prev, r[0]), r[1] or 0))
        prev = r[0]

    chain = 1000 if args.quick else 10000
    print('\n== chains of %d (check; icp score with one row) ==' % chain)
    print('%8s | %9s | %9s %9s | %9s %9s' % ('chain', 'check', 'jit wall', 'jit cpu', 'int wall', 'int cpu'))
    for name, gen in (('lets', lets_model), ('defs', defs_model)):
        m = write('%s_%d.icp' % (name, chain), gen(chain))
        c = measure([icp, 'check', m], args.timeout, args.runs)
        j, i = score(m, 'jit'), score(m, 'interp')
        for label, r in (('check', c), ('jit', j), ('interp', i)):
            failed(label, r)
        print('%8s | %9s | %9s %9s | %9s %9s' % (name, fmt_t(c[0]), fmt_t(j[0]), fmt_t(j[4]),
                                                 fmt_t(i[0]), fmt_t(i[4])))
    if not args.keep:
        shutil.rmtree(d, ignore_errors=True)


if __name__ == '__main__':
    main()
