/** Typed REST clients of the four services as the console reads and drives them, on behalf of the signed-in caller. */
package dev.kiln.console.client;
