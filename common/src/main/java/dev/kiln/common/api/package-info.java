/** REST building blocks shared by the services: paging. */
package dev.kiln.common.api;
