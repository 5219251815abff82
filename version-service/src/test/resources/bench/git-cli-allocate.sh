#!/bin/bash
# The git CLI doing what one Kiln allocation does, the way Flatcar's update_and_push_version does it:
# fetch (tags forced, pruned), write version.txt on the base branch, commit --signoff, apply the tag rule
# (git diff --quiet <tag>), create an annotated tag, push (branch and tag atomically for releases).
#
# usage: git-cli-allocate.sh <clone dir> dev|patch <count> <run id>
#   dev:   <count> free-standing tags main-<id>-<run id>-<n> on origin/main (tag push only)
#   patch: <count> next patches of stable-4593.2.* on origin/flatcar-4593 (branch + tag push)
set -euo pipefail

clone="$1" mode="$2" count="$3" run="$4"
versionfile=sdk_container/.repo/manifests/version.txt
cd "${clone}"
git_() { git -c user.name=flatcar-ci -c user.email=infra+ci@flatcar-linux.org "$@"; }

write_versionfile() { # os_version version_id build_id sdk_version
    printf 'FLATCAR_VERSION=%s\nFLATCAR_VERSION_ID=%s\nFLATCAR_BUILD_ID="%s"\nFLATCAR_SDK_VERSION=%s\n' "$1" "$2" "$3" "$4" > "${versionfile}"
}

for n in $(seq 1 "${count}"); do
    git_ fetch --quiet --force --prune origin '+refs/heads/*:refs/remotes/origin/*' '+refs/tags/*:refs/tags/*'
    if [[ ${mode} == dev ]]; then
        git_ checkout --quiet --force --detach origin/main
        source "${versionfile}"
        suffix="cli-${run}-${n}"
        tag="main-${FLATCAR_VERSION_ID}-${suffix}"
        write_versionfile "${FLATCAR_VERSION_ID}+${suffix}" "${FLATCAR_VERSION_ID}" "${suffix}" "${FLATCAR_SDK_VERSION}"
        push_branch=()
    else
        git_ checkout --quiet --force --detach origin/flatcar-4593
        last=$(git tag --list 'stable-4593.2.*' | sed 's/^stable-4593\.2\.//' | grep -E '^[0-9]+$' | sort -n | tail -n 1)
        version="4593.2.$((last + 1))"
        tag="stable-${version}"
        write_versionfile "${version}" "${version}" "" "4593.0.0"
        push_branch=("HEAD:refs/heads/flatcar-4593")
    fi
    git_ add "${versionfile}"
    git_ commit --quiet --signoff --allow-empty -m "New version: ${tag}"
    set +e
    git_ diff --quiet --exit-code "${tag}" -- 2>/dev/null
    rc=$?
    set -e
    case ${rc} in
        0) continue ;;
        1) echo "tag ${tag} exists with different content" >&2; exit 1 ;;
        128|127) ;;
        *) echo "git diff failed: ${rc}" >&2; exit 1 ;;
    esac
    git_ tag --annotate --message="${tag}" "${tag}"
    git_ push --quiet --atomic origin "${push_branch[@]}" "refs/tags/${tag}"
done
