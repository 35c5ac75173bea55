#!/usr/bin/env bash
# Cold start of the CLI, whole process: `advise FILE`, from launch to the advice printed, median of RUNS runs.
# Four ways of starting it are measured:
#   bin/sereno     bin/sereno advise FILE: the way the README runs it (the class-data archives the build recorded,
#                  cli/target/sereno-base.jsa and sereno.jsa, the quick compiler only and a 200 MB young generation)
#   plain          java -jar cli/target/sereno.jar advise FILE
#   appcds         the same with an application class-data-sharing archive of the classes one run loads
#                  (made here once with -XX:ArchiveClassesAtExit, then used with -XX:SharedArchiveFile)
#   appcds+c1      also with -XX:TieredStopAtLevel=1: the quick compiler only, right for one-off calls,
#                  wrong for long runs (--jsonl, serve), whose steady state needs the optimising compiler
# Uses hyperfine when it is installed (apt-get install hyperfine), else a timing loop in bash.
#
#   benchmarks/cold-start.sh [RUNS] [FILE]        (build first: mvn -B -q -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${1:-15}
FILE=${2:-examples/situations/contract-example.json}
JAR=cli/target/sereno.jar
ARCHIVE=benchmarks/target/sereno-cli.jsa

if [[ ! -f $JAR ]]; then
    echo "cold-start: $JAR is missing; build it first with: mvn -B -q -DskipTests package" >&2
    exit 1
fi
mkdir -p benchmarks/target

# the run must give advice (exit 0) before it is worth timing
java -jar "$JAR" advise "$FILE" > /dev/null
# bin/sereno must find the build's archives, else its row would time the run that writes one, or a lesser archive
for built in cli/target/sereno-base.jsa cli/target/sereno.jsa; do
    if [[ ! $built -nt $JAR ]]; then
        echo "cold-start: $built is missing or older than $JAR; rebuild with: mvn -B -q -DskipTests package" >&2
        exit 1
    fi
done

rm -f "$ARCHIVE"
java -XX:ArchiveClassesAtExit="$ARCHIVE" -jar "$JAR" advise "$FILE" > /dev/null 2> benchmarks/target/cds-dump.log
if [[ ! -s $ARCHIVE ]]; then
    # without it the appcds rows would quietly time a JVM without the archive
    echo "cold-start: the class-data archive was not made:" >&2
    cat benchmarks/target/cds-dump.log >&2
    exit 1
fi
echo "class-data archive: $ARCHIVE ($(du -h "$ARCHIVE" | cut -f1))"

names=(bin/sereno plain appcds appcds+c1)
q_jar=$(printf '%q' "$JAR")
q_file=$(printf '%q' "$FILE")
q_archive=$(printf '%q' "$ARCHIVE")
commands=(
    "bin/sereno advise $q_file"
    "java -jar $q_jar advise $q_file"
    "java -XX:SharedArchiveFile=$q_archive -jar $q_jar advise $q_file"
    "java -XX:SharedArchiveFile=$q_archive -XX:TieredStopAtLevel=1 -jar $q_jar advise $q_file"
)

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -1)"
echo "runs: $RUNS each, after one warm-up run (the file cache, not the JVM, is what it warms)"
echo

if command -v hyperfine > /dev/null; then
    args=()
    for i in "${!names[@]}"; do
        args+=(-n "${names[$i]}" "${commands[$i]}")
    done
    hyperfine --warmup 1 --runs "$RUNS" --style basic --output null \
        --export-json benchmarks/target/cold-start.json "${args[@]}"
    echo
    echo "median wall time:"
    # hyperfine's JSON lists each command's "median" in the order given
    grep '"median"' benchmarks/target/cold-start.json | tr -dc '0-9.\n' \
        | paste <(printf '%s\n' "${names[@]}") - | awk '{ printf "  %-10s %.3f s\n", $1, $2 }'
else
    echo "(hyperfine not found: timing with a bash loop)"
    for i in "${!names[@]}"; do
        eval "${commands[$i]}" > /dev/null
        times=()
        for ((r = 0; r < RUNS; r++)); do
            start=$(date +%s%N)
            eval "${commands[$i]}" > /dev/null
            times+=($(( ($(date +%s%N) - start) / 1000000 )))
        done
        # median, min and max of the sorted times, in milliseconds
        printf '%s\n' "${times[@]}" | sort -n | awk -v name="${names[$i]}" '{ a[NR] = $1 } END {
            median = (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)
            printf "  %-10s median %d ms (min %d, max %d)\n", name, median, a[1], a[NR] }'
    done
fi
