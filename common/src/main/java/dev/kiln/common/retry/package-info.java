/** The one retry policy for calls to other services and stores, on SmallRye Fault Tolerance. */
package dev.kiln.common.retry;
