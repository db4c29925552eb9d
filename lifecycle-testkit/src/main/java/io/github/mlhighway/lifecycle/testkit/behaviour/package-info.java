/**
 * Behavioural tests of models, as in CheckList (Ribeiro et al., 2020): minimum functionality (examples with
 * expected outputs), invariance under a perturbation, and directional expectations. Results list the offending
 * examples. Start at {@link io.github.mlhighway.lifecycle.testkit.behaviour.ModelBehaviour}.
 */
@NullMarked
package io.github.mlhighway.lifecycle.testkit.behaviour;

import org.jspecify.annotations.NullMarked;
