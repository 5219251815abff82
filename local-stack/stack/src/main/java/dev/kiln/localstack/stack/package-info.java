/** The local stack: Kiln and its infrastructure on one machine, started and stopped in order. */
package dev.kiln.localstack.stack;
