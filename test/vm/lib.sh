# SPDX-License-Identifier: GPL-2.0
# Shared helpers for the ntevent VM harness (sourced by bash scripts).
# shellcheck shell=bash

# Where things that must not live in the repo go: the debug kernel tree, the
# KVM probe result.  /var/cache/ntevent when writable, else ~/.cache/ntevent.
ntevent_cache_dir() {
	local d=${NTEVENT_CACHE:-}
	if [ -z "$d" ]; then
		d=/var/cache/ntevent
		if ! mkdir -p "$d" 2>/dev/null || [ ! -w "$d" ]; then
			d=${XDG_CACHE_HOME:-$HOME/.cache}/ntevent
		fi
	fi
	mkdir -p "$d"
	printf '%s\n' "$d"
}

# Progress and errors go to stderr, prefixed with the script's name.
say() { printf '%s: %s\n' "${NTEVENT_LOG_TAG:-vm}" "$*" >&2; }
die() { say "error: $*"; exit 1; }

pkg_installed() {
	[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]
}

# ensure_packages PKG...: apt-get install whatever is missing (as root), or
# say what to install and fail.
ensure_packages() {
	local p missing=()
	for p in "$@"; do
		pkg_installed "$p" || missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	if [ "$(id -u)" -ne 0 ]; then
		die "missing packages: ${missing[*]}
    install them with: sudo apt-get update && sudo apt-get install -y ${missing[*]}"
	fi
	say "installing missing packages: ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	if [ -z "${NTEVENT_APT_UPDATED:-}" ]; then
		apt-get update -q >&2 || die "apt-get update failed"
		export NTEVENT_APT_UPDATED=1
	fi
	apt-get install -y -q --no-install-recommends "${missing[@]}" >&2 ||
		die "apt-get install ${missing[*]} failed"
}

# The stock Debian kernel: the version the linux-image-amd64 and
# linux-headers-amd64 metapackages point at (e.g. 6.1.0-56-amd64).
dep_of() {	# dep_of METAPKG PREFIX -> the dependency's name minus PREFIX
	dpkg-query -W -f='${Depends}' "$1" 2>/dev/null |
		sed 's/[,|]/\n/g' | sed -n "s/^ *$2\([^ ]*\).*/\1/p" | head -n1
}

stock_kernel_version() {
	ensure_packages linux-image-amd64 linux-headers-amd64
	local img hdr
	img=$(dep_of linux-image-amd64 linux-image-)
	hdr=$(dep_of linux-headers-amd64 linux-headers-)
	[ -n "$img" ] || die "cannot tell the kernel version from linux-image-amd64's Depends"
	if [ "$img" != "$hdr" ]; then
		die "linux-image-amd64 ($img) and linux-headers-amd64 ($hdr) disagree: run apt-get install linux-image-amd64 linux-headers-amd64"
	fi
	# The versioned packages themselves may be missing (e.g. autoremoved).
	ensure_packages "linux-image-$img" "linux-headers-$img"
	printf '%s\n' "$img"
}

# debian_612_version FLAVOUR: the newest Debian 12 6.12 kernel of FLAVOUR
# (amd64 or rt-amd64), installed with its headers if missing; prints its
# version, e.g. 6.12.117+deb12-rt-amd64.
debian_612_version() {
	local flavour=$1 v
	v=$(apt-cache pkgnames linux-image-6.12. 2>/dev/null |
		sed -n "s/^linux-image-\(6\.12\.[0-9]*+deb12-$flavour\)\$/\1/p" | sort -V | tail -n1)
	if [ -z "$v" ] && [ "$(id -u)" -eq 0 ] && [ -z "${NTEVENT_APT_UPDATED:-}" ]; then
		apt-get update -q >&2 || die "apt-get update failed"
		export NTEVENT_APT_UPDATED=1
		v=$(apt-cache pkgnames linux-image-6.12. 2>/dev/null |
			sed -n "s/^linux-image-\(6\.12\.[0-9]*+deb12-$flavour\)\$/\1/p" | sort -V | tail -n1)
	fi
	[ -n "$v" ] || die "no linux-image-6.12.*+deb12-$flavour in the apt lists"
	ensure_packages "linux-image-$v" "linux-headers-$v"
	printf '%s\n' "$v"
}

# The kernels of the test matrix, in test/check's order.
NTEVENT_KERNELS=(stock stock-6.12 rt-6.12 debug)

# debian_kernel_version K: the version of Debian's kernel K of the matrix
# (stock, stock-6.12, rt-6.12), installed with its headers if missing.
debian_kernel_version() {
	case $1 in
	stock) stock_kernel_version ;;
	stock-6.12) debian_612_version amd64 ;;
	rt-6.12) debian_612_version rt-amd64 ;;
	*) return 1 ;;
	esac
}

# The debug kernel's source: PREEMPT_RT is mainline from 6.12 on.
NTEVENT_DEBUG_SERIES=6.12


# prune_debug_kernels KEEP: remove the cached debug kernel trees other than
# KEEP (older fragments or scripts), unless something holds their lock.
prune_debug_kernels() {
	local keep=$1 d
	for d in "$(dirname "$keep")"/kernel-*; do
		if [ ! -d "$d" ] || [ "$d" = "$keep" ]; then
			continue
		fi
		(
			flock -n 9 || exit 0
			say "removing an outdated debug kernel: $d"
			rm -rf "$d"
		) 9>>"$d.lock"
		[ -d "$d" ] || rm -f "$d.lock"
	done
}
