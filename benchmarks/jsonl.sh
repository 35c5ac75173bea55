#!/usr/bin/env bash
# `sereno advise --jsonl` over a generated backlog: wall time, lines per second, peak memory, with the heap capped
# at 256 MB (-Xmx256m: a run that needed more would fail, not swell). Then checks the output is complete and in
# order: as many lines as the input, and output line n answers complaint K-n.
#
#   benchmarks/jsonl.sh [LINES]      (default 1000000; build first: mvn -B -q -DskipTests package)
#
# The backlog is made once per size by SituationGenerator (about 1.5 KB a line, so 1.5 GB for a million) and kept
# in benchmarks/target.
set -euo pipefail
cd "$(dirname "$0")/.."

LINES=${1:-1000000}
JAR=cli/target/sereno.jar
BENCH=benchmarks/target/benchmarks.jar
IN=benchmarks/target/backlog-$LINES.jsonl
OUT=benchmarks/target/advice-$LINES.jsonl

for f in "$JAR" "$BENCH"; do
    if [[ ! -f $f ]]; then
        echo "jsonl: $f is missing; build first with: mvn -B -q -DskipTests package" >&2
        exit 1
    fi
done
if ! command -v /usr/bin/time > /dev/null; then
    echo "jsonl: /usr/bin/time is needed for the peak memory (Debian: apt-get install time)" >&2
    exit 1
fi
if [[ ! -f $IN ]]; then
    echo "generating $LINES situations into $IN"
    # into a temporary file first: an interrupted generation must not be taken for the backlog next time
    java -cp "$BENCH" dev.sereno.benchmarks.SituationGenerator "$LINES" "$IN.partial"
    mv "$IN.partial" "$IN"
fi

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -1)"
echo "input: $IN, $LINES lines, $(du -h "$IN" | cut -f1)"

start=$(date +%s%N)
set +e
/usr/bin/time -f '%M' -o benchmarks/target/jsonl-rss.txt \
    java -Xmx256m -jar "$JAR" advise --jsonl "$IN" > "$OUT"
status=$?
set -e
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
# exit 3 means some lines were rejected, which is an answer too (their errors are in the output)
if [[ $status -ne 0 && $status -ne 3 ]]; then
    echo "jsonl: sereno exited with $status" >&2
    exit 1
fi

out_lines=$(wc -l < "$OUT")
# every output line n must be the answer for complaint K-n (or, if rejected, name line n)
misplaced=$(awk '{ if (index($0, "\"complaint\":\"K-" NR "\"") == 0 && index($0, "{\"line\":" NR ",") == 0) bad++ } END { print bad + 0 }' "$OUT")
rejected=$(grep -c '^{"line":' "$OUT" || true)

echo "wall: $(awk -v ms="$elapsed_ms" 'BEGIN { printf "%.1f s", ms / 1000 }'), $(awk -v n="$LINES" -v ms="$elapsed_ms" 'BEGIN { printf "%.0f", n / (ms / 1000) }') lines/s"
echo "peak resident memory: $(awk '{ printf "%.0f MB", $1 / 1024 }' benchmarks/target/jsonl-rss.txt) (heap capped at 256 MB)"
echo "output: $out_lines lines for $LINES in; $misplaced out of place; $rejected rejected"
if [[ $out_lines -ne $LINES || $misplaced -ne 0 ]]; then
    echo "jsonl: the output is incomplete or out of order" >&2
    exit 1
fi
