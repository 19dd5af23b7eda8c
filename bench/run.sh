#!/usr/bin/env bash
# Benchmark of the service, one command:
#
#   bench/run.sh              # on the default H2 file database
#   bench/run.sh postgresql   # on a throwaway local PostgreSQL (Debian package)
#   BENCH_PG_URL=jdbc:postgresql://127.0.0.1:5432/bench BENCH_PG_USER=u BENCH_PG_PASSWORD=p \
#     bench/run.sh            # on that (throwaway!) database: its tables are emptied
#
# What it measures, in one run on one machine, the service and the reference app next to
# each other (one process at a time):
#   - warm-up: from the start of a process, scenario 1's requests/s per window (5 s) until
#     three windows in a row are within 5% of each other (or a cap), as the time to 90% of
#     that steady state and as a curve, plotted into bench/warmup-<database>.svg;
#   - steady state: each scenario measured only once its own windows are stable;
#   - scenarios 1-6 (see the README's "Benchmark" section).
#
# Needs: a JDK 17+, wrk, nginx (apt-get install -y wrk nginx-light), Maven (mvn) for the
# reference app and, for the local PostgreSQL, the postgresql package. Environment:
#   BENCH_JAVA_HOME          the JDK for the build, the service and the reference (default:
#                            java on the PATH); on JDK 25+ the service runs with an AOT
#                            cache recorded by a training run first (bin/users-tasks)
#   BENCH_QUICK=1            short windows, caps and runs, to try it out
#   BENCH_DURATION           seconds of each measured run (30; quick: 5)
#   BENCH_WARMUP_CAP         the most seconds a warm-up may take before measuring (180; quick: 30)
#   BENCH_WINDOW             seconds per warm-up window (5)
#   BENCH_SCENARIOS          which scenarios to run (default "1 2 3 4 5 6")
#   BENCH_S6_DURATION        seconds of scenario 6's measured run (120; quick: 30)
#   BENCH_SKIP_SCALE=1       skip scenarios 5 and 6 (large databases), for quick iterations
#   BENCH_SKIP_BUILD=1       use the jar already in target/app
#   BENCH_REFERENCE_DIR      the reference app's sources (default ../shared/peers/jvm-floor
#                            from the repository root); skipped with a message if absent
#   BENCH_JFR=1              record a JFR profile of each process into bench/out/, from its start
#   BENCH_JFR=steady         record one of each measured run only (steady state), into
#                            bench/out/<process>-<scenario>.jfr (an in-memory recording runs
#                            from the start, so that starting these costs no compiled code)
#   BENCH_NMT=1              native memory tracking: a summary of each process before it stops
#   BENCH_JAVA_OPTIONS       JVM options to try on the service (in JDK_JAVA_OPTIONS, so
#                            jvm.options still wins where both set one)
#   BENCH_PORT (28080), BENCH_NGINX_PORT (28081), BENCH_PG_PORT (28082),
#   BENCH_REFERENCE_PORT (28083): loopback ports, must be free
#
# Prints one line per measurement; logs, curves and the lines go to bench/out/.
set -euo pipefail

bench_dir=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$bench_dir")
cd "$root"

# A PostgreSQL URL alone selects PostgreSQL.
database=${1:-$([ -n "${BENCH_PG_URL:-}" ] && echo postgresql || echo h2)}
case "$database" in
	h2 | postgresql) ;;
	*) echo "usage: $0 [h2|postgresql]" >&2; exit 2 ;;
esac

if [ -n "${BENCH_JAVA_HOME:-}" ]; then
	export JAVA_HOME=$BENCH_JAVA_HOME PATH="$BENCH_JAVA_HOME/bin:$PATH"
fi
if [ "${BENCH_QUICK:-0}" = 1 ]; then
	duration=${BENCH_DURATION:-5}; cap=${BENCH_WARMUP_CAP:-30}
else
	duration=${BENCH_DURATION:-30}; cap=${BENCH_WARMUP_CAP:-180}
fi
window=${BENCH_WINDOW:-5}
scenarios=" ${BENCH_SCENARIOS:-1 2 3 4 5 6} "
if [ "${BENCH_SKIP_SCALE:-0}" = 1 ]; then
	scenarios=${scenarios/ 5 / }; scenarios=${scenarios/ 6 / }
fi
port=${BENCH_PORT:-28080}
nginx_port=${BENCH_NGINX_PORT:-28081}
pg_port=${BENCH_PG_PORT:-28082}
ref_port=${BENCH_REFERENCE_PORT:-28083}
# Relative to the repository root: the main checkout's, when this is one of its worktrees.
repo_root=$(cd "$(git rev-parse --path-format=absolute --git-common-dir 2>/dev/null || echo "$root/.git")/.." && pwd)
reference_src=${BENCH_REFERENCE_DIR:-$repo_root/../shared/peers/jvm-floor}
threads=2
connections=32
users=100
tasks=10
big_users=100000
bulk_tasks=100000
s6_users=1000
s6_tasks=1000
s6_connections=8
s6_duration=${BENCH_S6_DURATION:-$([ "${BENCH_QUICK:-0}" = 1 ] && echo 30 || echo 120)}

for tool in java wrk nginx curl awk; do
	command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y wrk nginx-light curl)" >&2; exit 1; }
