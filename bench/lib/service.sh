# Sourced by the load benchmarks (bench/drain, bench/issue): builds Qayd and the load clients, starts the
# standalone Fatoora simulator on a free loopback port, defines start_qayd/stop_qayd (Qayd on its embedded
# PostgreSQL, durable, in one data directory for the whole run), and stops everything on exit.
# Sets: root, jar, work, qayd_port, simulator_port, latency_millis, admin_token.
# Env: BENCH_LATENCY (ZATCA's latency per call, PT0.3S), BENCH_RULES (the simulator runs ZATCA's
#      schematron: off, since ZATCA's CPU is not ours), BENCH_JVM (extra JVM options for Qayd, e.g. a
#      profiler agent), BENCH_QAYD_ARGS (extra service arguments).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
mvn_cmd=mvn
[ -x ./mvnw ] && mvn_cmd=./mvnw

# forceCreation: a jar whose own classes did not change is otherwise kept, with stale modules inside
"$mvn_cmd" -B -q -pl qayd-app -am install -DskipTests -Dmaven.jar.forceCreation=true >&2
"$mvn_cmd" -B -q -f bench/pom.xml package >&2
jar="$root/qayd-app/target/qayd-app-0.1.0-SNAPSHOT.jar"
work="$(mktemp -d)"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
simulator_port=$(free_port)
qayd_port=$(free_port)
latency="${BENCH_LATENCY:-PT0.3S}"
latency_millis=$(python3 -c "import re,sys; m=re.fullmatch(r'PT([0-9.]+)S', sys.argv[1]); print(int(float(m.group(1))*1000))" "$latency")
admin_token="bench-$(python3 -c 'import secrets; print(secrets.token_hex(16))')"
bench_pids=()
bench_cleanup() {
  for pid in "${bench_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap bench_cleanup EXIT

java -cp "$jar" -Dloader.main=sa.qayd.zatca.simulator.FatooraSimulator \
  org.springframework.boot.loader.launch.PropertiesLauncher \
  --port "$simulator_port" --base-path /e-invoicing/simulation --latency "$latency" --rules "${BENCH_RULES:-off}" \
  > "$work/simulator.log" 2>&1 &
bench_pids+=($!)
# starts Qayd on its data directory with the given extra arguments (after BENCH_QAYD_ARGS); sets qayd_pid
start_qayd() {
  # shellcheck disable=SC2086
  QAYD_ADMIN_TOKEN="$admin_token" java -Daxoniq.update-checker.disabled=true ${BENCH_JVM:-} -jar "$jar" \
    --server.port="$qayd_port" --qayd.data-dir="$work/data" --qayd.zatca.sandbox.gateway=simulation \
    --qayd.zatca.sandbox.base-url="http://127.0.0.1:$simulator_port/e-invoicing/simulation" \
    --qayd.webhooks.allow-insecure-loopback=true ${BENCH_QAYD_ARGS:-} "$@" >> "$work/qayd.log" 2>&1 &
  qayd_pid=$!
  bench_pids+=("$qayd_pid")
}

# stops Qayd as an orchestrator does (SIGTERM, then waits for it to finish)
stop_qayd() {
  kill "$qayd_pid"
  wait "$qayd_pid" 2>/dev/null || true
}

# runs a load client of bench/target/benchmarks.jar; on failure shows the end of the service's log
bench_client() {
  java -cp "$root/bench/target/benchmarks.jar" "$@" --url "http://127.0.0.1:$qayd_port" \
    || { echo "--- qayd.log (tail)" >&2; tail -50 "$work/qayd.log" >&2; exit 1; }
}
