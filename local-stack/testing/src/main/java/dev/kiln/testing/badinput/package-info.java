/** Hostile requests sent raw ({@code RawHttp}), and the bad-input suite shared by the services: a corpus of them and what they may not change. */
package dev.kiln.testing.badinput;
