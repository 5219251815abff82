#!/bin/bash
# Demo of Flatcar's ci-automation/test.sh ("test_run <arch> <vendor> [tests...]"): instead of kola, checks
# the vendor's image: GPT signature and CRCs, a USR-A partition holding an ext4 /usr with this version's
# os-release. Writes TAP and Markdown results to testing/<version>/<arch>/<vendor>/.
source ci-automation/ci_automation_common.sh
source ci-automation/lib/gpt.sh

_test_image_name() {
    case "$1" in
        qemu|qemu_uefi_secure|qemu_update) echo "flatcar_production_image.bin.bz2" ;;
        aws*|ami*) echo "flatcar_production_ami_image.img.bz2" ;;
        vmware*) echo "flatcar_production_vmware_image.img.bz2" ;;
        brightbox) echo "flatcar_production_openstack_image.img.bz2" ;;
        *) echo "flatcar_production_${1}_image.img.bz2" ;;
    esac
}

test_run() {
    (
    set -euo pipefail
    local arch="$1" vendor="$2"
    ci_require_env KILN_VERSION KILN_CACHE_URL
    local version="${KILN_VERSION}" work tap n=0 failed=0 partitions usr_lba magic
    work="$(ci_workdir)"
    tap="${work}/results-${vendor}.tap"
    cache_download "images/${arch}/${version}/$(_test_image_name "${vendor}")" "${work}/image.bz2"
    bunzip2 -c "${work}/image.bz2" > "${work}/image.bin"
    result() {
        n=$((n + 1))
        if [[ "$1" == ok ]]; then echo "ok ${n} - $2" >> "${tap}"; else echo "not ok ${n} - $2" >> "${tap}"; failed=$((failed + 1)); fi
    }
    : > "${tap}"
    if partitions="$(gpt_check "${work}/image.bin")"; then result ok "cl.gpt.valid"; else result fail "cl.gpt.valid"; fi
    usr_lba="$(awk '$1 == "USR-A" {print $2}' <<< "${partitions}")"
    if [[ -n "${usr_lba}" ]]; then result ok "cl.gpt.usr-a"; else result fail "cl.gpt.usr-a"; usr_lba=0; fi
    magic="$(od -An -tx2 -j $((usr_lba * 512 + 1080)) -N 2 "${work}/image.bin" | tr -d ' ')"
    if [[ "${magic}" == "ef53" ]]; then result ok "cl.usr.ext4"; else result fail "cl.usr.ext4"; fi
    dd if="${work}/image.bin" of="${work}/usr.img" bs=512 skip="${usr_lba}" status=none count=$((16 * 2048))
    if command -v debugfs > /dev/null && debugfs -R "cat /lib/os-release" "${work}/usr.img" 2> /dev/null \
        | grep -qx "VERSION=${version}"; then
        result ok "cl.os-release.version"
    else
        result "$(command -v debugfs > /dev/null && echo fail || echo ok)" "cl.os-release.version # SKIP without debugfs"
    fi
    { echo "TAP version 13"; echo "1..${n}"; cat "${tap}"; } > "${tap}.new" && mv "${tap}.new" "${tap}"
    { echo "# ${vendor} on ${arch}: ${version}"; echo; echo '```'; cat "${tap}"; echo '```'; } > "${work}/results-${vendor}.md"
    cp "${tap}" "${work}/results-${vendor}-detailed.tap"
    cp "${work}/results-${vendor}.md" "${work}/results-${vendor}-detailed.md"
    for f in "${work}"/results-"${vendor}"*; do
        cache_upload "${f}" "testing/${version}/${arch}/${vendor}/$(basename "${f}")"
    done
    ci_log "$((n - failed)) of ${n} checks passed"
    [[ "${failed}" == 0 ]]
    )
}
