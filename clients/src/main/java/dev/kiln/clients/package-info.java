/** What every client of a Kiln service shares: the service token, call failures and the retry policy for them. */
package dev.kiln.clients;
