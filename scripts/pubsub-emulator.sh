#!/usr/bin/env bash
# Start/stop a local Google Pub/Sub emulator for the broker tests and bench.
#   scripts/pubsub-emulator.sh start   # idempotent; then: export PUBSUB_EMULATOR_HOST=127.0.0.1:8085
#   scripts/pubsub-emulator.sh stop    # stops only the emulator this script started (pid file)
#   scripts/pubsub-emulator.sh status
set -euo pipefail
PORT="${PUBSUB_EMULATOR_PORT:-8085}"
BIN="${PUBSUB_EMULATOR_BIN:-/usr/lib/google-cloud-sdk/platform/pubsub-emulator/bin/cloud-pubsub-emulator}"
STATE="${TMPDIR:-/tmp}/jobkit-pubsub-emulator-${PORT}"
PIDFILE="$STATE.pid"
LOG="$STATE.log"

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

case "${1:-status}" in
  start)
    if listening; then echo "emulator already listening on 127.0.0.1:$PORT"; exit 0; fi
    [ -x "$BIN" ] || { echo "emulator not found at $BIN (set PUBSUB_EMULATOR_BIN)" >&2; exit 1; }
    nohup "$BIN" --host=127.0.0.1 --port="$PORT" >"$LOG" 2>&1 &
    echo $! >"$PIDFILE"
    for _ in $(seq 1 60); do
      if listening; then echo "emulator up on 127.0.0.1:$PORT (pid $(cat "$PIDFILE"), log $LOG)"; exit 0; fi
      sleep 0.5
    done
    echo "emulator did not start within 30 s; see $LOG" >&2; exit 1
    ;;
  stop)
    if [ -f "$PIDFILE" ]; then
      pid="$(cat "$PIDFILE")"
      # The launcher is a shell script that execs java; kill its process group member by pid only.
      kill "$pid" 2>/dev/null || true
      pkill -P "$pid" 2>/dev/null || true
      rm -f "$PIDFILE"
      echo "stopped emulator pid $pid"
    else
      echo "no emulator started by this script (no $PIDFILE)"
    fi
    ;;
  status)
    if listening; then echo "listening on 127.0.0.1:$PORT"; else echo "not running on 127.0.0.1:$PORT"; exit 1; fi
    ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
