# Sourced by the `tokenbench` launcher (Linux and macOS products). Sets:
#   tokenbench_java            the java binary to run
#   tokenbench_workbench_args  JVM + Equinox arguments that open the workbench
#   tokenbench_headless_args   JVM + Equinox arguments that run a headless command (append the command's words)
#                              or, for a device-less command lib/fast/commands lists, JVM arguments of the fast path:
#                              a plain `java -cp` over the bundle jars (lib/fast/classpath) without the OSGi framework
#
# Two Equinox configurations, both shipped read-only in the product and cascaded into a per-user area:
#   configuration/           every bundle: the workbench
#   configuration-headless/  the bundles without SWT or the workbench (written by the build, see
#                            releng/scripts/finish-product): what headless commands resolve and start
# Per user (never in the product folder, so a root-owned install works for anyone): the Equinox state of each,
# the JDK choice when no runtime is bundled, and the class-data (AppCDS) archive the JVM writes on the first
# headless run and maps on every later one (one per java binary: an archive only loads in the JVM that wrote it).

# shellcheck source=find-java.sh
. "${BASH_SOURCE[0]%/*}/find-java.sh"

tokenbench_prepare() { # $1 = product folder, $2 = user state folder ($TOKENBENCH_HOME), $3 $4 = the command's first words
  local product_dir="$1" state_dir="$2" launcher="" jar cache_root cache
  # The fast path with the bundled runtime and the build's AOT cache needs no cache folder: decided first, without
  # starting a process (each fork costs a few milliseconds of a ~0.13 s command).
  tokenbench_fast_aot "$@" && return 0
  for jar in "$product_dir"/plugins/org.eclipse.equinox.launcher_*.jar; do launcher="$jar"; done
  if [ ! -f "$launcher" ]; then
    echo "tokenbench: $product_dir does not look like a TokenBench product (no plugins/org.eclipse.equinox.launcher_*.jar)" >&2
    return 3
  fi
  cache_root="${XDG_CACHE_HOME:+$XDG_CACHE_HOME/tokenbench}"
  # One cache folder per install location and build (config.ini names every bundle version): an upgrade gets a new
  # folder instead of deleting the one a still-running workbench uses. Created owner-only, like all user state.
  cache="${cache_root:-$state_dir/cache}/$(printf '%s' "$product_dir" | cksum | cut -d' ' -f1)-$(cksum <"$product_dir/configuration/config.ini" | cut -d' ' -f1)"
  if ! (umask 077 && mkdir -p "$state_dir" "$cache") 2>/dev/null || [ ! -w "$cache" ]; then
    # A fast-path command (otp code, qr decode…) runs without the cache: it only loses its class-data archive and the
    # remembered Java choice. The OSGi path cannot: Equinox writes its per-user configuration there.
    if ! tokenbench_takes_fast_path "$product_dir" "$state_dir" "${3:-}" "${4:-}"; then
      local unwritable="$cache" advice="set XDG_CACHE_HOME or TOKENBENCH_HOME to a folder you can write"
      if ! { (umask 077 && mkdir -p "$state_dir") 2>/dev/null && [ -w "$state_dir" ]; }; then
        unwritable="$state_dir" advice="set TOKENBENCH_HOME to a folder you can write"  # the state folder is needed either way
      fi
      echo "tokenbench: cannot create or write the per-user configuration folder $unwritable: $advice" >&2
      return 15
    fi
    cache=""
  fi

  tokenbench_java="$(tokenbench_runtime "$product_dir" "$cache")" || return 14

  # The state folder the launcher chose ($TOKENBENCH_HOME or $HOME/.tokenbench) is the one Java uses too: Java's own
  # user.home comes from the password database, which differs from $HOME for service users such as nobody.
  # JNA (PC/SC, SKF) and SWT call native code from the bundles' unnamed modules: granted, so Java 24+ prints no
  # "restricted method" warning on stderr. (The bundled runtime's class-data archive was dumped without the option, so
  # the JVM rebuilds its module graph instead of mapping it: ~2 ms, measured. The fast path loads no native library
  # and goes without.)
  local common=(-Dosgi.requiredJavaVersion="$tokenbench_required_java" --enable-native-access=ALL-UNNAMED
    -Dosgi.configuration.cascaded=true -Dtokenbench.home="$state_dir")
  local ui=()
  [ "$(uname -s)" = Darwin ] && ui=(-XstartOnFirstThread)  # SWT on Cocoa runs on the process's first thread
  tokenbench_workbench_args=("${common[@]}" ${ui[@]+"${ui[@]}"} -Dosgi.sharedConfiguration.area="$product_dir/configuration"
    -jar "$launcher" -install "$product_dir" -configuration "$cache/workbench" -data "$state_dir/workspace" -noSplash)

  if [ ! -f "$product_dir/configuration-headless/config.ini" ] || [ ! -f "$product_dir/lib/boot/equinox-launcher.jar" ]; then
    # A product assembled without the build's finishing step: headless commands run in the full configuration.
    tokenbench_headless_args=("${tokenbench_workbench_args[@]}" -application org.tokenbench.cli.headless)
    return 0
  fi
  # (Empty arrays are expanded as ${a[@]+"${a[@]}"}: macOS has bash 3.2, where "${a[@]}" of an empty one trips set -u.)
  # Short-lived JVM: C1 only (C2 compiles would finish after the command), the serial collector (no GC threads to
  # start), and the class-data archive. The unsigned copies of the Equinox launcher and framework in lib/boot are
  # the signed jars from plugins/ without their signature: the JVM archives no class from a signed jar.
  # JVM log lines go to stderr, errors only: the archive's first-run notes must never reach a command's stdout, and
  # nothing about the archive reaches stderr either (it is an optimisation: the JVM reports "Mismatched values for
  # property jdk.module.enable.native.access" as an error when the runtime's own archive was dumped without the option,
  # and still maps the per-user archive).
  local jit=(-XX:TieredStopAtLevel=1)
  case "${3:-}" in qr) jit=() ;; esac  # image decoding runs long enough for C2 to pay off
  local short_jvm=(${jit[@]+"${jit[@]}"} -XX:+UseSerialGC -XX:-UsePerfData -Xlog:disable "-Xlog:all=error,cds*=off,aot*=off:stderr")
  local java_key
  java_key="$(printf '%s' "$tokenbench_java" | cksum | cut -d' ' -f1)"
  # Drivers the user added (~/.tokenbench/drivers) live only in OSGi: with any, every command takes the OSGi path, so
  # `diagnose` explains their codes and their commands are found.
  if tokenbench_takes_fast_path "$product_dir" "$state_dir" "${3:-}" "${4:-}"; then
    tokenbench_fast_classpath "$product_dir"
    # Its own class-data archive (the class path differs from the OSGi launch's), when there is a cache to keep it in.
    local archive=()
    # (-XX:+AutoCreateSharedArchive only with a file: alone, the JVM refuses to start.)
    [ -n "$cache" ] && archive=(-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="$cache/fast-$java_key.jsa")
    tokenbench_headless_args=("${short_jvm[@]}" ${archive[@]+"${archive[@]}"} -Dtokenbench.home="$state_dir"
      -Dtokenbench.product="$product_dir" -cp "$tokenbench_classpath" org.tokenbench.cli.internal.PlainLaunch)
    return 0
  fi
  tokenbench_headless_args=("${common[@]}" "${short_jvm[@]}" -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="$cache/headless-$java_key.jsa"
    -Dosgi.sharedConfiguration.area="$product_dir/configuration-headless"
    -cp "$product_dir/lib/boot/equinox-launcher.jar" org.eclipse.equinox.launcher.Main
    -install "$product_dir" -configuration "$cache/headless" -data "$state_dir/workspace" -noSplash
    -application org.tokenbench.cli.headless)
}

