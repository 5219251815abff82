#!/bin/bash
# Demo of Flatcar's ci-automation/vms.sh: turn the generic image into vendor images, one per format
# ("vm_build <arch> <formats...>"). The demo keeps the raw disk and names it after the format.
source ci-automation/ci_automation_common.sh

vm_build() {
    (
    set -euo pipefail
    local arch="$1"
    shift
    ci_require_env KILN_VERSION KILN_CACHE_URL
    local version="${KILN_VERSION}" work format
    work="$(ci_workdir)"
    cache_download "images/${arch}/${version}/flatcar_production_image.bin.bz2" "${work}/generic.bin.bz2"
    for format in "$@"; do
        cp "${work}/generic.bin.bz2" "${work}/flatcar_production_${format}_image.img.bz2"
        ci_log "built ${format} image for ${arch}"
        copy_to_buildcache "images/${arch}/${version}" "${work}/flatcar_production_${format}_image.img.bz2"
    done
    )
}
