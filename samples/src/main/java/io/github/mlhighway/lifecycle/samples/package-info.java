/** Runnable applications that show Lifecycle end to end. */
package io.github.mlhighway.lifecycle.samples;