# The fast path through the AOT cache the build made for the bundled runtime (lib/fast/tokenbench.aot, see
# releng/scripts/finish-product): when the runtime is the bundled one and the command takes the fast path, sets
# tokenbench_java and tokenbench_headless_args and succeeds; otherwise fails and sets nothing. The cache is read-only
# and shared by every user, valid wherever the product folder is moved (the JVM accepts a class path moved as a
# whole), so there is no first-run archive to write. Only the JVM that made it can map it: with TOKENBENCH_JAVA the
# per-user archive below is used instead.
tokenbench_fast_aot() { # $1 = product folder, $2 = user state folder, $3 $4 = the command's first words
  local product_dir="$1" state_dir="$2"
  [ -z "${TOKENBENCH_JAVA:-}" ] && [ -x "$product_dir/runtime/bin/java" ] && [ -f "$product_dir/lib/fast/tokenbench.aot" ] \
    && tokenbench_takes_fast_path "$product_dir" "$state_dir" "${3:-}" "${4:-}" || return 1
  tokenbench_fast_classpath "$product_dir"
  # Owner-only from the start; a state folder that cannot be made ($HOME missing or read-only) is not this command's
  # problem: otp code and the like need none, and those that do say so in one line of their own.
  [ -d "$state_dir" ] || (umask 077 && mkdir -p "$state_dir") 2>/dev/null || true
  tokenbench_java="$product_dir/runtime/bin/java"
  # The same JVM options as the training run that made the cache (finish-product), but for C1 (see short_jvm below).
  local jit=(-XX:TieredStopAtLevel=1)
  case "${3:-}" in qr) jit=() ;; esac
  tokenbench_headless_args=(${jit[@]+"${jit[@]}"} -XX:+UseSerialGC -XX:-UsePerfData -Xlog:disable "-Xlog:all=error,cds*=off,aot*=off:stderr"
    -XX:AOTCache="$product_dir/lib/fast/tokenbench.aot" -Dtokenbench.home="$state_dir" -Dtokenbench.product="$product_dir"
    -cp "$tokenbench_classpath" org.tokenbench.cli.internal.PlainLaunch)
}

