#!/usr/bin/env bash
# Checks the install files against this machine: the systemd unit with systemd-analyze verify
# (ExecStart pointed at the built daemon), and a DKMS build of the module for kernel $1.
set -euo pipefail
cd "$(dirname "$0")/.."
kver=${1:?usage: packaging/check.sh KERNEL_VERSION}

if command -v systemd-analyze >/dev/null; then
  tmp=$(mktemp -d)
  sed "s|^ExecStart=/usr/bin/vexfs-bridged|ExecStart=$(command -v node) $PWD/dist/bin/vexfs-bridged.js|" packaging/systemd/vexfs-bridged.service >"$tmp/vexfs-bridged.service"
  systemd-analyze verify "$tmp/vexfs-bridged.service"
  rm -rf "$tmp"
  echo "packaging: systemd-analyze verify vexfs-bridged.service: ok"
else
  echo "packaging: systemd-analyze is not installed; the unit was not verified"
fi

# DKMS builds from its own copy of the source, as a package would install it.
version=$(sed -n 's/^PACKAGE_VERSION="\(.*\)"/\1/p' kernel-shim/dkms.conf)
src=/usr/src/vexfs_ipc-$version
dkms remove "vexfs_ipc/$version" --all >/dev/null 2>&1 || true
rm -rf "$src"
mkdir -p "$src"
cp -r kernel-shim/. "$src/"
(cd "$src" && make clean KVER="$kver" >/dev/null 2>&1 || true)
dkms add "vexfs_ipc/$version" >/dev/null
trap 'dkms remove "vexfs_ipc/$version" --all >/dev/null 2>&1 || true; rm -rf "$src"' EXIT
dkms build "vexfs_ipc/$version" -k "$kver"
echo "packaging: dkms build vexfs_ipc/$version for $kver: ok"
