#!/bin/bash
# Step functions for the build-runner's tests, in the style of Flatcar's ci-automation scripts.

_kiln_test_put() {
    local path="$1" content="$2"
    printf '%s\n' "${content}" | curl --fail --silent --show-error -H 'Expect:' \
        -H "Authorization: Bearer ${KILN_CACHE_TOKEN}" -T - "${KILN_CACHE_URL%/}/${path}" > /dev/null
}

# quick_step <name> [arch]: uploads kiln-test/<version>/<name>[-<arch>].txt
quick_step() {
    ( set -euo pipefail
      local name="$1${2:+-$2}"
      echo "quick step ${name} of ${KILN_VERSION} (attempt ${KILN_ATTEMPT}, build ${KILN_BUILD})"
      _kiln_test_put "kiln-test/${KILN_VERSION}/${name}.txt" "${name} ${KILN_TAG} ${KILN_ARCH}" )
}

# flaky_step <succeed-from-attempt>: fails with 3 before that attempt, then uploads its output.
flaky_step() {
    ( set -euo pipefail
      if (( KILN_ATTEMPT < $1 )); then
          echo "attempt ${KILN_ATTEMPT} fails on purpose" >&2
          exit 3
      fi
      _kiln_test_put "kiln-test/${KILN_VERSION}/flaky-${KILN_ARCH}.txt" "flaky ${KILN_ATTEMPT}" )
}

# gated_step: fails until kiln-test/gates/<build> exists in the cache.
gated_step() {
    ( set -euo pipefail
      if ! curl --fail --silent --head "${KILN_CACHE_URL%/}/kiln-test/gates/${KILN_BUILD}" > /dev/null; then
          echo "gate kiln-test/gates/${KILN_BUILD} is closed" >&2
          exit 4
      fi
      _kiln_test_put "kiln-test/${KILN_VERSION}/gated.txt" "gated ${KILN_ATTEMPT}" )
}

# hang_step: starts a child and an orphaned grandchild in its process group, prints their pids, hangs.
hang_step() {
    sleep 300 &
    echo "child-pid: $!"
    ( sleep 301 & echo "grandchild-pid: $!" )
    echo "leader-pid: $$"
    sleep 302
}
