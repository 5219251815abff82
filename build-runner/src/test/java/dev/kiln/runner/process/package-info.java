/** The packaged runner as deployed, a mock API server with the test kubelet, and fake services, each in a process of its own. */
package dev.kiln.runner.process;
