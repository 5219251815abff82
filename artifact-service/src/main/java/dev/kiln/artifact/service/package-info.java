/** Application services: carry the domain's decisions out in transactions, over its ports, and log what they did. */
package dev.kiln.artifact.service;
