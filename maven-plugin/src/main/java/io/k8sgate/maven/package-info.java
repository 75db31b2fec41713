/**
 * The Maven front end: {@code mvn k8s-security:check} and the other goals, thin adapters over
 * {@link io.k8sgate.core.SecurityGate}.
 */
package io.k8sgate.maven;
