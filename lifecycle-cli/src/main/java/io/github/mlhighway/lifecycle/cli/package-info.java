/**
 * The {@code lifecycle} command line (picocli). {@link io.github.mlhighway.lifecycle.cli.LifecycleCommand} is the
 * root; each concern is a subcommand group in its own class ({@code slo} now; {@code data}, {@code store} and
 * {@code report} are added the same way, by listing their group class in the root's {@code subcommands}).
 *
 * <p>Exit codes: 0 success, 1 invalid input (every problem on stderr, one per line), 2 usage error.
 */
@NullMarked
package io.github.mlhighway.lifecycle.cli;

import org.jspecify.annotations.NullMarked;
