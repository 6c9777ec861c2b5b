#!/usr/bin/env bash
# Installs the system packages CaseLens needs on Debian (ICU's development files), when missing.
set -euo pipefail
need=()
dpkg -s libicu-dev >/dev/null 2>&1 || need+=(libicu-dev)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing: ${need[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}"
fi
