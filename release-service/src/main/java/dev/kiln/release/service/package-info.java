/** Application services: each use case in one transaction, domain decisions carried out on the stores and the outbox. */
package dev.kiln.release.service;
