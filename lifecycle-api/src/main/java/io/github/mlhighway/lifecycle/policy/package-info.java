/**
 * Error-budget policy as code: the value types a policy decides with. A policy turns budget state into
 * {@link io.github.mlhighway.lifecycle.policy.Action actions} (allow, freeze releases, roll back, page, ticket,
 * or custom) for a proposed {@link io.github.mlhighway.lifecycle.policy.Change}, each
 * {@link io.github.mlhighway.lifecycle.policy.Decision} carrying its reasons and numbers.
 */
@NullMarked
package io.github.mlhighway.lifecycle.policy;

import org.jspecify.annotations.NullMarked;
