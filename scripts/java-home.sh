# Sourced by run-local, run-tests and .ci/run: points JAVA_HOME at a JDK 21 or newer.
# Order: JAVA_HOME if it is 21+, the `java` on the PATH if it is 21+, then the newest JDK under
# /usr/lib/jvm or /Library/Java/JavaVirtualMachines.
java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1 | cut -d. -f1
}
ok_jdk() {
  [ -x "$1/bin/javac" ] && [ "$(java_major "$1/bin/java")" -ge 21 ] 2>/dev/null
}
if [ -n "${JAVA_HOME:-}" ] && ok_jdk "$JAVA_HOME"; then
  :
elif command -v javac >/dev/null 2>&1 && ok_jdk "$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"; then
  JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
else
  found=""
  for candidate in $(ls -d /usr/lib/jvm/*/ /Library/Java/JavaVirtualMachines/*/Contents/Home/ 2>/dev/null | sort -V -r); do
    candidate="${candidate%/}"
    if ok_jdk "$candidate"; then found="$candidate"; break; fi
  done
  if [ -z "$found" ]; then
    echo "Salon ESS needs a JDK 21 or newer (none found in JAVA_HOME, on the PATH or under /usr/lib/jvm)." >&2
    echo "Install one (for example Temurin 21) and set JAVA_HOME to it." >&2
    exit 1
  fi
  JAVA_HOME="$found"
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