done
for p in "$port" "$nginx_port" "$pg_port" "$ref_port"; do
	if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
		echo "port $p is in use; choose others with BENCH_PORT, BENCH_NGINX_PORT, BENCH_PG_PORT, BENCH_REFERENCE_PORT" >&2
		exit 1
	fi
done
has() { [[ $scenarios == *" $1 "* ]]; }

stamp=$(date -u +%Y%m%dT%H%M%SZ)
out="$bench_dir/out/$stamp-$database"
mkdir -p "$out"
work=$(mktemp -d "${TMPDIR:-/tmp}/users-tasks-bench.XXXXXX")
chmod 755 "$work"

service_pid=
nginx_pid=
pg_data=

# Stops the process being measured (the service or the reference): SIGTERM, and SIGKILL
# if it has not ended after 180 s (writing an AOT cache at exit took over a minute).
stop_service() {
	if [ -n "$service_pid" ] && kill -0 "$service_pid" 2>/dev/null; then
		if [ "${BENCH_NMT:-0}" = 1 ]; then
			jcmd "$service_pid" VM.native_memory summary >"$out/nmt-$process_name.txt" 2>&1 || true
		fi
		kill "$service_pid" 2>/dev/null || true
		local i
		for ((i = 0; i < 1800; i++)); do
			kill -0 "$service_pid" 2>/dev/null || break
			sleep 0.1
		done
		kill -9 "$service_pid" 2>/dev/null || true
		wait "$service_pid" 2>/dev/null || true
	fi
	service_pid=
}

