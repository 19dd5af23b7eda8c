#!/usr/bin/env bash
# Benchmark of the service, one command:
#
#   bench/run.sh              # on the default H2 file database
#   bench/run.sh postgresql   # on a throwaway local PostgreSQL (Debian package)
#   BENCH_PG_URL=jdbc:postgresql://127.0.0.1:5432/bench BENCH_PG_USER=u BENCH_PG_PASSWORD=p \
#     bench/run.sh            # on that (throwaway!) database: its tables are emptied
#
# Needs: a JDK 17+, wrk, nginx (apt-get install -y wrk nginx-light) and, for the local
# PostgreSQL, the postgresql package. Environment:
#   BENCH_QUICK=1            5 s warm-up and 5 s runs, to try it out (default 15 s / 30 s)
#   BENCH_WARMUP, BENCH_DURATION  seconds, override either
#   BENCH_SKIP_BUILD=1       use the jar already in target/
#   BENCH_JFR=1              record a JFR profile of each service process into bench/out/
#   BENCH_SKIP_SCALE=1       skip scenario 5 (the 100,000-user database), for quick iterations
#   BENCH_PORT (28080), BENCH_NGINX_PORT (28081), BENCH_PG_PORT (28082): loopback ports, must be free
#
# Prints one line per scenario; logs and the lines themselves go to bench/out/.
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

if [ "${BENCH_QUICK:-0}" = 1 ]; then
	warmup=${BENCH_WARMUP:-5}; duration=${BENCH_DURATION:-5}
else
	warmup=${BENCH_WARMUP:-15}; duration=${BENCH_DURATION:-30}
fi
port=${BENCH_PORT:-28080}
nginx_port=${BENCH_NGINX_PORT:-28081}
pg_port=${BENCH_PG_PORT:-28082}
threads=2
connections=32
users=100
tasks=10
big_users=100000
bulk_tasks=100000

for tool in java wrk nginx curl; do
	command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y wrk nginx-light curl)" >&2; exit 1; }
done
for p in "$port" "$nginx_port" "$pg_port"; do
	if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
		echo "port $p is in use; choose others with BENCH_PORT, BENCH_NGINX_PORT, BENCH_PG_PORT" >&2
		exit 1
	fi
done

stamp=$(date -u +%Y%m%dT%H%M%SZ)
out="$bench_dir/out/$stamp-$database"
mkdir -p "$out"
work=$(mktemp -d "${TMPDIR:-/tmp}/users-tasks-bench.XXXXXX")
chmod 755 "$work"

service_pid=
nginx_pid=
pg_data=

