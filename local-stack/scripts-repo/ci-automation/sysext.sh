#!/bin/bash
# Kiln's sysext steps, modelled on sysext-bakery's "bakery.sh create <ext> <ver> --arch <a> --sysupdate true"
# and release.sh: build <ext>-<ver>-<arch>.raw, then SHA256SUMS and the systemd-sysupdate <ext>.conf,
# uploaded to sysexts/<ext>-<ver>/. The image is squashfs, erofs or ext4, whichever tool this host has.
source ci-automation/ci_automation_common.sh

sysext_build() {
    (
    set -euo pipefail
    local ext="$1" ver="$2" arch="$3"
    ci_require_env KILN_CACHE_URL
    local work tree raw
    work="$(ci_workdir)"
    tree="${work}/tree"
    mkdir -p "${tree}/usr/lib/extension-release.d" "${tree}/usr/bin"
    printf 'ID=flatcar\nSYSEXT_LEVEL=1.0\nARCHITECTURE=%s\n' "${arch}" > "${tree}/usr/lib/extension-release.d/extension-release.${ext}-${ver}-${arch}"
    printf '#!/bin/sh\necho "%s %s (%s)"\n' "${ext}" "${ver}" "${arch}" > "${tree}/usr/bin/${ext}"
    chmod +x "${tree}/usr/bin/${ext}"
    raw="${work}/${ext}-${ver}-${arch}.raw"
    if command -v mksquashfs > /dev/null; then
        mksquashfs "${tree}" "${raw}" -all-root -noappend -quiet
    elif command -v mkfs.erofs > /dev/null; then
        mkfs.erofs -q "${raw}" "${tree}"
    else
        mkfs.ext4 -q -F -L "${ext}" -d "${tree}" "${raw}" 4M
    fi
    cache_upload "${raw}" "sysexts/${ext}-${ver}/$(basename "${raw}")"
    )
}

sysext_release() {
    (
    set -euo pipefail
    local ext="$1" ver="$2" hub="${3:-extensions.flatcar.org}"
    ci_require_env KILN_CACHE_URL
    local work arch raw found=0
    work="$(ci_workdir)"
    : > "${work}/SHA256SUMS"
    for arch in x86-64 arm64; do
        raw="${ext}-${ver}-${arch}.raw"
        if cache_download "sysexts/${ext}-${ver}/${raw}" "${work}/${raw}" 2> /dev/null; then
            (cd "${work}" && sha256sum "${raw}") >> "${work}/SHA256SUMS"
            found=$((found + 1))
        fi
    done
    [[ "${found}" -gt 0 ]] || { echo "no ${ext}-${ver} image in the cache" >&2; return 1; }
    cat > "${work}/${ext}.conf" <<CONF
[Transfer]
Verify=false

[Source]
Type=url-file
Path=https://${hub}/extensions/${ext}/
MatchPattern=${ext}-@v-%a.raw

[Target]
InstancesMax=3
Type=regular-file
Path=/opt/extensions/${ext}
CurrentSymlink=/etc/extensions/${ext}.raw
CONF
    cache_upload "${work}/SHA256SUMS" "sysexts/${ext}-${ver}/SHA256SUMS"
    cache_upload "${work}/${ext}.conf" "sysexts/${ext}-${ver}/${ext}.conf"
    )
}
