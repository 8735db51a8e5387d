#!/usr/bin/env bash
# Copyright 2026 The Mailcore Authors
# SPDX-License-Identifier: Apache-2.0
#
# Compares Mailcore with Dovecot 2.3 (Xapian full-text search) and GreenMail on this machine: each server gets
# the same user and the same generated mailbox on loopback ports, the load harness measures each one, and one
# table of absolute figures and ratios goes into docs/performance.md between its compare markers.
#
#   benchmarks/compare.sh              # 10,000 messages
#   N=1000 benchmarks/compare.sh       # a quick run
#
# Needs root (installs Debian packages, runs Dovecot), Java and Maven. Not part of CI. Every step has a time
# limit and the whole run stops after BUDGET seconds (default 1800).
#
# Settings (environment): N, RUNS, WARMUP, CLIENTS, LOAD_SECONDS, START_RUNS, BUDGET, GREENMAIL_VERSION,
# MAVEN_FLAGS (e.g. -o), SKIP_BUILD=1, TARGETS (default "mailcore dovecot greenmail"), KEEP_WORK=1,
# NOTE (a sentence printed above the table, e.g. about the machine's load), SERVER_JAVA_OPTS (heap of the
# Java servers, default -Xmx1g), MAILCORE_START and MAILCORE_VARIANTS (see below). REPORT_ONLY=DIR writes the
# table from the results of an earlier run kept with KEEP_WORK=1 (DIR is its results folder).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
[[ -n ${JAVA_HOME:-} ]] && PATH=$JAVA_HOME/bin:$PATH
N=${N:-10000}
RUNS=${RUNS:-100}
WARMUP=${WARMUP:-20}
CLIENTS=${CLIENTS:-8}
LOAD_SECONDS=${LOAD_SECONDS:-30}
START_RUNS=${START_RUNS:-3}
BUDGET=${BUDGET:-1800}
GREENMAIL_VERSION=${GREENMAIL_VERSION:-2.1.14}
TARGETS=${TARGETS:-mailcore dovecot greenmail}
MAVEN_FLAGS=${MAVEN_FLAGS:-}
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:--Xmx1g}

MAIL_USER=demo@localhost
MAIL_PASSWORD=compare-password
HARNESS_JAR=$ROOT/benchmarks/target/benchmarks.jar

# How Mailcore starts: one command, run by bash with IMAP_PORT, SMTP_PORT, DATA_DIR, STORE, SEARCH, MAIL_USER
# and MAIL_PASSWORD in its environment. It must stay in the foreground and print "mailcore ready" once it
# listens; a line "password: X" overrides MAIL_PASSWORD. The default is the standalone server, once per variant
# (STORE:SEARCH).
MAILCORE_START=${MAILCORE_START:-'exec java $SERVER_JAVA_OPTS -jar "$ROOT/mailcore-server/target/mailcore-server.jar" --data-dir "$DATA_DIR" --store "$STORE" --search "$SEARCH" --imap 127.0.0.1:$IMAP_PORT --smtp 127.0.0.1:$SMTP_PORT --user "$MAIL_USER:$MAIL_PASSWORD"'}
MAILCORE_VARIANTS=${MAILCORE_VARIANTS:-memory:scan h2:lucene}

DEADLINE=$((SECONDS + BUDGET))
WORK=$(mktemp -d /tmp/mailcore-compare.XXXXXX)
chmod 755 "$WORK" # Dovecot reads its users file and maildirs as its own users
RESULTS=${REPORT_ONLY:-$WORK/results}
mkdir -p "$RESULTS"
SERVER_PID=

