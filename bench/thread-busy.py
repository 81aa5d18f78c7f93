#!/usr/bin/env python3
"""Busy seconds by thread of a dotnet-sampled-thread-time trace converted to speedscope (issue 16, scale32).

  thread-busy.py FILE.speedscope.json

A sample is busy when its top frame is CPU_TIME, SQLite native code, or unmanaged code not under a wait. Prints the
8 busiest threads, then the busy seconds summed over all threads under each frame of KEYS: the read phase's writer is
an async loop that runs on whichever pool thread, so its time is the sum under Run.Flush. On a loaded machine a
runnable thread that is not running still counts as busy: compare ratios, not seconds.
"""
import collections
import json
import sys

d=json.load(open(sys.argv[1]))
frames=d['shared']['frames']
keys=['Run.Flush','SqliteStore.Save','SqliteTransaction.Commit','SearchRowWriter.Add','EncodedDocument..ctor','StoreRows.Serialize','StoreRows.Compress','Pipeline.Prepare','GarbageCollect']
rows=[]
for p in d['profiles']:
    stack=[]; last=None; busy=0; span=0
    incl=collections.Counter()
    for e in p['events']:
        t=e['at']
        if last is not None and stack:
            dt=t-last; span+=dt
            top=frames[stack[-1]]['name']
            b = top=='CPU_TIME' or 'Sqlite' in top or 'sqlite' in top or (top=='UNMANAGED_CODE_TIME' and not any('Wait' in frames[f]['name'] for f in stack[-3:]))
            if b:
                busy+=dt
                names=set(frames[f]['name'] for f in stack)
                for k in keys:
                    if any(k in n for n in names): incl[k]+=dt
        last=t
        if e['type']=='O': stack.append(e['frame'])
        else: stack.pop()
    rows.append((busy,span,p['name'],incl))
rows.sort(key=lambda r:-r[0])
for busy,span,name,incl in rows[:8]:
    print('%-40s busy %6.1f s of %6.1f s'%(name[:40],busy/1000,span/1000))
tot=collections.Counter()
for busy,span,name,incl in rows:
    tot['(all busy)']+=busy
    for k,v in incl.items(): tot[k]+=v
print('summed over threads:')
for k in ['(all busy)']+keys: print('      %-30s %6.1f s'%(k,tot[k]/1000))
