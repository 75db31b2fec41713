/** Report writers, one per format. */
@NullMarked
package io.k8sgate.core.report;

import org.jspecify.annotations.NullMarked;
