# Sourced by releng/run and releng/test: repository paths, the JDK for the build, and system packages.

repo_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
product_dir="$repo_dir/releng/org.tokenbench.product/target/products/org.tokenbench.product/linux/gtk/x86_64"

# shellcheck source=../../features/org.tokenbench.feature/rootfiles/linux/lib/find-java.sh
. "$repo_dir/features/org.tokenbench.feature/rootfiles/linux/lib/find-java.sh"

use_build_jdk() { # exports JAVA_HOME for ./mvnw: the JDK that tokenbench_find_java picks
  local java_bin
  java_bin="$(tokenbench_find_java)" || return 1
  JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$java_bin")")")"
  export JAVA_HOME
  echo "Using JDK $JAVA_HOME" >&2
}

# What the product build itself runs (releng/scripts/finish-product): zip strips the boot jars' signatures,
# dpkg-deb (always on Debian) makes the .deb.
build_packages=(zip)

# Installs the Debian packages that are missing (as root), or says which to install and fails.
ensure_packages() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing system packages: ${missing[*]}. Install them with: sudo apt-get install ${missing[*]}" >&2
    return 1
  fi
  echo "Installing system packages: ${missing[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