cleanup() {
	stop_service
	if [ -n "$nginx_pid" ]; then
		kill "$nginx_pid" 2>/dev/null || true
		wait "$nginx_pid" 2>/dev/null || true
	fi
	if [ -n "$pg_data" ]; then
		as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -m fast -w stop >/dev/null 2>&1 || true
	fi
	cp "$work"/*.log "$out"/ 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { echo "# $*" >&2; }

# --- Build -------------------------------------------------------------------------------
# The README's build: the jar, extracted to target/app with a class data sharing archive.
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
	log "building: ./mvnw -Pcds -DskipTests package"
	./mvnw -q -B -ntp -Pcds -DskipTests package >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
fi
# The README's start command; the benchmark only adds the port and the database.
service_command=(bin/users-tasks)
# The JDBC drivers (and H2's RunScript tool), for seeding.
seed_cp="$root/target/app/lib/*"
java_version=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.runtime\.version = //p')
java_feature=${java_version%%[.+-]*}

# The reference, built in a copy (its folder may be read-only).
reference=
if [ -f "$reference_src/pom.xml" ]; then
	if command -v mvn >/dev/null; then
		log "building the reference: mvn -q -DskipTests package (in a copy of $reference_src)"
		cp -r "$reference_src" "$work/floor"
		chmod -R u+w "$work/floor"
		rm -rf "$work/floor/target" "$work/floor/data"
		if (cd "$work/floor" && mvn -q -B -ntp -DskipTests package >"$work/floor-build.log" 2>&1); then
			reference=$work/floor/target/jvm-floor.jar
		else
			log "the reference did not build (see floor-build.log): measuring without it"
		fi
	else
		log "no mvn to build the reference: measuring without it"
	fi
else
	log "no reference app at $reference_src (BENCH_REFERENCE_DIR): measuring without it"
fi

# --- Database ----------------------------------------------------------------------------
as_postgres() {
	if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

ref_db_url= ref_db_user= ref_db_password=
if [ "$database" = h2 ]; then
	# The service's own H2 settings (application.properties), with the file in $work.
	db_url=$(sed -n 's/^spring\.datasource\.url=//p' src/main/resources/application.properties |
		sed "s#jdbc:h2:file:\./data/#jdbc:h2:file:$work/h2/#")
	case "$db_url" in
		"jdbc:h2:file:$work/h2/"*) ;;
		*) echo "unexpected spring.datasource.url in application.properties: $db_url" >&2; exit 1 ;;
	esac
	db_user=sa
	db_password=
	# The reference's own default (an H2 file under ./data of its working directory).
	ref_db_url="jdbc:h2:file:$work/floor/data/floor;WRITE_DELAY=0" ref_db_user=sa
elif [ -n "${BENCH_PG_URL:-}" ]; then
	db_url=$BENCH_PG_URL
	db_user=${BENCH_PG_USER:-postgres}
	db_password=${BENCH_PG_PASSWORD:-}
	if [ -n "$reference" ]; then
		log "BENCH_PG_URL: the reference needs a database of its own, measuring without it"
		reference=
	fi
else
	pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
	[ -n "$pg_bin" ] || { echo "no PostgreSQL (apt-get install -y postgresql) and no BENCH_PG_URL" >&2; exit 1; }
	log "starting a throwaway PostgreSQL ($pg_bin) on 127.0.0.1:$pg_port"
	mkdir -p "$work/pg"
	[ "$(id -u)" = 0 ] && chown postgres "$work/pg"
	as_postgres "$pg_bin/initdb" -D "$work/pg/data" -U postgres --auth=trust >"$work/pg-initdb.log" 2>&1
	pg_data="$work/pg/data"
	# Durable commits (fsync, synchronous_commit) stay at their defaults.
	as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -l "$work/pg/postgresql.log" -w \
		-o "-p $pg_port -c listen_addresses=127.0.0.1 -k $work/pg" start >/dev/null
	db_url="jdbc:postgresql://127.0.0.1:$pg_port/postgres"
	db_user=postgres
	db_password=
	ref_db_url="jdbc:postgresql://127.0.0.1:$pg_port/floor" ref_db_user=postgres
fi

# Runs SQL (stdin) with H2's RunScript tool, which takes any JDBC URL: on the service's
# database, or on the reference's with "run_sql reference".
run_sql() {
	local url=$db_url user=$db_user password=$db_password
	[ "${1:-}" = reference ] && url=$ref_db_url user=$ref_db_user password=$ref_db_password
	cat >"$work/seed.sql"
	java -cp "$seed_cp" org.h2.tools.RunScript -url "$url" -user "$user" -password "$password" \
		-script "$work/seed.sql" "${@:2}"
}
# The single value a query (stdin) returns (for H2: while the service is stopped).
sql_value() { run_sql "${1:-}" -showResults | sed -n 's/^--> //p' | tail -n 1; }

[ "$database" = postgresql ] && [ -n "$reference" ] && echo "CREATE DATABASE floor;" | run_sql

# The tasks insert ($1, ending in a FROM with users u) once per 10,000 users, in user
# order: small transactions keep H2 fast, and each user's tasks get consecutive ids.
task_chunks() {
	local from
	for ((from = 1; from <= n_users; from += 10000)); do
		echo "$1 WHERE u.id BETWEEN $from AND $((from + 9999)) ORDER BY u.id, t.x;"
	done
}

# After the regular users: one user per number in $bulk, with that many tasks (ids
# n_users + 1, + 2, ...). $1 selects the tasks, with %ID% and %N% to fill in.
bulk_users() {
	local i=0 n id
	for n in $bulk; do
		i=$((i + 1))
		id=$((n_users + i))
		echo "INSERT INTO users (username, password_hash, created_at, updated_at) VALUES ('bulk$i', '$hash', $ts, $ts);"
		echo "INSERT INTO tasks (title, completed, user_id, created_at, updated_at) $(sed "s/%ID%/$id/; s/%N%/$n/" <<<"$1");"
	done
}

# Sign-in: when the service keeps a tokens table (it requires a bearer token), every user
# gets one, "ut_bench" and the id in 38 digits (the shape of a token: ut_ and 43 base64url
# characters), stored as the service stores them: the SHA-256 in lower-case hex.
auth=0
tokens_sql() {
	[ "$auth" = 1 ] || return 0
	if [ "$database" = h2 ]; then
		echo "INSERT INTO tokens (token_hash, user_id, created_at, expires_at)
		  SELECT LOWER(RAWTOHEX(HASH('SHA-256', STRINGTOUTF8('ut_bench' || LPAD(CAST(id AS VARCHAR), 38, '0'))))),
		    id, $ts, DATEADD('DAY', 1, $ts) FROM users;"
	else
		echo "INSERT INTO tokens (token_hash, user_id, created_at, expires_at)
		  SELECT encode(sha256(convert_to('ut_bench' || lpad(id::text, 38, '0'), 'UTF8')), 'hex'),
		    id, $ts, $ts + interval '1 day' FROM users;"
	fi
}

# Empties the tables and writes $1 users with $2 tasks each (ids from 1), then the users
# of bulk_users for the task counts in $3; "seed reference ..." does the same on the
# reference's database. Straight SQL: a million rows take seconds, not an HTTP call each.
seed() {
	local target=
	[ "$1" = reference ] && { target=reference; shift; }
	local n_users=$1 n_tasks=$2 bulk=$3 hash='$argon2id$v=19$m=16384,t=2,p=1$c2VlZGVkLXNhbHQ$c2VlZGVkLWhhc2gtbm90LWEtcmVhbC1vbmU'
	local ts
	if [ "$database" = h2 ]; then
		ts="CURRENT_TIMESTAMP(3)"
		run_sql "$target" <<-SQL
			DELETE FROM tasks;
			DELETE FROM users;
			ALTER TABLE users ALTER COLUMN id RESTART WITH 1;
			ALTER TABLE tasks ALTER COLUMN id RESTART WITH 1;
			INSERT INTO users (username, password_hash, created_at, updated_at)
			  SELECT 'user' || X, '$hash', $ts, $ts FROM SYSTEM_RANGE(1, $n_users);
			$(task_chunks "INSERT INTO tasks (title, completed, user_id, created_at, updated_at) DIRECT
			  SELECT 'Write the weekly report #' || t.X, MOD(t.X, 2) = 0, u.id, $ts, $ts
			  FROM users u CROSS JOIN SYSTEM_RANGE(1, $n_tasks) t")
			$(bulk_users "SELECT 'Bulk task #' || X, FALSE, %ID%, $ts, $ts FROM SYSTEM_RANGE(1, %N%)")
			$([ -z "$target" ] && tokens_sql)
			ANALYZE;
		SQL
	else
		ts="date_trunc('milliseconds', now())"
		run_sql "$target" <<-SQL
			TRUNCATE tasks, users RESTART IDENTITY CASCADE;
			INSERT INTO users (username, password_hash, created_at, updated_at)
			  SELECT 'user' || x, '$hash', $ts, $ts FROM generate_series(1, $n_users) AS g(x);
			$(task_chunks "INSERT INTO tasks (title, completed, user_id, created_at, updated_at)
			  SELECT 'Write the weekly report #' || t.x, t.x % 2 = 0, u.id, $ts, $ts
			  FROM users u CROSS JOIN generate_series(1, $n_tasks) AS t(x)")
			$(bulk_users "SELECT 'Bulk task #' || x, FALSE, %ID%, $ts, $ts FROM generate_series(1, %N%) AS g(x)")
			$([ -z "$target" ] && tokens_sql)
			VACUUM ANALYZE users;
			VACUUM ANALYZE tasks;
		SQL
	fi
}

# --- Processes ---------------------------------------------------------------------------
start_ms=
# CPU time (user + system, in clock ticks) the process has used so far.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$service_pid/stat"; }
rss_mb() { awk '/^VmHWM/ { printf "%d", $2 / 1024 }' "/proc/$service_pid/status"; }
# The Authorization header of user $1's token (none without sign-in).
bearer() { [ "$auth" = 1 ] && printf 'Authorization: Bearer ut_bench%038d\n' "$1" || echo "X-Bench: no-auth"; }

# Waits for the first 200 of GET $1 (or, with $2 = any, the first answer that is not a
# 5xx: a service that requires sign-in answers 401 before there is a user to sign in);
# sets start_ms, from $2 = the process start in ns.
await_first() {
	local url=$1 t0=$2 accept=${3:-200} code
	while :; do
		code=$(curl -s -o /dev/null -w '%{http_code}' -H "$(bearer 1)" "$url" || true)
		[ "$code" = 200 ] && break
		[ "$accept" = any ] && [ "$code" != 000 ] && [ "${code:0:1}" != 5 ] && break
		if ! kill -0 "$service_pid" 2>/dev/null; then
			echo "the process did not start; see $out/" >&2
			exit 1
		fi
		sleep 0.02
	done
	start_ms=$((($(date +%s%N) - t0) / 1000000))
}

process_name=
jfr_opts() {
	# Deep stacks: the default 64 frames cut Spring's filter chains off below the handler.
	[ "${BENCH_JFR:-0}" != 0 ] && printf '%s ' "-XX:FlightRecorderOptions:stackdepth=512"
	[ "${BENCH_JFR:-0}" = 1 ] && printf '%s ' "-XX:StartFlightRecording=filename=$out/$1.jfr,settings=profile"
	# For steady: a recording from the start, kept in memory only, so that the one started
	# before each measured run finds the JDK's classes already instrumented. Starting the
	# first recording late retransforms them, which throws away the compiled code that
	# inlined them: on PostgreSQL (socket I/O) 80% of a measured run was then interpreted.
	[ "${BENCH_JFR:-0}" = steady ] && printf '%s ' "-XX:StartFlightRecording=settings=profile,disk=false,maxage=10s"
	[ "${BENCH_NMT:-0}" = 1 ] && printf '%s ' "-XX:NativeMemoryTracking=summary"
	true
}
service_opts() {
	jfr_opts "$1"
	[ -n "${BENCH_JAVA_OPTIONS:-}" ] && printf '%s ' "$BENCH_JAVA_OPTIONS"
	true
}

# Starts the service exactly as the README does, with only the port and the database
# given as arguments, and waits for the first 200.
start_service() {
	local name=$1 accept=200; shift
	[ "${1:-}" = any ] && { accept=any; shift; }
	local t0 profile=()
	process_name=$name
	# PostgreSQL runs with the service's production profile (pool settings), if any.
	[ "$database" = postgresql ] && profile=(--spring.profiles.active=postgres)
	t0=$(date +%s%N)
	USERS_TASKS_ARCHIVE=${archive_mode:-on} JDK_JAVA_OPTIONS="$(service_opts "$name")" "${service_command[@]}" --server.port="$port" "${profile[@]}" \
		--spring.datasource.url="$db_url" --spring.datasource.username="$db_user" \
		--spring.datasource.password="$db_password" "$@" >"$work/service-$name.log" 2>&1 &
	service_pid=$!
	await_first "http://127.0.0.1:$port/users?limit=1" "$t0" "$accept"
	log "service started in $start_ms ms ($name)"
}

# Starts the reference as its README does, in its folder (its H2 file is under ./data).
start_reference() {
	local name=$1 t0
	process_name=reference-$name
	t0=$(date +%s%N)
	(cd "$work/floor" && SPRING_DATASOURCE_URL=$ref_db_url SPRING_DATASOURCE_USERNAME=$ref_db_user \
		SPRING_DATASOURCE_PASSWORD=$ref_db_password JDK_JAVA_OPTIONS="$(jfr_opts "reference-$name")" \
		exec java -Xmx256m -XX:+UseSerialGC -jar "$reference" --server.port="$ref_port") \
		>"$work/reference-$name.log" 2>&1 &
	service_pid=$!
	await_first "http://127.0.0.1:$ref_port/users?limit=1" "$t0"
	log "reference started in $start_ms ms ($name)"
}

# --- Load --------------------------------------------------------------------------------
export BENCH_LUA_DIR="$bench_dir"
export BENCH_FIRST_ID=1 BENCH_LAST_ID=$users
results="$out/results.txt"
note() { echo "$*" | tee -a "$results"; }

# wrk_once SECONDS SCRIPT URL [CONNECTIONS]: one wrk run; sets rps p50 p99 errors.
wrk_once() {
	local line
	line=$(wrk -t"$threads" -c"${4:-$connections}" -d"$1s" --timeout 60s -s "$bench_dir/$2" "$3" | grep '^WRK ' || true)
	[ -n "$line" ] || { rps=0 p50=- p99=- errors=?; return; }
	rps=$(sed -E 's/.* rps=([^ ]+).*/\1/' <<<"$line")
	p50=$(sed -E 's/.* p50_ms=([^ ]+).*/\1/' <<<"$line")
	p99=$(sed -E 's/.* p99_ms=([^ ]+).*/\1/' <<<"$line")
	errors=$(sed -E 's/.* socket_errors=([0-9]+) http_errors=([0-9]+).*/\1+\2/' <<<"$line")
}

