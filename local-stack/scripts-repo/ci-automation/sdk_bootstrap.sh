#!/bin/bash
# Demo of Flatcar's ci-automation/sdk_bootstrap.sh: "bootstrap" the SDK of the version from a seed SDK.
# The real step runs catalyst for hours; this one packs a tiny SDK tree and uploads it where the real one goes.
source ci-automation/ci_automation_common.sh

sdk_bootstrap() {
    (
    set -euo pipefail
    local seed_version="$1" version="$2"
    ci_require_env KILN_SDK_VERSION KILN_CACHE_URL
    local arch="${ARCH:-amd64}" sdk_version="${KILN_SDK_VERSION}" work tree tarball
    work="$(ci_workdir)"
    tree="${work}/flatcar-sdk-${arch}-${sdk_version}"
    mkdir -p "${tree}/etc" "${tree}/usr/lib/portage" "${tree}/var/lib/portage"
    printf 'DISTRIB_ID="Flatcar Container Linux SDK"\nDISTRIB_RELEASE=%s\nDISTRIB_DESCRIPTION="bootstrapped from %s for %s"\n' \
        "${sdk_version}" "${seed_version}" "${version}" > "${tree}/etc/lsb-release"
    cp sdk_container/.repo/manifests/version.txt "${tree}/etc/flatcar-version.txt"
    { uname -srm; bash --version; } > "${tree}/usr/lib/portage/toolchain.txt" 2>&1 || true
    tarball="${work}/flatcar-sdk-${arch}-${sdk_version}.tar.bz2"
    tar -C "${work}" -cjf "${tarball}" "$(basename "${tree}")"
    ci_log "bootstrapped SDK ${sdk_version} from seed ${seed_version}"
    copy_to_buildcache "sdk/${arch}/${sdk_version}" "${tarball}"
    )
}
