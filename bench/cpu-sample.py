#!/usr/bin/env python3
"""CPU of processes over time, by thread kind, for bench/cluster-phases.sh (issue 18).

  cpu-sample.py sample PIDFILE OUT [PERIOD]   every PERIOD s (0.2), until PIDFILE is removed: for each "ROLE PID" line
                                              of PIDFILE, the user + system ticks of each thread, summed by thread kind
  cpu-sample.py report SAMPLES MARKS          CPU seconds of each role in each phase; MARKS holds "TIME LABEL" lines,
                                              each the start of a phase (the end of the one before)

Thread kinds come from /proc/PID/task/TID/comm: the runtime names its threads (".NET TP Worker", ".NET Tiered Com",
".NET BGC", ...); the first thread is "main". /proc/PID/stat's own total counts threads that have exited as well, so
the report's per-process figure is that total, and the kinds are what the live threads show.
"""
import os
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")


def ticks(stat_path):
    with open(stat_path) as f:
        s = f.read()
    r = s[s.rfind(")") + 2:].split()
    return int(r[11]) + int(r[12])


def kind(pid, tid):
    if tid == pid:
        return "main"
    try:
        with open(f"/proc/{pid}/task/{tid}/comm") as f:
            name = f.read().strip()
    except OSError:
        return "other"
    for prefix, label in ((".NET TP", "pool"), (".NET Tiered", "tier-jit"), (".NET Long", "pool"),
                          (".NET Sockets", "sockets"), (".NET Timer", "timer"), (".NET SigHandler", "other"),
                          (".NET BGC", "gc"), (".NET Server GC", "gc"), (".NET Finalizer", "gc")):
        if name.startswith(prefix):
            return label
    return "other"


def sample(pidfile, out, period):
    with open(out, "w") as o:
        while os.path.exists(pidfile):
            now = time.time()
            try:
                with open(pidfile) as f:
                    entries = [line.split() for line in f if line.strip()]
            except OSError:
                entries = []
            for role, pid in entries:
                try:
                    total = ticks(f"/proc/{pid}/stat")
                    kinds = {}
                    for tid in os.listdir(f"/proc/{pid}/task"):
                        try:
                            k = kind(pid, tid)
                            kinds[k] = kinds.get(k, 0) + ticks(f"/proc/{pid}/task/{tid}/stat")
                        except OSError:
                            pass
                except OSError:
                    continue
                o.write(f"{now:.3f} {role} {total} " + " ".join(f"{k}={v}" for k, v in sorted(kinds.items())) + "\n")
            o.flush()
            time.sleep(period)


def report(samples, marks):
    series = {}  # role -> [(t, total, {kind: ticks})]
    with open(samples) as f:
        for line in f:
            p = line.split()
            kinds = dict((kv.split("=")[0], int(kv.split("=")[1])) for kv in p[3:])
            series.setdefault(p[1], []).append((float(p[0]), int(p[2]), kinds))
    with open(marks) as f:
        phases = [(float(t), label.strip()) for t, label in (line.split(" ", 1) for line in f if line.strip())]
    phases.sort()

    def at(role, t):
        """The last sample of ROLE at or before T (0 before its first)."""
        best = (0, {})
        for st, total, kinds in series[role]:
            if st > t:
                break
            best = (total, kinds)
        return best

    roles = sorted(series)
    kinds_seen = sorted({k for s in series.values() for _, _, ks in s for k in ks})
    print("| phase | wall s | " + " | ".join(roles) + " | all |")
    print("|---|---|" + "---|" * (len(roles) + 1))
    totals = dict.fromkeys(roles, 0.0)
    groups = {}  # the part of a label before its first ":" -> CPU seconds of each role
    for (t0, label), (t1, _) in zip(phases, phases[1:]):
        cells = []
        for role in roles:
            a, ka = at(role, t0)
            b, kb = at(role, t1)
            spent = (b - a) / TICK
            totals[role] += spent
            group = groups.setdefault(label.split(":")[0], dict.fromkeys(roles, 0.0))
            group[role] += spent
            parts = [(k, (kb.get(k, 0) - ka.get(k, 0)) / TICK) for k in kinds_seen]
            detail = ", ".join(f"{k} {v:.2f}" for k, v in parts if v >= 0.05)
            cells.append(f"{spent:.2f}" + (f" ({detail})" if detail else ""))
        print(f"| {label} | {t1 - t0:.1f} | " + " | ".join(cells) + f" | {sum(float(c.split()[0]) for c in cells):.2f} |")
    print("| all | {:.1f} | ".format(phases[-1][0] - phases[0][0]) + " | ".join(f"{totals[r]:.2f}" for r in roles)
          + f" | {sum(totals.values()):.2f} |")
    for name, spent in groups.items():
        if sum(spent.values()) > 0:
            print(f"{name}: {sum(spent.values()):.2f} s CPU (" + ", ".join(f"{r} {v:.2f}" for r, v in spent.items() if v > 0) + ")")


if __name__ == "__main__":
    if sys.argv[1] == "sample":
        sample(sys.argv[2], sys.argv[3], float(sys.argv[4]) if len(sys.argv) > 4 else 0.2)
    else:
        report(sys.argv[2], sys.argv[3])