stop_service() {
	if [ -n "$service_pid" ] && kill -0 "$service_pid" 2>/dev/null; then
		kill "$service_pid" 2>/dev/null || true
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
service_command=(java @jvm.options -XX:SharedArchiveFile=target/app/users-tasks.jsa -jar target/app/users-tasks.jar)
# The JDBC drivers (and H2's RunScript tool), for seeding.
seed_cp="$root/target/app/lib/*"

# --- Database ----------------------------------------------------------------------------
as_postgres() {
	if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

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
elif [ -n "${BENCH_PG_URL:-}" ]; then
	db_url=$BENCH_PG_URL
	db_user=${BENCH_PG_USER:-postgres}
	db_password=${BENCH_PG_PASSWORD:-}
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
fi

# Runs SQL (stdin) on the database with H2's RunScript tool, which takes any JDBC URL.
run_sql() {
	cat >"$work/seed.sql"
	java -cp "$seed_cp" org.h2.tools.RunScript -url "$db_url" -user "$db_user" -password "$db_password" \
		-script "$work/seed.sql"
}

# The number of tasks of user $1, read straight from the database (for H2: while the
# service is stopped).
tasks_of() {
	echo "SELECT COUNT(*) FROM tasks WHERE user_id = $1;" >"$work/count.sql"
	java -cp "$seed_cp" org.h2.tools.RunScript -url "$db_url" -user "$db_user" -password "$db_password" \
		-script "$work/count.sql" -showResults | sed -n 's/^--> //p'
}

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

# Empties the tables and writes $1 users with $2 tasks each (ids from 1), then the users
# of bulk_users for the task counts in $3. Straight SQL: a million rows take seconds,
# not an HTTP call each.
seed() {
	local n_users=$1 n_tasks=$2 bulk=$3 hash='$argon2id$v=19$m=16384,t=2,p=1$c2VlZGVkLXNhbHQ$c2VlZGVkLWhhc2gtbm90LWEtcmVhbC1vbmU'
	local ts
	if [ "$database" = h2 ]; then
		ts="CURRENT_TIMESTAMP(3)"
		run_sql <<-SQL
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
			ANALYZE;
		SQL
	else
		ts="date_trunc('milliseconds', now())"
		run_sql <<-SQL
			TRUNCATE tasks, users RESTART IDENTITY;
			INSERT INTO users (username, password_hash, created_at, updated_at)
			  SELECT 'user' || x, '$hash', $ts, $ts FROM generate_series(1, $n_users) AS g(x);
			$(task_chunks "INSERT INTO tasks (title, completed, user_id, created_at, updated_at)
			  SELECT 'Write the weekly report #' || t.x, t.x % 2 = 0, u.id, $ts, $ts
			  FROM users u CROSS JOIN generate_series(1, $n_tasks) AS t(x)")
			$(bulk_users "SELECT 'Bulk task #' || x, FALSE, %ID%, $ts, $ts FROM generate_series(1, %N%) AS g(x)")
			VACUUM ANALYZE users;
			VACUUM ANALYZE tasks;
		SQL
	fi
}

# --- Service -----------------------------------------------------------------------------
start_ms=
rss_mb() { awk '/^VmHWM/ { printf "%d", $2 / 1024 }' "/proc/$service_pid/status"; }

# Starts the service exactly as the README does, with only the port and the database
# given as arguments, and waits for the first 200.
start_service() {
	local name=$1; shift
	local t0 t1 jfr_opts=
	if [ "${BENCH_JFR:-0}" = 1 ]; then
		jfr_opts="-XX:StartFlightRecording=filename=$out/$name.jfr,settings=profile"
	fi
	t0=$(date +%s%N)
	local profile=()
	# PostgreSQL runs with the service's production profile (pool settings), if any.
	[ "$database" = postgresql ] && profile=(--spring.profiles.active=postgres)
	JDK_JAVA_OPTIONS="$jfr_opts" "${service_command[@]}" --server.port="$port" "${profile[@]}" \
		--spring.datasource.url="$db_url" --spring.datasource.username="$db_user" \
		--spring.datasource.password="$db_password" "$@" >"$work/service-$name.log" 2>&1 &
	service_pid=$!
	until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/users?limit=1")" = 200 ]; do
		if ! kill -0 "$service_pid" 2>/dev/null; then
			echo "the service did not start; see $out/service-$name.log" >&2
			exit 1
		fi
		sleep 0.02
	done
	t1=$(date +%s%N)
	start_ms=$(((t1 - t0) / 1000000))
	log "service started in $start_ms ms ($name)"
}

# --- Load --------------------------------------------------------------------------------
export BENCH_LUA_DIR="$bench_dir"
export BENCH_FIRST_ID=1 BENCH_LAST_ID=$users

# wrk_run SCRIPT URL: warm-up, then the measured run; sets rps p50 p99 errors.
wrk_run() {
	local script=$1 url=$2 line
	wrk -t"$threads" -c"$connections" -d"${warmup}s" -s "$bench_dir/$script" "$url" >/dev/null
	line=$(wrk -t"$threads" -c"$connections" -d"${duration}s" -s "$bench_dir/$script" "$url" | grep '^WRK ')
	rps=$(sed -E 's/.* rps=([^ ]+).*/\1/' <<<"$line")
	p50=$(sed -E 's/.* p50_ms=([^ ]+).*/\1/' <<<"$line")
	p99=$(sed -E 's/.* p99_ms=([^ ]+).*/\1/' <<<"$line")
	errors=$(sed -E 's/.* socket_errors=([0-9]+) http_errors=([0-9]+).*/\1+\2/' <<<"$line")
}

results="$out/results.txt"
header() {
	printf '%-44s %9s %8s %8s %9s %7s %8s %s\n' scenario 'req/s' 'p50 ms' 'p99 ms' 'body B' 'RSS MB' 'start ms' 'errors' |
		tee -a "$results"
}
# row NAME BODY_BYTES [RSS] [START]
row() {
	printf '%-44s %9s %8s %8s %9s %7s %8s %s\n' "$1" "$rps" "$p50" "$p99" "$2" "${3:--}" "${4:--}" "$errors" |
		tee -a "$results"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
percent() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f%%", 100 * a / b }'; }

{
	echo "# $(date -u '+%F %T UTC'), $database, $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo)"
	echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg); other java processes: $(pgrep -c java || true)"
	echo "# wrk -t$threads -c$connections, warm-up ${warmup}s, run ${duration}s; service: ${service_command[*]}"
} | tee "$results"

base="http://127.0.0.1:$port"

# Fresh, empty database: the time to the first 200 includes the migrations.
start_service fresh
fresh_start_ms=$start_ms
fresh_rss=$(rss_mb)
stop_service

log "seeding $users users x $tasks tasks"
seed "$users" "$tasks" ""
start_service small
small_start_ms=$start_ms
header

list_url="$base/users?include=tasks&limit=$users"
body_bytes=$(curl -s -o "$work/users.json" -w '%{size_download}' "$list_url")
wrk_run get.lua "$list_url"
s1_rps=$rps s1_p99=$p99
row "1 GET /users?include=tasks&limit=100" "$body_bytes" "$(rss_mb)" "$small_start_ms"

tasks_bytes=$(curl -s -o /dev/null -w '%{size_download}' "$base/users/1/tasks")
wrk_run user-tasks.lua "$base"
row "2 GET /users/{random}/tasks" "$tasks_bytes" "$(rss_mb)" "$small_start_ms"

# The ceiling: the same bytes as a static file from nginx.
mkdir -p "$work/nginx/static" "$work/nginx/tmp"
cp "$work/users.json" "$work/nginx/static/users.json"
chmod -R a+rX "$work/nginx"
cat >"$work/nginx/nginx.conf" <<CONF
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
wrk_run get.lua "http://127.0.0.1:$nginx_port/users.json"
s4_rps=$rps
row "4 nginx: the same body as a static file" "$nginx_bytes"
echo "   scenario 1 is $(percent "$s1_rps" "$s4_rps") of the nginx ceiling" | tee -a "$results"
kill "$nginx_pid"; wait "$nginx_pid" 2>/dev/null || true; nginx_pid=

wrk_run post-task.lua "$base"
row "3 POST /users/{random}/tasks" "$(curl -s -o /dev/null -w '%{size_download}' -H 'Content-Type: application/json' \
	-d '{"title":"Benchmark task"}' "$base/users/1/tasks")" "$(rss_mb)" "$small_start_ms"
stop_service
if [ "${BENCH_SKIP_SCALE:-0}" = 1 ]; then
	exit 0
fi

# Three users with $warmup_tasks tasks each, deleted first: the first delete after a start
# runs cold (interpreted) database code and takes several times as long.
warmup_tasks=$((bulk_tasks / 2))
log "seeding $big_users users x $tasks tasks, 3 users with $warmup_tasks tasks and one with $bulk_tasks"
seed_t0=$(date +%s%N)
seed "$big_users" "$tasks" "$warmup_tasks $warmup_tasks $warmup_tasks $bulk_tasks"
log "seeded in $((($(date +%s%N) - seed_t0) / 1000000)) ms"
bulk_id=$((big_users + 4))
bulk_count=$(tasks_of "$bulk_id")
start_service big
big_start_ms=$start_ms
deep_after=$((big_users - users - 50))
deep_url="$base/users?include=tasks&limit=$users&after=$deep_after"
deep_bytes=$(curl -s -o /dev/null -w '%{size_download}' "$deep_url")
wrk_run get.lua "$deep_url"
s5_rps=$rps s5_p99=$p99
row "5 the same, after=$deep_after of $big_users users" "$deep_bytes" "$(rss_mb)" "$big_start_ms"
stop_service

# The delete, on a service that logs Hibernate's per-session statement counts.
start_service delete --spring.jpa.properties.hibernate.generate_statistics=true \
	--logging.level.org.hibernate.session.metrics=debug --logging.level.org.hibernate.SQL=debug
cold_delete=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -X DELETE "$base/users/$((big_users + 1))")
for id in $((big_users + 2)) $((big_users + 3)); do
	curl -s -o /dev/null -X DELETE "$base/users/$id"
done
log_mark=$(wc -l <"$work/service-delete.log")
delete=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -X DELETE "$base/users/$bulk_id")
sleep 1
# Hibernate's metrics of the one session that served the DELETE.
tail -n +"$((log_mark + 1))" "$work/service-delete.log" >"$work/delete-sql.log"
statements=$(grep -oE 'ns executing [0-9]+ JDBC statements' "$work/delete-sql.log" | grep -oE '[0-9]+ JDBC' | cut -d' ' -f1 | paste -sd+ | bc 2>/dev/null || echo '?')
sql=$(grep -m1 'org.hibernate.SQL' "$work/delete-sql.log" | sed 's/.*org.hibernate.SQL *: //')
remaining=$(curl -s -o /dev/null -w '%{http_code}' "$base/users/$bulk_id/tasks")
stop_service

{
	printf '%s\n' "--"
	echo "fresh database: start to first 200 ${fresh_start_ms} ms, RSS ${fresh_rss} MB; seeded 100 users: ${small_start_ms} ms; $big_users users: ${big_start_ms} ms"
	echo "scenario 5 deep page / scenario 1 (req/s): $(ratio "$s5_rps" "$s1_rps"); p99 $s5_p99 ms vs $s1_p99 ms"
	echo "DELETE /users/$bulk_id with $bulk_count tasks: HTTP ${delete% *} in ${delete#* } s, $statements JDBC statement(s) ($sql); its tasks afterwards: HTTP $remaining"
	echo "   (the first DELETE after the start, of a user with $warmup_tasks tasks: HTTP ${cold_delete% *} in ${cold_delete#* } s)"
} | tee -a "$results"