# warm CURVE SCRIPT URL: wrk in windows of $window s until the last three are within 5%
# (max - min <= 5% of max) or $cap s have passed. Writes "seconds req/s" per window to
# CURVE (seconds since the first window began); sets steady (the mean of the last three,
# or of the last window if the cap came first), stable (yes/no) and t90 (the end of the
# first window at 90% of steady or more).
warm() {
	local curve=$1 script=$2 url=$3 t=0
	: >"$curve"
	stable=no
	while [ "$t" -lt "$cap" ]; do
		wrk_once "$window" "$script" "$url"
		t=$((t + window))
		echo "$t $rps" >>"$curve"
		if awk 'NR > 0 { r[NR] = $2 } END {
			if (NR < 3) exit 1
			a = r[NR]; b = r[NR - 1]; c = r[NR - 2]
			max = a; if (b > max) max = b; if (c > max) max = c
			min = a; if (b < min) min = b; if (c < min) min = c
			exit !(max > 0 && max - min <= 0.05 * max) }' "$curve"; then
			stable=yes
			break
		fi
	done
	steady=$(awk '{ r[NR] = $2 } END { if (NR >= 3) printf "%.1f", (r[NR] + r[NR - 1] + r[NR - 2]) / 3; else printf "%.1f", r[NR] }' "$curve")
	t90=$(awk -v s="$steady" '$2 >= 0.9 * s { print $1; exit }' "$curve")
}