# Whether a command runs on the fast path: not forced through OSGi (TOKENBENCH_OSGI=1), no driver the user added
# (~/.tokenbench/drivers: they live only in OSGi, so `diagnose` explains their codes and their commands are found),
# and its words are a fast command's.
tokenbench_takes_fast_path() { # $1 = product folder, $2 = user state folder, $3 $4 = the command's first words
  local jar
  [ "${TOKENBENCH_OSGI:-}" != 1 ] || return 1
  for jar in "$2"/drivers/*.jar; do [ -e "$jar" ] && return 1; done
  tokenbench_is_fast "$1" "${3:-}" "${4:-}"
}

tokenbench_fast_classpath() { # $1 = product folder: sets tokenbench_classpath to lib/fast/classpath's jars, absolute
  local jar
  tokenbench_classpath=""
  while IFS= read -r jar; do tokenbench_classpath="$tokenbench_classpath${tokenbench_classpath:+:}$1/$jar"; done < "$1/lib/fast/classpath"
}

# Whether the command words $2 $3 take the fast path: lib/fast/commands lists "otp", "qr decode", … (one command's
# words a line). TOKENBENCH_OSGI=1 sends every command through OSGi (the tests compare both paths that way).
tokenbench_is_fast() { # $1 = product folder, $2 $3 = the command's first words
  local words
  [ -n "${2:-}" ] && [ -f "$1/lib/fast/commands" ] || return 1
  while IFS= read -r words; do
    if [ "$words" = "$2" ] || [ "$words" = "$2 ${3:-}" ]; then return 0; fi
  done < "$1/lib/fast/commands"
  return 1
}

# The java binary: $TOKENBENCH_JAVA (when it is 21+); else the runtime bundled in the product; else find-java.sh's
# choice. What find-java.sh answers is kept in the cache, so later runs start no JVM to look; it is asked again when
# TOKENBENCH_JAVA or JAVA_HOME change or the remembered binary is gone.
tokenbench_runtime() { # $1 = product folder, $2 = cache folder ("" when there is none: nothing is remembered)
  # A TOKENBENCH_JAVA that is set wins or fails: quietly running another Java would hide the user's mistake.
  if [ -n "${TOKENBENCH_JAVA:-}" ] && { [ ! -x "$TOKENBENCH_JAVA" ] || [ ! -f "$TOKENBENCH_JAVA" ]; }; then
    echo "tokenbench: TOKENBENCH_JAVA=$TOKENBENCH_JAVA is not an executable java binary" >&2
    return 1
  fi
  if [ -z "${TOKENBENCH_JAVA:-}" ] && [ -x "$1/runtime/bin/java" ]; then
    printf '%s\n' "$1/runtime/bin/java"
    return 0
  fi
  local remembered="${2:+$2/java}" key="TOKENBENCH_JAVA=${TOKENBENCH_JAVA:-} JAVA_HOME=${JAVA_HOME:-}" line java_bin
  if [ -n "$remembered" ] && [ -f "$remembered" ]; then
    { read -r line; read -r java_bin; } < "$remembered" || true
    if [ "$line" = "$key" ] && [ -x "${java_bin:-}" ]; then printf '%s\n' "$java_bin"; return 0; fi
  fi
  java_bin="$(tokenbench_find_java)" || return 1
  if [ -n "${TOKENBENCH_JAVA:-}" ] && [ "$java_bin" != "$TOKENBENCH_JAVA" ]; then
    echo "tokenbench: TOKENBENCH_JAVA=$TOKENBENCH_JAVA is older than Java $tokenbench_required_java (java -version tells which it is)" >&2
    return 1
  fi
  [ -z "$remembered" ] || printf '%s\n%s\n' "$key" "$java_bin" > "$remembered" 2>/dev/null || true
  printf '%s\n' "$java_bin"
}
