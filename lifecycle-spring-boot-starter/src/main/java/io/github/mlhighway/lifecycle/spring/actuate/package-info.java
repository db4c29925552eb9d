/**
 * The {@code lifecycle} Actuator endpoint (SLOs, releases, incidents, aliases; release actions), the health
 * indicator that follows page alerts, and the operator approvals of releases.
 */
@NullMarked
package io.github.mlhighway.lifecycle.spring.actuate;

import org.jspecify.annotations.NullMarked;
