#!/usr/bin/env bash
# Builds the solution in Release and runs every test project, then prints one summary line:
#   tests: N passed, N failed, N skipped
# That line is always the last one (CI reads it). Exit status is non-zero if the build fails or
# any test fails.
#
# A whole run takes minutes, and some test projects print nothing until they finish, so the
# script says what it is doing and, while the tests run, prints a line every
# NVTRAP_HEARTBEAT_SECONDS (30) seconds naming the projects that have finished and those still
# running.
set -uo pipefail
cd "$(dirname "$0")/.."

results="artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

started=$SECONDS
heartbeat_seconds="${NVTRAP_HEARTBEAT_SECONDS:-30}"

say() { echo "test.sh [$(elapsed)]: $*"; }
elapsed() { local s=$((SECONDS - started)); printf '%dm%02ds' $((s / 60)) $((s % 60)); }

# The test projects, by name, as dotnet test runs them from the solution.
projects=()
for csproj in tests/*/*.Tests.csproj; do
  projects+=("$(basename "$csproj" .csproj)")
done

# Each test project writes its .trx file when it finishes; the file names the tested assembly
# (in lower case) in its storage attributes.
finished() {
  local name
  for name in "${projects[@]}"; do
    if grep -qi "storage=\"[^\"]*/${name}.dll\"" "$results"/*.trx 2>/dev/null; then
      echo "$name"
    fi
  done
}

report() {
  local done_list running=() done_names=() name
  done_list=$(finished)
  for name in "${projects[@]}"; do
    if grep -qx "$name" <<<"$done_list"; then done_names+=("$name"); else running+=("$name"); fi
  done
  say "still running: $(list "${running[@]}"); finished: $(list "${done_names[@]}")"
}

list() { if [ $# -eq 0 ]; then echo "none"; else local IFS=,; echo "$*" | sed 's/,/, /g'; fi; }

# Runs in the background while dotnet test runs in the foreground (so Ctrl-C reaches dotnet
# test). Sleeps in a child it can stop, so stopping the heartbeat ends it at once, and ends by
# itself if this script is gone.
heartbeat() {
  local sleeper= script_pid=$$
  trap 'kill "$sleeper" 2>/dev/null; exit 0' TERM
  while kill -0 "$script_pid" 2>/dev/null; do
    sleep "$heartbeat_seconds" &
    sleeper=$!
    wait "$sleeper"
    report
  done
}

say "restoring packages"
dotnet restore NvTrap.sln || exit 1

say "building the solution (Release); the first build takes a few minutes, each project is printed as it is built"
dotnet build NvTrap.sln -c Release --no-restore || exit 1

say "running ${#projects[@]} test projects: ${projects[*]}; a line every ${heartbeat_seconds} s says which are still running"
heartbeat &
heartbeat_pid=$!
trap 'kill "$heartbeat_pid" 2>/dev/null' EXIT

status=0
dotnet test NvTrap.sln -c Release --no-build --results-directory "$results" --logger "trx" || status=$?

kill "$heartbeat_pid" 2>/dev/null
wait "$heartbeat_pid" 2>/dev/null
say "tests finished"

passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  total=$(get total); executed=$(get executed); p=$(get passed); f=$(get failed)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
  skipped=$((skipped + ${total:-0} - ${executed:-0}))
done

if [ "$files" -eq 0 ]; then
  echo "no test results were written" >&2
  status=1
fi

echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$failed" -ne 0 ]; then status=1; fi
exit "$status"
