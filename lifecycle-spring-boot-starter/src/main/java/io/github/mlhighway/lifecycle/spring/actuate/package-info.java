/**
 * The {@code lifecycle} Actuator endpoint (SLOs, releases, incidents, aliases; release actions), the health
 * indicator that follows page alerts, and the operator approvals of releases.
 */
package io.github.mlhighway.lifecycle.spring.actuate;
