#!/usr/bin/env bash
# The workshop benchmark: starts the app (embedded MariaDB, fresh data in a temporary folder), then from a
# second process 1,000 participants join a staircase workshop and answer (must take under 10 s, with no
# errors and no lost answers), and change their answers 10 times over for the sustained answer rate; then the
# raw ceiling of the same database: durable single-row upserts over JDBC at the same concurrency. Prints
# both rates and their ratio. See bench/README.md.
#
#   bench/workshop-benchmark.sh                      the full run (about 1 minute on 2 cores)
#   bench/workshop-benchmark.sh --concurrency 16     fewer requests in flight (default 32)
#
# Options: --participants N (1000)  --rounds N (answer changes per participant, 10)  --concurrency N (32)
#   --raw-operations N (20000)  --max-seconds N (time limit of each client, 120)
# Environment: BENCH_APP_JAVA_OPTS, JVM options for the app; BENCH_JAR, another build of the app
#   (default: backend/target/lagesbild.jar, built with ./mvnw -B package -DskipTests when missing).
set -euo pipefail

cd "$(dirname "$0")/.."

participants=1000
rounds=10
concurrency=32
raw_operations=20000
max_seconds=120

while [ $# -gt 0 ]; do
  case "$1" in
    --participants) participants="$2"; shift ;;
    --rounds) rounds="$2"; shift ;;
    --concurrency) concurrency="$2"; shift ;;
    --raw-operations) raw_operations="$2"; shift ;;
    --max-seconds) max_seconds="$2"; shift ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

jar=${BENCH_JAR:-backend/target/lagesbild.jar}
app_java_opts=${BENCH_APP_JAVA_OPTS:-}
data_dir=$(mktemp -d "${TMPDIR:-/tmp}/lagesbild-workshop-bench.XXXXXX")
app_log=target/workshop-bench-app.log
app_pid=

# Stops what this script started: the app (which stops its MariaDB), that MariaDB if the app could not, and
# removes the temporary data.
stop_app() {
  local status=$?
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill -TERM "$app_pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$app_pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$app_pid" 2>/dev/null && kill -KILL "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  local pid_file pid
  for pid_file in "$data_dir"/mariadb/*.pid; do
    [ -f "$pid_file" ] || continue
    pid=$(cat "$pid_file" 2>/dev/null || true)
    if [ -n "$pid" ] && grep -qs mariadbd "/proc/$pid/cmdline"; then
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
  rm -rf "$data_dir"
  exit "$status"
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
  echo "Building $jar (./mvnw -B package -DskipTests)"
  ./mvnw -B package -DskipTests
fi
connector_version=$(sed -n 's:.*<mysql.connector.j.version>\(.*\)</mysql.connector.j.version>.*:\1:p' pom.xml)
connector=$HOME/.m2/repository/com/mysql/mysql-connector-j/$connector_version/mysql-connector-j-$connector_version.jar
if [ ! -f "$connector" ]; then
  echo "The MySQL JDBC driver is missing at $connector (the Maven build downloads it)" >&2
  exit 1
fi

mkdir -p target
port=$(free_port)
base_url="http://127.0.0.1:$port"
pool=${LAGESBILD_DB_POOL_SIZE:-$(sed -n "s/.*maximum-pool-size: \${LAGESBILD_DB_POOL_SIZE:\([0-9]*\)}.*/\1/p" backend/src/main/resources/application.yml)}
echo "== Workshop benchmark $(date -u +%Y-%m-%dT%H:%MZ), checkout $(git rev-parse --short HEAD 2>/dev/null || echo "?")"
echo "Machine: nproc $(nproc), $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "JVM: $(java -version 2>&1 | head -1); app: java ${app_java_opts:+$app_java_opts }-jar $jar, connection pool ${pool:-?}"
echo "Starting the app on $base_url with a fresh embedded MariaDB in $data_dir (log: $app_log)"
started=$SECONDS
env -u DATASOURCES_DEFAULT_URL -u DATASOURCES_DEFAULT_USERNAME -u DATASOURCES_DEFAULT_PASSWORD \
  LAGESBILD_DATA_DIR="$data_dir" PORT="$port" MICRONAUT_SERVER_HOST=127.0.0.1 \
  LAGESBILD_ADMIN_USERNAME=bench@lagesbild.local LAGESBILD_ADMIN_PASSWORD=bench-admin-password \
  java $app_java_opts -jar "$jar" >"$app_log" 2>&1 &
app_pid=$!
until curl -fsS --max-time 2 "$base_url/health" >/dev/null 2>&1; do
  if ! kill -0 "$app_pid" 2>/dev/null || [ $((SECONDS - started)) -ge 180 ]; then
    echo "The app did not come up; the end of $app_log:" >&2
    tail -30 "$app_log" >&2
    exit 1
  fi
  sleep 1
done
db_port=$(sed -n 's/.*started the embedded MariaDB on port \([0-9]*\).*/\1/p' "$app_log" | head -1)
jdbc_url="jdbc:mysql://127.0.0.1:$db_port/lagesbild?sslMode=DISABLED"
echo "Up after $((SECONDS - started)) s; embedded MariaDB on port $db_port"

echo
echo "== Through the API: $participants participants, $concurrency requests in flight"
load_out=target/workshop-bench-load.txt
load_status=0
timeout --kill-after=10 $((max_seconds + 60)) java bench/WorkshopBenchmark.java load --base-url "$base_url" \
  --participants "$participants" --rounds "$rounds" --concurrency "$concurrency" --max-seconds "$max_seconds" \
  | tee "$load_out" || load_status=$?

echo
echo "== Raw ceiling: single-row durable upserts over JDBC, $concurrency connections"
raw_out=target/workshop-bench-raw.txt
timeout --kill-after=10 $((max_seconds + 60)) java -cp "$connector" bench/WorkshopBenchmark.java raw --jdbc-url "$jdbc_url" \
  --operations "$raw_operations" --rows "$participants" --concurrency "$concurrency" --max-seconds "$max_seconds" | tee "$raw_out"

api_rate=$(sed -n 's/.*api_answers_per_s=\([0-9]*\).*/\1/p' "$load_out")
raw_rate=$(sed -n 's/.*raw_upserts_per_s=\([0-9]*\).*/\1/p' "$raw_out")
echo
if [ -n "$api_rate" ] && [ -n "$raw_rate" ] && [ "$raw_rate" -gt 0 ]; then
  echo "== Ratio: API answer saves $api_rate/s over raw upserts $raw_rate/s = $(awk -v a="$api_rate" -v r="$raw_rate" 'BEGIN { printf "%.0f %%", 100 * a / r }') (aim: 40 % or more)"
fi
exit "$load_status"
