# Sourced by the ensure-*.sh scripts: install_debian_packages WHAT PACKAGE... installs the
# named Debian packages with apt-get when running as root, and otherwise names the one command
# to run. WHAT says what they are for in that message. Returns 0 once they are installed.
install_debian_packages() {
  local what=$1; shift
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian packages: $*"
    export DEBIAN_FRONTEND=noninteractive
    if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends "$@" >/dev/null; }; then
      echo "apt-get could not install $*; install them with: apt-get install $*" >&2
      return 1
    fi
  else
    echo "Missing Debian packages${what}: $*. Install them with: sudo apt-get install $*" >&2
    return 1
  fi
}
