#!/usr/bin/env bash
# Prints the classpath to run a module's main classes with: its classes, then its runtime
# dependencies (the other modules' jars from their target/ folders). Builds the module and the
# modules it depends on first (package, no tests), and installs nothing in ~/.m2.
# Used by run-local and benchmarks/run:
#   java -cp "$(scripts/classpath.sh tools/local-run)" ma.salonsess.localrun.LocalRun
set -euo pipefail
module="${1:?usage: scripts/classpath.sh <module folder, e.g. tools/local-run>}"
cd "$(dirname "$0")/.."
. scripts/java-home.sh
[ -f "$module/pom.xml" ] || { echo "No Maven module at $module" >&2; exit 2; }
# Maven writes to stdout; the classpath is the only thing this script prints there.
# mdep.outputFile is relative to each module: every module of the build writes its own.
./mvnw -q -B -ntp package -DskipTests -pl "$module" -am \
  dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile=target/classpath.txt >&2
echo "$PWD/$module/target/classes:$(cat "$module/target/classpath.txt")"
