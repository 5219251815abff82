/** Published releases in channel directories: which board a channel call names, its pointers, withdrawals and the files a release may write there. */
package dev.kiln.artifact.domain.channel;
