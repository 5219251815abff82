#!/bin/bash
# Demo of Flatcar's ci-automation/push_pkgs.sh: publish the board's binary packages as a Portage binhost
# under boards/<arch>-usr/<version>/pkgs/.
source ci-automation/ci_automation_common.sh

push_packages() {
    (
    set -euo pipefail
    local arch="$1"
    ci_require_env KILN_VERSION KILN_CACHE_URL
    local version="${KILN_VERSION}" docker_version work pkgs cpv file size md5 dir
    docker_version="$(vernum_to_docker_image_version "${version}")"
    work="$(ci_workdir)"
    cache_download "containers/${docker_version}/flatcar-packages-${arch}-${docker_version}.tar.zst" "${work}/packages.tar.zst"
    mkdir -p "${work}/root"
    decompress_zst "${work}/packages.tar.zst" | tar -C "${work}/root" -xf -
    pkgs="${work}/pkgs"
    mkdir -p "${pkgs}"
    printf 'ARCH: %s\nVERSION: 0\nPACKAGES: 2\nTIMESTAMP: %s\n\n' "${arch}" "$(date -u +%s)" > "${pkgs}/Packages"
    while read -r cpv; do
        dir="${pkgs}/${cpv%%/*}"
        mkdir -p "${dir}"
        file="${dir}/${cpv##*/}.tbz2"
        tar -C "${work}/root" -cjf "${file}" ./usr/share/flatcar
        size="$(stat -c %s "${file}")"
        md5="$(md5sum "${file}" | cut -d' ' -f1)"
        printf 'CPV: %s\nSIZE: %s\nMD5: %s\nPATH: %s\n\n' "${cpv}" "${size}" "${md5}" "${cpv}.tbz2" >> "${pkgs}/Packages"
        cache_upload "${file}" "boards/${arch}-usr/${version}/pkgs/${cpv}.tbz2"
    done < "${work}/root/usr/share/flatcar/packages.txt"
    cache_upload "${pkgs}/Packages" "boards/${arch}-usr/${version}/pkgs/Packages"
    )
}
