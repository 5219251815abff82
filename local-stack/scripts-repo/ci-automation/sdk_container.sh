#!/bin/bash
# Demo of Flatcar's ci-automation/sdk_container.sh: turn the SDK tarball into the SDK container images
# flatcar-sdk-{all,amd64,arm64}, exported like "docker save | zstd" with their image id next to them.
source ci-automation/ci_automation_common.sh

sdk_container_build() {
    (
    set -euo pipefail
    ci_require_env KILN_SDK_VERSION KILN_CACHE_URL
    local sdk_version="${KILN_SDK_VERSION}" docker_version work image dir id
    docker_version="$(vernum_to_docker_image_version "${sdk_version}")"
    work="$(ci_workdir)"
    cache_download "sdk/amd64/${sdk_version}/flatcar-sdk-amd64-${sdk_version}.tar.bz2" "${work}/sdk.tar.bz2"
    for image in all amd64 arm64; do
        dir="${work}/${image}"
        mkdir -p "${dir}/layer"
        tar -C "${dir}/layer" -xjf "${work}/sdk.tar.bz2"
        echo "${image}" > "${dir}/layer/board-support.txt"
        tar -C "${dir}/layer" -cf "${dir}/layer.tar" .
        printf '{"architecture":"amd64","os":"linux","config":{"Labels":{"org.flatcar.sdk":"%s"}}}\n' "${image}" > "${dir}/config.json"
        id="$(sha256sum "${dir}/config.json" | cut -d' ' -f1)"
        printf '[{"Config":"%s.json","RepoTags":["ghcr.io/flatcar/flatcar-sdk-%s:%s"],"Layers":["layer.tar"]}]\n' \
            "${id}" "${image}" "${docker_version}" > "${dir}/manifest.json"
        mv "${dir}/config.json" "${dir}/${id}.json"
        tar -C "${dir}" -cf "${work}/flatcar-sdk-${image}-${docker_version}.tar" manifest.json "${id}.json" layer.tar
        compress_zst "${work}/flatcar-sdk-${image}-${docker_version}.tar"
        echo "${id}" > "${work}/flatcar-sdk-${image}-${docker_version}.id"
        copy_to_buildcache "containers/${docker_version}" "${work}/flatcar-sdk-${image}-${docker_version}.tar.zst"
        cache_upload "${work}/flatcar-sdk-${image}-${docker_version}.id" "containers/${docker_version}/flatcar-sdk-${image}-${docker_version}.id"
    done
    )
}
