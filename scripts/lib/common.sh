# shellcheck shell=bash
# Shared by scripts/run and scripts/test: where the repository is, logging,
# and a step runner that keeps going after a failed step so that one run
# reports every broken part, then prints a summary CI can read.
#
# Source it; it defines functions and a few variables and runs nothing.

NGXFIX_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
NGXFIX_BUILD="$NGXFIX_ROOT/build"
# Logs of each step go here so that the summary can point at them.
NGXFIX_LOG_DIR="$NGXFIX_BUILD/logs"

log()  { printf '==> %s\n' "$*" >&2; }
die()  { printf 'error: %s\n' "$*" >&2; exit 1; }

# Seconds as "1m05s" for the summary.
format_duration() {
  local s=$1
  if (( s >= 60 )); then printf '%dm%02ds' $((s / 60)) $((s % 60)); else printf '%ds' "$s"; fi
}

# --- Steps -----------------------------------------------------------------
# run_step NAME FUNCTION [ARGS...] runs FUNCTION in a subshell with errexit on,
# its output shown and kept in build/logs/NAME.log, and records PASS, FAIL or
# SKIP (when the function called skip_step), also in LAST_STEP_RESULT.
#
# Never call run_step inside `if`, `||` or `&&`: bash ignores errexit in
# everything called from such a context, even a subshell that sets it again,
# so a failing command in the middle of a step would go unnoticed.  That is
# why run_step always returns 0 and reports through LAST_STEP_RESULT.

STEP_NAMES=()
STEP_RESULTS=()
STEP_NOTES=()
STEP_SECONDS=()
LAST_STEP_RESULT=""

# Called inside a step: mark it skipped with REASON and leave it.
skip_step() {
  printf '%s\n' "$*" >"$NGXFIX_STEP_SKIP_FILE"
  log "skipped: $*"
  exit 0
}

run_step() {
  local name=$1; shift
  local log_file="$NGXFIX_LOG_DIR/$name.log"
  local started=$SECONDS status note result
  mkdir -p "$NGXFIX_LOG_DIR"
  export NGXFIX_STEP_SKIP_FILE="$NGXFIX_LOG_DIR/$name.skipped"
  rm -f "$NGXFIX_STEP_SKIP_FILE"

  printf '\n===== %s =====\n' "$name" >&2
  set +e
  ( set -eo pipefail; "$@" ) 2>&1 | tee "$log_file"
  status=${PIPESTATUS[0]}
  set -e

  note=""
  if (( status != 0 )); then
    result=FAIL
    note="exit status $status; log: ${log_file#"$NGXFIX_ROOT"/}"
  elif [[ -f $NGXFIX_STEP_SKIP_FILE ]]; then
    result=SKIP
    note=$(<"$NGXFIX_STEP_SKIP_FILE")
  else
    result=PASS
  fi
  STEP_NAMES+=("$name")
  STEP_RESULTS+=("$result")
  STEP_NOTES+=("$note")
  STEP_SECONDS+=($((SECONDS - started)))
  # shellcheck disable=SC2034  # read by the scripts that source this file
  LAST_STEP_RESULT=$result
  printf '===== %s: %s (%s) =====\n' "$name" "$result" \
    "$(format_duration $((SECONDS - started)))" >&2
}

# Prints the table of steps and, last, the line CI reads:
# "PROGRAM: N passed, N failed[, N skipped]".  Returns 1 if any step failed.
print_summary() {
  local program=$1 i passed=0 failed=0 skipped=0 line
  printf '\n%s summary:\n' "$program"
  for i in "${!STEP_NAMES[@]}"; do
    case ${STEP_RESULTS[i]} in
      PASS) passed=$((passed + 1)) ;;
      FAIL) failed=$((failed + 1)) ;;
      SKIP) skipped=$((skipped + 1)) ;;
    esac
    printf '  %-4s  %-12s %7s%s\n' "${STEP_RESULTS[i]}" "${STEP_NAMES[i]}" \
      "$(format_duration "${STEP_SECONDS[i]}")" "${STEP_NOTES[i]:+  ${STEP_NOTES[i]}}"
  done
  line="$program: $passed passed, $failed failed"
  if (( skipped > 0 )); then line+=", $skipped skipped"; fi
  printf '%s\n' "$line"
  (( failed == 0 ))
}
