/**
 * An example downstream test system: consumes release candidates from Kafka, checks each candidate's images in the
 * build cache and reports the suites its gates require, on {@code kiln.tests} or over REST.
 */
package dev.kiln.localstack.testsystem;
