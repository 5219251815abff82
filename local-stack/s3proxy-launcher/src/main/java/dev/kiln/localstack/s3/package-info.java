/** Entry point of the S3 server JVM used by tests and the local stack. */
package dev.kiln.localstack.s3;
