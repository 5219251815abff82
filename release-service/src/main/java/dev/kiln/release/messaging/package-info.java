/** Kafka consumers: successful builds become candidates, test reports from test systems feed the gates. */
package dev.kiln.release.messaging;
