#!/bin/bash
# The tester's independent damage on eight real Gazette PDFs, read by the tool (run by hand).
#   bench/sweep/run.sh [kind ...]     kinds: sealonly stamponly stampabove jpeg100 sideways
#                                     brownseal shadow lowcontrast (default: these), and the
#                                     second tester's (damage2.py, below)
# SWEEP_WORK (default /tmp/sweep) holds the damaged PDFs, the records and the previews;
# SWEEP_SRC (default ../shared/realpdfs-dev) the originals and their truth.jsonl.
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
export SWEEP_WORK=${SWEEP_WORK:-/tmp/sweep}
export SWEEP_SRC=${SWEEP_SRC:-$ROOT/../shared/realpdfs-dev}
DR=${DR:-$ROOT/.venv/bin/dispatch-reader}
PY=${PY:-$ROOT/.venv/bin/python}
kinds=${*:-sealonly stamponly stampabove jpeg100 sideways brownseal shadow lowcontrast}
# the second tester's kinds (damage2.py): plain200 highlighter fold punch copy2 docmode yellowed
# copy2_nostreak copy2_nospeck
SECOND=" plain200 highlighter fold punch copy2 docmode yellowed copy2_nostreak copy2_nospeck "
read_kind() {  # $1: kind; $2: folder of the PDFs
  mkdir -p "$SWEEP_WORK/out/$1"
  for f in $(cat "$HERE/docs.txt"); do
    "$DR" -q extract "$2/$f.pdf" --json -j 1 > "$SWEEP_WORK/out/$1/$f.json" 2> "$SWEEP_WORK/out/$1/$f.err" || true
  done
}
[ -s "$SWEEP_WORK/out/baseline/$(head -1 "$HERE/docs.txt").json" ] || read_kind baseline "$SWEEP_SRC"
first=""; second=""
for k in $kinds; do case "$SECOND" in *" $k "*) second="$second $k";; *) first="$first $k";; esac; done
[ -z "$first" ] || "$PY" "$HERE/damage.py" $first
[ -z "$second" ] || "$PY" "$HERE/damage2.py" $second
for k in $kinds; do read_kind "$k" "$SWEEP_WORK/$k"; done
"$PY" "$HERE/score.py" $kinds
