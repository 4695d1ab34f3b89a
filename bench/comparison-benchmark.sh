#!/usr/bin/env bash
# The comparison benchmark: starts the app (embedded MariaDB, fresh data), seeds it over HTTP with
# 100 organisations × 2 rounds × 50 respondents × 20 items = 200,000 answers, then loads
# GET /api/comparisons from a second process and reports client latency and the server's own time
# (Server-Timing). See bench/README.md.
#
#   bench/comparison-benchmark.sh            the full run (about 5 minutes on 2 cores)
#   bench/comparison-benchmark.sh --quick    a smoke run: 4 organisations × 10 respondents, 200 requests
#
# Options (after --quick, to change it): --organisations N  --respondents N  --requests N  --warmup N
#   --seconds N (time limit of the measured phase)  --concurrency N (load)  --seed-concurrency N
#   --submit-first (before each comparison one new respondent fills in and submits the later round, untimed,
#   so each measured comparison is the first after a submit)
# Environment: BENCH_APP_JAVA_OPTS, JVM options for the app (default: none); BENCH_JAR, another build of
#   the app to measure (default: backend/target/lagesbild.jar, built when missing).
set -euo pipefail

cd "$(dirname "$0")/.."

organisations=100
respondents=50
warmup=200
requests=2000
seconds=60
concurrency=4
seed_concurrency=12
seed_max_seconds=1800
submit_first=false

while [ $# -gt 0 ]; do
  case "$1" in
    --quick) organisations=4; respondents=10; warmup=50; requests=200; seed_max_seconds=300 ;;
    --organisations) organisations="$2"; shift ;;
    --respondents) respondents="$2"; shift ;;
    --requests) requests="$2"; shift ;;
    --warmup) warmup="$2"; shift ;;
    --seconds) seconds="$2"; shift ;;
    --concurrency) concurrency="$2"; shift ;;
    --seed-concurrency) seed_concurrency="$2"; shift ;;
    --submit-first) submit_first=true ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

jar=${BENCH_JAR:-backend/target/lagesbild.jar}
data_dir=target/bench-data
app_log=target/bench-app.log
rounds_file=target/bench-rounds.txt
app_java_opts=${BENCH_APP_JAVA_OPTS:-}
source bench/app.sh

# Stops what this script started: the app (which stops its MariaDB), that MariaDB if the app could not.
stop_app() {
  local status=$?
  stop_app_and_database
  exit "$status"
}

trap stop_app EXIT
trap 'exit 130' INT TERM

build_app_if_missing

stop_leftover_database
rm -rf "$data_dir" "$rounds_file"
mkdir -p target
port=$(free_port)

java_flags=$(java $app_java_opts -XX:+PrintFlagsFinal -version 2>/dev/null)
gc=$(echo "$java_flags" | awk '$2 ~ /^Use(Serial|Parallel|G1|Z|Shenandoah)GC$/ && $4 == "true" { sub(/^Use/, "", $2); print $2 }')
max_heap=$(echo "$java_flags" | awk '$2 == "MaxHeapSize" { printf "%d MiB", $4 / 1048576 }')
echo "== Comparison benchmark $(date -u +%Y-%m-%dT%H:%MZ), checkout $(git rev-parse --short HEAD 2>/dev/null || echo "?")"
echo "Machine: nproc $(nproc), $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(free -m | awk '/^Mem:/ { print $2 " MiB RAM" }')"
echo "JVM: $(java -version 2>&1 | head -1); app: java ${app_java_opts:+$app_java_opts }-jar $jar ($gc, max heap $max_heap)"
echo "Scale: $organisations organisations × 2 rounds × $respondents respondents × 20 items = $((organisations * 2 * respondents * 20)) answers"

start_app
pool=$(pool_size)
echo "Up after $((SECONDS - app_started)) s. DB: embedded $("$data_dir"/mariadb-server/bin/mariadbd --version 2>/dev/null \
  | sed 's/^.*Ver //' || echo MariaDB), on loopback, connection pool ${pool:-?}"

echo
echo "== Seeding"
seeding_started=$SECONDS
timeout --kill-after=10 $((seed_max_seconds + 60)) java bench/ComparisonBenchmark.java seed --base-url "$base_url" \
  --organisations "$organisations" --respondents "$respondents" --concurrency "$seed_concurrency" \
  --out "$rounds_file" --max-seconds "$seed_max_seconds"
echo "Seeding took $((SECONDS - seeding_started)) s (wall clock, including compiling the seeder)"

echo
echo "== Load"
timeout --kill-after=10 $((2 * seconds + 120)) java bench/ComparisonBenchmark.java load --base-url "$base_url" \
  --pairs "$rounds_file" --warmup "$warmup" --requests "$requests" --max-seconds "$seconds" --concurrency "$concurrency" \
  --submit-first "$submit_first"
echo
echo "Done in $((SECONDS - app_started)) s."
