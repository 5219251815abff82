/** The bad-input suite shared by the services: hostile requests from a corpus, sent raw, and what they may not change. */
package dev.kiln.testing.badinput;
