#!/bin/bash
# Writes and reads GUID partition tables with nothing but bash, coreutils and gzip (for CRC32), so the demo
# needs neither sgdisk nor sfdisk. 512-byte sectors, 128 entries of 128 bytes, primary and backup tables.

GPT_TYPE_EFI_SYSTEM="C12A7328-F81F-11D2-BA4B-00A0C93EC93B"
GPT_TYPE_BIOS_BOOT="21686148-6449-6E6F-744E-656564454649"
GPT_TYPE_FLATCAR_USR="5DFBF5F4-2848-4BAC-AA5E-0D9A20B745A6"
GPT_TYPE_FLATCAR_ROOT="3884DD41-8582-4404-B9A8-E9B84F2DF50E"

# _gpt_le <number> <bytes>: the number as little-endian \x escapes.
_gpt_le() {
    local value="$1" bytes="$2" out="" i
    for ((i = 0; i < bytes; i++)); do
        out+=$(printf '\\x%02x' $(((value >> (8 * i)) & 0xff)))
    done
    printf '%s' "${out}"
}

# _gpt_hex <hex digits>: bytes in the order written.
_gpt_hex() {
    local hex="$1" out="" i
    for ((i = 0; i < ${#hex}; i += 2)); do
        out+="\\x${hex:i:2}"
    done
    printf '%s' "${out}"
}

# _gpt_swap <hex digits>: the same bytes in reverse order.
_gpt_swap() {
    local hex="$1" out="" i
    for ((i = ${#hex} - 2; i >= 0; i -= 2)); do
        out+="${hex:i:2}"
    done
    printf '%s' "${out}"
}

# _gpt_guid <GUID>: mixed-endian on-disk form (first three fields little-endian).
_gpt_guid() {
    local g="${1//-/}"
    _gpt_hex "$(_gpt_swap "${g:0:8}")$(_gpt_swap "${g:8:4}")$(_gpt_swap "${g:12:4}")${g:16:16}"
}

_gpt_random_guid() {
    local hex
    hex="$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')"
    echo "${hex:0:8}-${hex:8:4}-4${hex:13:3}-a${hex:17:3}-${hex:20:12}"
}

# _gpt_name <text>: UTF-16LE, padded to 72 bytes.
_gpt_name() {
    local name="$1" out="" i
    for ((i = 0; i < ${#name} && i < 36; i++)); do
        out+=$(printf '\\x%02x\\x00' "'${name:i:1}")
    done
    for ((; i < 36; i++)); do
        out+='\x00\x00'
    done
    printf '%s' "${out}"
}

# _gpt_crc32 <file>: CRC-32 of the file (the gzip trailer carries it).
_gpt_crc32() {
    gzip -c < "$1" | tail -c 8 | head -c 4 | od -An -tu4 | tr -d ' '
}

# _gpt_header <file> <current> <backup> <entries lba> <last lba> <disk guid> <entries crc>
_gpt_header() {
    local out="$1" current="$2" backup="$3" entries="$4" last="$5" disk="$6" entries_crc="$7" crc
    local head tail
    head="EFI PART\\x00\\x00\\x01\\x00$(_gpt_le 92 4)"
    tail="$(_gpt_le 0 4)$(_gpt_le "${current}" 8)$(_gpt_le "${backup}" 8)$(_gpt_le 34 8)$(_gpt_le $((last - 33)) 8)"
    tail+="$(_gpt_guid "${disk}")$(_gpt_le "${entries}" 8)$(_gpt_le 128 4)$(_gpt_le 128 4)$(_gpt_le "${entries_crc}" 4)"
    printf '%b' "${head}\\x00\\x00\\x00\\x00${tail}" > "${out}"
    crc="$(_gpt_crc32 "${out}")"
    printf '%b' "${head}$(_gpt_le "${crc}" 4)${tail}" > "${out}"
    head -c $((512 - 92)) /dev/zero >> "${out}"
}

# gpt_write <image> <name:type-guid:first-lba:sectors>...: writes a protective MBR and both GPTs.
# The image must exist with its final size.
gpt_write() {
    local image="$1" spec name type first sectors entries_file tmp crc total last disk
    shift
    total=$(($(stat -c %s "${image}") / 512))
    last=$((total - 1))
    disk="$(_gpt_random_guid)"
    tmp="$(mktemp -d)"
    entries_file="${tmp}/entries"
    : > "${entries_file}"
    for spec in "$@"; do
        IFS=: read -r name type first sectors <<< "${spec}"
        printf '%b' "$(_gpt_guid "${type}")$(_gpt_guid "$(_gpt_random_guid)")$(_gpt_le "${first}" 8)" >> "${entries_file}"
        printf '%b' "$(_gpt_le $((first + sectors - 1)) 8)$(_gpt_le 0 8)$(_gpt_name "${name}")" >> "${entries_file}"
    done
    head -c $((128 * 128 - $(stat -c %s "${entries_file}"))) /dev/zero >> "${entries_file}"
    crc="$(_gpt_crc32 "${entries_file}")"
    {
        head -c 446 /dev/zero
        printf '%b' "\\x00\\x00\\x02\\x00\\xee\\xff\\xff\\xff$(_gpt_le 1 4)"
        printf '%b' "$(_gpt_le $((last > 0xffffffff ? 0xffffffff : last)) 4)"
        head -c 48 /dev/zero
        printf '%b' '\x55\xaa'
    } > "${tmp}/mbr"
    _gpt_header "${tmp}/primary" 1 "${last}" 2 "${last}" "${disk}" "${crc}"
    _gpt_header "${tmp}/backup" "${last}" 1 $((last - 32)) "${last}" "${disk}" "${crc}"
    dd if="${tmp}/mbr" of="${image}" bs=512 seek=0 conv=notrunc status=none
    dd if="${tmp}/primary" of="${image}" bs=512 seek=1 conv=notrunc status=none
    dd if="${entries_file}" of="${image}" bs=512 seek=2 conv=notrunc status=none
    dd if="${entries_file}" of="${image}" bs=512 seek=$((last - 32)) conv=notrunc status=none
    dd if="${tmp}/backup" of="${image}" bs=512 seek="${last}" conv=notrunc status=none
    rm -rf "${tmp}"
}

# gpt_check <image>: verifies signature and both CRCs of the primary header; prints "name first-lba" per partition.
gpt_check() {
    local image="$1" tmp sig stored computed entries_crc i name first
    tmp="$(mktemp -d)"
    sig="$(dd if="${image}" bs=1 skip=512 count=8 status=none)"
    [[ "${sig}" == "EFI PART" ]] || { echo "no GPT signature" >&2; rm -rf "${tmp}"; return 1; }
    dd if="${image}" of="${tmp}/header" bs=1 skip=512 count=92 status=none
    stored="$(od -An -tu4 -j 16 -N 4 "${tmp}/header" | tr -d ' ')"
    { head -c 16 "${tmp}/header"; head -c 4 /dev/zero; tail -c +21 "${tmp}/header"; } > "${tmp}/zeroed"
    computed="$(_gpt_crc32 "${tmp}/zeroed")"
    [[ "${stored}" == "${computed}" ]] || { echo "GPT header CRC mismatch" >&2; rm -rf "${tmp}"; return 1; }
    dd if="${image}" of="${tmp}/entries" bs=512 skip=2 count=32 status=none
    entries_crc="$(od -An -tu4 -j 88 -N 4 "${tmp}/header" | tr -d ' ')"
    [[ "${entries_crc}" == "$(_gpt_crc32 "${tmp}/entries")" ]] || { echo "GPT entries CRC mismatch" >&2; rm -rf "${tmp}"; return 1; }
    for ((i = 0; i < 128; i++)); do
        first="$(od -An -tu8 -j $((i * 128 + 32)) -N 8 "${tmp}/entries" | tr -d ' ')"
        [[ "${first}" == "0" ]] && continue
        name="$(dd if="${tmp}/entries" bs=1 skip=$((i * 128 + 56)) count=72 status=none | tr -d '\000')"
        echo "${name} ${first}"
    done
    rm -rf "${tmp}"
}