log() { printf '[compare %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# step LIMIT CMD...: runs CMD with the smaller of LIMIT and the time left in the budget.
step() {
  local limit=$1 left=$((DEADLINE - SECONDS))
  shift
  ((left > 0)) || die "time budget of ${BUDGET}s used up"
  timeout --kill-after=10 $((limit < left ? limit : left)) "$@"
}

stop_server() {
  if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    pkill -TERM -P "$SERVER_PID" 2>/dev/null || true
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=
}

cleanup() {
  stop_server
  if [[ -z ${KEEP_WORK:-} ]]; then rm -rf "$WORK"; else log "kept $WORK"; fi
}
trap cleanup EXIT

# wait_for LOG PATTERN SECONDS: waits until the server's log shows PATTERN.
wait_for() {
  local file=$1 pattern=$2 limit=$3 i
  for ((i = 0; i < limit * 10; i++)); do
    grep -q "$pattern" "$file" 2>/dev/null && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$file" >&2; die "server exited before '$pattern'"; }
    sleep 0.1
  done
  cat "$file" >&2
  die "no '$pattern' within ${limit}s"
}

# wait_port PORT SECONDS: waits until an IMAP greeting arrives on 127.0.0.1:PORT.
wait_port() {
  local port=$1 limit=$2 i
  for ((i = 0; i < limit * 10; i++)); do
    # A subshell, so that the descriptor and the silenced errors stay there.
    if (exec 3<>"/dev/tcp/127.0.0.1/$port" && read -r -t 5 greeting <&3 && [[ $greeting == "* OK"* ]]) 2>/dev/null; then
      return 0
    fi
    sleep 0.1
  done
  die "no IMAP greeting on port $port within ${limit}s"
}

# Commands, not functions, so that step can time-limit them.
HARNESS=(java -Xmx1g -cp "$HARNESS_JAR" dev.mailcore.benchmarks.harness.Harness --out "$RESULTS" --messages "$N")
MEASURE=("${HARNESS[@]}" --warmup "$WARMUP" --runs "$RUNS" --clients "$CLIENTS" --seconds "$LOAD_SECONDS")

measure() { # measure TARGET IMAP_PORT DELIVERY_FLAG DELIVERY_PORT PASSWORD
  local target=$1 imap=$2 flag=$3 delivery=$4 password=$5
  log "$target: measuring (the harness seeds $N messages unless the INBOX holds them)"
  step 1500 "${MEASURE[@]}" --target "$target" --imap "127.0.0.1:$imap" "$flag" "127.0.0.1:$delivery" \
    --user "$MAIL_USER" --password "$password" --pid "$SERVER_PID" >"$RESULTS/$target.out" ||
    log "$target: harness failed (exit $?), see $RESULTS/$target.json and the lines above"
}

measure_start() { # measure_start TARGET IMAP_PORT COMMAND
  log "$1: start time to first greeting, $START_RUNS starts"
  step 600 "${HARNESS[@]}" --target "$1" \
    --imap "127.0.0.1:$2" --start-command "$3" --start-runs "$START_RUNS" || log "$1: start time failed"
}

build() {
  [[ -n ${SKIP_BUILD:-} ]] && return 0
  log "building the harness and the Mailcore server"
  (cd "$ROOT" && step 900 mvn -q $MAVEN_FLAGS -pl benchmarks,mailcore-server -am package -DskipTests)
}

install_dovecot() {
  if ! dpkg -s dovecot-imapd dovecot-lmtpd dovecot-fts-xapian >/dev/null 2>&1; then
    log "installing Dovecot 2.3 with Xapian full-text search"
    step 600 apt-get update -qq
    DEBIAN_FRONTEND=noninteractive step 600 apt-get install -y -qq dovecot-imapd dovecot-lmtpd dovecot-fts-xapian
  fi
  id mailbench >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin mailbench
}

fetch_greenmail() {
  local jar=$HOME/.m2/repository/com/icegreen/greenmail-standalone/$GREENMAIL_VERSION/greenmail-standalone-$GREENMAIL_VERSION.jar
  if [[ ! -f $jar ]]; then
    log "fetching GreenMail $GREENMAIL_VERSION"
    (cd "$WORK" && step 300 mvn -q dependency:get -Dartifact="com.icegreen:greenmail-standalone:$GREENMAIL_VERSION" \
      -Dtransitive=false)
  fi
  cp "$jar" "$WORK/greenmail-standalone.jar"
}

run_mailcore() {
  local variant store search target data
  for variant in $MAILCORE_VARIANTS; do
    store=${variant%%:*} search=${variant##*:} target=mailcore-$store-$search
    data=$WORK/$target
    mkdir -p "$data"
    export IMAP_PORT=11143 SMTP_PORT=12525 DATA_DIR=$data STORE=$store SEARCH=$search ROOT MAIL_USER MAIL_PASSWORD \
      SERVER_JAVA_OPTS
    log "$target: starting"
    bash -c "$MAILCORE_START" >"$data.log" 2>&1 &
    SERVER_PID=$!
    wait_for "$data.log" "mailcore ready" 120
    local password
    password=$(sed -n 's/.*password: \([^ ]*\).*/\1/p' "$data.log" | tail -1)
    measure "$target" "$IMAP_PORT" --smtp "$SMTP_PORT" "${password:-$MAIL_PASSWORD}"
    stop_server
    # With the memory store the restart starts empty; with H2 it opens the seeded mailbox.
    measure_start "$target" "$IMAP_PORT" "$MAILCORE_START"
  done
}

dovecot_config() {
  local dir=$WORK/dovecot
  mkdir -p "$dir/run" "$dir/state" "$dir/mail"
  chown mailbench: "$dir/mail"
  printf '%s:{PLAIN}%s::::::\n' "$MAIL_USER" "$MAIL_PASSWORD" >"$dir/users"
  cat >"$dir/dovecot.conf" <<EOF
protocols = imap lmtp
listen = 127.0.0.1
base_dir = $dir/run
state_dir = $dir/state
log_path = $dir/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 1
mail_location = maildir:$dir/mail/%u
mail_plugins = \$mail_plugins fts fts_xapian
postmaster_address = postmaster@localhost
passdb {
  driver = passwd-file
  args = scheme=PLAIN $dir/users
}
userdb {
  driver = static
  args = uid=mailbench gid=mailbench home=$dir/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = 21143
  }
  inet_listener imaps {
    port = 0
  }
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = 22424
  }
}
service pop3-login {
  inet_listener pop3 {
    port = 0
  }
  inet_listener pop3s {
    port = 0
  }
}
protocol imap {
  mail_max_userip_connections = 1000
}
plugin {
  fts = xapian
  fts_xapian = partial=3 full=20 verbose=0
  # Indexing is triggered and timed explicitly after seeding (doveadm index), then kept up on delivery.
  fts_autoindex = no
  fts_enforced = yes
}
EOF
  echo "$dir/dovecot.conf"
}

