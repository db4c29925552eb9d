/** Time sources: a simulated clock that moves only when told to, for replays and tests. */
@NullMarked
package io.github.mlhighway.lifecycle.core.time;

import org.jspecify.annotations.NullMarked;