header() {
	printf '%-46s %9s %8s %8s %9s %7s %8s %7s %s\n' scenario 'req/s' 'p50 ms' 'p99 ms' 'body B' 'RSS MB' 'warm s' 'CPU ms' 'errors' |
		tee -a "$results"
}
# row NAME BODY_BYTES [RSS] [WARM-UP]; the CPU time per request of the last measure.
row() {
	printf '%-46s %9s %8s %8s %9s %7s %8s %7s %s\n' "$1" "$rps" "$p50" "$p99" "$2" "${3:--}" "${4:--}" "${cpu_ms:--}" "$errors" |
		tee -a "$results"
	cpu_ms=
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
cpu_ms=
percent() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f%%", 100 * a / b; else print "-" }'; }

# measure NAME SCRIPT URL BODY_BYTES CURVE: warm-up until stable, then the measured run.
measure() {
	local name=$1 script=$2 url=$3 bytes=$4 curve=$5
	warm "$curve" "$script" "$url"
	local warm_note="${t90:-?}/$(tail -n 1 "$curve" | cut -d' ' -f1)"
	[ "$stable" = yes ] || warm_note="$warm_note!"
	local cpu0
	if [ "${BENCH_JFR:-0}" = steady ]; then
		jcmd "$service_pid" JFR.start name=steady settings=profile duration="${duration}s" \
			filename="$out/$process_name-${name%% *}.jfr" >/dev/null
	fi
	cpu0=$(cpu_ticks)
	wrk_once "$duration" "$script" "$url"
	cpu_ms=$(awk -v t="$(($(cpu_ticks) - cpu0))" -v hz="$(getconf CLK_TCK)" -v r="$rps" -v d="$duration" \
		'BEGIN { if (r > 0) printf "%.2f", 1000 * t / hz / (r * d); else print "-" }')
	row "$name" "$bytes" "$(rss_mb)" "$warm_note"
}

# The SVG of the warm-up curves: $1 the file, then title/curve/colour triples.
plot() {
	local svg=$1 title=$2; shift 2
	awk -v title="$title" -v window="$window" '
		FNR == 1 { n++ }
		{ t[n, FNR] = $1; r[n, FNR] = $2; len[n] = FNR; if ($1 > tmax) tmax = $1; if ($2 > rmax) rmax = $2 }
		END {
			W = 760; H = 420; L = 70; R = 20; T = 40; B = 50
			if (tmax == 0) tmax = 1; if (rmax == 0) rmax = 1
			step = 10 ^ int(log(rmax) / log(10)); while (rmax / step < 4) step /= 2; while (rmax / step > 8) step *= 2
			ymax = step * (int(rmax / step) + 1)
			tstep = 10; while (tmax / tstep > 12) tstep *= 2
			printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">\n", W, H
			printf "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n"
			printf "<text x=\"%d\" y=\"22\" font-size=\"14\">%s</text>\n", L, title
			for (y = 0; y <= ymax; y += step) {
				py = T + (H - T - B) * (1 - y / ymax)
				printf "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>\n", L, py, W - R, py
				printf "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d</text>\n", L - 6, py + 4, y
			}
			for (x = 0; x <= tmax; x += tstep) {
				px = L + (W - L - R) * x / tmax
				printf "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>\n", px, T, px, H - B
				printf "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>\n", px, H - B + 16, x
			}
			printf "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">seconds since the first request (window of %d s ending)</text>\n", (L + W - R) / 2, H - 12, window
			printf "<text transform=\"translate(16,%d) rotate(-90)\" text-anchor=\"middle\">requests/s</text>\n", (T + H - B) / 2
			split(labels, lab, "|"); split(colours, col, "|")
			for (i = 1; i <= n; i++) {
				pts = ""
				for (j = 1; j <= len[i]; j++)
					pts = pts sprintf("%.1f,%.1f ", L + (W - L - R) * t[i, j] / tmax, T + (H - T - B) * (1 - r[i, j] / ymax))
				printf "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>\n", col[i], pts
				printf "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"3\" fill=\"%s\"/>\n", L + 10, T + 8 + 18 * (i - 1), col[i]
				printf "<text x=\"%d\" y=\"%d\">%s</text>\n", L + 30, T + 13 + 18 * (i - 1), lab[i]
			}
			print "</svg>"
		}' labels="$(printf '%s|' "${plot_labels[@]}")" colours="$(printf '%s|' "${plot_colours[@]}")" "$@" >"$svg"
}

{
	echo "# $(date -u '+%F %T UTC'), $database, $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo)"
	echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg); other java processes: $(pgrep -c java || true); JDK $java_version"
	echo "# wrk -t$threads -c$connections; warm-up windows ${window}s until 3 within 5% (cap ${cap}s), then ${duration}s measured"
	echo "# service: ${service_command[*]} (java @jvm.options, with $([ "$java_feature" -ge 25 ] && echo "the AOT cache of a training run" || echo "the CDS archive of the build"), -jar target/app/users-tasks.jar)"
	[ -n "${BENCH_JAVA_OPTIONS:-}" ] && echo "# BENCH_JAVA_OPTIONS: $BENCH_JAVA_OPTIONS"
	echo "# jvm.options: $(grep -v '^#' jvm.options | tr '\n' ' ')"
	if [ -n "$reference" ]; then
		echo "# reference: java -Xmx256m -XX:+UseSerialGC -jar jvm-floor.jar (from $(basename "$reference_src"))"
	fi
} | tee "$results"

