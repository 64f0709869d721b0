#!/usr/bin/env bash
# Builds the solution in Release and runs every test project, then prints one summary line:
#   tests: N passed, N failed, N skipped
# That line is always the last one (CI reads it). Exit status is non-zero if the build fails or
# any test fails, or a test project writes no results (its test host crashed or was killed).
#
# A whole run takes minutes, and a test project prints nothing of its own until it finishes, so
# the script says what it is doing. In a terminal, dotnet test shows the projects under test and
# their running time itself. Otherwise (a log, CI, an editor's task pane) nothing would show for
# minutes, so the script prints a line every NVTRAP_HEARTBEAT_SECONDS (30) seconds saying which
# test projects are running, finished and waiting. (Printed into a terminal, those lines would
# break dotnet test's live display.)
set -uo pipefail
cd "$(dirname "$0")/.."

results="artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"
test_log="$results/dotnet-test.log"

started=$SECONDS
heartbeat_seconds="${NVTRAP_HEARTBEAT_SECONDS:-30}"

say() { echo "test.sh [$(elapsed)]: $*"; }
elapsed() { local s=$((SECONDS - started)); printf '%dm%02ds' $((s / 60)) $((s % 60)); }
list() { if [ $# -eq 0 ]; then echo "none"; else local IFS=,; echo "$*" | sed 's/,/, /g'; fi; }

# dotnet test draws its live display where its output is a terminal it can draw in.
live_display() { [ -t 1 ] && [ "${TERM:-dumb}" != dumb ] && [ -z "${CI:-}" ]; }

# The test projects, by name, as dotnet test runs them from the solution.
projects=()
for csproj in tests/*/*.Tests.csproj; do
  projects+=("$(basename "$csproj" .csproj)")
done

# A project has started once dotnet test printed "Test run for .../<name>.dll", and has finished
# once its .trx file is written, which names the tested assembly (in lower case) in its storage
# attributes.
has_started() { grep -q "^Test run for .*/$1\.dll " "$test_log" 2>/dev/null; }
has_finished() { grep -qi "storage=\"[^\"]*/$1\.dll\"" "$results"/*.trx 2>/dev/null; }

report() {
  local running=() finished=() waiting=() name
  for name in "${projects[@]}"; do
    if has_finished "$name"; then finished+=("$name")
    elif has_started "$name"; then running+=("$name")
    else waiting+=("$name"); fi
  done
  say "running: $(list "${running[@]}"); finished ${#finished[@]} of ${#projects[@]}: $(list "${finished[@]}"); waiting: $(list "${waiting[@]}")"
}

# Runs in the background while dotnet test runs in the foreground. Sleeps in a child it can
# stop, so stopping the heartbeat ends it at once, and ends by itself if this script is gone.
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

test_command=(dotnet test NvTrap.sln -c Release --no-build --results-directory "$results" --logger "trx")
status=0
if live_display; then
  say "running ${#projects[@]} test projects, one per core at a time: $(list "${projects[@]}")"
  "${test_command[@]}" || status=$?
else
  say "running ${#projects[@]} test projects, one per core at a time: $(list "${projects[@]}"); a line every ${heartbeat_seconds} s says which are running"
  heartbeat &
  heartbeat_pid=$!
  trap 'kill "$heartbeat_pid" 2>/dev/null' EXIT
  "${test_command[@]}" | tee "$test_log"
  status=${PIPESTATUS[0]}
  kill "$heartbeat_pid" 2>/dev/null
  wait "$heartbeat_pid" 2>/dev/null
fi
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

# A test project whose run died (a crashed or killed test host) writes no results: its tests are
# neither passed nor failed in the counts above, and dotnet test may still exit 0. Each such
# project counts as one failure, so the summary line cannot read as a clean run.
for name in "${projects[@]}"; do
  if ! has_finished "$name"; then
    echo "no test results from $name: its test run did not finish" >&2
    failed=$((failed + 1))
    status=1
  fi
done

echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$failed" -ne 0 ]; then status=1; fi
exit "$status"
