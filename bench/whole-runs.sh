#!/usr/bin/env bash
# Whole-process comparisons (issue 16): the command as people run it, start-up included, beside a yardstick run the
# same way in the same session, A and B in turn so that a drifting machine moves both.
#   1. one record:            ./onfailure validate ONE.json                      vs  java -version
#   2. 100,000 NDJSON records: ./onfailure validate --format json RECORDS.ndjson vs  ReadTreeLoop RECORDS.ndjson
#   3. 1,000 small files:      ./onfailure validate --format json DIR            vs  ReadTreeLoop DIR
# (the yardstick's JVM options are below, with the reason for each)
# Prints each side's median wall time over RUNS runs (default 11) and the ratio of the medians.
# Usage: bench/whole-runs.sh [RUNS]      (builds what it needs; data goes to bench/target/whole-runs)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
runs="${1:-11}"
build_log="$(mktemp)"
if ! ./mvnw -B -ntp -DskipTests -pl bench -am package > "$build_log" 2>&1; then
  cat "$build_log"; exit 1
fi
rm -f "$build_log"
./onfailure --version >/dev/null   # builds the jar if needed and makes the class-data archive once
data=bench/target/whole-runs
mkdir -p "$data"
if [ ! -s "$data/records.ndjson" ]; then
  java -jar cli/target/onfailure.jar generate --count 100000 --seed 1 > "$data/records.ndjson"
fi
if [ ! -d "$data/files" ]; then
  mkdir -p "$data/files.tmp"
  java -jar cli/target/onfailure.jar generate --count 1000 --seed 2 | split -l 1 -a 4 --additional-suffix=.json - "$data/files.tmp/r-"
  mv "$data/files.tmp" "$data/files"
fi
one=fixtures/src/main/resources/dev/onfailure/fixtures/corpus/valid/compact.sqs-sns.json
# The yardstick runs with the launcher's collector and heap. The launcher's C2 thresholds (Tier4*, see ../onfailure)
# are given to it only where they make it faster, so that they can only make our ratio worse: measured beside the
# JVM's defaults (bench/README.md, "C2 thresholds"), the loop over 100,000 lines took 1.08x the time with them, over
# 1,000 files 0.85x.
loop=(java -XX:+UseParallelGC -Xmx1g -cp bench/target/benchmarks.jar dev.onfailure.bench.ReadTreeLoop)
loop_files=(java -XX:+UseParallelGC -Xmx1g -XX:Tier4InvocationThreshold=40000 -XX:Tier4CompileThreshold=50000
  -XX:Tier4BackEdgeThreshold=400000 -cp bench/target/benchmarks.jar dev.onfailure.bench.ReadTreeLoop)

now() { date +%s%N; }
# time_pair NAME "A command" "B command": runs A and B in turn, prints medians and their ratio.
time_pair() {
  local name="$1" a="$2" b="$3" i t0 ta tb
  local -a as=() bs=()
  for ((i = 0; i < runs + 1; i++)); do
    t0=$(now); bash -c "$a" >/dev/null 2>&1 || { echo "$name: A failed: $a" >&2; exit 1; }; ta=$(( $(now) - t0 ))
    t0=$(now); bash -c "$b" >/dev/null 2>&1 || { echo "$name: B failed: $b" >&2; exit 1; }; tb=$(( $(now) - t0 ))
    if ((i > 0)); then as+=("$ta"); bs+=("$tb"); fi   # the first pair warms the page cache
  done
  local ma mb
  ma=$(printf '%s\n' "${as[@]}" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}')
  mb=$(printf '%s\n' "${bs[@]}" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}')
  awk -v n="$name" -v a="$ma" -v b="$mb" -v r="$runs" \
    'BEGIN {printf "%-34s A %7.3f s   B %7.3f s   A/B %5.2fx   (medians of %d runs)\n", n, a/1e9, b/1e9, a/b, r}'
}
echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1)"
time_pair "one record vs java -version" "./onfailure validate $one" "java -version"
time_pair "100,000 NDJSON records vs readTree" "./onfailure validate --format json $data/records.ndjson" "${loop[*]} $data/records.ndjson"
time_pair "1,000 small files vs readTree" "./onfailure validate --format json $data/files" "${loop_files[*]} $data/files"
