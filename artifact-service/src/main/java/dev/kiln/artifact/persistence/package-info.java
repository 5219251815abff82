/** PostgreSQL through Panache repositories: the artifact index, the write journal, replicas and GC runs. */
package dev.kiln.artifact.persistence;
