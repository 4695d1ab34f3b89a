# The app under benchmark, shared by bench/*-benchmark.sh (sourced, not run): a free port on loopback, the app
# started from its jar on a fresh embedded MariaDB with the administrator the load generators sign in as, and
# both stopped again. The sourcing script sets jar, data_dir, app_log and app_java_opts first.

app_pid=

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

# The connection pool the app runs with: LAGESBILD_DB_POOL_SIZE, or the default in application.yml.
pool_size() {
  echo "${LAGESBILD_DB_POOL_SIZE:-$(sed -n 's/.*maximum-pool-size: \${LAGESBILD_DB_POOL_SIZE:\([0-9]*\)}.*/\1/p' \
    backend/src/main/resources/application.yml)}"
}

build_app_if_missing() {
  if [ ! -f "$jar" ] && [ -z "${BENCH_JAR:-}" ]; then
    echo "Building $jar (./mvnw -B package -DskipTests)"
    ./mvnw -B package -DskipTests
  fi
}

# Starts the app on $port and waits (at most 180 s) until /health answers; sets app_pid and base_url.
start_app() {
  base_url="http://127.0.0.1:$port"
  echo "Starting the app on $base_url with a fresh embedded MariaDB in $data_dir (log: $app_log)"
  app_started=$SECONDS
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
    if [ $((SECONDS - app_started)) -ge 180 ]; then
      echo "The app did not answer $base_url/health within 180 s; the end of $app_log:" >&2
      tail -30 "$app_log" >&2
      exit 1
    fi
    sleep 1
  done
}

# Stops the app, then any MariaDB it left behind in $data_dir (a kill -9 leaves one running).
stop_app_and_database() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    echo "Stopping the app (pid $app_pid)"
    kill -TERM "$app_pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$app_pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$app_pid" 2>/dev/null && kill -KILL "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  stop_leftover_database
}

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
