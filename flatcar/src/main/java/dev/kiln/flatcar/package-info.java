/** Flatcar's vocabulary (versions, tags, channels, version.txt, cache areas) as plain Java every Kiln service shares. */
package dev.kiln.flatcar;
