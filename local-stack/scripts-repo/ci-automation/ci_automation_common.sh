#!/bin/bash
# Helpers every demo step sources: version spellings, uploads to the build cache, Flatcar-style digests.

ci_log() {
    echo "[$(date -u +%H:%M:%S)] ${KILN_STEP:-step}: $*" >&2
}

# The + spelling is used in images/, boards/, sdk/, testing/, build-logs/; the - spelling in containers/.
vernum_to_docker_image_version() {
    echo "${1//+/-}"
}

ci_require_env() {
    local var
    for var in "$@"; do
        if [[ -z "${!var:-}" ]]; then
            echo "missing environment variable ${var} (Kiln's env contract)" >&2
            return 1
        fi
    done
}

# create_digests <file>: <file>.DIGESTS with MD5, SHA1 and SHA512 sections, like ci_automation_common.sh.
create_digests() {
    local file="$1" base
    base="$(basename "${file}")"
    {
        echo "# MD5 HASH"
        echo "$(md5sum "${file}" | cut -d' ' -f1)  ${base}"
        echo "# SHA1 HASH"
        echo "$(sha1sum "${file}" | cut -d' ' -f1)  ${base}"
        echo "# SHA512 HASH"
        echo "$(sha512sum "${file}" | cut -d' ' -f1)  ${base}"
    } > "${file}.DIGESTS"
}

# cache_upload <local file> <cache path>: streaming PUT to the build cache.
cache_upload() {
    local file="$1" path="$2"
    ci_log "upload ${path} ($(stat -c %s "${file}") bytes)"
    curl --fail --silent --show-error --retry 3 --retry-delay 1 -H 'Expect:' \
        -H "Authorization: Bearer ${KILN_CACHE_TOKEN:-}" \
        -T "${file}" "${KILN_CACHE_URL%/}/${path}" > /dev/null
}

# copy_to_buildcache <cache dir> <files...>: each file with its .DIGESTS.
copy_to_buildcache() {
    local dir="$1" file
    shift
    for file in "$@"; do
        case "${file}" in
            *.DIGESTS|*.asc|*.sig|*.gpg) ;;
            *) create_digests "${file}"
               cache_upload "${file}.DIGESTS" "${dir}/$(basename "${file}").DIGESTS" ;;
        esac
        cache_upload "${file}" "${dir}/$(basename "${file}")"
    done
}

# cache_download <cache path> <local file>
cache_download() {
    curl --fail --silent --show-error --retry 3 --retry-delay 1 -o "$2" "${KILN_CACHE_URL%/}/$1"
}

# compress <file>: zstd when present, else xz (the .tar.zst name is kept for Flatcar's layout).
compress_zst() {
    if command -v zstd > /dev/null; then
        zstd -q -f -T0 "$1" -o "$1.zst"
    else
        xz -c "$1" > "$1.zst"
    fi
}

decompress_zst() {
    if command -v zstd > /dev/null; then
        zstd -q -d -c "$1"
    else
        xz -d -c "$1"
    fi
}

# A scratch directory inside the step's checkout, like Flatcar's __build__.
ci_workdir() {
    local dir="__build__/${KILN_RUN:-step}"
    rm -rf "${dir}"
    mkdir -p "${dir}"
    echo "${dir}"
}
