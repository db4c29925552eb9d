/**
 * Error-budget policy as code: rules from budget state (remaining budget, burn rates, firing alerts) to
 * actions (allow, freeze releases, roll back, page, ticket, custom), with exemptions. A policy is a
 * {@link io.github.mlhighway.lifecycle.gate.Gate} over proposed changes.
 */
@NullMarked
package io.github.mlhighway.lifecycle.core.policy;

import org.jspecify.annotations.NullMarked;