base="http://127.0.0.1:$port"
ref_base="http://127.0.0.1:$ref_port"

# Fresh, empty databases: the time to the first answer includes the migrations. (On JDK
# 25+ without the AOT cache: it is recorded below, on the seeded database.)
[ "$java_feature" -ge 25 ] && archive_mode=off
start_service fresh any
archive_mode=on
fresh_start_ms=$start_ms
fresh_rss=$(rss_mb)
stop_service
if [ "$(echo "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE LOWER(TABLE_NAME) = 'tokens';" | sql_value)" != 0 ]; then
	auth=1
	log "the service requires sign-in: every request carries a user's bearer token"
fi
export BENCH_AUTH=$auth
ref_fresh_start_ms=-
if [ -n "$reference" ]; then
	start_reference fresh
	ref_fresh_start_ms=$start_ms
	stop_service
fi

log "seeding $users users x $tasks tasks"
seed "$users" "$tasks" ""
[ -n "$reference" ] && seed reference "$users" "$tasks" ""

list_url="$base/users?include=tasks&limit=$users"
# JDK 25+: the AOT cache is recorded from a run under the benchmark's own load, then the
# database is seeded afresh (the training added tasks).
if [ "$java_feature" -ge 25 ]; then
	log "training run: recording the AOT cache (bin/users-tasks with no cache yet)"
	rm -f target/app/users-tasks.aot
	start_service training
	train=$((cap < 60 ? 10 : 20))
	wrk_once "$train" get.lua "$list_url"
	wrk_once "$train" user-tasks.lua "$base"
	wrk_once "$train" post-task.lua "$base"
	wrk_once "$train" get.lua "$list_url"
	stop_service
	[ -f target/app/users-tasks.aot ] || { echo "the training run wrote no AOT cache; see $out/service-training.log" >&2; exit 1; }
	log "AOT cache: $(du -m target/app/users-tasks.aot | cut -f1) MB"
	seed "$users" "$tasks" ""
fi

s1_rps=0 s3_rps=0
start_service small
small_start_ms=$start_ms
header
body_bytes=$(curl -s -o "$work/users.json" -w '%{size_download}' -H "$(bearer 1)" "$list_url")
if has 1; then
	measure "1 GET /users?include=tasks&limit=100" get.lua "$list_url" "$body_bytes" "$out/warmup-service.txt"
	s1_rps=$rps s1_p99=$p99 s1_t90=$t90 s1_steady=$steady s1_stable=$stable
