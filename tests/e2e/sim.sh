# The learner simulation's quick run (tests/sim, issue 9): its sanity checks and the floor
# the schedule must keep — backprep's recall at the interview at least the better Anki-style
# baseline's, and no day over budget when the total work fits. It prints the "ok - " /
# "not ok - " lines itself; the 1.3x target is printed, never gated.
: "${BACKPREP_SIM_BIN:?set BACKPREP_SIM_BIN to the simulation binary (make test does)}"
cd "$(dirname "$0")/../.." || exit 2
"$BACKPREP_SIM_BIN" --quick
