# Sourced, not run. Finds a Java 21+ runtime for TokenBench; shipped in the product beside the launcher and
# used by the build scripts too, so the JDK choice is made the same way everywhere.
#
# tokenbench_find_java prints the path of a java binary: $TOKENBENCH_JAVA, else $JAVA_HOME/bin/java, else the
# newest JDK under /usr/lib/jvm, else `java` on PATH; the first of them that is Java 21 or newer.

tokenbench_required_java=21

tokenbench_java_major() { # prints the feature version of the java binary $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

tokenbench_find_java() {
  local candidates=() j major best="" best_major=0
  [ -n "${TOKENBENCH_JAVA:-}" ] && candidates+=("$TOKENBENCH_JAVA")
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
  if [ -d /usr/lib/jvm ]; then
    for j in /usr/lib/jvm/*/bin/java; do
      [ -x "$j" ] || continue
      major="$(tokenbench_java_major "$j")"
      if [ -n "$major" ] && [ "$major" -gt "$best_major" ]; then best="$j"; best_major="$major"; fi
    done
    [ -n "$best" ] && candidates+=("$best")
  fi
  command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
  for j in "${candidates[@]}"; do
    [ -x "$j" ] || continue
    major="$(tokenbench_java_major "$j")"
    if [ -n "$major" ] && [ "$major" -ge "$tokenbench_required_java" ]; then printf '%s\n' "$j"; return 0; fi
  done
  echo "TokenBench needs Java $tokenbench_required_java or newer: set JAVA_HOME or TOKENBENCH_JAVA (e.g. a Temurin 21+ under /usr/lib/jvm)" >&2
  return 1
}