fi
if has 2; then
	tasks_bytes=$(curl -s -o /dev/null -w '%{size_download}' -H "$(bearer 1)" "$base/users/1/tasks")
	measure "2 GET /users/{random}/tasks" user-tasks.lua "$base" "$tasks_bytes" "$out/warmup-s2.txt"
fi
if has 3; then
	post_bytes=$(curl -s -o /dev/null -w '%{size_download}' -H 'Content-Type: application/json' -H "$(bearer 1)" \
		-d '{"title":"Benchmark task"}' "$base/users/1/tasks")
	measure "3 POST /users/{random}/tasks" post-task.lua "$base" "$post_bytes" "$out/warmup-s3.txt"
	s3_rps=$rps
fi
stop_service

# The reference, measured the same way on the same data.
r1_rps=0 r3_rps=0
ref_small_start_ms=-
if [ -n "$reference" ] && { has 1 || has 3; }; then
	export BENCH_AUTH=0
	start_reference small
	ref_small_start_ms=$start_ms
	if has 1; then
		measure "R1 reference: GET /users?include=tasks" get.lua "$ref_base/users?include=tasks&limit=$users" \
			"$(curl -s -o /dev/null -w '%{size_download}' "$ref_base/users?include=tasks&limit=$users")" "$out/warmup-reference.txt"
		r1_rps=$rps r1_t90=$t90 r1_steady=$steady r1_stable=$stable
	fi
	if has 3; then
		measure "R3 reference: POST /users/{random}/tasks" post-task.lua "$ref_base" "-" "$out/warmup-reference-s3.txt"
		r3_rps=$rps
	fi
	stop_service
	export BENCH_AUTH=$auth
fi

# The ceiling: the same bytes as a static file from nginx.
if has 4; then
	mkdir -p "$work/nginx/static" "$work/nginx/tmp"
	cp "$work/users.json" "$work/nginx/static/users.json"
	chmod -R a+rX "$work/nginx"
	cat >"$work/nginx/nginx.conf" <<-CONF
		worker_processes auto;
		daemon off;
		pid $work/nginx/nginx.pid;
		error_log $work/nginx-error.log;
		events { worker_connections 1024; }
		http {
			access_log off;
			sendfile on;
			default_type application/json;
			client_body_temp_path $work/nginx/tmp;
			proxy_temp_path $work/nginx/tmp;
			fastcgi_temp_path $work/nginx/tmp;
			uwsgi_temp_path $work/nginx/tmp;
			scgi_temp_path $work/nginx/tmp;
			server {
				listen 127.0.0.1:$nginx_port;
				root $work/nginx/static;
			}
		}
	CONF
	nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" &
	nginx_pid=$!
	until curl -sf -o /dev/null "http://127.0.0.1:$nginx_port/users.json"; do sleep 0.05; done
	nginx_bytes=$(curl -s -o /dev/null -w '%{size_download}' "http://127.0.0.1:$nginx_port/users.json")
	wrk_once "$window" get.lua "http://127.0.0.1:$nginx_port/users.json"
	wrk_once "$duration" get.lua "http://127.0.0.1:$nginx_port/users.json"
	s4_rps=$rps
	row "4 nginx: the same body as a static file" "$nginx_bytes"
	kill "$nginx_pid"; wait "$nginx_pid" 2>/dev/null || true; nginx_pid=
fi

{
	printf '%s\n' "--"
	echo "start to first 200: service $small_start_ms ms (fresh database: $fresh_start_ms ms, RSS $fresh_rss MB), reference $ref_small_start_ms ms (fresh: $ref_fresh_start_ms ms)"
	if has 1; then
		echo "warm-up, scenario 1: service 90% of steady ($s1_steady req/s) after ${s1_t90:-?} s of load ($((small_start_ms / 1000 + ${s1_t90:-0})) s from process start), stable: $s1_stable"
		[ "$r1_rps" != 0 ] && echo "warm-up, scenario 1: reference 90% of steady ($r1_steady req/s) after ${r1_t90:-?} s of load, stable: $r1_stable"
		[ "$r1_rps" != 0 ] && echo "scenario 1 / reference: $(percent "$s1_rps" "$r1_rps") ($s1_rps vs $r1_rps req/s)"
		has 4 && echo "scenario 1 / nginx: $(percent "$s1_rps" "$s4_rps"); reference / nginx: $(percent "$r1_rps" "$s4_rps")"
	fi
	has 3 && [ "$r3_rps" != 0 ] && echo "scenario 3 / reference: $(percent "$s3_rps" "$r3_rps") ($s3_rps vs $r3_rps req/s)"
	echo "(warm s: seconds of load to 90% of steady state / seconds until stable; ! = not stable within ${cap} s;"
	echo " CPU ms: CPU time of the process per request in the measured run, steadier than req/s on a busy machine)"
} | tee -a "$results"

