/** What the pages show, computed from the services' documents: no framework, no I/O. */
package dev.kiln.console.view;
