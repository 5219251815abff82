#!/bin/bash
# Demo of Flatcar's ci-automation/packages.sh: "build all packages" for the board in the SDK and export the
# packages container. Here the packages are a tiny root filesystem; its logs go under the SDK version,
# as Flatcar's do.
source ci-automation/ci_automation_common.sh

_packages_rootfs() {
    local root="$1" arch="$2"
    mkdir -p "${root}/usr/bin" "${root}/usr/lib" "${root}/usr/share/flatcar" "${root}/etc" \
        "${root}/var/lib/portage/pkgs" "${root}/var/db/pkg/sys-apps/baselayout-3.6.8" "${root}/var/db/pkg/app-shells/bash-5.2_p37"
    cat > "${root}/usr/lib/os-release" <<OSREL
NAME="Flatcar Container Linux by Kinvolk"
ID=flatcar
ID_LIKE=coreos
VERSION=${KILN_VERSION}
VERSION_ID=${KILN_VERSION_ID}
BUILD_ID=${KILN_BUILD_ID}
SYSEXT_LEVEL=1.0
PRETTY_NAME="Flatcar Container Linux by Kinvolk ${KILN_VERSION} (Oklo)"
ANSI_COLOR="38;5;75"
HOME_URL="https://flatcar.org/"
OSREL
    printf '#!/bin/sh\necho "Flatcar %s (%s) built by Kiln"\n' "${KILN_VERSION}" "${arch}" > "${root}/usr/bin/flatcar-hello"
    chmod +x "${root}/usr/bin/flatcar-hello"
    printf 'GROUP=%s\n' "${KILN_CHANNEL:-developer}" > "${root}/usr/share/flatcar/update.conf"
    printf 'sys-apps/baselayout-3.6.8\napp-shells/bash-5.2_p37\n' > "${root}/usr/share/flatcar/packages.txt"
}

packages_build() {
    (
    set -euo pipefail
    local arch="$1"
    ci_require_env KILN_VERSION KILN_SDK_VERSION KILN_CACHE_URL
    local version="${KILN_VERSION}" sdk_version="${KILN_SDK_VERSION}" docker_version sdk_docker work root name logs
    docker_version="$(vernum_to_docker_image_version "${version}")"
    sdk_docker="$(vernum_to_docker_image_version "${sdk_version}")"
    work="$(ci_workdir)"
    if cache_download "containers/${sdk_docker}/flatcar-sdk-${arch}-${sdk_docker}.tar.zst" "${work}/sdk.tar.zst" 2> /dev/null; then
        ci_log "using SDK container flatcar-sdk-${arch}:${sdk_docker} from the build cache"
    else
        ci_log "SDK container flatcar-sdk-${arch}:${sdk_docker} is not in the build cache; building with the host's tools"
    fi
    root="${work}/root"
    _packages_rootfs "${root}" "${arch}"
    mkdir -p "${work}/logs/portage"
    printf '>>> emerge (1 of 2) sys-apps/baselayout-3.6.8 for /build/%s-usr/\n>>> emerge (2 of 2) app-shells/bash-5.2_p37\n' \
        "${arch}" > "${work}/logs/portage/emerge.log"
    name="flatcar-packages-${arch}-${docker_version}"
    tar -C "${root}" -cf "${work}/${name}.tar" .
    compress_zst "${work}/${name}.tar"
    sha256sum "${work}/${name}.tar" | cut -d' ' -f1 > "${work}/${name}.id"
    copy_to_buildcache "containers/${docker_version}" "${work}/${name}.tar.zst"
    cache_upload "${work}/${name}.id" "containers/${docker_version}/${name}.id"
    logs="${work}/packages-${arch}-logs-$(date -u +%Y%m%d-%H%M).tar.xz"
    tar -C "${work}/logs" -cJf "${logs}" .
    # Flatcar stores the packages logs under the SDK version, not the OS version.
    cache_upload "${logs}" "build-logs/${sdk_version}/$(basename "${logs}")"
    )
}