run_dovecot() {
  local conf start
  conf=$(dovecot_config)
  start="exec dovecot -F -c $conf"
  log "dovecot: starting"
  bash -c "$start" >"$WORK/dovecot/stdout.log" 2>&1 &
  SERVER_PID=$!
  wait_port 21143 60
  log "dovecot: seeding $N messages"
  step 1200 "${HARNESS[@]}" --target dovecot --imap 127.0.0.1:21143 --user "$MAIL_USER" --password "$MAIL_PASSWORD" \
    --seed-only >/dev/null
  log "dovecot: building the full-text index (doveadm index)"
  local begin end
  begin=$(date +%s%N)
  step 900 doveadm -c "$conf" index -u "$MAIL_USER" INBOX
  end=$(date +%s%N)
  printf '{"target":"dovecot","rows":{"indexBuild":{"description":"full-text index build after seeding","unit":"s","value":%s}},"checks":{}}\n' \
    "$(awk -v ns=$((end - begin)) 'BEGIN { printf "%.2f", ns / 1e9 }')" >"$RESULTS/dovecot-index.json"
  measure dovecot 21143 --lmtp 22424 "$MAIL_PASSWORD"
  stop_server
  measure_start dovecot 21143 "$start"
}

run_greenmail() {
  local start
  start="exec java $SERVER_JAVA_OPTS -Dgreenmail.imap.hostname=127.0.0.1 -Dgreenmail.imap.port=31143 \
    -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port=32525 \
    -Dgreenmail.users=${MAIL_USER%%@*}:$MAIL_PASSWORD@${MAIL_USER#*@} -Dgreenmail.users.login=email \
    -jar $WORK/greenmail-standalone.jar"
  log "greenmail: starting"
  bash -c "$start" >"$WORK/greenmail.log" 2>&1 &
  SERVER_PID=$!
  wait_port 31143 60
  measure greenmail 31143 --smtp 32525 "$MAIL_PASSWORD"
  stop_server
  measure_start greenmail 31143 "$start"
}

