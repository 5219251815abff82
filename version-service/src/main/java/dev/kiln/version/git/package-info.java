/** The scripts repository through JGit: a bare local clone, Flatcar's tag rule, atomic pushes and OpenPGP-signed tags. */
package dev.kiln.version.git;