if has 1; then
	plot_labels=("service ($database, JDK $java_feature)") plot_colours=("#1f77b4")
	curves=("$out/warmup-service.txt")
	if [ "$r1_rps" != 0 ]; then
		plot_labels+=("reference (jvm-floor)") plot_colours+=("#d62728")
		curves+=("$out/warmup-reference.txt")
	fi
	svg="$bench_dir/warmup-$database.svg"
	plot "$svg" "GET /users?include=tasks&amp;limit=100 from process start, $(date -u '+%F %H:%M UTC'), load $(cut -d' ' -f1 /proc/loadavg)" "${curves[@]}"
	cp "$svg" "$out/"
	log "warm-up curve: $svg"
fi

if has 5; then
	# Three users with $warmup_tasks tasks each, deleted first: the first delete after a start
	# runs cold (interpreted) database code and takes several times as long.
	warmup_tasks=$((bulk_tasks / 2))
	log "seeding $big_users users x $tasks tasks, 3 users with $warmup_tasks tasks and one with $bulk_tasks"
	seed_t0=$(date +%s%N)
	seed "$big_users" "$tasks" "$warmup_tasks $warmup_tasks $warmup_tasks $bulk_tasks"
	log "seeded in $((($(date +%s%N) - seed_t0) / 1000000)) ms"
	bulk_id=$((big_users + 4))
	bulk_count=$(echo "SELECT COUNT(*) FROM tasks WHERE user_id = $bulk_id;" | sql_value)
	start_service big
	big_start_ms=$start_ms
	deep_after=$((big_users - users - 50))
	deep_url="$base/users?include=tasks&limit=$users&after=$deep_after"
	deep_bytes=$(curl -s -o /dev/null -w '%{size_download}' -H "$(bearer 1)" "$deep_url")
	measure "5 the same, after=$deep_after of $big_users users" get.lua "$deep_url" "$deep_bytes" "$out/warmup-s5.txt"
	s5_rps=$rps s5_p99=$p99
	stop_service

	# The delete, on a service that logs Hibernate's per-session statement counts.
	start_service delete --spring.jpa.properties.hibernate.generate_statistics=true \
		--logging.level.org.hibernate.session.metrics=debug --logging.level.org.hibernate.SQL=debug
	cold_delete=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "$(bearer $((big_users + 1)))" -X DELETE "$base/users/$((big_users + 1))")
	for id in $((big_users + 2)) $((big_users + 3)); do
		curl -s -o /dev/null -H "$(bearer "$id")" -X DELETE "$base/users/$id"
	done
	log_mark=$(wc -l <"$work/service-delete.log")
	delete=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "$(bearer "$bulk_id")" -X DELETE "$base/users/$bulk_id")
	sleep 1
	# Hibernate's metrics of the one session that served the DELETE.
	tail -n +"$((log_mark + 1))" "$work/service-delete.log" >"$work/delete-sql.log"
	statements=$(grep -oE 'ns executing [0-9]+ JDBC statements' "$work/delete-sql.log" | grep -oE '[0-9]+ JDBC' | cut -d' ' -f1 | paste -sd+ | bc 2>/dev/null || echo '?')
	sql=$(grep -m1 'org.hibernate.SQL' "$work/delete-sql.log" | sed 's/.*org.hibernate.SQL *: //')
	remaining=$(curl -s -o /dev/null -w '%{http_code}' -H "$(bearer 1)" "$base/users/$bulk_id/tasks")
	stop_service
	{
		echo "scenario 5 deep page / scenario 1 (req/s): $(ratio "$s5_rps" "$s1_rps"); p99 $s5_p99 ms vs ${s1_p99:-?} ms; start with $big_users users: $big_start_ms ms"
		echo "DELETE /users/$bulk_id with $bulk_count tasks: HTTP ${delete% *} in ${delete#* } s, $statements JDBC statement(s) ($sql); its tasks afterwards: HTTP $remaining"
		echo "   (the first DELETE after the start, of a user with $warmup_tasks tasks: HTTP ${cold_delete% *} in ${cold_delete#* } s)"
	} | tee -a "$results"
fi

if has 6; then
	# A page of 1,000 users holding 1,000 tasks each: one response embeds 1,000,000 tasks.
	log "seeding $s6_users users x $s6_tasks tasks"
	seed "$s6_users" "$s6_tasks" ""
	start_service large
	s6_url="$base/users?include=tasks&limit=$s6_users"
	s6=$(curl -s -o /dev/null -w '%{http_code} %{size_download} %{time_total}' -H "$(bearer 1)" "$s6_url" || echo "000 0 0")
	log "scenario 6, first response: HTTP ${s6%% *}, $(echo "$s6" | cut -d' ' -f2) bytes in ${s6##* } s"
	# Long enough for each connection to finish several responses of ~160 MB (one alone
	# takes seconds; eight share two cores).
	wrk_once "$s6_duration" get.lua "$s6_url" "$s6_connections"
	s6_rss=$(rss_mb)
	server_errors=$(grep -c -E 'OutOfMemoryError|" 5[0-9][0-9] | 5[0-9][0-9] [0-9.]+ms' "$work/service-large.log" || true)
	row "6 GET /users?include=tasks&limit=1000, -c$s6_connections" "$(echo "$s6" | cut -d' ' -f2)" "$s6_rss" "-"
	stop_service
	note "scenario 6: $s6_users users x $s6_tasks tasks; first response HTTP ${s6%% *} in ${s6##* } s; peak RSS $s6_rss MB; 5xx or OutOfMemoryError in the service log: $server_errors"
fi