write_doc() {
  local doc=$ROOT/docs/performance.md table labels=() f
  [[ -f $RESULTS/loadavg ]] || cut -d' ' -f1-3 /proc/loadavg >"$RESULTS/loadavg"
  for f in $MAILCORE_VARIANTS; do labels+=(--label "mailcore-${f%%:*}-${f##*:}=Mailcore (${f%%:*}, ${f##*:})"); done
  table=$(java -cp "$HARNESS_JAR" dev.mailcore.benchmarks.harness.CompareReport --reference dovecot \
    --label "dovecot=Dovecot $(dovecot --version 2>/dev/null | cut -d' ' -f1) (Xapian)" \
    --label "greenmail=GreenMail $GREENMAIL_VERSION" "${labels[@]}" "$RESULTS"/*.json)
  {
    cat <<'INTRO'
## Against other servers

```sh
benchmarks/compare.sh            # 10,000 messages, about 30 minutes at most
N=1000 benchmarks/compare.sh     # a quick run
```

The script installs Dovecot 2.3 with its Xapian full-text search plugin from Debian
packages, fetches GreenMail standalone from Maven Central, builds Mailcore's server, and
starts each on loopback ports with the same user and the same generated mailbox. The load
harness (`dev.mailcore.benchmarks.harness.Harness`, a plain-socket IMAP/SMTP/LMTP client)
seeds the mailbox by IMAP `APPEND`, then measures each server the same way; Dovecot's
full-text index is built with `doveadm index` before the measurements, and its build time
is a row of its own. The harness also runs on its own against any server on this machine:

```sh
java -cp benchmarks/target/benchmarks.jar dev.mailcore.benchmarks.harness.Harness \
    --target NAME --imap 127.0.0.1:1143 --smtp 127.0.0.1:2525 --user USER --password PASSWORD \
    --messages 10000 --pid SERVER_PID
```

It writes `NAME.json` and `NAME.md` under `benchmarks/target/harness/`;
`dev.mailcore.benchmarks.harness.CompareReport` merges several JSON files into one table.

Differences to keep in mind: Dovecot and GreenMail compare plain-text passwords here;
Mailcore checks its password hash (PBKDF2 on the memory store, Argon2id on SQL) at the first
LOGIN and then remembers the successful check for five minutes (`authCache`), so the
connect rows after warm-up measure the remembered check. Dovecot announces new mail to an IDLE session after a short delay of its own
(a steady half second here), so its delivery row measures that delay. The Java servers run
with `SERVER_JAVA_OPTS` (default `-Xmx1g`).
INTRO
    echo
    echo "Measured $(date -u +%Y-%m-%d) with" \
      "\`N=$N RUNS=$RUNS WARMUP=$WARMUP CLIENTS=$CLIENTS LOAD_SECONDS=$LOAD_SECONDS benchmarks/compare.sh\`:" \
      "$N messages, $RUNS runs after $WARMUP warm-up runs, $CLIENTS clients for ${LOAD_SECONDS}s; $(nproc) cores, load average" \
      "$(cat "$RESULTS/loadavg") at the end. Cells: median (99th percentile); ×: ratio to Dovecot."
    [[ -n ${NOTE:-} ]] && echo "$NOTE"
    echo
    echo "$table"
    echo
  } >"$WORK/table.md"
  if grep -q '<!-- compare:begin -->' "$doc"; then
    awk -v table="$WORK/table.md" '
      /<!-- compare:begin -->/ { print; while ((getline line < table) > 0) print line; skip = 1; next }
      /<!-- compare:end -->/ { skip = 0 }
      !skip { print }' "$doc" >"$doc.new" && mv "$doc.new" "$doc"
    log "wrote the table into docs/performance.md"
  else
    log "docs/performance.md has no compare markers; the table is:"
  fi
  cat "$WORK/table.md"
}

java_release=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = //p')
((${java_release:-0} >= 21)) || die "Java 21 or later needed (found ${java_release:-none}); set JAVA_HOME"
[[ -z ${REPORT_ONLY:-} ]] && build
[[ -f $HARNESS_JAR ]] || die "no $HARNESS_JAR: build it first"
[[ -n ${REPORT_ONLY:-} ]] && TARGETS=
for target in $TARGETS; do
  case $target in
    mailcore) run_mailcore ;;
    dovecot) install_dovecot && run_dovecot ;;
    greenmail) fetch_greenmail && run_greenmail ;;
    *) die "unknown target $target" ;;
  esac
done
write_doc
