#!/usr/bin/env bash
# The answers benchmark: starts the app (embedded MariaDB, fresh data in a temporary folder), then from a
# second process: browsers fill in the ten-point checklist as the web app does (13 requests a response), 32
# clients save single answers, one client reads GET /api/instruments, and 32 JDBC connections upsert single
# rows straight into the same MariaDB (the ceiling). Reports responses/s, latencies, the server's CPU per
# response (app and database, from /proc) and the ratio of API answer saves to raw upserts. See bench/README.md.
#
#   bench/answers-benchmark.sh                  the full run (about 3 minutes on 2 cores)
#   bench/answers-benchmark.sh --seconds 10     a shorter measured stretch
#
# Options: --clients N (8)  --warmup-seconds N (60: until the JIT is done, see bench/README.md)  --seconds N (30)
#   --save-concurrency N (32)  --save-seconds N (20)  --save-client plain|jdk (plain: a keep-alive socket per saver; jdk: the JDK's HttpClient)
#   --instrument-requests N (2000)  --raw-operations N (20000)
# Environment: BENCH_APP_JAVA_OPTS, JVM options for the app (a JFR recording, say); BENCH_JAR, another build
#   of the app (default: backend/target/lagesbild.jar, built with ./mvnw -B package -DskipTests when missing).
set -euo pipefail

cd "$(dirname "$0")/.."

options=()
while [ $# -gt 0 ]; do
  case "$1" in
    --clients|--warmup-seconds|--seconds|--save-concurrency|--save-seconds|--save-client|--instrument-requests|--raw-operations)
      options+=("$1" "$2"); shift ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

jar=${BENCH_JAR:-backend/target/lagesbild.jar}
app_java_opts=${BENCH_APP_JAVA_OPTS:-}
data_dir=$(mktemp -d "${TMPDIR:-/tmp}/lagesbild-answers-bench.XXXXXX")
app_log=target/answers-bench-app.log
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
echo "== Answers benchmark $(date -u +%Y-%m-%dT%H:%MZ), checkout $(git rev-parse --short HEAD 2>/dev/null || echo "?")"
echo "Machine: nproc $(nproc), $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "JVM: $(java -version 2>&1 | head -1); app: java ${app_java_opts:+$app_java_opts }-jar $jar, connection pool ${pool:-?}"
start_app
db_port=$(sed -n 's/.*started the embedded MariaDB on port \([0-9]*\).*/\1/p' "$app_log" | head -1)
db_pid=$(cat "$data_dir"/mariadb/*.pid 2>/dev/null | head -1 || true)
jdbc_url="jdbc:mysql://127.0.0.1:$db_port/lagesbild?sslMode=DISABLED"
echo "Up after $((SECONDS - app_started)) s; app pid $app_pid, embedded MariaDB pid ${db_pid:-?} on port $db_port"
echo

status=0
timeout --kill-after=10 900 java -cp "$connector" bench/AnswersBenchmark.java --base-url "$base_url" --jdbc-url "$jdbc_url" \
  --app-pid "$app_pid" --db-pid "${db_pid:-0}" --clock-ticks "$(getconf CLK_TCK)" "${options[@]}" || status=$?
echo
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$status"
