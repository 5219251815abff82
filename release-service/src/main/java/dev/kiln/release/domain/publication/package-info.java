/** What a published release shows the world, as pure functions: its package list, major software, feed entries, manifest and package changes. */
package dev.kiln.release.domain.publication;
