/** What build-runner's tests share: the test resources and profiles, the REST helpers, and fakes of the services it calls. */
package dev.kiln.runner.support;
