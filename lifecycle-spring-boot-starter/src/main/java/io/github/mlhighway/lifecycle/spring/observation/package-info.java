/** Request SLIs recorded from Spring's HTTP server observations. */
@NullMarked
package io.github.mlhighway.lifecycle.spring.observation;

import org.jspecify.annotations.NullMarked;
