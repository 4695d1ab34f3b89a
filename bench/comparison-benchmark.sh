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
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

jar=${BENCH_JAR:-backend/target/lagesbild.jar}
data_dir=target/bench-data
app_log=target/bench-app.log
rounds_file=target/bench-rounds.txt
app_java_opts=${BENCH_APP_JAVA_OPTS:-}
app_pid=

# Stops what this script started: the app (which stops its MariaDB), and that MariaDB if the app could not.
stop_app() {
  local status=$?
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    echo "Stopping the app (pid $app_pid)"
    kill -TERM "$app_pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$app_pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$app_pid" 2>/dev/null && kill -KILL "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  stop_leftover_database
  exit "$status"
}

# A mariadbd left running on our own data folder (after a hard kill) holds its files: stop it by its pid file.
stop_leftover_database() {
  local pid_file pid
  for pid_file in "$data_dir"/mariadb/*.pid; do
    [ -f "$pid_file" ] || continue
    pid=$(cat "$pid_file" 2>/dev/null || true)
    if [ -n "$pid" ] && grep -qs mariadbd "/proc/$pid/cmdline"; then
      echo "Stopping the benchmark's MariaDB (pid $pid)"
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
}

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  echo "no free port found" >&2
  return 1
}

trap stop_app EXIT
trap 'exit 130' INT TERM

if [ ! -f "$jar" ] && [ -z "${BENCH_JAR:-}" ]; then
  echo "Building $jar (./mvnw -B -DskipTests package)"
  ./mvnw -B -DskipTests package
fi

stop_leftover_database
rm -rf "$data_dir" "$rounds_file"
mkdir -p target
port=$(free_port)
base_url="http://127.0.0.1:$port"

java_flags=$(java $app_java_opts -XX:+PrintFlagsFinal -version 2>/dev/null)
gc=$(echo "$java_flags" | awk '$2 ~ /^Use(Serial|Parallel|G1|Z|Shenandoah)GC$/ && $4 == "true" { sub(/^Use/, "", $2); print $2 }')
max_heap=$(echo "$java_flags" | awk '$2 == "MaxHeapSize" { printf "%d MiB", $4 / 1048576 }')
echo "== Comparison benchmark $(date -u +%Y-%m-%dT%H:%MZ), checkout $(git rev-parse --short HEAD 2>/dev/null || echo "?")"
echo "Machine: nproc $(nproc), $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(free -m | awk '/^Mem:/ { print $2 " MiB RAM" }')"
echo "JVM: $(java -version 2>&1 | head -1); app: java ${app_java_opts:+$app_java_opts }-jar $jar ($gc, max heap $max_heap)"
echo "Scale: $organisations organisations × 2 rounds × $respondents respondents × 20 items = $((organisations * 2 * respondents * 20)) answers"

echo "Starting the app on $base_url with a fresh embedded MariaDB in $data_dir (log: $app_log)"
started=$SECONDS
env -u DATASOURCES_DEFAULT_URL -u DATASOURCES_DEFAULT_USERNAME -u DATASOURCES_DEFAULT_PASSWORD \
  LAGESBILD_DATA_DIR="$data_dir" PORT="$port" MICRONAUT_SERVER_HOST=127.0.0.1 \
  LAGESBILD_ADMIN_USERNAME=bench@lagesbild.local LAGESBILD_ADMIN_PASSWORD=bench-admin-password \
  java $app_java_opts -jar "$jar" >"$app_log" 2>&1 &
app_pid=$!
until curl -fsS --max-time 2 "$base_url/health" >/dev/null 2>&1; do
  if ! kill -0 "$app_pid" 2>/dev/null; then
    echo "The app stopped during start-up; the end of $app_log:" >&2
    tail -30 "$app_log" >&2
    exit 1
  fi
  if [ $((SECONDS - started)) -ge 180 ]; then
    echo "The app did not answer $base_url/health within 180 s; the end of $app_log:" >&2
    tail -30 "$app_log" >&2
    exit 1
  fi
  sleep 1
done
pool=$(awk '/maximum-pool-size:/ { print $2 }' backend/src/main/resources/application.yml)
echo "Up after $((SECONDS - started)) s. DB: embedded $("$data_dir"/mariadb-server/bin/mariadbd --version 2>/dev/null \
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
  --pairs "$rounds_file" --warmup "$warmup" --requests "$requests" --max-seconds "$seconds" --concurrency "$concurrency"
echo
echo "Done in $((SECONDS - started)) s."
