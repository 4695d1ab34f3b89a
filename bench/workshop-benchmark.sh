#!/usr/bin/env bash
# The workshop benchmark: starts the app (embedded MariaDB, fresh data in a temporary folder), then from a
# second process 1,000 participants join a staircase workshop and answer (must take under 10 s, with no
# errors and no lost answers), and change their answers 10 times over for the sustained answer rate; then the
# raw ceiling of the same database: durable single-row upserts over JDBC at the same concurrency. Prints
# both rates and their ratio. Workshops run first the same way for 30 s, unmeasured, as in an app that has
# served rooms before (the JIT has compiled their paths); --warmup-seconds 0 measures the first room after a start.
# See bench/README.md.
#
#   bench/workshop-benchmark.sh                      the full run (about 1 minute on 2 cores)
#   bench/workshop-benchmark.sh --concurrency 16     fewer requests in flight (default 32)
#
# Options: --participants N (1000)  --rounds N (answer changes per participant, 10)  --concurrency N (32)
#   --warmup-seconds N (30)  --raw-operations N (20000)  --max-seconds N (time limit of each client, 120)
# Environment: BENCH_APP_JAVA_OPTS, JVM options for the app; BENCH_JAR, another build of the app
#   (default: backend/target/lagesbild.jar, built with ./mvnw -B package -DskipTests when missing).
set -euo pipefail

cd "$(dirname "$0")/.."

participants=1000
rounds=10
warmup_seconds=30
concurrency=32
raw_operations=20000
max_seconds=120

while [ $# -gt 0 ]; do
  case "$1" in
    --participants) participants="$2"; shift ;;
    --rounds) rounds="$2"; shift ;;
    --warmup-seconds) warmup_seconds="$2"; shift ;;
    --concurrency) concurrency="$2"; shift ;;
    --raw-operations) raw_operations="$2"; shift ;;
    --max-seconds) max_seconds="$2"; shift ;;
    -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

jar=${BENCH_JAR:-backend/target/lagesbild.jar}
app_java_opts=${BENCH_APP_JAVA_OPTS:-}
data_dir=$(mktemp -d "${TMPDIR:-/tmp}/lagesbild-workshop-bench.XXXXXX")
app_log=target/workshop-bench-app.log
source bench/app.sh

# Stops what this script started: the app (which stops its MariaDB), that MariaDB if the app could not, and
# removes the temporary data.
stop_app() {
  local status=$?
  stop_app_and_database
  rm -rf "$data_dir"
  exit "$status"
}

trap stop_app EXIT
trap 'exit 130' INT TERM

build_app_if_missing
connector_version=$(sed -n 's:.*<mysql.connector.j.version>\(.*\)</mysql.connector.j.version>.*:\1:p' pom.xml)
connector=$HOME/.m2/repository/com/mysql/mysql-connector-j/$connector_version/mysql-connector-j-$connector_version.jar
if [ ! -f "$connector" ]; then
  echo "The MySQL JDBC driver is missing at $connector (the Maven build downloads it)" >&2
  exit 1
fi

mkdir -p target
port=$(free_port)
pool=$(pool_size)
echo "== Workshop benchmark $(date -u +%Y-%m-%dT%H:%MZ), checkout $(git rev-parse --short HEAD 2>/dev/null || echo "?")"
echo "Machine: nproc $(nproc), $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "JVM: $(java -version 2>&1 | head -1); app: java ${app_java_opts:+$app_java_opts }-jar $jar, connection pool ${pool:-?}"
start_app
db_port=$(sed -n 's/.*started the embedded MariaDB on port \([0-9]*\).*/\1/p' "$app_log" | head -1)
jdbc_url="jdbc:mysql://127.0.0.1:$db_port/lagesbild?sslMode=DISABLED"
echo "Up after $((SECONDS - app_started)) s; embedded MariaDB on port $db_port"

echo
echo "== Through the API: $participants participants, $concurrency requests in flight, workshops for ${warmup_seconds} s first (warm-up)"
load_out=target/workshop-bench-load.txt
load_status=0
timeout --kill-after=10 $((warmup_seconds + 2 * max_seconds + 60)) java bench/WorkshopBenchmark.java load --base-url "$base_url" \
  --participants "$participants" --rounds "$rounds" --warmup-seconds "$warmup_seconds" --concurrency "$concurrency" --max-seconds "$max_seconds" \
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
