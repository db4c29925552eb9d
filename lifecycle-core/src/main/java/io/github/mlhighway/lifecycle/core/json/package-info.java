/** The one Jackson configuration every Lifecycle document is read and written with. */
@NullMarked
package io.github.mlhighway.lifecycle.core.json;

import org.jspecify.annotations.NullMarked;
