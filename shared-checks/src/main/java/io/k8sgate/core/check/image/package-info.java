/**
 * Checks over container images: scan-report gating tied to the workloads that deploy each image, and image policy
 * (registries, digests, end-of-life base OS, configuration and secret findings of scans).
 */
@NullMarked
package io.k8sgate.core.check.image;

import org.jspecify.annotations.NullMarked;
