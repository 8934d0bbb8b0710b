#!/usr/bin/env bash
# The reference points scenario against an earlier commit of the platform and against this checkout,
# one after the other in one run, each on fresh local backends with the same settings and JVM flags.
#
#   src/load/reference-against.sh <commit> [-Dload.users=8 -Dload.duration=60 ...]
#
# The earlier commit is exported (git archive) to target/load/baseline-<commit>/src and built there
# with its own Maven build (no tests); then the load profile runs ReferencePointsSimulation with that
# build's classes and runtime classpath, then with this checkout's. Each run's figures are in
# target/load/baseline-<commit>/reference-catch-up.txt and target/load/reference-catch-up.txt (the
# "iterations:" line is the rate compared), Gatling's reports under target/gatling/.
set -euo pipefail
cd "$(dirname "$0")/../.."
rev=${1:?usage: $0 <commit> [-Dload.* ...]}
shift
export AWS_EC2_METADATA_DISABLED=true
short=$(git rev-parse --short "$rev")
base="$PWD/target/load/baseline-$short"
if [ ! -f "$base/app.classpath" ]; then
  rm -rf "$base"
  mkdir -p "$base/src"
  git archive "$short" | tar -x -C "$base/src"
  # its own build of the earlier sources; the moto virtualenv is this checkout's (the backends are started here)
  root=$PWD
  (cd "$base/src" && ./mvnw -B -q -DskipTests -Dwebapp.skip=true "-Dvenv.dir=$root/.venv" package \
      dependency:build-classpath -Dmdep.includeScope=runtime "-Dmdep.outputFile=$base/app.classpath")
fi
simulation=com.unicornstore.load.ReferencePointsSimulation
# the earlier build: its classes, its dependencies, run in its sources (its routes/ and campaign-rules/); it may log no
# "Reading stream" line, so none is awaited
./mvnw -B -Pload verify -Dwebapp.skip=true -Dload.simulations=$simulation \
    "-Dload.app.classes=$base/src/target/classes" "-Dload.app.classpath-file=$base/app.classpath" \
    "-Dload.app.log-dir=$base" -Dload.app.ready-line= \
    "-Dload.app.workdir=$base/src" "$@"
# this checkout
./mvnw -B -Pload verify -Dwebapp.skip=true -Dload.simulations=$simulation "$@"
echo "reference points scenario, commit $short:"
grep '^iterations:' "$base/reference-catch-up.txt"
echo "reference points scenario, this checkout ($(git rev-parse --short HEAD)):"
grep '^iterations:' target/load/reference-catch-up.txt
