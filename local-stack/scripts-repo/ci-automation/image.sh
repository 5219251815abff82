#!/bin/bash
# Demo of Flatcar's ci-automation/image.sh: build the generic image from the packages container: a GPT
# disk with EFI-SYSTEM, USR-A (the /usr filesystem, ext4) and ROOT, the update payload (the USR-A image)
# and the image-side version.txt, uploaded to images/<arch>/<version>/.
source ci-automation/ci_automation_common.sh
source ci-automation/lib/gpt.sh

image_build() {
    (
    set -euo pipefail
    local arch="$1"
    ci_require_env KILN_VERSION KILN_VERSION_ID KILN_SDK_VERSION KILN_CACHE_URL
    local version="${KILN_VERSION}" docker_version work root out usr_sectors total
    docker_version="$(vernum_to_docker_image_version "${version}")"
    work="$(ci_workdir)"
    out="${work}/images"
    mkdir -p "${work}/root" "${out}"
    cache_download "containers/${docker_version}/flatcar-packages-${arch}-${docker_version}.tar.zst" "${work}/packages.tar.zst"
    decompress_zst "${work}/packages.tar.zst" | tar -C "${work}/root" -xf -
    mkfs.ext4 -q -F -L USR-A -d "${work}/root/usr" "${work}/usr.img" 16M
    mkfs.ext4 -q -F -L ROOT "${work}/root.img" 4M
    usr_sectors=$(($(stat -c %s "${work}/usr.img") / 512))
    total=$((2048 + 4096 + usr_sectors + 8192 + 2048))
    truncate -s $((total * 512)) "${work}/disk.img"
    gpt_write "${work}/disk.img" "EFI-SYSTEM:${GPT_TYPE_EFI_SYSTEM}:2048:4096" \
        "USR-A:${GPT_TYPE_FLATCAR_USR}:6144:${usr_sectors}" \
        "ROOT:${GPT_TYPE_FLATCAR_ROOT}:$((6144 + usr_sectors)):8192"
    dd if="${work}/usr.img" of="${work}/disk.img" bs=512 seek=6144 conv=notrunc status=none
    dd if="${work}/root.img" of="${work}/disk.img" bs=512 seek=$((6144 + usr_sectors)) conv=notrunc status=none
    bzip2 -c "${work}/disk.img" > "${out}/flatcar_production_image.bin.bz2"
    bzip2 -c "${work}/usr.img" > "${out}/flatcar_production_update.bin.bz2"
    local major minor patch
    IFS=. read -r major minor patch <<< "${KILN_VERSION_ID}"
    cat > "${out}/version.txt" <<VERSION
FLATCAR_VERSION=${version}
FLATCAR_VERSION_ID=${KILN_VERSION_ID}
FLATCAR_BUILD_ID="${KILN_BUILD_ID:-}"
FLATCAR_SDK_VERSION=${KILN_SDK_VERSION}
FLATCAR_BUILD=${major}
FLATCAR_BRANCH=${minor}
FLATCAR_PATCH=${patch}
VERSION
    cp "${work}/root/usr/share/flatcar/packages.txt" "${out}/flatcar_production_image_packages.txt"
    copy_to_buildcache "images/${arch}/${version}" "${out}/flatcar_production_image.bin.bz2" \
        "${out}/flatcar_production_update.bin.bz2" "${out}/flatcar_production_image_packages.txt"
    cache_upload "${out}/version.txt" "images/${arch}/${version}/version.txt"
    )
}
