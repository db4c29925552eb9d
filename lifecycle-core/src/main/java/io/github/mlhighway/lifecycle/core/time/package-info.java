/** Time sources: a simulated clock that moves only when told to, for replays and tests. */
package io.github.mlhighway.lifecycle.core.time;
