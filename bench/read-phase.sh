#!/bin/bash
# usage: [WORK=DIR] bench/read-phase.sh LABEL BIN/triangulate.dll INPUT TRACE(0/1) [VAR=VALUE...]
# analyze's read phase alone, into a fresh store (killed when the provenance stage starts): one line with the wall s, the
# process's user and sys CPU s (/proc/PID/stat at that moment), the load, MB allocated and GC counts (collections of
# gen0 only/gen1/gen2) and pause s summed from dotnet-counters (1 s, from 2 s in); with TRACE=1 also a 30 s
# sampled-thread-time trace from 10 s in, WORK/rp-LABEL.nettrace (bench/thread-busy.py reads it). Issue 16, scale32.
label=$1; bin=$2; input=$3; trace=$4; shift 4
w=${WORK:-/tmp/read-phase}; mkdir -p $w; db=$w/rp-$label.db; rm -f $db $db-wal $db-shm $db.lock $w/rp-$label.csv $w/rp-$label.nettrace
log=$w/rp-$label.log
load0=$(cut -d' ' -f1 /proc/loadavg)
start=$(date +%s.%N)
env "$@" dotnet $bin analyze $input --db $db --out $w/rp-out-$label --format json --verbose > $log 2>&1 &
pid=$!
sleep 2
~/.dotnet/tools/dotnet-counters collect -p $pid --counters System.Runtime --refresh-interval 1 --format csv -o $w/rp-$label.csv > /dev/null 2>&1 &
cpid=$!
if [ "$trace" = 1 ]; then (sleep 8; ~/.dotnet/tools/dotnet-trace collect -p $pid --profile dotnet-sampled-thread-time --duration 00:00:00:30 -o $w/rp-$label.nettrace > /dev/null 2>&1) & fi
tck=$(getconf CLK_TCK)
while kill -0 $pid 2>/dev/null; do
  if grep -q "^provenance" $log; then break; fi
  read -r -a f < /proc/$pid/stat; u=${f[13]}; s=${f[14]}
  sleep 0.5
done
end=$(date +%s.%N)
sleep 1.5
kill $cpid 2>/dev/null; kill $pid; wait $pid 2>/dev/null
wait 2>/dev/null
alloc=$(awk -F, '/total_allocated/{a+=$NF} END{printf "%.0f", a/1e6}' $w/rp-$label.csv)
gcs=$(awk -F, '/gc.collections/{match($3,/gen[0-9]/); g[substr($3,RSTART,4)]+=$NF} END{printf "%d/%d/%d", g["gen0"], g["gen1"], g["gen2"]}' $w/rp-$label.csv)
pause=$(awk -F, '/pause.time/{a+=$NF} END{printf "%.2f", a}' $w/rp-$label.csv)
echo "$label wall $(echo "$end - $start" | bc) user $(echo "scale=2; $u / $tck" | bc) sys $(echo "scale=2; $s / $tck" | bc) load $load0-$(cut -d' ' -f1 /proc/loadavg) allocMB $alloc gc(gen0only/gen1/gen2) $gcs pause $pause"
