/**
 * Reading Trivy-compatible scan reports (every JSON shape Trivy has written, Trivy-Operator reports, CycloneDX with
 * vulnerabilities) into one typed model, with bounded memory; and Trivy's own suppression files and OpenVEX.
 */
@NullMarked
package io.k8sgate.core.input.trivy;

import org.jspecify.annotations.NullMarked;
